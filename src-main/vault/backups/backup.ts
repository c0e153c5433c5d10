import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { Timestamp } from '../../../shared/api/schemas';
import { syncFileSync, syncFolderSync, writeFileAtomicSync } from '../atomicFile';
import { MAX_STATE_FILE_BYTES, readBoundedFileSync } from '../boundedRead';
import { applyKey, verifyIntegrity, type VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import { hasBaseSchema } from '../schema/baseSchema';
import { asStorageError } from '../storageErrors';
import { assertKeyFileOfVault, assertSameVault } from '../vaultIdentity';
import { DATABASE_FILE_NAME, KEY_FILE_NAME } from '../folderLayout';

/*
 * One backup is one folder, `sole-notes-backup-<UTC time>-<4 hex>/`, holding:
 *   vault.db         the database as SQLCipher wrote it: encrypted with the
 *                    same data key, never plaintext (see writeBackup)
 *   vault.keys.json  the keys file as it was, so the backup opens with the
 *                    passphrase (or recovery key) of that day on its own
 *   backup.json      the manifest: vault id, time, schema version, and the
 *                    size and SHA-256 of both files, checked before a restore
 * It is written under `.partial-<id>/` and renamed when complete, so a crash
 * or a full disk never leaves a half backup under a backup's name.
 */

export const BACKUP_MANIFEST_NAME = 'backup.json';
const BACKUP_PREFIX = 'sole-notes-backup-';
const PARTIAL_PREFIX = '.partial-';
/** A partial folder older than this belongs to a backup that died; it is removed. */
const STALE_PARTIAL_MS = 10 * 60_000;
const MANIFEST_FORMAT = 'sole-notes-backup';

export const BACKUP_ID_PATTERN = /^sole-notes-backup-\d{8}T\d{9}Z-[0-9a-f]{4}$/;

export type BackupReason = 'automatic' | 'manual';

const FileEntry = z.object({ bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

const BackupManifest = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    version: z.literal(1),
    vaultId: z.uuid(),
    createdAt: Timestamp,
    reason: z.enum(['automatic', 'manual']),
    schemaVersion: z.number().int().min(0),
    files: z.object({ [DATABASE_FILE_NAME]: FileEntry, [KEY_FILE_NAME]: FileEntry }).strict(),
  })
  .strict();
export type BackupManifest = z.infer<typeof BackupManifest>;

export interface BackupEntry {
  id: string;
  dir: string;
  manifest: BackupManifest;
}

/** Where backups go unless the worker chose a folder: `backups` beside the vault folder, inside the app's data folder. */
export function defaultBackupFolder(vaultFolder: string): string {
  return path.join(path.dirname(path.resolve(vaultFolder)), 'backups');
}

function backupId(createdAt: Date): string {
  const stamp = createdAt.toISOString().replace(/[-:.]/g, '');
  return `${BACKUP_PREFIX}${stamp}-${crypto.randomBytes(2).toString('hex')}`;
}

function sha256File(file: string): { bytes: number; sha256: string } {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 20);
  let bytes = 0;
  try {
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, read));
      bytes += read;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Opens a database file read-only with the data key, checks every page and
 * the b-trees, and returns its schema version. Throws BACKUP_CORRUPT when it
 * does not open or is damaged; WRONG_PASSPHRASE-free: the caller knows
 * whether the key is the right one (it came out of a GCM-checked wrap).
 */
export function checkDatabaseFile(file: string, dataKey: Buffer): { schemaVersion: number } {
  let db: VaultDatabase | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    applyKey(db, dataKey);
    verifyIntegrity(db);
    if (!hasBaseSchema(db)) throw new Error('the database has no Sole Notes schema');
    return { schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    throw new VaultError('BACKUP_CORRUPT', 'The backup does not open with its key or fails the integrity check; nothing was replaced.', {
      cause: error,
    });
  } finally {
    db?.close();
  }
}

/**
 * Writes one backup of the open vault into `folder`, synchronously (it runs
 * as the vault locks, before the database closes).
 *
 * `VACUUM INTO` makes the copy: a consistent snapshot, written through the
 * same SQLCipher codec, so the file is encrypted with the same data key.
 * (better-sqlite3's `db.backup()` — the online backup API — refuses here: it
 * opens the destination without a key, and SQLite3MultipleCiphers rejects a
 * backup between an encrypted and an unencrypted database rather than write
 * plaintext. tests/vault/backup.test.ts pins both facts.) VACUUM INTO does
 * not flush the new file, so it is flushed here, then opened with the key
 * and integrity-checked before it is given its name.
 *
 * First of all, the database must be the vault `vaultId` names and the
 * newest backups describe (vaultIdentity.ts): a database that is not is
 * never backed up, so the good backups are never thinned out in its favour.
 */
export function writeBackup(options: {
  db: VaultDatabase;
  dataKey: Buffer;
  vaultFolder: string;
  folder: string;
  vaultId: string;
  schemaVersion: number;
  reason: BackupReason;
  now: Date;
}): BackupEntry {
  const { folder } = options;
  const id = backupId(options.now);
  const partial = path.join(folder, `${PARTIAL_PREFIX}${id}`);
  const finalDir = path.join(folder, id);
  try {
    const backupDatabases = listBackups(folder)
      .filter((entry) => entry.manifest.vaultId === options.vaultId)
      .map((entry) => path.join(entry.dir, DATABASE_FILE_NAME));
    assertSameVault({ db: options.db, dataKey: options.dataKey, vaultId: options.vaultId, backupDatabases });
    // Only the backup folder itself is made, never missing parents: a drive that is not plugged in is an error, not a new folder.
    if (!fs.existsSync(folder)) fs.mkdirSync(folder, { mode: 0o700 });
    fs.mkdirSync(partial, { mode: 0o700 });
    const database = path.join(partial, DATABASE_FILE_NAME);
    const keys = path.join(partial, KEY_FILE_NAME);

    options.db.prepare('VACUUM INTO ?').run(database);
    fs.chmodSync(database, 0o600);
    syncFileSync(database);
    fs.copyFileSync(path.join(options.vaultFolder, KEY_FILE_NAME), keys);
    fs.chmodSync(keys, 0o600);
    syncFileSync(keys);
    assertKeyFileOfVault(keys, options.vaultId);

    const { schemaVersion } = checkDatabaseFile(database, options.dataKey);
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      version: 1,
      vaultId: options.vaultId,
      createdAt: options.now.toISOString(),
      reason: options.reason,
      schemaVersion,
      files: { [DATABASE_FILE_NAME]: sha256File(database), [KEY_FILE_NAME]: sha256File(keys) },
    };
    writeFileAtomicSync(path.join(partial, BACKUP_MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(partial, finalDir);
    syncFolderSync(folder);
    return { id, dir: finalDir, manifest };
  } catch (error) {
    try {
      fs.rmSync(partial, { recursive: true, force: true });
    } catch {
      // A read-only medium: there is nothing of ours to remove.
    }
    throw asStorageError(error, 'backup');
  }
}

function readManifest(dir: string): BackupManifest | null {
  try {
    const raw = readBoundedFileSync(path.join(dir, BACKUP_MANIFEST_NAME), MAX_STATE_FILE_BYTES).toString('utf8');
    const parsed = BackupManifest.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The backups in a folder, newest first: every complete backup folder whose
 * manifest reads. Nothing is checked beyond the manifest (that is done before
 * a restore), so listing stays fast. A missing folder (a USB drive not
 * plugged in) lists as empty.
 */
export function listBackups(folder: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    if (!BACKUP_ID_PATTERN.test(name)) continue;
    const dir = path.join(folder, name);
    const manifest = readManifest(dir);
    if (manifest) entries.push({ id: name, dir, manifest });
  }
  return entries.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt) || b.id.localeCompare(a.id));
}

/**
 * Keeps the newest `keep` backups of this vault and removes the older ones,
 * and partial folders left by a backup that died. Backups of another vault
 * sharing the folder, and folders it cannot read, are never touched.
 */
export function pruneBackups(folder: string, vaultId: string, keep: number, now: Date): string[] {
  const removed: string[] = [];
  const ours = listBackups(folder).filter((entry) => entry.manifest.vaultId === vaultId);
  for (const entry of ours.slice(Math.max(1, keep))) {
    fs.rmSync(entry.dir, { recursive: true, force: true });
    removed.push(entry.id);
  }
  for (const name of safeReaddir(folder)) {
    if (!name.startsWith(PARTIAL_PREFIX)) continue;
    const dir = path.join(folder, name);
    try {
      if (now.getTime() - fs.statSync(dir).mtimeMs > STALE_PARTIAL_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

function safeReaddir(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * Finds a backup by id and checks its files against the manifest (size and
 * SHA-256): NOT_FOUND when there is no such backup, BACKUP_CORRUPT when a
 * file is missing or changed. Reads only.
 */
export function openBackup(folder: string, id: string): BackupEntry {
  if (!BACKUP_ID_PATTERN.test(id)) throw new VaultError('NOT_FOUND', 'There is no backup by that name.');
  const dir = path.join(folder, id);
  if (!fs.existsSync(dir)) throw new VaultError('NOT_FOUND', 'That backup is not in the backup folder (is the drive plugged in?).');
  const manifest = readManifest(dir);
  if (!manifest) throw new VaultError('BACKUP_CORRUPT', 'The backup’s description (backup.json) is missing or damaged; nothing was replaced.');
  for (const [name, expected] of Object.entries(manifest.files)) {
    let actual: { bytes: number; sha256: string };
    try {
      actual = sha256File(path.join(dir, name));
    } catch (error) {
      throw new VaultError('BACKUP_CORRUPT', `The backup is missing ${name}; nothing was replaced.`, { cause: error });
    }
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
      throw new VaultError('BACKUP_CORRUPT', `The backup’s ${name} has changed since it was made: it is damaged. Nothing was replaced.`);
    }
  }
  return { id, dir, manifest };
}
