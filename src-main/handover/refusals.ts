import { VaultError } from '../vault/errors';

/**
 * The errors a handover package or hand-back is refused with, each with its
 * own code and a message the worker can act on.
 */
export function tampered(what: 'package' | 'hand-back', problem: string): VaultError {
  const name = what === 'package' ? 'Sole Notes handover package' : 'Sole Notes hand-back';
  return new VaultError(
    'HANDOVER_TAMPERED',
    `This file is not an intact ${name}: ${problem}. It was altered or damaged after it was made, so nothing was opened. Ask for a new copy.`,
    { details: { file: what } },
  );
}

/** " (America/Chicago time)" after a date on the owner's calendar; nothing for a package that names no zone. */
function ownerZone(timeZone: string | null): string {
  return timeZone === null ? '' : ` (${timeZone} time, the owner's)`;
}

export function notYetValid(validFrom: string, timeZone: string | null): VaultError {
  return new VaultError('HANDOVER_NOT_YET_VALID', `This handover starts on ${validFrom}${ownerZone(timeZone)}. Sole Notes opens it from that day, not before.`, {
    details: { validFrom },
  });
}

export function expired(validUntil: string, timeZone: string | null): VaultError {
  return new VaultError(
    'HANDOVER_EXPIRED',
    `This handover ended on ${validUntil}${ownerZone(timeZone)}. Sole Notes no longer opens it; a package already opened can still be handed back to its owner.`,
    { details: { validUntil } },
  );
}

export function wrongRecipient(what: 'package' | 'hand-back', expectedFingerprint: string): VaultError {
  return what === 'package'
    ? new VaultError(
        'HANDOVER_WRONG_RECIPIENT',
        `This handover package was made for someone else's handover key (${expectedFingerprint}); it cannot be opened in this vault.`,
        { details: { file: 'package' } },
      )
    : new VaultError(
        'HANDOVER_WRONG_RECIPIENT',
        `This hand-back is for another vault's handover key (${expectedFingerprint}); it cannot be imported here.`,
        { details: { file: 'hand-back' } },
      );
}

export function wrongCode(): VaultError {
  return new VaultError('WRONG_HANDOVER_CODE', 'That handover code does not open this package. Check the 5 groups of 5 letters and digits with the owner.');
}
