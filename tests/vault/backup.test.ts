import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_MANIFEST_NAME, listBackups } from '../../src-main/vault/backups/backup';
import { applyKey } from '../../src-main/vault/connection';
import { VaultSession, type VaultSessionOptions } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { hashVaultFiles, rejectionCode } from './vaultFolder';
import { BACKUP_SETTINGS_FILE_NAME, KEY_FILE_NAME } from '../../src-main/vault/folderLayout';

const NEW_PASSPHRASE = 'copper kettle meadow ninety';
const MARKER = 'Walked the new route to the bus stop together';
const DAY = 24 * 60 * 60 * 1000;

let root: string;
let folder: string;
let backups: string;
const sessions: VaultSession[] = [];
let now: number;

function clock(): Date {
  now += 1000;
  return new Date(now);
}

function session(options: VaultSessionOptions = {}): VaultSession {
  const opened = new VaultSession(folder, { kdf: TEST_KDF, clock, ...options });
  sessions.push(opened);
  return opened;
}

function auditActions(vault: VaultSession): string[] {
  return vault.data.audit
    .list(1000)
    .map((entry) => entry.action)
    .reverse();
}

function noteBodies(vault: VaultSession): string[] {
  return vault.data.notes
    .list({ limit: 500 })
    .map((note) => vault.data.notes.get(note.id).body)
    .sort();
}

beforeEach(() => {
  root = makeTempDir();
  folder = path.join(root, 'vault');
  backups = path.join(root, 'backups');
  now = Date.parse('2026-03-02T09:00:00.000Z');
});

afterEach(() => {
  for (const opened of sessions.splice(0)) opened.lock();
  removeDir(root);
});

describe('how a backup copy is made (pinned library behaviour)', () => {
  it('better-sqlite3 backup() refuses an encrypted source rather than write plaintext; VACUUM INTO stays encrypted with the same key', async () => {
    const key = crypto.randomBytes(32);
    const db = new Database(path.join(root, 'source.db'));
    applyKey(db, key);
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('${MARKER}')`);

    // The online backup API opens the destination without a key; SQLite3MultipleCiphers refuses.
    const target = path.join(root, 'online-backup.db');
    await expect(db.backup(target)).rejects.toThrow(/incompatible source and target/);
    if (fs.existsSync(target)) expect(fs.readFileSync(target).includes(MARKER)).toBe(false);

    const copy = path.join(root, 'vacuum-into.db');
    db.prepare('VACUUM INTO ?').run(copy);
    db.close();
    const bytes = fs.readFileSync(copy);
    expect(bytes.includes(MARKER)).toBe(false);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');

    const unkeyed = new Database(copy, { readonly: true });
    expect(() => unkeyed.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    unkeyed.close();
    const keyed = new Database(copy, { readonly: true });
    applyKey(keyed, key);
    expect(keyed.prepare('SELECT x FROM t').pluck().get()).toBe(MARKER);
    keyed.close();
  });
});

describe('backups.create and the backup folder', () => {
  it('writes the encrypted database, the keys file and a manifest into a timestamped folder beside the vault', async () => {
    const vault = session();
    await vault.create(TEST_PASSPHRASE);
    vault.data.notes.create({ body: MARKER });
    const summary = await vault.createBackup();

    expect(summary).toMatchObject({ reason: 'manual', sameVault: true, schemaVersion: expect.any(Number) });
    expect(summary.id).toMatch(/^sole-notes-backup-20260302T\d{9}Z-[0-9a-f]{4}$/);
    const dir = path.join(backups, summary.id);
    expect(fs.readdirSync(dir).sort()).toEqual([BACKUP_MANIFEST_NAME, KEY_FILE_NAME, 'vault.db'].sort());
    expect(fs.readFileSync(path.join(dir, 'vault.db')).includes(MARKER)).toBe(false);
    expect(fs.readFileSync(path.join(dir, KEY_FILE_NAME))).toEqual(fs.readFileSync(path.join(folder, KEY_FILE_NAME)));
    if (process.platform !== 'win32') {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dir, 'vault.db')).mode & 0o777).toBe(0o600);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, BACKUP_MANIFEST_NAME), 'utf8'));
    expect(manifest.files['vault.db'].sha256).toBe(crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, 'vault.db'))).digest('hex'));
    expect(auditActions(vault).at(-1)).toBe('backup.created');
    expect(vault.listBackups().backups.map((backup) => backup.id)).toEqual([summary.id]);
  });

  it('backs up on lock only when automatic, at most daily, and keeps the newest N of this vault only', async () => {
    const vault = session({ backups: { automatic: true } });
    await vault.create(TEST_PASSPHRASE);
    await vault.updateBackupSettings({ keep: 3 });

    // Another vault's backup in the same folder is never pruned.
    fs.mkdirSync(backups, { recursive: true });
    const foreign = path.join(backups, 'sole-notes-backup-20200101T000000000Z-0000');
    fs.mkdirSync(foreign);
    fs.writeFileSync(
      path.join(foreign, BACKUP_MANIFEST_NAME),
      JSON.stringify({
        format: 'sole-notes-backup',
        version: 1,
        vaultId: crypto.randomUUID(),
        createdAt: '2020-01-01T00:00:00.000Z',
        reason: 'manual',
        schemaVersion: 1,
        files: { 'vault.db': { bytes: 0, sha256: '0'.repeat(64) }, 'vault.keys.json': { bytes: 0, sha256: '0'.repeat(64) } },
      }),
    );
    // A partial folder from a backup that died long ago is tidied away.
    const stale = path.join(backups, '.partial-sole-notes-backup-20200101T000000000Z-dead');
    fs.mkdirSync(stale);
    fs.utimesSync(stale, new Date('2020-01-01'), new Date('2020-01-01'));

    vault.lock();
    expect(vault.listBackups().backups.filter((backup) => backup.sameVault)).toHaveLength(1);
    await vault.unlock(TEST_PASSPHRASE);
    vault.lock(); // the same day: no second backup
    expect(vault.listBackups().backups.filter((backup) => backup.sameVault)).toHaveLength(1);

    for (let day = 1; day <= 4; day += 1) {
      now += DAY;
      await vault.unlock(TEST_PASSPHRASE);
      vault.data.notes.create({ body: `Day ${day}` });
      vault.lock();
    }
    const listed = vault.listBackups().backups;
    expect(listed.filter((backup) => backup.sameVault)).toHaveLength(3);
    expect(listed.filter((backup) => backup.sameVault === false).map((backup) => backup.id)).toEqual([path.basename(foreign)]);
    expect(fs.existsSync(stale)).toBe(false);
    const createdAt = listed.filter((backup) => backup.sameVault).map((backup) => backup.createdAt);
    expect(createdAt).toEqual([...createdAt].sort().reverse()); // newest first

    await vault.unlock(TEST_PASSPHRASE);
    const actions = auditActions(vault);
    expect(actions.filter((action) => action === 'backup.created')).toHaveLength(5);
  });

  it('never backs up on lock by default (the app turns it on), and the worker can turn it off', async () => {
    const plain = session();
    await plain.create(TEST_PASSPHRASE);
    plain.lock();
    expect(fs.existsSync(backups)).toBe(false);

    const app = session({ backups: { automatic: true } });
    await app.unlock(TEST_PASSPHRASE);
    await app.updateBackupSettings({ automatic: false });
    app.lock();
    expect(fs.existsSync(backups)).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(folder, BACKUP_SETTINGS_FILE_NAME), 'utf8'))).toMatchObject({ automatic: false });
  });

  it('a backup folder that cannot be used fails the backup, not the lock: remembered, audited, nothing half-written', async () => {
    const vault = session({ backups: { automatic: true } });
    await vault.create(TEST_PASSPHRASE);
    const usb = path.join(root, 'usb-drive-not-plugged-in');
    fs.writeFileSync(usb, 'a file where the folder should be');
    await vault.updateBackupSettings({ folder: usb });
    vault.lock();
    expect(vault.state()).toBe('locked');
    const listing = vault.listBackups();
    expect(listing.lastFailure).toMatchObject({ code: expect.any(String) });
    expect(listing.backups).toEqual([]);
    await vault.unlock(TEST_PASSPHRASE);
    expect(auditActions(vault)).toContain('backup.failed');
    expect(await rejectionCode(vault.createBackup())).toBe('STORAGE_UNAVAILABLE');
    expect(vault.listBackups().lastFailure).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });

  it('refuses a backup folder inside the vault folder or given by a relative path', async () => {
    const vault = session();
    await vault.create(TEST_PASSPHRASE);
    expect(await rejectionCode(vault.updateBackupSettings({ folder: path.join(folder, 'backups') }))).toBe('INVALID_INPUT');
    expect(await rejectionCode(vault.updateBackupSettings({ folder: 'backups' }))).toBe('INVALID_INPUT');
    vault.lock();
    expect(await rejectionCode(vault.updateBackupSettings({ keep: 2 }))).toBe('VAULT_LOCKED');
    expect(await rejectionCode(vault.createBackup())).toBe('VAULT_LOCKED');
  });
});

describe('backups.restore', () => {
  async function vaultWithBackup(): Promise<{ vault: VaultSession; backupId: string; before: string[] }> {
    const vault = session();
    await vault.create(TEST_PASSPHRASE);
    vault.data.notes.create({ body: MARKER });
    const { id } = await vault.createBackup();
    const before = noteBodies(vault);
    vault.data.notes.create({ body: 'Written after the backup' });
    return { vault, backupId: id, before };
  }

  it('with the open vault’s key: the backup replaces the vault, the old one waits aside until kept', async () => {
    const { vault, backupId, before } = await vaultWithBackup();
    const locks: string[] = [];
    vault.onLock((reason) => locks.push(reason));

    const result = await vault.restoreBackup({ id: backupId });
    expect(result.pendingRestore).toMatchObject({ backupId, keys: 'kept' });
    expect(vault.state()).toBe('unlocked');
    expect(noteBodies(vault)).toEqual(before);
    expect(locks).toEqual([]);
    expect(fs.readdirSync(path.join(folder, 'before-restore')).sort()).toEqual(['restore.json', 'vault.db', KEY_FILE_NAME].sort());
    expect(vault.listBackups().pendingRestore).toMatchObject({ backupId });
    expect(auditActions(vault).at(-1)).toBe('backup.restored');
    expect(await rejectionCode(vault.restoreBackup({ id: backupId }))).toBe('CONFLICT');

    await vault.confirmRestore();
    expect(fs.existsSync(path.join(folder, 'before-restore'))).toBe(false);
    expect(vault.listBackups().pendingRestore).toBeNull();
    expect(auditActions(vault).at(-1)).toBe('backup.restore_kept');
    vault.lock();
    await session().unlock(TEST_PASSPHRASE); // the current passphrase still opens it
  });

  it('undo puts the vault back as it was and keeps what the restored vault held meanwhile', async () => {
    const { vault, backupId } = await vaultWithBackup();
    const original = noteBodies(vault);
    await vault.restoreBackup({ id: backupId });
    vault.data.notes.create({ body: 'Written into the restored vault' });

    const { keptIn } = await vault.undoRestore();
    expect(vault.state()).toBe('locked');
    expect(fs.existsSync(path.join(folder, 'before-restore'))).toBe(false);
    expect(fs.readdirSync(keptIn)).toContain('vault.db');

    await vault.unlock(TEST_PASSPHRASE);
    expect(noteBodies(vault)).toEqual(original);
    expect(auditActions(vault).slice(-2)).toEqual(['backup.restore_undone', 'vault.unlocked']);
    vault.lock();
    const kept = new VaultSession(keptIn, { kdf: TEST_KDF });
    sessions.push(kept);
    await kept.unlock(TEST_PASSPHRASE);
    expect(noteBodies(kept)).toContain('Written into the restored vault');
  });

  it('while locked, with the passphrase the backup was made with; a wrong one changes nothing', async () => {
    const { vault, backupId, before } = await vaultWithBackup();
    await vault.changePassphrase(TEST_PASSPHRASE, NEW_PASSPHRASE);
    vault.lock();
    const untouched = hashVaultFiles(folder);

    const locked = session();
    expect(await rejectionCode(locked.restoreBackup({ id: backupId }))).toBe('INVALID_INPUT');
    expect(await rejectionCode(locked.restoreBackup({ id: backupId, passphrase: NEW_PASSPHRASE }))).toBe('WRONG_PASSPHRASE');
    expect(hashVaultFiles(folder)).toEqual(untouched);

    await locked.restoreBackup({ id: backupId, passphrase: TEST_PASSPHRASE });
    expect(locked.state()).toBe('unlocked');
    expect(noteBodies(locked)).toEqual(before);
    expect(locked.listBackups().pendingRestore).toMatchObject({ keys: 'replaced' });
    // The wrong attempt made while locked is in the restored vault's audit log.
    expect(auditActions(locked).slice(-3)).toEqual(['vault.unlock_failed', 'vault.unlocked', 'backup.restored']);
    locked.lock();
    // The backup's keys came with it: its passphrase opens the vault now.
    await session().unlock(TEST_PASSPHRASE);
  });

  it('with the recovery key, into an empty folder on a new laptop, from a folder given by path', async () => {
    const vault = session();
    const { recoveryKey } = await vault.create(TEST_PASSPHRASE);
    vault.data.notes.create({ body: MARKER });
    const { id } = await vault.createBackup();
    vault.lock();

    const usb = path.join(root, 'usb');
    fs.cpSync(backups, usb, { recursive: true });
    const fresh = new VaultSession(path.join(root, 'new-laptop', 'vault'), { kdf: TEST_KDF });
    sessions.push(fresh);
    expect(fresh.state()).toBe('absent');
    expect(fresh.listBackups(usb).backups).toMatchObject([{ id, sameVault: null }]);
    await fresh.restoreBackup({ id, folder: usb, recoveryKey, newPassphrase: NEW_PASSPHRASE });
    expect(fresh.state()).toBe('unlocked');
    expect(noteBodies(fresh)).toEqual([MARKER]);
    expect(auditActions(fresh).slice(-3)).toEqual(['vault.unlocked', 'backup.restored', 'vault.passphrase_reset']);
    await fresh.confirmRestore();
    fresh.lock();
    expect(fs.readdirSync(fresh.folder).sort()).toEqual([KEY_FILE_NAME, 'vault.db'].sort());

    // The new passphrase opens the restored vault; the one of the backup's time no longer does.
    expect(await rejectionCode(fresh.unlock(TEST_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    await fresh.unlock(NEW_PASSPHRASE);
    expect(noteBodies(fresh)).toEqual([MARKER]);
  });

  it('with the recovery key asks for a new passphrase first, and refuses a missing or weak one with nothing written', async () => {
    const vault = session();
    const { recoveryKey } = await vault.create(TEST_PASSPHRASE);
    const { id } = await vault.createBackup();
    vault.lock();
    const fresh = new VaultSession(path.join(root, 'new-laptop', 'vault'), { kdf: TEST_KDF });
    sessions.push(fresh);

    expect(await rejectionCode(fresh.restoreBackup({ id, folder: backups, recoveryKey }))).toBe('INVALID_INPUT');
    expect(await rejectionCode(fresh.restoreBackup({ id, folder: backups, recoveryKey, newPassphrase: 'short' }))).toBe('WEAK_PASSPHRASE');
    expect(await rejectionCode(fresh.restoreBackup({ id, folder: backups, passphrase: TEST_PASSPHRASE, newPassphrase: NEW_PASSPHRASE }))).toBe(
      'INVALID_INPUT',
    );
    expect(fs.existsSync(fresh.folder) ? fs.readdirSync(fresh.folder) : []).toEqual([]);
    expect(fresh.state()).toBe('absent');
  });

  it('with the recovery key over a locked vault: undoing the restore brings back the vault and its own passphrase', async () => {
    const vault = session();
    const { recoveryKey } = await vault.create(TEST_PASSPHRASE);
    vault.data.notes.create({ body: MARKER });
    const { id } = await vault.createBackup();
    await vault.changePassphrase(TEST_PASSPHRASE, NEW_PASSPHRASE);
    vault.lock();

    const later = 'lantern harbor seventy walnut';
    await vault.restoreBackup({ id, recoveryKey, newPassphrase: later });
    expect(vault.listBackups().pendingRestore).toMatchObject({ keys: 'replaced' });
    await vault.undoRestore();
    expect(await rejectionCode(vault.unlock(later))).toBe('WRONG_PASSPHRASE');
    await vault.unlock(NEW_PASSPHRASE);
    expect(noteBodies(vault)).toEqual([MARKER]);
  });

  it.each([
    ['a changed byte in the database', (dir: string) => flipByte(path.join(dir, 'vault.db'), 5000)],
    ['a missing keys file', (dir: string) => fs.rmSync(path.join(dir, KEY_FILE_NAME))],
    ['a damaged manifest', (dir: string) => fs.writeFileSync(path.join(dir, BACKUP_MANIFEST_NAME), '{')],
    [
      'a damaged page with a manifest that matches it (caught by the integrity check)',
      (dir: string) => {
        flipByte(path.join(dir, 'vault.db'), 5000);
        const manifestFile = path.join(dir, BACKUP_MANIFEST_NAME);
        const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
        manifest.files['vault.db'].sha256 = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, 'vault.db'))).digest('hex');
        fs.writeFileSync(manifestFile, JSON.stringify(manifest));
      },
    ],
  ])('refuses a backup with %s (BACKUP_CORRUPT) and replaces nothing', async (_name, damage) => {
    const { vault, backupId } = await vaultWithBackup();
    damage(path.join(backups, backupId));
    const notes = noteBodies(vault);
    vault.lock();
    const untouched = hashVaultFiles(folder);

    const locked = session();
    expect(await rejectionCode(locked.restoreBackup({ id: backupId, passphrase: TEST_PASSPHRASE }))).toBe('BACKUP_CORRUPT');
    expect(hashVaultFiles(folder)).toEqual(untouched);
    expect(fs.readdirSync(folder).sort()).toEqual([KEY_FILE_NAME, 'vault.db'].sort());
    await locked.unlock(TEST_PASSPHRASE);
    expect(await rejectionCode(locked.restoreBackup({ id: backupId }))).toBe('BACKUP_CORRUPT');
    expect(locked.state()).toBe('unlocked');
    expect(noteBodies(locked)).toEqual(notes);
  });

  it('answers NOT_FOUND for an unknown backup and refuses ids that could leave the backup folder', async () => {
    const { vault } = await vaultWithBackup();
    expect(await rejectionCode(vault.restoreBackup({ id: 'sole-notes-backup-20990101T000000000Z-ffff' }))).toBe('NOT_FOUND');
    expect(await rejectionCode(vault.restoreBackup({ id: '../vault' }))).toBe('NOT_FOUND');
  });

  it('the brake on wrong passphrases applies to restoring with a passphrase too', async () => {
    const { vault, backupId } = await vaultWithBackup();
    vault.lock();
    const stopped = new Date(now);
    const locked = session({ clock: () => stopped });
    // 0, 0 and then 1 s of waiting after the first three failures.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await rejectionCode(locked.restoreBackup({ id: backupId, passphrase: NEW_PASSPHRASE }))).toBe('WRONG_PASSPHRASE');
    }
    const braked = await locked.restoreBackup({ id: backupId, passphrase: TEST_PASSPHRASE }).catch((error: unknown) => error);
    expect(braked).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: expect.any(Number) } });
    expect(locked.state()).toBe('locked');
  });
});

describe('the latest backup is offered with errors a restore can fix', () => {
  it('VAULT_CORRUPT and KEYS_CORRUPT carry the newest backup of this vault', async () => {
    const vault = session();
    await vault.create(TEST_PASSPHRASE);
    const older = await vault.createBackup();
    const newest = await vault.createBackup();
    expect(listBackups(backups).map((entry) => entry.id)).toEqual([newest.id, older.id]);
    // A page unlock does not read (it reads the schema, the settings and the audit log): the issue categories' first.
    const unreadPage = vault.data.db.prepare("SELECT min(pageno) FROM dbstat WHERE name = 'issue_categories'").pluck().get() as number;
    const pageSize = vault.data.db.pragma('page_size', { simple: true }) as number;
    vault.lock();

    const db = path.join(folder, 'vault.db');
    const pristine = fs.readFileSync(db);
    flipByte(db, 100); // page 1: read as the vault opens
    const corrupt = await session()
      .unlock(TEST_PASSPHRASE)
      .catch((error: unknown) => error);
    expect(corrupt).toMatchObject({ code: 'VAULT_CORRUPT', details: { latestBackup: { id: newest.id, createdAt: newest.createdAt } } });
    fs.writeFileSync(db, pristine);

    // Damage in a page unlock does not read is found by the background check, which offers the same backup.
    flipByte(db, (unreadPage - 1) * pageSize + 200);
    const damaged = session();
    await damaged.unlock(TEST_PASSPHRASE);
    expect(await damaged.integrityChecked()).toBe('damaged');
    expect(damaged.integrity()).toEqual({ status: 'damaged', latestBackup: { id: newest.id, createdAt: newest.createdAt } });
    damaged.lock();
    fs.writeFileSync(db, pristine);

    fs.writeFileSync(path.join(folder, KEY_FILE_NAME), '{ not json');
    const keys = await session()
      .unlock(TEST_PASSPHRASE)
      .catch((error: unknown) => error);
    expect(keys).toMatchObject({ code: 'KEYS_CORRUPT', details: { latestBackup: { id: newest.id } } });
  });

  it('offers null when there is no backup', async () => {
    const vault = session();
    await vault.create(TEST_PASSPHRASE);
    vault.lock();
    fs.rmSync(path.join(folder, 'vault.db'));
    const missing = await session()
      .unlock(TEST_PASSPHRASE)
      .catch((error: unknown) => error);
    expect(missing).toMatchObject({ code: 'VAULT_NOT_FOUND', details: { latestBackup: null } });
  });
});

function flipByte(file: string, offset: number): void {
  const bytes = fs.readFileSync(file);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x40;
  fs.writeFileSync(file, bytes);
}
