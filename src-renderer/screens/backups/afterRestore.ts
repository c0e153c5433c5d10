import type { CommandOutput } from '../../../shared/api/contract';
import { call } from '../../api';
import { onBackupWhen } from '../../lib/backupWords';
import { useUiStore } from '../../state/uiStore';
import { useUnlockDelayStore } from '../../state/unlockDelayStore';
import { useVaultStore } from '../../state/vaultStore';
import type { RestoreSituation } from './RestoreDialog';

/**
 * After a restore the vault in place is another one, unlocked: everything
 * read before is dropped and every screen rebuilt. On a new laptop there is
 * nothing to go back to, so the restore is kept at once.
 */
export async function showRestoredVault(result: CommandOutput<'backups.restore'>, situation: RestoreSituation): Promise<void> {
  const when = onBackupWhen(result.backup.createdAt);
  if (situation === 'new-laptop') {
    // If this fails, the notice to keep or go back shows instead, which is just as safe.
    await call('backups.confirmRestore', {}).catch(() => undefined);
  }
  useUnlockDelayStore.getState().clear();
  useVaultStore.getState().replaced();
  // After a restore here, the banner on every screen says which day the worker is looking at; on a new
  // laptop nothing else on the first screen says the notes came back, so a notice does.
  if (situation === 'new-laptop') useUiStore.getState().announce(`Your notes are restored from the backup made ${when}.`);
}
