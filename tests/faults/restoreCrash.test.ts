import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';

/*
 * A crash at any step of a restore or of its undo: the folder is copied just
 * before every rename, removal and copy the restore makes inside it (what a
 * power cut at that moment would leave), and each copy is then opened by a
 * new session, which finishes or rolls back what was under way. Each must
 * open with the passphrase and hold either the vault as it was or the
 * backup, whole, never a mix and never nothing.
 */

let root: string;
let folder: string;
const sessions: VaultSession[] = [];

beforeEach(() => {
  root = makeTempDir();
  folder = path.join(root, 'vault');
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const opened of sessions.splice(0)) opened.lock();
  removeDir(root);
});

function session(at: string): VaultSession {
  const opened = new VaultSession(at, { kdf: TEST_KDF, backups: { defaultFolder: path.join(root, 'backups') } });
  sessions.push(opened);
  return opened;
}

function bodies(vault: VaultSession): string[] {
  return vault.data.notes
    .list({ limit: 500 })
    .map((note) => note.preview)
    .sort();
}

/** Copies the vault folder before every file operation inside it while `run` runs. */
async function snapshotEachStep(run: () => Promise<unknown>): Promise<string[]> {
  const snapshots: string[] = [];
  const inFolder = (target: unknown) => typeof target === 'string' && path.resolve(target).startsWith(folder + path.sep);
  const take = () => {
    const copy = path.join(root, 'snapshots', String(snapshots.length), 'vault');
    fs.cpSync(folder, copy, { recursive: true });
    snapshots.push(copy);
  };
  for (const method of ['renameSync', 'rmSync', 'copyFileSync'] as const) {
    const original = fs[method] as (...args: unknown[]) => unknown;
    vi.spyOn(fs, method).mockImplementation(((...args: unknown[]) => {
      if (inFolder(args[0]) || inFolder(args[1])) take();
      return original.apply(fs, args);
    }) as never);
  }
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
  return snapshots;
}

async function outcome(snapshot: string): Promise<{ notes: string[]; pending: boolean }> {
  const vault = session(snapshot);
  expect(vault.state()).toBe('locked'); // looking at the folder finishes or rolls back what was under way
  await vault.unlock(TEST_PASSPHRASE);
  const result = { notes: bodies(vault), pending: vault.listBackups().pendingRestore !== null };
  vault.lock();
  return result;
}

describe('a crash in the middle of a restore', () => {
  it.each([
    ['with the open vault’s key (keys file kept)', false],
    ['with the passphrase while locked (the backup’s keys file replaces it)', true],
  ])('%s leaves the vault as it was or restored, whole, at every step', async (_name, locked) => {
    const vault = session(folder);
    await vault.create(TEST_PASSPHRASE);
    vault.data.notes.create({ body: 'In the backup' });
    const { id } = await vault.createBackup();
    const backupNotes = bodies(vault);
    vault.data.notes.create({ body: 'Only in the vault' });
    const vaultNotes = bodies(vault);
    if (locked) vault.lock();

    const duringRestore = await snapshotEachStep(() => vault.restoreBackup(locked ? { id, passphrase: TEST_PASSPHRASE } : { id }));
    expect(duringRestore.length).toBeGreaterThanOrEqual(5);
    const seen = new Set<string>();
    for (const snapshot of duringRestore) {
      const { notes, pending } = await outcome(snapshot);
      expect(notes, snapshot).toEqual(pending ? backupNotes : vaultNotes);
      seen.add(pending ? 'restored' : 'as it was');
    }
    expect(seen).toContain('as it was');

    const duringUndo = await snapshotEachStep(() => vault.undoRestore());
    expect(duringUndo.length).toBeGreaterThanOrEqual(4);
    for (const snapshot of duringUndo) {
      const { notes, pending } = await outcome(snapshot);
      expect(notes, snapshot).toEqual(pending ? backupNotes : vaultNotes);
    }
    expect((await outcome(folder)).notes).toEqual(vaultNotes);
  });
});
