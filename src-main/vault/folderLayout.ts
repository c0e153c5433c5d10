import path from 'node:path';

/*
 * The names of the files a vault folder holds, in one place. They are part
 * of the on-disk format: a backup, a restore, the output guard and the app
 * all find a vault by them, so a name here never changes without a migration
 * of the folder.
 *
 *   vault.db (+ -wal, -shm, -journal)  the encrypted database
 *   vault.keys.json                     the data key, wrapped per secret (keys/keyFile.ts)
 *   vault.keys.lock                     held while the keys file changes (keys/keyFileLock.ts)
 *   vault.attempts.json                 wrong passphrases in a row (keys/attempts.ts)
 *   vault.backup.json                   where backups go (backups/backupSettings.ts)
 *   before-restore/                     the vault as it was before a restore (backups/restore.ts)
 *   handovers/                          handover files kept with the vault
 *
 * A backup folder holds the same database and keys file names.
 */

export const DATABASE_FILE_NAME = 'vault.db';
/** The database and the files SQLite keeps beside it. */
export const DATABASE_FILE_SUFFIXES = ['', '-wal', '-shm', '-journal'] as const;
export type DatabaseFileSuffix = (typeof DATABASE_FILE_SUFFIXES)[number];
export const DATABASE_FILES: readonly string[] = DATABASE_FILE_SUFFIXES.map((suffix) => `${DATABASE_FILE_NAME}${suffix}`);

export const KEY_FILE_NAME = 'vault.keys.json';
export const KEY_FILE_LOCK_NAME = 'vault.keys.lock';
export const ATTEMPTS_FILE_NAME = 'vault.attempts.json';
export const BACKUP_SETTINGS_FILE_NAME = 'vault.backup.json';
export const RESTORE_ASIDE_DIR = 'before-restore';
export const HANDOVERS_FOLDER = 'handovers';

export function databaseFile(folder: string, suffix: DatabaseFileSuffix = ''): string {
  return path.join(folder, `${DATABASE_FILE_NAME}${suffix}`);
}
