import { VaultError } from './errors';

/** Which files a failed write was for; it decides the wording, not the code. 'file': any other file (an export). */
export type StorageTarget = 'vault' | 'backup' | 'file';

const FULL_ERRNOS = new Set(['ENOSPC', 'EDQUOT']);
const READ_ONLY_ERRNOS = new Set(['EROFS', 'EACCES', 'EPERM']);
const UNAVAILABLE_ERRNOS = new Set(['ENOENT', 'ENOTDIR', 'EEXIST', 'EISDIR', 'EIO', 'ENXIO', 'ENODEV', 'ESTALE']);

const BUSY_MESSAGE =
  'The vault is busy: another Sole Notes (the app, or a command) is writing to it, so nothing was changed. Try again in a moment.';

const MESSAGES = {
  full: {
    vault: 'The disk that holds the vault is full, so nothing was saved. Free some space, then try again.',
    backup: 'The backup folder’s disk is full, so no backup was made. Free some space or choose another folder.',
    file: 'The disk is full, so that could not be saved. Free some space, then try again.',
  },
  readOnly: {
    vault: 'Sole Notes cannot write to the vault folder (it is read-only, or this account may not change it), so nothing was saved.',
    backup: 'Sole Notes cannot write to the backup folder (it is read-only, or this account may not change it), so no backup was made.',
    file: 'Sole Notes may not write to that folder (it is read-only, or this account may not change it), so nothing was saved.',
  },
  unavailable: {
    vault: 'The vault folder could not be read or written (was a drive removed?), so nothing was saved.',
    backup: 'The backup folder is not there or is not a folder (is the USB drive plugged in?), so no backup was made.',
    file: 'That folder is not there or could not be read or written (was a drive removed?), so nothing was saved.',
  },
  corrupt: {
    vault: 'Part of the vault database cannot be read: it is damaged. Nothing was changed; restore a backup.',
    backup: 'Part of the backup cannot be read: it is damaged. Nothing was changed.',
    file: 'Part of the vault database cannot be read: it is damaged. Nothing was changed; restore a backup.',
  },
} as const;

/**
 * Turns what the disk or SQLite threw into the typed error the worker can act
 * on: a full disk (STORAGE_FULL), a folder that cannot be written
 * (STORAGE_READ_ONLY), a folder that is not there or a failing disk
 * (STORAGE_UNAVAILABLE) or a damaged database page (VAULT_CORRUPT; SQLCipher
 * checks every page's HMAC, so damage is always an error, never a wrong
 * read). Returns null for anything else, which stays INTERNAL.
 *
 * SQLite rolls back the transaction that met the error and the keys, attempts
 * and backup files are written to a temporary name and renamed, so each of
 * these errors means that nothing was half written.
 */
export function storageErrorFrom(error: unknown, target: StorageTarget = 'vault'): VaultError | null {
  // A write that failed for a storage reason but was reported as INTERNAL (an export, a handover file) says so in the app's words.
  if (error instanceof VaultError) return error.code === 'INTERNAL' ? (storageErrorFrom(error.cause, 'file') ?? error) : error;
  if (!(error instanceof Error)) return null;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== 'string') return null;
  // SQLite's errors are always about the database it has open: the vault's, or a backup's.
  if (code.startsWith('SQLITE_') && target === 'file') target = 'vault';

  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new VaultError('VAULT_BUSY', BUSY_MESSAGE, { cause: error });
  }

  if (FULL_ERRNOS.has(code) || code === 'SQLITE_FULL') {
    return new VaultError('STORAGE_FULL', MESSAGES.full[target], { cause: error });
  }
  if (READ_ONLY_ERRNOS.has(code) || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new VaultError('STORAGE_READ_ONLY', MESSAGES.readOnly[target], { cause: error });
  }
  if (UNAVAILABLE_ERRNOS.has(code) || code.startsWith('SQLITE_IOERR')) {
    return new VaultError('STORAGE_UNAVAILABLE', MESSAGES.unavailable[target], { cause: error });
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new VaultError(target === 'vault' ? 'VAULT_CORRUPT' : 'BACKUP_CORRUPT', MESSAGES.corrupt[target], { cause: error });
  }
  return null;
}

/** `storageErrorFrom`, or the error itself when it is not a storage error. */
export function asStorageError(error: unknown, target: StorageTarget = 'vault'): unknown {
  return storageErrorFrom(error, target) ?? error;
}
