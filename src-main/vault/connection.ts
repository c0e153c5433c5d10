import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { DATA_KEY_BYTES } from './dataKey';
import { VaultError } from './errors';
import { assertBaseSchema } from './schema/baseSchema';
import { storageErrorFrom } from './storageErrors';

export type VaultDatabase = Database.Database;

export { DATA_KEY_BYTES };

/**
 * Opens the SQLCipher 4 database with a raw 32-byte data key and applies the
 * vault's pragmas. The key has already been verified by the GCM tag of its
 * wrap, so a database that then fails to read is corrupt, not a wrong key.
 */
export interface OpenOptions {
  create: boolean;
  /**
   * 'integrity': run `PRAGMA integrity_check` before anything is written,
   * which reads (and so checks the HMAC of) every page in use. It costs about
   * 7 ms per MB of vault, so unlock does not wait for it: the vault session
   * runs it in the background after unlock (integrityCheck.ts). Backups and
   * restores check their copy whole before it counts (backup.ts).
   */
  verify?: 'integrity';
  /**
   * Checks run once the key is known to be right and before anything is
   * written (the pragmas below set the write-ahead log in the file's header):
   * a handover package refuses here one made by a newer app.
   */
  refuse?: (db: VaultDatabase) => void;
}

export function openEncryptedDatabase(file: string, dataKey: Buffer, options: OpenOptions): VaultDatabase {
  if (dataKey.length !== DATA_KEY_BYTES) throw new VaultError('INTERNAL', 'The data key has the wrong length.');
  if (!options.create && !fs.existsSync(file)) {
    throw new VaultError('VAULT_NOT_FOUND', 'The vault database is missing from the vault folder.');
  }

  const db = new Database(file, { fileMustExist: !options.create });
  try {
    applyKey(db, dataKey);
    verifyReadable(db, file);
    // Before any pragma: setting WAL mode alone would write a header into an emptied file.
    // A newer app's file may have another shape: it is refused as newer, not as damaged.
    options.refuse?.(db);
    if (!options.create) assertBaseSchema(db);
    if (options.verify === 'integrity') verifyIntegrity(db);
    applyVaultPragmas(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Durability and hygiene settings, shared with the benchmark's unencrypted
 * baseline so that the two are compared like for like.
 */
export function applyVaultPragmas(db: VaultDatabase): void {
  db.pragma('journal_mode = WAL');
  // Every acknowledged save survives power loss; never traded for speed.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  // Temporary tables and sort spills stay in memory: on disk they would be plaintext.
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -32768');
  // Another process writing the vault (the app and a command) is waited for, up to 5 s, before VAULT_BUSY.
  db.pragma('busy_timeout = 5000');
}

/** Keys a connection as SQLCipher 4 with a raw key (no KDF inside SQLCipher). */
export function applyKey(db: VaultDatabase, dataKey: Buffer): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  const hex = dataKey.toString('hex');
  db.pragma(`key = "x'${hex}'"`);
}

function verifyReadable(db: VaultDatabase, file: string): void {
  let pageCount: number;
  let pageSize: number;
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    pageCount = db.pragma('page_count', { simple: true }) as number;
    pageSize = db.pragma('page_size', { simple: true }) as number;
  } catch (error) {
    // A folder where SQLite cannot make its -wal and -shm files is not a damaged vault.
    throwIfStorageProblem(error);
    throw new VaultError('VAULT_CORRUPT', 'The vault database cannot be read: it is damaged or is not a Sole Notes vault.', {
      cause: error,
    });
  }
  // A database cut short (a failed copy, a full disk) still opens: its header
  // says how many pages it should have, so compare that with the file. While
  // a write-ahead log holds pages, the main file may legitimately be shorter.
  const walFile = `${file}-wal`;
  const walPending = fs.existsSync(walFile) && fs.statSync(walFile).size > 0;
  const size = fs.statSync(file).size;
  if (!walPending && (size % pageSize !== 0 || size / pageSize < pageCount)) {
    throw new VaultError('VAULT_CORRUPT', 'The vault database is incomplete: the file is shorter than its own header says.');
  }
}

/**
 * Every page of a SQLCipher database carries an HMAC, so a damaged page can
 * only ever fail to read, never read as something else. This reads them all
 * (and checks the b-trees and indexes) at once, so that damage is reported
 * as VAULT_CORRUPT now instead of on some later read of that page.
 */
export function verifyIntegrity(db: VaultDatabase): void {
  let problems: string[];
  try {
    problems = (db.pragma('integrity_check(10)') as { integrity_check: string }[]).map((row) => row.integrity_check);
  } catch (error) {
    throwIfStorageProblem(error);
    throw new VaultError('VAULT_CORRUPT', 'The vault database is damaged: some of its pages cannot be read. Nothing was changed.', { cause: error });
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new VaultError('VAULT_CORRUPT', 'The vault database is damaged: its integrity check failed. Nothing was changed.', {
      cause: new Error(problems.join('; ')),
    });
  }
}

/** Rethrows a full, read-only or missing disk (STORAGE_*) or a vault busy in another process as what it is, never as damage. */
function throwIfStorageProblem(error: unknown): void {
  const storage = storageErrorFrom(error);
  if (storage && (storage.code.startsWith('STORAGE_') || storage.code === 'VAULT_BUSY')) throw storage;
}
