import type { QuickUnlockStatus } from '../../shared/api/quickUnlockSchemas';
import { Failure, type FakeHandlers, type FakeState } from './fakeBridge';

/** The PIN after a short lock, faked: the same answers as src-main/api/handlers/quickUnlock.ts, nothing derived. */
export interface FakeQuickUnlock {
  pin: string | null;
  available: boolean;
  attemptsLeft: number;
  afterScreenLock: boolean;
  passphraseThisRun: boolean;
}

export function fakeQuickUnlock(initial: Partial<FakeQuickUnlock> = {}) {
  const quick: FakeQuickUnlock = { pin: null, available: false, attemptsLeft: 0, afterScreenLock: true, passphraseThisRun: true, ...initial };
  const status = (): QuickUnlockStatus => ({
    pinSet: quick.pin != null,
    available: quick.available,
    attemptsLeft: quick.available ? quick.attemptsLeft : 0,
    until: '2026-03-02T23:00:00.000Z',
    afterScreenLock: quick.afterScreenLock,
    passphraseThisRun: quick.passphraseThisRun,
  });
  const handlers = (state: () => FakeState): FakeHandlers => ({
    'quickUnlock.status': status,
    'quickUnlock.set': ({ pin, afterScreenLock }) => {
      if (state().vault !== 'unlocked') throw new Failure('VAULT_LOCKED', 'The vault is locked.');
      quick.pin = pin;
      quick.afterScreenLock = afterScreenLock ?? quick.afterScreenLock;
      return status();
    },
    'quickUnlock.clear': () => {
      quick.pin = null;
      quick.available = false;
      return status();
    },
    'vault.unlockWithPin': ({ pin }) => {
      if (!quick.available) throw new Failure('PIN_EXPIRED', 'No PIN unlock now.');
      if (pin !== quick.pin) {
        quick.attemptsLeft -= 1;
        if (quick.attemptsLeft <= 0) {
          quick.available = false;
          quick.pin = null;
          throw new Failure('PIN_EXPIRED', 'Three wrong PINs.');
        }
        throw new Failure('WRONG_PIN', 'Wrong PIN.', { attemptsLeft: quick.attemptsLeft });
      }
      state().vault = 'unlocked';
      quick.available = false;
      return { done: true };
    },
  });
  return { quick, handlers };
}
