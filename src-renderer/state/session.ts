/**
 * The unlocked session as the renderer sees it. `epoch` changes every time
 * the vault locks, so an answer that arrives after a lock (the request was
 * sent while unlocked) is recognised as stale and dropped instead of
 * repopulating a store with decrypted data.
 */
let epoch = 0;
let lockedHandler: (() => void) | null = null;

export function sessionEpoch(): number {
  return epoch;
}

/** Called by the vault store whenever the vault locks. */
export function endSession(): void {
  epoch += 1;
}

/** The vault store registers what to do when a command finds the vault locked. */
export function setVaultLockedHandler(handler: (() => void) | null): void {
  lockedHandler = handler;
}

export function reportVaultLocked(): void {
  lockedHandler?.();
}
