import type { BackupInfo, BackupListing } from '../../shared/api/backupSchemas';
import type { CommandInput } from '../../shared/api/contract';
import { call, isQuietError, plainError } from '../api';
import { createVaultStore } from './createVaultStore';

/**
 * The backups in the backup folder, their settings, the last failed backup
 * and a restore waiting to be kept or undone. Folder paths and dates only,
 * nothing read from the vault; emptied on lock all the same.
 */
interface BackupsStore {
  listing: BackupListing | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(): Promise<void>;
  /** "Back up now"; the listing is read again afterwards, whether it worked or not (a failure is listed too). */
  backUpNow(): Promise<BackupInfo>;
  updateSettings(patch: CommandInput<'backups.updateSettings'>): Promise<void>;
  /** Keeps the restored vault: the one set aside is deleted. */
  keepRestore(): Promise<void>;
}

const initial = { listing: null, status: 'idle' as const, error: null };

export const useBackupsStore = createVaultStore<BackupsStore>('backups', (set, get) => ({
  ...initial,
  load: async () => {
    if (get().listing == null) set({ status: 'loading', error: null });
    try {
      const listing = await call('backups.list', {});
      set({ listing, status: 'ready', error: null });
    } catch (error) {
      if (isQuietError(error)) return;
      set({ status: 'error', error: plainError(error) });
    }
  },
  backUpNow: async () => {
    try {
      return await call('backups.create', {});
    } finally {
      await get().load();
    }
  },
  updateSettings: async (patch) => {
    const settings = await call('backups.updateSettings', patch);
    const listing = get().listing;
    if (listing != null) set({ listing: { ...listing, settings } });
    await get().load();
  },
  keepRestore: async () => {
    await call('backups.confirmRestore', {});
    await get().load();
  },
}));
