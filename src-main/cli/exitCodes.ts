import type { ErrorCode } from '../../shared/api/errors';

/**
 * The CLI's exit codes: 0 ok, 1 usage or invalid input, 2 wrong passphrase
 * (or handover code), 3 any other failure, 4 a handover package or hand-back
 * refused (not yet valid, expired, for another recipient, altered), 5 a
 * report failed verification (`verify`, `district-summary`) or a vault's
 * history did (`audit verify`: a note's version chain or the audit chain).
 */
export const EXIT = { ok: 0, usage: 1, wrongPassphrase: 2, failure: 3, handoverRefused: 4, reportInvalid: 5, historyBroken: 5 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(code: ErrorCode): ExitCode {
  switch (code) {
    case 'WRONG_PASSPHRASE':
    case 'WRONG_RECOVERY_KEY':
    case 'WRONG_HANDOVER_CODE':
    case 'WRONG_PIN':
      return EXIT.wrongPassphrase;
    case 'HANDOVER_NOT_YET_VALID':
    case 'HANDOVER_EXPIRED':
    case 'HANDOVER_WRONG_RECIPIENT':
    case 'HANDOVER_TAMPERED':
      return EXIT.handoverRefused;
    case 'INVALID_INPUT':
    case 'WEAK_PASSPHRASE':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'UNKNOWN_COMMAND':
      return EXIT.usage;
    default:
      return EXIT.failure;
  }
}
