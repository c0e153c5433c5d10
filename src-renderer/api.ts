import type { CommandInput, CommandName, CommandOutput } from '../shared/api/contract';
import type { ApiError, ApiErrorDetails, ErrorCode } from '../shared/api/errors';
import { bridge } from './bridge';
import { errorMessage, UNREACHABLE_MESSAGE } from './messages';
import { reportVaultLocked, sessionEpoch } from './state/session';

/** Why a call failed: an API error code, the bridge being unreachable, or the vault locking while we waited. */
export type CallErrorCode = ErrorCode | 'UNREACHABLE' | 'STALE';

/**
 * A failed call, carrying the code and a message written for the worker
 * (`plain`). The main side's own message is kept in `detail` for the few
 * places that show it (it never holds a passphrase).
 */
export class CallError extends Error {
  readonly code: CallErrorCode;
  readonly plain: string;
  readonly detail: string;
  /** The main side's machine-readable extras (the wait after wrong passphrases, the backup on offer, the fields at fault): read these, never `detail`'s text. */
  readonly details: ApiErrorDetails;

  constructor(code: CallErrorCode, plain: string, detail = plain, details: ApiErrorDetails = {}) {
    super(plain);
    this.name = 'CallError';
    this.code = code;
    this.plain = plain;
    this.detail = detail;
    this.details = details;
  }
}

/**
 * The renderer's one way to run a command: calls the main side, unwraps the
 * Result, and throws a CallError with a plain message on failure. An answer
 * that arrives after the vault locked is thrown away (code STALE) so nothing
 * decrypted lands in a store after a lock.
 */
export async function call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const startedIn = sessionEpoch();
  let result: Awaited<ReturnType<ReturnType<typeof bridge>['invoke']>>;
  try {
    result = await bridge().invoke(name, input);
  } catch {
    throw new CallError('UNREACHABLE', UNREACHABLE_MESSAGE);
  }
  if (sessionEpoch() !== startedIn) {
    throw new CallError('STALE', 'Sole Notes locked before this finished.');
  }
  if (result.ok) return result.value as CommandOutput<N>;
  const error: ApiError = result.error;
  if (error.code === 'VAULT_LOCKED' && !name.startsWith('vault.')) reportVaultLocked();
  throw new CallError(error.code, errorMessage(error), error.message, error.details ?? {});
}

/** The plain message for anything a call (or our own code) threw. */
export function plainError(error: unknown): string {
  if (error instanceof CallError) return error.plain;
  return 'Something went wrong in Sole Notes and that did not finish. Try again.';
}

/** True for a failure nobody needs to hear about (the vault locked meanwhile; the unlock screen says so). */
export function isQuietError(error: unknown): boolean {
  return error instanceof CallError && (error.code === 'STALE' || error.code === 'VAULT_LOCKED');
}
