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
  /** Too many wrong passphrases in a row: wait `details.retryAfterSeconds` before the next try. */
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
  /** The PIN of a quick unlock is not right; `details.attemptsLeft` says how many tries remain before the passphrase is needed. */
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

/** One problem with a command's input: the field it names (a dotted path, null for the input as a whole) and what is wrong, as a sentence. */
export interface InputIssue {
  field: string | null;
  message: string;
}

/**
 * Machine-readable extras beside the code, so that the renderer words its
 * messages (and picks its behaviour) from these, never from the message
 * text. Each code may carry only the keys `ERROR_DETAIL_KEYS` lists for it
 * (checked by the compiler where an error is made, and by a schema at the
 * router, shared/api/errorSchemas.ts).
 */
export interface ApiErrorDetails {
  /** WRONG_PASSPHRASE when that wrong try starts a pause, and TOO_MANY_ATTEMPTS: the seconds before the next try. */
  retryAfterSeconds?: number;
  /** WRONG_PIN: PIN tries left before the passphrase is needed (PIN_EXPIRED: 0 after the last wrong one). */
  attemptsLeft?: number;
  /** VAULT_CORRUPT, KEYS_CORRUPT, VAULT_NOT_FOUND (database gone): the newest backup to restore, null when there is none. */
  latestBackup?: BackupOffer | null;
  /** INVALID_INPUT: what is wrong, field by field. */
  issues?: InputIssue[];
  /** WRONG_RECOVERY_KEY, WRONG_HANDOVER_CODE: what was typed is not even shaped like one (the message says how). */
  malformed?: boolean;
  /** HANDOVER_NOT_YET_VALID: the handover's first day (YYYY-MM-DD, the owner's calendar). */
  validFrom?: string;
  /** HANDOVER_EXPIRED: the handover's last day (YYYY-MM-DD, the owner's calendar). */
  validUntil?: string;
  /** HANDOVER_WRONG_RECIPIENT, HANDOVER_TAMPERED: which kind of file was refused. */
  file?: 'package' | 'hand-back';
  /** CONFLICT: the report's files are already in the folder; `replace` would replace them. */
  alreadySaved?: boolean;
  /** CONFLICT: this school year was sent before with other numbers; `replace` would send the new ones. */
  sentBefore?: boolean;
}

/** The detail keys each code may carry; codes not listed carry none. */
export const ERROR_DETAIL_KEYS = {
  WRONG_PASSPHRASE: ['retryAfterSeconds'],
  TOO_MANY_ATTEMPTS: ['retryAfterSeconds'],
  WRONG_PIN: ['attemptsLeft'],
  PIN_EXPIRED: ['attemptsLeft'],
  VAULT_CORRUPT: ['latestBackup'],
  KEYS_CORRUPT: ['latestBackup'],
  VAULT_NOT_FOUND: ['latestBackup'],
  INVALID_INPUT: ['issues'],
  WRONG_RECOVERY_KEY: ['malformed'],
  WRONG_HANDOVER_CODE: ['malformed'],
  HANDOVER_NOT_YET_VALID: ['validFrom'],
  HANDOVER_EXPIRED: ['validUntil'],
  HANDOVER_WRONG_RECIPIENT: ['file'],
  HANDOVER_TAMPERED: ['file'],
  CONFLICT: ['alreadySaved', 'sentBefore'],
} as const satisfies Partial<Record<ErrorCode, readonly (keyof ApiErrorDetails)[]>>;

/** The details one code may carry. */
export type ErrorDetailsFor<C extends ErrorCode> = C extends keyof typeof ERROR_DETAIL_KEYS ? Pick<ApiErrorDetails, (typeof ERROR_DETAIL_KEYS)[C][number]> : Record<never, never>;

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Present only when the error has some (see ApiErrorDetails). */
  details?: ApiErrorDetails;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never, C extends ErrorCode = ErrorCode>(code: C, message: string, details?: ErrorDetailsFor<C>): Result<T> {
  return { ok: false, error: details && Object.keys(details).length > 0 ? { code, message, details } : { code, message } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
