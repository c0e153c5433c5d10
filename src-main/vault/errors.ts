import type { ErrorCode } from '../../shared/api/errors';

/**
 * The one error type the vault and the services throw on purpose. The router
 * turns it into `{ ok: false, error: { code, message } }`; anything else that
 * escapes is reported as INTERNAL without its details.
 */
export class VaultError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VaultError';
    this.code = code;
  }
}

export function isVaultError(error: unknown): error is VaultError {
  return error instanceof VaultError;
}
