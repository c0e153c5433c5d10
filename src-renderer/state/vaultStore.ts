import { create } from 'zustand';
import type { LockReason } from '../../shared/api/bridge';
import type { VaultState } from '../../shared/api/schemas';
import { bridge } from '../bridge';

/**
 * The vault's state as the renderer knows it — and nothing decrypted.
 * `checking` until the main side has answered; `unavailable` when it cannot
 * be asked (no bridge) or answered with an error.
 */
export type VaultView = VaultState | 'checking' | 'unavailable';

interface VaultStore {
  view: VaultView;
  /** Why the vault was last locked by the main side; shown on the unlock screen. */
  lockReason: LockReason | null;
  /** Bumped on every lock so that screens holding typed input are rebuilt empty. */
  lockCount: number;
  problem: string | null;
  setView(view: VaultState): void;
  locked(reason: LockReason): void;
  unavailable(problem: string): void;
}

export const useVaultStore = create<VaultStore>()((set) => ({
  view: 'checking',
  lockReason: null,
  lockCount: 0,
  problem: null,
  setView: (view) => set({ view, problem: null, ...(view === 'unlocked' ? { lockReason: null } : {}) }),
  locked: (reason) => set((store) => ({ view: 'locked', lockReason: reason, lockCount: store.lockCount + 1, problem: null })),
  unavailable: (problem) => set({ view: 'unavailable', problem }),
}));

/** Asks the main side for the vault's state and stores the answer. */
export async function refreshVaultState(): Promise<void> {
  const { setView, unavailable } = useVaultStore.getState();
  try {
    const result = await bridge().invoke('vault.status', {});
    if (result.ok) setView(result.value.state);
    else unavailable(result.error.message);
  } catch (error) {
    unavailable(error instanceof Error ? error.message : 'Sole Notes could not reach its vault.');
  }
}
