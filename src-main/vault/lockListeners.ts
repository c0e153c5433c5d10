import type { LockReason } from '../../shared/api/bridge';
import type { VaultData } from './vaultData';

/**
 * Who hears of a lock: before the database closes (the draft keeper writes
 * what is pending) and after (the app's windows). One failing listener never
 * stops the others, nor the lock.
 */
export class LockListeners {
  readonly #afterLock = new Set<(reason: LockReason) => void>();
  readonly #beforeClose = new Set<(data: VaultData) => void>();

  /** Calls back after each lock; returns an unsubscribe function. */
  onLock(listener: (reason: LockReason) => void): () => void {
    this.#afterLock.add(listener);
    return () => this.#afterLock.delete(listener);
  }

  /** Calls back as a lock begins, before the database closes; returns an unsubscribe function. */
  onBeforeClose(listener: (data: VaultData) => void): () => void {
    this.#beforeClose.add(listener);
    return () => this.#beforeClose.delete(listener);
  }

  closing(data: VaultData): void {
    for (const listener of [...this.#beforeClose]) {
      try {
        listener(data);
      } catch {
        // Locking goes on regardless.
      }
    }
  }

  locked(reason: LockReason): void {
    for (const listener of [...this.#afterLock]) {
      try {
        listener(reason);
      } catch {
        // One failing listener must not stop the others from hearing of the lock.
      }
    }
  }
}
