import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { bundleChild, removeBundle } from './childBundle';
import { crashPointsFor, runChild, traceFileOps, type CrashPoint, type FileOp } from './crashAt';

/*
 * A restore (a real process: tests/faults/child.ts restore) killed before and
 * after each of its file calls in the vault folder. Afterwards a new session
 * finds the vault whole — as it was, or restored and waiting to be kept — and
 * can restore again: a `before-restore/` folder with no valid marker (the
 * crash came before the restore began, while its marker was still a
 * temporary file) is treated as absent and never blocks the next restore.
 */

const IN_BACKUP = 'In the backup';
const ONLY_IN_VAULT = 'Only in the vault';

let child: string;
let root: string;
let template: string;
let backupId: string;

beforeAll(async () => {
  child = await bundleChild();
  root = makeTempDir('sole-notes-restore-start-');
  template = path.join(root, 'template');
  const vault = session(template);
  await vault.create(TEST_PASSPHRASE);
  vault.data.notes.create({ body: IN_BACKUP });
  backupId = (await vault.createBackup()).id;
  vault.data.notes.create({ body: ONLY_IN_VAULT });
  vault.lock();
}, 60_000);

afterAll(() => {
  if (child) removeBundle(child);
  if (root) removeDir(root);
});

function session(base: string): VaultSession {
  return new VaultSession(path.join(base, 'vault'), { kdf: TEST_KDF, backups: { defaultFolder: path.join(base, 'backups') } });
}

function copyOfTemplate(name: string): string {
  const base = path.join(root, name);
  fs.cpSync(template, base, { recursive: true });
  return base;
}

function restoreArgs(base: string, how: 'open' | 'locked'): string[] {
  return ['restore', path.join(base, 'vault'), path.join(base, 'backups'), backupId, how];
}

function notes(vault: VaultSession): string[] {
  return vault.data.notes
    .list({ limit: 50 })
    .map((note) => note.preview)
    .sort();
}

async function checkAfterCrash(base: string, point: CrashPoint): Promise<'as it was' | 'restored'> {
  const where = JSON.stringify(point);
  const vault = session(base);
  expect(vault.state(), where).toBe('locked');
  const pending = vault.listBackups().pendingRestore !== null;
  expect(fs.existsSync(path.join(base, 'vault', 'before-restore')), where).toBe(pending);
  await vault.unlock(TEST_PASSPHRASE);
  expect(notes(vault), where).toEqual(pending ? [IN_BACKUP] : [IN_BACKUP, ONLY_IN_VAULT].sort());
  if (pending) await vault.confirmRestore();

  // And a restore can start again.
  await vault.restoreBackup({ id: backupId });
  expect(notes(vault), where).toEqual([IN_BACKUP]);
  vault.lock();
  return pending ? 'restored' : 'as it was';
}

/**
 * The traced calls of a restore's start, by position (1 = the first call of
 * the run): from the first call naming `from` through the first naming `to`.
 */
function startWindow(ops: readonly FileOp[], from: (op: FileOp) => boolean, to: (op: FileOp) => boolean): { first: number; last: number } {
  const first = ops.findIndex(from) + 1;
  const last = ops.findIndex((op, index) => index + 1 >= first && to(op)) + 1;
  expect(first).toBeGreaterThan(0);
  expect(last).toBeGreaterThanOrEqual(first);
  return { first, last };
}

const intoAside = (op: FileOp) => op.op === 'rename' && (op.to ?? '').includes(`${path.sep}before-restore${path.sep}`);
const makesAside = (op: FileOp) => op.op === 'mkdir' && op.path.endsWith(`${path.sep}before-restore`);
const stagesDatabase = (op: FileOp) => op.op === 'copyFile' && (op.to ?? '').endsWith('.restore-staging.db');
const placesMarker = (op: FileOp) => op.op === 'rename' && (op.to ?? '').endsWith(`${path.sep}restore.json`);

describe('a crash while a restore starts', () => {
  it.each([
    // With the open vault's key: from making before-restore/ to its marker in place.
    ['with the open vault’s key (its keys file stays)', 'open', makesAside, placesMarker],
    // With the passphrase while locked: from staging the backup's files to the first of the vault's files set aside.
    ['with the passphrase while locked (the backup’s keys file replaces it)', 'locked', stagesDatabase, intoAside],
  ] as const)('%s: the vault is whole afterwards and the next restore is not blocked', async (_name, how, from, to) => {
    const traced = copyOfTemplate(`traced-${how}`);
    const { run, ops } = traceFileOps(child, restoreArgs(traced, how));
    expect(run.stdout, run.stderr).toContain('"ok":true');
    const { first, last } = startWindow(ops, from, to);
    const points = crashPointsFor(ops, [path.join(traced, 'vault')]).filter((point) => 'index' in point && point.index >= first && point.index <= last);
    expect(points.some((point) => 'label' in point && point.label?.includes('restore.json'))).toBe(true);

    const seen = new Set<string>();
    for (const [index, point] of points.entries()) {
      const base = copyOfTemplate(`crash-${how}-${index}`);
      const killed = runChild(child, restoreArgs(base, how), { crashAt: point });
      expect(killed.signal, `${JSON.stringify(point)}: ${killed.stdout} ${killed.stderr}`).toBe('SIGKILL');
      seen.add(await checkAfterCrash(base, point));
      removeDir(base);
    }
    expect([...seen]).toEqual(['as it was']);
  }, 600_000);

  it('a before-restore folder holding only the marker’s temporary file is cleared, and nothing else is ever deleted', async () => {
    const base = copyOfTemplate('by-hand');
    const aside = path.join(base, 'vault', 'before-restore');
    fs.mkdirSync(aside);
    fs.writeFileSync(path.join(aside, '.restore.json.0123456789ab.tmp'), '{"format":"sole-notes-rest');
    const vault = session(base);
    expect(vault.state()).toBe('locked');
    expect(fs.existsSync(aside)).toBe(false);
    await vault.restoreBackup({ id: backupId, passphrase: TEST_PASSPHRASE });
    expect(notes(vault)).toEqual([IN_BACKUP]);
    vault.lock();

    // A vault file without a valid marker may be the only copy of a vault: it is kept, under a name of its own, and restores go on.
    const other = copyOfTemplate('unmarked');
    const otherAside = path.join(other, 'vault', 'before-restore');
    fs.mkdirSync(otherAside);
    fs.copyFileSync(path.join(other, 'vault', 'vault.db'), path.join(otherAside, 'vault.db'));
    fs.writeFileSync(path.join(otherAside, 'restore.json'), 'damaged');
    const second = session(other);
    expect(second.state()).toBe('locked');
    const kept = fs.readdirSync(path.join(other, 'vault')).filter((name) => name.startsWith('before-restore-unmarked-'));
    expect(kept).toHaveLength(1);
    expect(fs.readdirSync(path.join(other, 'vault', kept[0] ?? '')).sort()).toEqual(['restore.json', 'vault.db']);
    await second.restoreBackup({ id: backupId, passphrase: TEST_PASSPHRASE });
    expect(notes(second)).toEqual([IN_BACKUP]);
    second.lock();
  });
});
