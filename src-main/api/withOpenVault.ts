import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import type { VaultSession } from '../vault/vaultSession';

/**
 * Runs a handler that waits (a key derivation, a file) on the open vault's
 * data. The vault may lock while it waits: the database closes under it and
 * whatever it touches next fails with an error that says nothing useful. If
 * the vault locked during the work and the work failed, the answer is
 * VAULT_LOCKED, as it would have been had the vault been locked when the
 * request came. A locked vault answers VAULT_LOCKED before the work starts.
 * Work that finished before the lock keeps its result.
 */
export async function withOpenVault<T>(session: VaultSession, work: (data: VaultData) => T | Promise<T>): Promise<T> {
  const data = session.data;
  let lockedMeanwhile = false;
  const stopListening = session.onLock(() => {
    lockedMeanwhile = true;
  });
  try {
    return await work(data);
  } catch (error) {
    if (lockedMeanwhile) throw new VaultError('VAULT_LOCKED', 'The vault locked before that could finish; unlock it and try again.');
    throw error;
  } finally {
    stopListening();
  }
}
