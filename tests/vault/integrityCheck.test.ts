import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../src-main/vault/backups/backup';
import { openEncryptedDatabase } from '../../src-main/vault/connection';
import { integrityChecksEnded, startIntegrityCheck } from '../../src-main/vault/integrityCheck';
import { asStorageError } from '../../src-main/vault/storageErrors';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';

/*
 * The full integrity check that runs after unlock, off the main thread
 * (integrityCheck.ts): what it finds, what the session does with it, and that
 * locking stops it. tests/faults/corruption.test.ts flips random bits.
 */

let root: string;
let folder: string;
let backups: string;

beforeEach(() => {
  root = makeTempDir('sole-notes-integrity-');
  folder = path.join(root, 'vault');
  backups = path.join(root, 'backups');
});

afterEach(() => removeDir(root));

function session(): VaultSession {
  return new VaultSession(folder, { kdf: TEST_KDF, backups: { defaultFolder: backups } });
}

/** A locked vault with some notes and one backup; returns its data key, read back through a session's own path. */
async function lockedVault(): Promise<{ backupId: string }> {
  const vault = session();
  await vault.create(TEST_PASSPHRASE);
  for (let index = 0; index < 40; index += 1) vault.data.notes.create({ body: `Note ${index}: checked in about the week. `.repeat(20) });
  const backupId = (await vault.createBackup()).id;
  vault.lock();
  return { backupId };
}

/** The first page of the notes table: in use, and not read when the vault opens. */
function notesPageOffset(dataKey: Buffer): number {
  const db = openEncryptedDatabase(path.join(folder, 'vault.db'), dataKey, { create: false });
  try {
    const page = db.prepare<[], number>("SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1").pluck().get();
    if (page === undefined) throw new Error('no notes page');
    return (page - 1) * 4096;
  } finally {
    db.close();
  }
}

function flipByte(file: string, offset: number): void {
  const bytes = fs.readFileSync(file);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x10;
  fs.writeFileSync(file, bytes);
}

/** The data key, as the open vault holds it (test-only view of the session's key buffers). */
async function dataKeyOf(): Promise<Buffer> {
  const vault = session();
  await vault.unlock(TEST_PASSPHRASE);
  await vault.integrityChecked();
  const key = vault.keyBuffersForTesting().find((buffer) => buffer.length === 32 && buffer.some((byte) => byte !== 0));
  if (!key) throw new Error('no data key');
  const copy = Buffer.from(key);
  vault.lock();
  return copy;
}

describe('the background integrity check', () => {
  it('reports ok for a sound vault, while the main connection goes on writing', async () => {
    await lockedVault();
    const vault = session();
    await vault.unlock(TEST_PASSPHRASE);
    expect(vault.integrity()?.status).toBe('checking');
    for (let index = 0; index < 20; index += 1) vault.data.notes.create({ body: `Written while the check runs ${index}.` });
    expect(await vault.integrityChecked()).toBe('ok');
    expect(vault.integrity()).toEqual({ status: 'ok' });
    vault.lock();
    expect(vault.integrity()).toBeNull();
  });

  it('a new vault and a freshly restored one need no check: they were just written or just checked whole', async () => {
    const { backupId } = await lockedVault();
    const vault = session();
    await vault.restoreBackup({ id: backupId, passphrase: TEST_PASSPHRASE });
    expect(vault.integrity()).toEqual({ status: 'ok' });
    vault.lock();

    const fresh = new VaultSession(path.join(root, 'other'), { kdf: TEST_KDF });
    await fresh.create(TEST_PASSPHRASE);
    expect(fresh.integrity()).toEqual({ status: 'ok' });
    fresh.lock();
  });

  it('damage in a page unlock does not read: reported with the newest backup, audited, and every backup refused', async () => {
    const { backupId } = await lockedVault();
    const dataKey = await dataKeyOf();
    flipByte(path.join(folder, 'vault.db'), notesPageOffset(dataKey) + 2000);

    const vault = session();
    await vault.unlock(TEST_PASSPHRASE);
    expect(await vault.integrityChecked()).toBe('damaged');
    expect(vault.integrity()).toMatchObject({ status: 'damaged', latestBackup: { id: backupId } });
    expect(vault.data.audit.list().map((entry) => entry.action)).toContain('vault.integrity_failed');

    // A backup now would push a good one out: refused, and the backup folder stays as it was.
    const before = listBackups(backups).map((entry) => entry.id);
    await expect(vault.createBackup()).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
    expect(vault.listBackups().lastFailure).toMatchObject({ code: 'VAULT_CORRUPT' });
    expect(listBackups(backups).map((entry) => entry.id)).toEqual(before);
    // The damaged page itself fails to read, as damage, never as other text.
    let readError: unknown;
    try {
      vault.data.notes.list({ limit: 500 });
    } catch (error) {
      readError = asStorageError(error);
    }
    expect(readError).toMatchObject({ code: 'VAULT_CORRUPT' });
    vault.lock();
    dataKey.fill(0);
  });

  it('locking stops a check in progress; the check never keeps the vault open', async () => {
    await lockedVault();
    const vault = session();
    await vault.unlock(TEST_PASSPHRASE);
    const checked = vault.integrityChecked();
    vault.lock();
    expect(await checked).toBeNull();
    expect(vault.state()).toBe('locked');
  });

  it('stopping never terminates the thread (that can abort the process inside SQLite): it ends on its own', async () => {
    await lockedVault();
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    try {
      for (let round = 0; round < 20; round += 1) {
        const vault = session();
        await vault.unlock(TEST_PASSPHRASE);
        vault.lock();
      }
      await integrityChecksEnded();
      expect(terminate).not.toHaveBeenCalled();
    } finally {
      terminate.mockRestore();
    }
  });

  it('a restore waits for the check to let go of the file, and a refused restore starts the check again', async () => {
    const { backupId } = await lockedVault();
    const vault = session();
    await vault.unlock(TEST_PASSPHRASE);
    expect(vault.integrity()?.status).toBe('checking');
    await expect(vault.restoreBackup({ id: 'sole-notes-backup-20260101T000000000Z-abcd' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A damaged page with a manifest that matches it: refused only once staged and checked, beside the open vault.
    const copy = path.join(backups, backupId, 'vault.db');
    flipByte(copy, fs.statSync(copy).size - 100);
    const manifestFile = path.join(backups, backupId, 'backup.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: Record<string, { bytes: number; sha256: string }> };
    manifest.files['vault.db'] = { bytes: fs.statSync(copy).size, sha256: crypto.createHash('sha256').update(fs.readFileSync(copy)).digest('hex') };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    await expect(vault.restoreBackup({ id: backupId })).rejects.toMatchObject({ code: 'BACKUP_CORRUPT' });
    expect(vault.state()).toBe('unlocked');
    expect(await vault.integrityChecked()).toBe('ok');
    vault.lock();
  });

  it('startIntegrityCheck on its own: ok, damaged, and a file that is not there reports nothing', async () => {
    await lockedVault();
    const dataKey = await dataKeyOf();
    const file = path.join(folder, 'vault.db');
    const damages: string[][] = [];
    const sound = startIntegrityCheck(file, dataKey, (outcome) => damages.push(outcome.problems));
    expect(await sound.done).toEqual({ status: 'ok', problems: ['ok'] });
    expect(sound.status).toBe('ok');

    flipByte(file, notesPageOffset(dataKey) + 100);
    const damaged = startIntegrityCheck(file, dataKey, (outcome) => damages.push(outcome.problems));
    expect(await damaged.done).toMatchObject({ status: 'damaged' });
    expect(damages).toHaveLength(1);

    const missing = startIntegrityCheck(path.join(root, 'nowhere.db'), dataKey, (outcome) => damages.push(outcome.problems));
    expect(await missing.done).toBeNull();
    expect(missing.status).toBe('checking');
    expect(damages).toHaveLength(1);
    expect(dataKey.some((byte) => byte !== 0)).toBe(true); // the caller's key is left as it was
    dataKey.fill(0);
  });

  it('finds the SQLite module whatever the current folder is (the command line started from elsewhere)', async () => {
    await lockedVault();
    const dataKey = await dataKeyOf();
    const previous = process.cwd();
    process.chdir(root); // a temp folder with no node_modules anywhere above it
    try {
      const check = startIntegrityCheck(path.join(folder, 'vault.db'), dataKey, () => undefined);
      expect(await check.done).toEqual({ status: 'ok', problems: ['ok'] });
    } finally {
      process.chdir(previous);
      dataKey.fill(0);
    }
  });
});
