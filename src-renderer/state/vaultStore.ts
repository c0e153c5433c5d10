import { create } from 'zustand';
import type { LockReason } from '../../shared/api/bridge';
import type { VaultState } from '../../shared/api/schemas';
import { call, CallError } from '../api';
import { sendWaitingDrafts } from '../lib/draftSender';
import { dropDecryptedData } from './dropDecryptedData';
import { endSession, setVaultLockedHandler } from './session';

/**
 * The vault's state as the renderer knows it — and nothing decrypted.
 * `checking` until the main side has answered; `unavailable` when it cannot
 * be asked (no bridge) or answered with an error.
 */
export type VaultView = VaultState | 'checking' | 'unavailable';

interface VaultStore {
  view: VaultView;
  /** Why the vault was last locked; shown on the unlock screen. Null when the reason is not known. */
  lockReason: LockReason | null;
  /** Bumped on every lock so that screens holding typed input are rebuilt empty. */
  lockCount: number;
  problem: string | null;
  /** Set when the Lock button could not reach the main side: the screen is locked, the vault may not be. */
  lockWarning: string | null;
  /** Said on the unlock screen instead of the lock reason, when the app locked for a reason of its own (a restore undone). */
  lockNotice: string | null;
  /** How many unfinished notes the last lock kept (the main side's count, asked after each lock). */
  draftsKept: number;
  setView(view: VaultState): void;
  /** The vault is locked (by us or by the main side): drop every decrypted value and show the unlock screen. */
  locked(reason: LockReason | null, notice?: string): void;
  /** A restore put a backup in place of the vault and left it unlocked: drop everything read before and rebuild every screen. */
  replaced(): void;
  unavailable(problem: string): void;
  /** The Lock button and shortcut. */
  lock(): Promise<void>;
}

export const useVaultStore = create<VaultStore>()((set, get) => ({
  view: 'checking',
  lockReason: null,
  lockCount: 0,
  problem: null,
  lockWarning: null,
  lockNotice: null,
  draftsKept: 0,
  setView: (view) => {
    if (view !== 'unlocked' && get().view === 'unlocked') {
      get().locked(null);
      return;
    }
    set({ view, problem: null, ...(view === 'unlocked' ? { lockReason: null, lockWarning: null, lockNotice: null } : {}) });
  },
  locked: (reason, notice) => {
    endSession();
    dropDecryptedData();
    if (get().view === 'locked') {
      // Already locked (the main side confirming our own lock, say): keep the unlock screen and what is typed in it.
      if (reason != null) set({ lockReason: reason });
      if (notice != null) set({ lockNotice: notice });
      return;
    }
    set((store) => ({ view: 'locked', lockReason: reason, lockCount: store.lockCount + 1, problem: null, lockWarning: null, lockNotice: notice ?? null, draftsKept: 0 }));
  },
  replaced: () => {
    endSession();
    dropDecryptedData();
    set((store) => ({ view: 'unlocked', lockReason: null, lockCount: store.lockCount + 1, problem: null, lockWarning: null, lockNotice: null }));
  },
  unavailable: (problem) => set({ view: 'unavailable', problem }),
  lock: async () => {
    // What was just typed goes to the main side first (these requests leave before the lock's), so the lock keeps it.
    sendWaitingDrafts();
    // Drop everything first: even if the main side cannot be reached, nothing stays on screen.
    get().locked('user');
    try {
      await call('vault.lock', {});
    } catch (error) {
      if (error instanceof CallError && (error.code === 'STALE' || error.code === 'VAULT_LOCKED')) return;
      // The screen is locked either way; say plainly that the vault itself may not be.
      set({ lockWarning: 'Sole Notes could not confirm that your notes are locked. To be sure, close Sole Notes.' });
    }
  },
}));

// A command that finds the vault locked means the main side locked it (its own event may still be on the way).
setVaultLockedHandler(() => {
  if (useVaultStore.getState().view === 'unlocked') useVaultStore.getState().locked(null);
});

/** Asks the main side for the vault's state and stores the answer. */
export async function refreshVaultState(): Promise<void> {
  const { setView, unavailable } = useVaultStore.getState();
  try {
    const state = await call('vault.status', {});
    setView(state.state);
  } catch (error) {
    unavailable(error instanceof CallError ? error.plain : 'Sole Notes could not reach your notes.');
  }
}

/** After a lock: asks how many unfinished notes it kept, for the unlock screen to say so. */
export async function refreshDraftsKept(): Promise<void> {
  try {
    const { kept } = await call('drafts.atLock', {});
    if (useVaultStore.getState().view === 'locked') useVaultStore.setState({ draftsKept: kept });
  } catch {
    // Not known: the unlock screen says nothing about it.
  }
}
