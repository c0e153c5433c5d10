import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';

/**
 * A store that may hold something read from the vault. Each one made here
 * joins one registry, and every lock empties them all (`resetVaultStores`,
 * called by the vault store), so no store can be forgotten on lock.
 * Stores that hold nothing from the vault (the vault's own state, the wait
 * after wrong passphrases) use zustand's `create` directly.
 */
interface RegisteredStore {
  readonly name: string;
  readonly getState: () => object;
  readonly reset: () => void;
}

const registry: RegisteredStore[] = [];

export function createVaultStore<T extends object>(name: string, initializer: StateCreator<T, [], []>): UseBoundStore<StoreApi<T>> {
  const useStore = create<T>()(initializer);
  registry.push({
    name,
    getState: useStore.getState,
    // Built afresh, not copied from the first state: a store's empty state may depend on the day (the services' week).
    reset: () => useStore.setState(initializer(useStore.setState, useStore.getState, useStore), true),
  });
  return useStore;
}

/** Empties every store made with createVaultStore. */
export function resetVaultStores(): void {
  for (const store of registry) store.reset();
}

/** The registered stores, by name: for the lock's tests, which check each one is empty after a lock. */
export function vaultStores(): readonly Pick<RegisteredStore, 'name' | 'getState'>[] {
  return registry.map(({ name, getState }) => ({ name, getState }));
}
