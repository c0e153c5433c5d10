import fs from 'node:fs';
import { DATABASE_FILE_SUFFIXES, databaseFile } from './folderLayout';

/*
 * The database file of a vault being created: made empty with owner-only
 * permissions, removed again when the create fails, and anything found in
 * its place set aside first, never deleted.
 */

/**
 * A database without a keys file is left over from a create that stopped
 * part-way (or its keys file was lost). It is renamed, never deleted, in
 * case the keys file turns up.
 */
export function setAsideOrphanedDatabase(folder: string, now: Date): void {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (const suffix of DATABASE_FILE_SUFFIXES) {
    const file = databaseFile(folder, suffix);
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.orphaned-${stamp}`);
  }
}

/** The empty file gets owner-only permissions, which SQLite then gives the -wal and -shm files too. */
export function createEmptyDatabaseFile(folder: string): void {
  fs.closeSync(fs.openSync(databaseFile(folder), 'wx', 0o600));
}

export function removeDatabaseFiles(folder: string): void {
  for (const suffix of DATABASE_FILE_SUFFIXES) fs.rmSync(databaseFile(folder, suffix), { force: true });
}
