import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKeyFile } from '../../src-main/vault/keys/keyFile';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { bundleChild, removeBundle } from './childBundle';
import { crashPointsFor, runChild, traceFileOps, type CrashPoint } from './crashAt';

/*
 * The command line killed before and after each of its file calls in the
 * vault folder, during `init` and during `note add`. Afterwards the vault
 * either opens with every acknowledged note, or reads as absent (no keys
 * file: a create that did not finish is no vault, and the next `init` sets
 * its database aside), or is VAULT_CORRUPT — never a new, empty vault made
 * by the unlock. A vault that opens is always the one `init` created: its
 * audit log starts with `vault.created` for the keys file's vault id.
 *
 * A half-created vault, plainly: `create` writes the database whole (schema
 * and its `vault.created` entry, committed) before it renames the keys file
 * into place, so a keys file never stands beside a database without its
 * schema — unless that database is later lost or emptied, and then unlock
 * says VAULT_CORRUPT (tests/vault/emptyDatabase.test.ts).
 */

const ACKED = ['Checked in after the assembly', 'Called home about attendance'];

let cli: string;
let root: string;
let template: string;

beforeAll(async () => {
  cli = await bundleChild('tests/faults/cliChild.ts');
  root = makeTempDir('sole-notes-empty-vault-crash-');
  template = path.join(root, 'template');
  const session = new VaultSession(template, { kdf: TEST_KDF });
  await session.create(TEST_PASSPHRASE);
  for (const body of ACKED) session.data.notes.create({ body });
  session.lock();
}, 60_000);

afterAll(() => {
  if (cli) removeBundle(cli);
  if (root) removeDir(root);
});

type Outcome = 'absent' | 'opens' | 'corrupt';

/** What a new session finds; when it opens, the vault it finds is the one created with the keys file, holding `expected` at least. */
async function outcome(folder: string, expected: readonly string[], where: string): Promise<Outcome> {
  const session = new VaultSession(folder, { kdf: TEST_KDF });
  if (session.state() === 'absent') {
    expect(await session.unlock(TEST_PASSPHRASE).then(() => 'opened', (error: { code?: string }) => error.code), where).toBe('VAULT_NOT_FOUND');
    return 'absent';
  }
  try {
    await session.unlock(TEST_PASSPHRASE);
  } catch (error) {
    expect((error as { code?: string }).code, where).toBe('VAULT_CORRUPT');
    return 'corrupt';
  }
  try {
    const first = session.data.audit.list(100_000).at(-1);
    expect(first?.action, where).toBe('vault.created');
    expect(first?.details.vaultId, where).toBe((await readKeyFile(folder)).vaultId);
    const bodies = session.data.notes.list({ limit: 50 }).map((note) => note.preview);
    for (const body of expected) expect(bodies, where).toContain(body);
  } finally {
    session.lock();
  }
  return 'opens';
}

describe('crashes at every file call never leave a new, empty vault', () => {
  it('init: the folder is absent (and init works again) or holds the vault init made', async () => {
    const traced = path.join(root, 'init-traced');
    const { run, ops } = traceFileOps(cli, ['init', '--vault', traced]);
    expect(run.status, run.stderr).toBe(0);
    const seen = new Set<Outcome>();
    for (const [index, point] of crashPointsFor(ops, [traced]).entries()) {
      const folder = path.join(root, `init-${index}`);
      const where = JSON.stringify(point);
      expect(runChild(cli, ['init', '--vault', folder], { crashAt: point }).signal, where).toBe('SIGKILL');
      const found = await outcome(folder, [], where);
      seen.add(found);
      if (found === 'absent') expect(runChild(cli, ['init', '--vault', folder]).status, where).toBe(0);
      if (found === 'opens' && fs.existsSync(`${path.join(folder, 'vault.db')}-wal`)) {
        // The schema may still sit in the write-ahead log: without it, the database is VAULT_CORRUPT, not a new vault.
        const lost = path.join(root, `init-${index}-without-wal`);
        fs.cpSync(folder, lost, { recursive: true });
        fs.rmSync(path.join(lost, 'vault.db-wal'));
        fs.rmSync(path.join(lost, 'vault.db-shm'), { force: true });
        expect(await outcome(lost, [], `${where} without its -wal`), where).not.toBe('absent');
      }
    }
    expect(seen.has('absent') && seen.has('opens')).toBe(true);
    expect(seen.has('corrupt')).toBe(false);
  }, 600_000);

  it('note add: every acknowledged note is there afterwards, in the vault the keys file belongs to', async () => {
    const traced = path.join(root, 'add-traced');
    fs.cpSync(template, traced, { recursive: true });
    const args = (folder: string) => ['note', 'add', '--vault', folder, '--text', 'Met with the counselor'];
    const { run, ops } = traceFileOps(cli, args(traced));
    expect(run.status, run.stderr).toBe(0);
    const points: CrashPoint[] = crashPointsFor(ops, [traced]);
    expect(points.length).toBeGreaterThan(0);
    for (const [index, point] of points.entries()) {
      const folder = path.join(root, `add-${index}`);
      fs.cpSync(template, folder, { recursive: true });
      const where = JSON.stringify(point);
      expect(runChild(cli, args(folder), { crashAt: point }).signal, where).toBe('SIGKILL');
      expect(await outcome(folder, ACKED, where), where).toBe('opens');
    }
  }, 600_000);
});
