/**
 * Minutes without activity before Sole Notes locks, for a new vault: 10, with
 * a PIN after a short break available (docs/quick-unlock.md says why). Vaults
 * made before keep what they store (migration 001 stored 5).
 */
export const DEFAULT_AUTO_LOCK_MINUTES = 10;
