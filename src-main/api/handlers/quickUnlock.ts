import { VaultError } from '../../vault/errors';
import { DONE, type HandlerTable } from '../handler';

/* The PIN after a short lock (src-main/vault/quickUnlock/). The attempt counter lives in the keeper: no command resets it. */
export const quickUnlockHandlers: HandlerTable<'vault.unlockWithPin' | 'quickUnlock.status' | 'quickUnlock.set' | 'quickUnlock.clear'> = {
  'vault.unlockWithPin': async (session, { pin }) => {
    await session.unlockWithPin(pin);
    return DONE;
  },
  'quickUnlock.status': (session) => session.quickUnlock.status(),
  'quickUnlock.set': async (session, { pin, afterScreenLock }) => {
    if (session.state() !== 'unlocked') throw new VaultError('VAULT_LOCKED', 'The vault is locked: unlock it with the passphrase to set a PIN.');
    await session.quickUnlock.set(pin, { afterScreenLock });
    return session.quickUnlock.status();
  },
  'quickUnlock.clear': (session) => {
    if (session.state() !== 'unlocked') throw new VaultError('VAULT_LOCKED', 'The vault is locked: unlock it to turn the PIN off.');
    session.quickUnlock.clear();
    return session.quickUnlock.status();
  },
};
