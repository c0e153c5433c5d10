/**
 * An operating-system store that can encrypt a small secret so that only this
 * user's session can decrypt it (Electron's `safeStorage`: Keychain, DPAPI,
 * the secret service). Made in src-main/app/ and injected, so the quick-unlock
 * keeper and its tests need no Electron. See docs/quick-unlock.md for what it
 * adds and what not.
 */
export interface PepperGuard {
  /** Encrypts the secret; the caller zeroes its plain copy. */
  seal(secret: Buffer): Buffer;
  /** Decrypts what seal() made; the caller zeroes the result. */
  open(sealed: Buffer): Buffer;
}

/** The pepper as the keeper holds it between a lock and a PIN unlock. */
export class HeldPepper {
  #plain: Buffer | null;
  #sealed: Buffer | null;
  readonly #guard: PepperGuard | null;

  constructor(pepper: Buffer, guard: PepperGuard | null) {
    this.#guard = guard;
    if (guard) {
      try {
        this.#sealed = guard.seal(pepper);
        this.#plain = null;
        pepper.fill(0);
        return;
      } catch {
        // The store failed (locked keyring): keep the pepper in memory, as without one.
      }
    }
    this.#sealed = null;
    this.#plain = pepper;
  }

  get guarded(): boolean {
    return this.#sealed !== null;
  }

  /** A copy of the pepper for one use; the caller zeroes it. */
  reveal(): Buffer {
    if (this.#plain) return Buffer.from(this.#plain);
    if (this.#sealed && this.#guard) return this.#guard.open(this.#sealed);
    throw new Error('The pepper was dropped.');
  }

  drop(): void {
    this.#plain?.fill(0);
    this.#sealed?.fill(0);
    this.#plain = null;
    this.#sealed = null;
  }
}
