/**
 * Every error that crosses the API boundary carries one of these codes. The
 * renderer and the CLI pick their wording and exit codes from the code, never
 * from the message text.
 */
export const ERROR_CODES = [
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'WEAK_PASSPHRASE',
  'VAULT_LOCKED',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_CORRUPT',
  'KEYS_CORRUPT',
  'VAULT_FROM_FUTURE',
  /** Too many wrong passphrases in a row: wait `retryAfterSeconds` before the next try. */
  'TOO_MANY_ATTEMPTS',
  /** The disk holding the vault (or the backup folder) is full; nothing was written. */
  'STORAGE_FULL',
  /** The vault folder (or the backup folder) cannot be written: read-only medium or no permission; nothing was written. */
  'STORAGE_READ_ONLY',
  /** The folder is not there or not a folder (a USB drive not plugged in), or the disk failed to read or write. */
  'STORAGE_UNAVAILABLE',
  /** Another Sole Notes (the app or a command) kept the vault busy writing longer than a save waits; nothing was written. */
  'VAULT_BUSY',
  /** A backup's files do not match its manifest, or it does not open and pass the integrity check; nothing was replaced. */
  'BACKUP_CORRUPT',
  'INVALID_INPUT',
  'UNKNOWN_COMMAND',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
  /** The command needs something this front door does not have (a folder dialog, from the command line). */
  'NOT_AVAILABLE',
  /** A handover package before its start date (the first instant of that day in the owner's time zone). */
  'HANDOVER_NOT_YET_VALID',
  /** A handover package after its end date: the substitute's app no longer opens it. */
  'HANDOVER_EXPIRED',
  /** A handover package (or hand-back) made for another vault's handover key. */
  'HANDOVER_WRONG_RECIPIENT',
  /** A handover package or hand-back altered in any byte: signature, manifest or payload does not check out. */
  'HANDOVER_TAMPERED',
  /** The one-time handover code does not open the package. */
  'WRONG_HANDOVER_CODE',
  /** The PIN of a quick unlock is not right; `attemptsLeft` says how many tries remain before the passphrase is needed. */
  'WRONG_PIN',
  /** No quick unlock now (three wrong PINs, the end of the working day, a restart or sleep, or none set): the passphrase is needed. */
  'PIN_EXPIRED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The newest backup the worker could restore, offered with errors that a restore can fix. */
export interface BackupOffer {
  id: string;
  createdAt: string;
}

/**
 * Machine-readable extras beside the code, present only where they apply.
 * `retryAfterSeconds`: TOO_MANY_ATTEMPTS, and WRONG_PASSPHRASE when that
 * wrong try starts a pause (the seconds before the next). `latestBackup`: VAULT_CORRUPT,
 * KEYS_CORRUPT, VAULT_NOT_FOUND (database gone) — null when no backup exists.
 * `attemptsLeft`: WRONG_PIN, and PIN_EXPIRED (0) when that wrong PIN was the last try.
 */
export interface ApiErrorDetails {
  retryAfterSeconds?: number;
  /** WRONG_PIN: PIN tries left before the passphrase is needed (PIN_EXPIRED: 0 after the last wrong one). */
  attemptsLeft?: number;
  latestBackup?: BackupOffer | null;
}

export interface ApiError extends ApiErrorDetails {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string, details?: ApiErrorDetails): Result<T> {
  return { ok: false, error: details ? { ...details, code, message } : { code, message } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
