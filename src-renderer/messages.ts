import type { LockReason } from '../shared/api/bridge';
import type { ApiError, InputIssue } from '../shared/api/errors';
import { formatLongDate } from './lib/dates';

export const UNREACHABLE_MESSAGE = 'Sole Notes could not reach your notes. Close Sole Notes and open it again.';

/** A problem written by the main side as one sentence: capitalised, with its full stop. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * What is wrong with the input, in sentences and without the field names
 * ("studentIds: individual session is logged…" becomes "Individual session
 * is logged…."): read from the error's issues, not from its message.
 */
export function plainValidationMessage(issues: readonly InputIssue[] | undefined, message = ''): string {
  const sentences = (issues ?? (message.trim() === '' ? [] : [{ field: null, message }])).map((issue) => issue.message.trim()).filter((text) => text !== '').map(asSentence);
  return sentences.length === 0 ? 'Some of what was entered could not be used. Check the form and try again.' : sentences.join(' ');
}

/** What to tell the worker for each error code; the main side's message only where it is already plain. */
export function errorMessage(error: ApiError): string {
  const details = error.details ?? {};
  switch (error.code) {
    case 'WRONG_PASSPHRASE':
      return 'That passphrase did not open your notes. Check Caps Lock and the keyboard layout, then try again.';
    case 'WRONG_RECOVERY_KEY':
      // The main side explains what is wrong with the key's shape in plain words; a well-formed wrong key gets ours.
      return details.malformed === true
        ? error.message
        : 'That recovery key did not open your notes. Check each group of letters and digits against your printed copy.';
    case 'WEAK_PASSPHRASE':
      return 'That passphrase would be too easy to guess. Add a few more words.';
    case 'VAULT_NOT_FOUND':
      return 'No notes were found on this laptop.';
    case 'VAULT_EXISTS':
      return 'Sole Notes is already set up on this laptop. Unlock it instead.';
    case 'VAULT_CORRUPT':
      return 'Your notes could not be read; the file may be damaged. Do not delete anything, and ask for help before trying again.';
    case 'KEYS_CORRUPT':
      return 'The file that unlocks your notes could not be read; it may be damaged. Do not delete anything, and ask for help before trying again.';
    case 'VAULT_FROM_FUTURE':
      return 'These notes were saved by a newer version of Sole Notes. Update Sole Notes to open them; nothing has been changed.';
    case 'VAULT_LOCKED':
      return 'Sole Notes is locked. Unlock it to continue.';
    case 'TOO_MANY_ATTEMPTS':
      return waitMessage(details.retryAfterSeconds ?? 1);
    case 'INVALID_INPUT':
      return plainValidationMessage(details.issues, error.message);
    case 'NOT_FOUND':
      return 'That item is no longer in your notes. It may have been removed.';
    case 'CONFLICT':
      // Conflicts are worded for people on the main side ("A student with code X already exists.").
      return error.message;
    case 'HANDOVER_NOT_YET_VALID':
      return handoverNotYetValidMessage(details.validFrom ?? null);
    case 'HANDOVER_EXPIRED':
      return handoverExpiredMessage(details.validUntil ?? null);
    case 'HANDOVER_WRONG_RECIPIENT':
      return details.file === 'hand-back'
        ? 'This hand-back was made for another worker’s handover key, so it cannot be taken in here. Nothing was changed.'
        : HANDOVER_WRONG_RECIPIENT_MESSAGE;
    case 'HANDOVER_TAMPERED':
      return details.file === 'hand-back'
        ? 'This hand-back file was changed or damaged after it was made, so nothing in it was taken in. Ask the substitute for a new copy.'
        : 'This handover file was changed or damaged after it was made, so nothing in it was opened. Ask the colleague who made it for a new copy.';
    case 'WRONG_HANDOVER_CODE':
      // The main side says plainly what is wrong with a code's shape; a well-formed wrong code gets ours.
      return details.malformed === true
        ? error.message
        : 'That code does not open this handover file. Check the 5 groups of 5 letters and digits with the colleague who gave it to you, then try again.';
    case 'WRONG_PIN': {
      const left = details.attemptsLeft ?? 1;
      return `That PIN is not right. ${left} more ${left === 1 ? 'try' : 'tries'}, then Sole Notes asks for your passphrase.`;
    }
    case 'PIN_EXPIRED':
      return 'For your safety, Sole Notes now asks for your passphrase. Your notes are safe.';
    case 'UNKNOWN_COMMAND':
    case 'INTERNAL':
      return 'Something went wrong in Sole Notes and that did not finish. Try again; if it keeps happening, close Sole Notes and open it again.';
    default:
      // The main side words its other errors (backups, handovers, storage) for people already.
      return error.message;
  }
}

/* Handover refusals, also shown before opening when a package's own details already say it cannot be opened. */

export const HANDOVER_WRONG_RECIPIENT_MESSAGE =
  'This handover file was made for someone else’s handover key, so it cannot be opened with yours. If it is meant for you, send them your handover key and ask them to make it again.';

export function handoverNotYetValidMessage(validFrom: string | null): string {
  return validFrom == null
    ? 'This handover has not started yet. Sole Notes opens it from its first day, not before.'
    : `This handover starts on ${formatLongDate(validFrom)}. Sole Notes opens it from that day, not before.`;
}

export function handoverExpiredMessage(validUntil: string | null): string {
  return validUntil == null
    ? 'This handover has ended, so Sole Notes no longer opens its notes.'
    : `This handover ended on ${formatLongDate(validUntil)}, so Sole Notes no longer opens its notes.`;
}

export function lockReasonMessage(reason: LockReason): string {
  switch (reason) {
    case 'user':
      return 'You locked Sole Notes.';
    case 'idle':
      return 'Sole Notes locked itself after a while without activity.';
    case 'screen-lock':
      return 'Sole Notes locked when the screen was locked.';
    case 'suspend':
      return 'Sole Notes locked when the laptop went to sleep.';
    case 'window-closed':
      return 'Sole Notes locked when the window was closed.';
  }
}

/** The pause after too many wrong passphrases, in the words the unlock screen counts down with. */
export function waitMessage(seconds: number): string {
  return `Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} before trying again.`;
}

export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'] as const;
