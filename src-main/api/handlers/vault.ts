import { judgePassphrase } from '../../vault/keys/passphraseStrength';
import { DONE, type HandlerTable } from '../handler';

export const vaultHandlers: HandlerTable<
  | 'vault.status'
  | 'vault.passphraseStrength'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.unlockWithRecovery'
  | 'vault.changePassphrase'
  | 'vault.lock'
> = {
  'vault.status': (session) => {
    const state = session.state();
    const integrity = session.integrity();
    return integrity ? { state, integrity } : { state };
  },
  'vault.passphraseStrength': (_session, { passphrase }) => judgePassphrase(passphrase),
  'vault.create': (session, { passphrase }) => session.create(passphrase),
  'vault.unlock': async (session, { passphrase }) => {
    await session.unlock(passphrase);
    return DONE;
  },
  'vault.unlockWithRecovery': async (session, { recoveryKey, newPassphrase }) => {
    await session.unlockWithRecovery(recoveryKey, newPassphrase);
    return DONE;
  },
  'vault.changePassphrase': async (session, { currentPassphrase, newPassphrase }) => {
    await session.changePassphrase(currentPassphrase, newPassphrase);
    return DONE;
  },
  'vault.lock': (session) => {
    session.lock('user');
    return DONE;
  },
};
