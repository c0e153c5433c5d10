import type { LockReason } from '../shared/api/bridge';
import type { ApiError } from '../shared/api/errors';

/** What to tell the worker for each error code; the main side's message is the fallback. */
export function errorMessage(error: ApiError): string {
  switch (error.code) {
    case 'WRONG_PASSPHRASE':
      return 'That passphrase did not open the vault. Check Caps Lock and the keyboard layout, then try again.';
    case 'WEAK_PASSPHRASE':
      return 'That passphrase would be too easy to guess. Add a few more words.';
    case 'VAULT_NOT_FOUND':
      return 'No vault was found on this laptop.';
    case 'VAULT_EXISTS':
      return 'A vault already exists on this laptop. Unlock it instead.';
    case 'VAULT_CORRUPT':
      return 'The vault could not be read; it may be damaged. Do not delete anything, and ask for help before trying again.';
    case 'KEYS_CORRUPT':
      return 'The vault’s key file could not be read; it may be damaged. Do not delete anything, and ask for help before trying again.';
    case 'VAULT_FROM_FUTURE':
      return 'This vault was saved by a newer version of Sole Notes. Update Sole Notes to open it; the vault has not been changed.';
    case 'VAULT_LOCKED':
      return 'The vault is locked. Unlock it to continue.';
    case 'INVALID_INPUT':
      return error.message;
    default:
      return `Something went wrong: ${error.message}`;
  }
}

export function lockReasonMessage(reason: LockReason): string {
  switch (reason) {
    case 'user':
      return 'You locked the vault.';
    case 'idle':
      return 'The vault locked itself after a while without activity.';
    case 'screen-lock':
      return 'The vault locked when the screen was locked.';
    case 'suspend':
      return 'The vault locked when the laptop went to sleep.';
    case 'window-closed':
      return 'The vault locked when the window was closed.';
  }
}

export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'] as const;
