import { dropWaitingDrafts } from '../lib/draftSender';
import { resetPackageStore } from './packageStore';
import { resetBackupsStore } from './backupsStore';
import { resetNotesStore } from './notesStore';
import { resetSearchStore } from './searchStore';
import { resetServicesStore } from './servicesStore';
import { resetSettingsStore } from './settingsStore';
import { resetStudentsStore } from './studentsStore';
import { resetUiStore } from './uiStore';

/**
 * Every store that can hold something read from the vault, reset to empty.
 * Called on every lock; the screens holding typed text are unmounted by the
 * App at the same moment.
 */
export const DATA_STORE_RESETS = [
  resetStudentsStore,
  resetServicesStore,
  resetNotesStore,
  resetSearchStore,
  resetSettingsStore,
  resetUiStore,
  resetBackupsStore,
  resetPackageStore,
  // Typed text on its way to the vault: the main side wrote what it had as the lock began.
  dropWaitingDrafts,
] as const;

export function dropDecryptedData(): void {
  for (const reset of DATA_STORE_RESETS) reset();
}
