import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKeyFile } from '../../src-main/vault/keys/keyFile';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { bundleChild, removeBundle } from './childBundle';
import { crashPointsFor, runChild, traceFileOps, type CrashPoint } from './crashAt';

/*
 * `passphrase change` killed before and after each of its file calls in the
 * vault folder. Afterwards exactly one of the old and the new passphrase
 * opens the vault, with its note; the temporary file holding key wraps is
 * gone as soon as a session has looked at the folder; whenever the new
 * passphrase is in force the audit log holds its change, naming the wrap in
 * force; and the next change is not blocked by the dead process's lock.
 */

const NEW_PASSPHRASE = 'amber falcon drifts over quiet river';
const THIRD_PASSPHRASE = 'copper lantern hums beside frozen lake';
const NOTE = 'Checked in after the assembly';
const TEMP_KEYS = /^\.vault\.keys\.json\..*\.tmp$/;

let cli: string;
let root: string;
let template: string;

beforeAll(async () => {
  cli = await bundleChild('tests/faults/cliChild.ts');
  root = makeTempDir('sole-notes-passphrase-crash-');
  template = path.join(root, 'template');
  const session = new VaultSession(template, { kdf: TEST_KDF });
  await session.create(TEST_PASSPHRASE);
  session.data.notes.create({ body: NOTE });
  session.lock();
}, 60_000);

afterAll(() => {
  if (cli) removeBundle(cli);
  if (root) removeDir(root);
});

function copyOfTemplate(name: string): string {
  const folder = path.join(root, name, 'vault');
  fs.cpSync(template, folder, { recursive: true });
  return folder;
}

const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE, SOLE_NOTES_NEW_PASSPHRASE: NEW_PASSPHRASE };

async function unlockWith(folder: string, passphrase: string): Promise<VaultSession | null> {
  const session = new VaultSession(folder, { kdf: TEST_KDF });
  try {
    await session.unlock(passphrase);
    return session;
  } catch (error) {
    if ((error as { code?: string }).code === 'WRONG_PASSPHRASE') return null;
    throw error;
  }
}

async function checkAfterCrash(folder: string, point: CrashPoint): Promise<'old' | 'new'> {
  const where = JSON.stringify(point);
  const looker = new VaultSession(folder, { kdf: TEST_KDF });
  expect(looker.state(), where).toBe('locked');
  expect(fs.readdirSync(folder).filter((name) => TEMP_KEYS.test(name)), where).toEqual([]);

  const withNew = await unlockWith(folder, NEW_PASSPHRASE);
  const withOld = withNew ? null : await unlockWith(folder, TEST_PASSPHRASE);
  const opened = withNew ?? withOld;
  expect(opened, `${where}: neither passphrase opens`).not.toBeNull();
  if (!opened) throw new Error('unreachable');
  if (withNew) expect(await unlockWith(folder, TEST_PASSPHRASE), where).toBeNull();
  expect(opened.data.notes.list({ limit: 10 }).map((note) => note.preview), where).toEqual([NOTE]);
  if (withNew) {
    const inForce = (await readKeyFile(folder)).wraps.passphrase.nonce;
    const changes = opened.data.audit
      .list(100)
      .filter((entry) => entry.action === 'vault.passphrase_changed')
      .map((entry) => entry.details.wrapNonce);
    expect(changes, `${where}: the new passphrase is in force with no record of its change`).toContain(inForce);
  }
  opened.lock();

  // The dead process's lock, if any, does not block the next change.
  const next = new VaultSession(folder, { kdf: TEST_KDF });
  await next.changePassphrase(withNew ? NEW_PASSPHRASE : TEST_PASSPHRASE, THIRD_PASSPHRASE);
  next.lock();
  return withNew ? 'new' : 'old';
}

describe('a crash in the middle of a passphrase change', () => {
  it('leaves exactly one passphrase in force, no key wraps in a temporary file, and the change recorded whenever it took effect', async () => {
    const traced = copyOfTemplate('traced');
    const { run, ops } = traceFileOps(cli, ['passphrase', 'change', '--vault', traced], { env });
    expect(run.status, run.stderr).toBe(0);
    const points = crashPointsFor(ops, [traced]);
    const rename = ops.findIndex((op) => op.op === 'rename' && op.to === path.join(traced, 'vault.keys.json'));
    expect(rename).toBeGreaterThan(0);

    const seen = new Set<string>();
    for (const [index, point] of points.entries()) {
      const folder = copyOfTemplate(`crash-${index}`);
      const killed = runChild(cli, ['passphrase', 'change', '--vault', folder], { env, crashAt: point });
      expect(killed.signal, `${JSON.stringify(point)}: ${killed.stderr}`).toBe('SIGKILL');
      seen.add(await checkAfterCrash(folder, point));
    }
    expect([...seen].sort()).toEqual(['new', 'old']);

    // The two points the change turns on, by name: just before and just after the keys file's rename.
    for (const when of ['before', 'after'] as const) {
      const folder = copyOfTemplate(`rename-${when}`);
      const point: CrashPoint = { op: 'rename', match: 'vault.keys.json', when };
      expect(runChild(cli, ['passphrase', 'change', '--vault', folder], { env, crashAt: point }).signal).toBe('SIGKILL');
      if (when === 'before') expect(fs.readdirSync(folder).some((name) => TEMP_KEYS.test(name))).toBe(true);
      expect(await checkAfterCrash(folder, point)).toBe(when === 'before' ? 'old' : 'new');
    }
  }, 600_000);
});
