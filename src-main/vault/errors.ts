import type { ApiErrorDetails, ErrorCode, ErrorDetailsFor } from '../../shared/api/errors';

/**
 * The one error type the vault and the services throw on purpose. The router
 * turns it into `{ ok: false, error: { code, message, details } }`; anything
 * else that escapes is reported as INTERNAL without its details.
 */
export class VaultError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: ErrorCode;
  /** Machine-readable extras the router passes on (the wait in seconds, the backup on offer): only the keys this code may carry. */
  details: ApiErrorDetails | undefined;

  constructor(code: C, message: string, options?: { cause?: unknown; details?: ErrorDetailsFor<C> }) {
    super(message, options);
    this.name = 'VaultError';
    this.code = code;
    this.details = options?.details;
  }
}

export function isVaultError(error: unknown): error is VaultError {
  return error instanceof VaultError;
}
