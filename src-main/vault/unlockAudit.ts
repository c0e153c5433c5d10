import type { UnlockAttempts } from './keys/attempts';
import type { OpenVault, UnlockMethod } from './openVault';
import { writeTransaction } from './writeTransaction';

/**
 * The audit entries of what happened while the vault was locked: failed
 * unlocks wait in the attempts file, other events here in memory, and all
 * of them are appended at the next unlock, before the unlock itself.
 */
export class UnlockAudit {
  readonly #attempts: UnlockAttempts;
  #pending: { action: string; details: Record<string, unknown> }[] = [];

  constructor(attempts: UnlockAttempts) {
    this.#attempts = attempts;
  }

  /** Appends to `open`'s audit log now, or at the next unlock when the vault is locked. */
  append(open: OpenVault | null, action: string, details: Record<string, unknown>): void {
    if (open) open.data.audit.append(action, details);
    else this.#pending.push({ action, details });
  }

  /**
   * Logs the failed attempts kept in the attempts file and anything else
   * pending, then the unlock itself, and only then lifts the brake.
   */
  unlocked(opened: OpenVault, method: UnlockMethod): void {
    const failed = this.#attempts.unaudited();
    writeTransaction(opened.db, () => {
      for (const entry of failed.entries) opened.data.audit.append('vault.unlock_failed', { method: entry.method, at: entry.at });
      if (failed.dropped > 0) opened.data.audit.append('vault.unlock_failed_unlogged', { count: failed.dropped });
    })();
    // One at a time, so entries already appended are not appended again if one fails.
    for (let next = this.#pending[0]; next; next = this.#pending[0]) {
      opened.data.audit.append(next.action, next.details);
      this.#pending.shift();
    }
    opened.data.audit.append('vault.unlocked', { method });
    this.#attempts.reset();
  }
}
