import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { rejectionCode } from '../vault/vaultFolder';
import { bundleChild, removeBundle } from './childBundle';
import { runChild, startChild } from './crashAt';
import { KEY_FILE_LOCK_NAME } from '../../src-main/vault/folderLayout';

/*
 * Two passphrase changes at once, from two real processes (the command line
 * twice, started together): at most one may succeed, the other is told so,
 * and the passphrase that succeeded is the one that opens the vault. The keys
 * file is replaced only under `vault.keys.lock`; a lock left by a process that
 * died, or far too old, does not block the next change.
 */

const ROUNDS = 8;

let cli: string;
let root: string;
let folder: string;

beforeAll(async () => {
  cli = await bundleChild('tests/faults/cliChild.ts');
}, 60_000);

afterAll(() => {
  if (cli) removeBundle(cli);
});

beforeEach(async () => {
  if (root) removeDir(root);
  root = makeTempDir('sole-notes-race-');
  folder = path.join(root, 'vault');
  const session = new VaultSession(folder, { kdf: TEST_KDF });
  await session.create(TEST_PASSPHRASE);
  session.data.notes.create({ body: 'Checked in after the assembly' });
  session.lock();
});

afterAll(() => {
  if (root) removeDir(root);
});

async function opens(passphrase: string): Promise<boolean> {
  const session = new VaultSession(folder, { kdf: TEST_KDF });
  try {
    await session.unlock(passphrase);
    expect(session.data.notes.list({ limit: 10 })).toHaveLength(1);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'WRONG_PASSPHRASE') return false;
    throw error;
  } finally {
    session.lock();
  }
}

function change(current: string, next: string) {
  return { env: { SOLE_NOTES_PASSPHRASE: current, SOLE_NOTES_NEW_PASSPHRASE: next } };
}

/** A pid that belonged to a process which has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('two passphrase changes at the same time', () => {
  it('exactly one of two racing processes succeeds, and its passphrase is the one in force', async () => {
    let current = TEST_PASSPHRASE;
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round += 1) {
      const left = `amber falcon ${round} drifts over quiet river`;
      const right = `copper lantern ${round} hums beside frozen lake`;
      const [a, b] = await Promise.all([
        startChild(cli, ['passphrase', 'change', '--vault', folder], change(current, left)),
        startChild(cli, ['passphrase', 'change', '--vault', folder], change(current, right)),
      ]);
      const succeeded = [a, b].filter((run) => run.status === 0);
      expect(succeeded, `round ${round}: ${a.stderr} | ${b.stderr}`).toHaveLength(1);
      const loser = a.status === 0 ? b : a;
      // The other is refused: CONFLICT (exit 1) while the change runs, or the old passphrase no longer works (exit 2) after it.
      expect([1, 2], loser.stderr).toContain(loser.status);
      outcomes.add(loser.status === 1 ? 'conflict' : 'wrong passphrase');
      if (loser.status === 1) expect(loser.stderr).toMatch(/at this moment/);

      const winner = a.status === 0 ? left : right;
      const other = a.status === 0 ? right : left;
      expect(await opens(other)).toBe(false);
      expect(await opens(winner)).toBe(true);
      current = winner;
      expect(fs.existsSync(path.join(folder, KEY_FILE_LOCK_NAME))).toBe(false);
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('a change meets CONFLICT while a live process holds the lock, and nothing changes', async () => {
    const keysBefore = fs.readFileSync(path.join(folder, 'vault.keys.json'));
    fs.writeFileSync(path.join(folder, KEY_FILE_LOCK_NAME), JSON.stringify({ pid: process.pid, host: os.hostname(), at: Date.now() }));
    const run = runChild(cli, ['passphrase', 'change', '--vault', folder], change(TEST_PASSPHRASE, 'amber falcon drifts over quiet river'));
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/at this moment/);
    expect(fs.readFileSync(path.join(folder, 'vault.keys.json'))).toEqual(keysBefore);

    const session = new VaultSession(folder, { kdf: TEST_KDF });
    expect(await rejectionCode(session.changePassphrase(TEST_PASSPHRASE, 'amber falcon drifts over quiet river'))).toBe('CONFLICT');
    expect(fs.readFileSync(path.join(folder, 'vault.keys.json'))).toEqual(keysBefore);
    expect(fs.existsSync(path.join(folder, KEY_FILE_LOCK_NAME))).toBe(true); // another's lock is never removed
  });

  it.each([
    ['held by a process that has ended', () => JSON.stringify({ pid: deadPid(), host: os.hostname(), at: Date.now() })],
    ['far older than any change takes', () => JSON.stringify({ pid: process.pid, host: 'another-laptop', at: 0 })],
  ])('a lock %s is taken over', async (_name, content) => {
    fs.writeFileSync(path.join(folder, KEY_FILE_LOCK_NAME), content());
    const next = 'amber falcon drifts over quiet river';
    const run = runChild(cli, ['passphrase', 'change', '--vault', folder], change(TEST_PASSPHRASE, next));
    expect(run.status, run.stderr).toBe(0);
    expect(fs.readdirSync(folder).filter((name) => name.includes('lock'))).toEqual([]);
    expect(await opens(next)).toBe(true);
  });

  it('an unreadable lock (a crash before its record was written) is taken over once it is old', async () => {
    const lock = path.join(folder, KEY_FILE_LOCK_NAME);
    fs.writeFileSync(lock, '');
    fs.utimesSync(lock, new Date('2020-01-01'), new Date('2020-01-01'));
    const next = 'amber falcon drifts over quiet river';
    expect(runChild(cli, ['passphrase', 'change', '--vault', folder], change(TEST_PASSPHRASE, next)).status).toBe(0);
    expect(await opens(next)).toBe(true);
  });
});
