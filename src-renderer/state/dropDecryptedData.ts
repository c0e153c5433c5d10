import { dropWaitingDrafts } from '../lib/draftSender';
import { resetVaultStores } from './createVaultStore';

/**
 * Everything the renderer holds from the vault, dropped: every store made
 * with createVaultStore, and typed text still on its way to the vault (the
 * main side wrote what it had as the lock began). Called on every lock; the
 * screens holding typed text are unmounted by the App at the same moment.
 */
export function dropDecryptedData(): void {
  resetVaultStores();
  dropWaitingDrafts();
}
