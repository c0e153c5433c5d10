import crypto from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import type { LockReason } from '../../../shared/api/bridge';
import { PIN_ATTEMPTS, pinProblem } from '../../../shared/domain/quickUnlockPin';
import { DATA_KEY_BYTES } from '../connection';
import { VaultError } from '../errors';
import { unwrapKey, wrapKey, type SealedKey } from '../keys/keyFile';
import { HeldPepper, type PepperGuard } from './pepperGuard';

/** How long after the passphrase a PIN may unlock: a working day. */
export const QUICK_UNLOCK_WINDOW_MS = 10 * 60 * 60 * 1000;

/** argon2id cost for the PIN: short (about 60 ms on a fast laptop, more on a school one), still memory-hard. */
export interface PinKdfCost {
  memoryKiB: number;
  passes: number;
}
export const PIN_KDF_COST: PinKdfCost = { memoryKiB: 64 * 1024, passes: 3 };

const SALT_BYTES = 16;
const PEPPER_BYTES = 32;
const ARGON2ID = 2; // Algorithm.Argon2id (a const enum cannot be imported under isolatedModules)
const WRAP_AAD = Buffer.from('sole-notes/quick-unlock/v1', 'utf8');
const PIN_KEY_AAD = Buffer.from('sole-notes/quick-unlock/v1/pin-key', 'utf8');
const HKDF_INFO = Buffer.from('sole-notes quick unlock key', 'utf8');

export interface QuickUnlockOptions {
  clock?: () => Date;
  /** Encrypts the in-memory pepper with the OS's store, where there is one (made in src-main/app/). */
  pepperGuard?: PepperGuard | null;
  kdf?: PinKdfCost;
  windowMs?: number;
}

export interface QuickUnlockStatus {
  /** A PIN is set in this run (while unlocked) or waiting at the unlock screen (while locked). */
  pinSet: boolean;
  /** The unlock screen may offer the PIN now. */
  available: boolean;
  attemptsLeft: number;
  /** End of the working day's window: the passphrase is needed after it. Null before the passphrase was typed in this run. */
  until: string | null;
  afterScreenLock: boolean;
  /** Whether the passphrase was typed in this run (a PIN may be set). */
  passphraseThisRun: boolean;
}

/** What is held between a lock and a PIN unlock: nothing of it opens the vault without the PIN and the pepper. */
interface LockedState {
  wrapped: SealedKey;
  /** The PIN's key under the data key, so a passphrase unlock keeps the PIN ("Use passphrase instead"); useless without the data key. */
  pinKeyUnderDataKey: SealedKey;
  salt: Buffer;
  pepper: HeldPepper;
}

/**
 * Keeps the state of the PIN unlock, in this process's memory only (see
 * docs/quick-unlock.md). While unlocked it holds `argon2id(PIN, salt)`, never
 * the PIN; at an idle lock it wraps the data key under that and a random
 * pepper and zeroes the rest; a PIN unlock unwraps it. Three wrong PINs, the
 * end of the window, a suspend, closing or quitting drop everything (zeroed).
 */
export class QuickUnlockKeeper {
  readonly #clock: () => Date;
  readonly #guard: PepperGuard | null;
  readonly #kdf: PinKdfCost;
  readonly #windowMs: number;
  /** When the passphrase was last typed in this run; the window runs from here. */
  #passphraseAt: number | null = null;
  #pinKey: { key: Buffer; salt: Buffer } | null = null;
  #locked: LockedState | null = null;
  #afterScreenLock = true;
  #failures = 0;
  #expiryTimer: NodeJS.Timeout | null = null;
  /** Every key-sized Buffer made here, kept only under NODE_ENV=test so tests can see them zeroed. */
  readonly #buffers: Buffer[] | null = process.env.NODE_ENV === 'test' ? [] : null;

  constructor(options: QuickUnlockOptions = {}) {
    this.#clock = options.clock ?? (() => new Date());
    this.#guard = options.pepperGuard ?? null;
    this.#kdf = options.kdf ?? PIN_KDF_COST;
    this.#windowMs = options.windowMs ?? QUICK_UNLOCK_WINDOW_MS;
  }

  /**
   * The passphrase (or the recovery key) opened the vault: a new window
   * starts. A PIN waiting from the last lock stays set (its key comes back
   * with the data key); anything else is dropped.
   */
  passphraseEntered(dataKey: Buffer | null = null): void {
    const locked = this.#locked;
    const pinKey = locked && dataKey ? unwrapKey(locked.pinKeyUnderDataKey, dataKey, PIN_KEY_AAD) : null;
    const salt = pinKey && locked ? Buffer.from(locked.salt) : null;
    this.drop();
    if (pinKey && salt) this.#pinKey = { key: this.#track(pinKey), salt };
    this.#passphraseAt = this.#clock().getTime();
  }

  status(): QuickUnlockStatus {
    this.#dropIfExpired();
    return {
      pinSet: this.#pinKey !== null || this.#locked !== null,
      available: this.#locked !== null,
      attemptsLeft: this.#locked ? PIN_ATTEMPTS - this.#failures : 0,
      until: this.#passphraseAt === null ? null : new Date(this.#passphraseAt + this.#windowMs).toISOString(),
      afterScreenLock: this.#afterScreenLock,
      passphraseThisRun: this.#passphraseAt !== null,
    };
  }

  /** Sets (or changes) the PIN. The caller checks that the vault is unlocked. */
  async set(pin: string, options: { afterScreenLock?: boolean } = {}): Promise<void> {
    const problem = pinProblem(pin);
    if (problem) throw new VaultError('INVALID_INPUT', `pin: ${problem}`);
    if (!this.#withinWindow()) {
      throw new VaultError('PIN_EXPIRED', 'Type your passphrase to unlock first: a PIN can be set only after the passphrase was used since Sole Notes started, for the same working day.');
    }
    const salt = crypto.randomBytes(SALT_BYTES);
    const key = await this.#derive(pin, salt);
    this.#dropPinKey();
    this.#pinKey = { key, salt };
    this.#afterScreenLock = options.afterScreenLock ?? this.#afterScreenLock;
    this.#failures = 0;
  }

  /** Turns the PIN off. */
  clear(): void {
    this.#dropPinKey();
    this.#dropLocked();
  }

  /**
   * Called as the vault locks, before the data key is zeroed (null when it
   * was not open). An idle lock, a lock by the worker, and a screen lock if
   * allowed keep the data key wrapped under the PIN; any other reason drops
   * everything.
   */
  atLock(dataKey: Buffer | null, reason: LockReason): void {
    const keeps = reason === 'idle' || reason === 'user' || (reason === 'screen-lock' && this.#afterScreenLock);
    if (!keeps) {
      this.drop();
      return;
    }
    if (!dataKey) return; // locked already: whatever is held stays
    const pinKey = this.#pinKey;
    if (!pinKey || !this.#withinWindow() || dataKey.length !== DATA_KEY_BYTES) {
      this.drop();
      return;
    }
    const pepper = this.#track(crypto.randomBytes(PEPPER_BYTES));
    const kek = this.#kek(pinKey.key, pepper);
    try {
      const wrapped = wrapKey(dataKey, kek, WRAP_AAD);
      const pinKeyUnderDataKey = wrapKey(pinKey.key, dataKey, PIN_KEY_AAD);
      this.#dropLocked();
      this.#locked = { wrapped, pinKeyUnderDataKey, salt: Buffer.from(pinKey.salt), pepper: new HeldPepper(pepper, this.#guard) };
      this.#failures = 0;
      this.#scheduleExpiry();
    } finally {
      kek.fill(0);
      this.#dropPinKey(); // from here on, only the PIN typed again opens the wrap
    }
  }

  /**
   * Unwraps the data key with the PIN; the caller owns (and zeroes) the
   * result. On success the PIN stays set for the next lock. WRONG_PIN with
   * the attempts left; PIN_EXPIRED when no PIN unlock is possible (with
   * `attemptsLeft: 0` when this wrong PIN was the last try).
   */
  async unwrap(pin: string): Promise<Buffer> {
    this.#dropIfExpired();
    const locked = this.#locked;
    if (!locked || this.#failures >= PIN_ATTEMPTS) throw expired();
    const key = await this.#derive(pin, locked.salt);
    if (this.#locked !== locked) {
      key.fill(0);
      throw expired(); // dropped while the key was derived (suspend, a PIN unlock in parallel)
    }
    const pepper = this.#track(locked.pepper.reveal());
    const kek = this.#kek(key, pepper);
    pepper.fill(0);
    let dataKey: Buffer | null;
    try {
      dataKey = unwrapKey(locked.wrapped, kek, WRAP_AAD);
    } finally {
      kek.fill(0);
    }
    if (!dataKey) {
      key.fill(0);
      this.#failures += 1;
      const left = PIN_ATTEMPTS - this.#failures;
      if (left <= 0) {
        this.drop();
        throw new VaultError('PIN_EXPIRED', 'That PIN is not right, three times now: type your passphrase to unlock.', { details: { attemptsLeft: 0 } });
      }
      throw new VaultError('WRONG_PIN', `That PIN is not right; ${left} ${left === 1 ? 'try' : 'tries'} left before the passphrase is needed.`, {
        details: { attemptsLeft: left },
      });
    }
    this.#track(dataKey);
    const salt = Buffer.from(locked.salt);
    this.#dropLocked();
    this.#pinKey = { key, salt };
    return dataKey;
  }

  /** Zeroes and forgets the PIN key and anything held at a lock; the window stays (the passphrase was typed). */
  drop(): void {
    this.#dropPinKey();
    this.#dropLocked();
  }

  /** Test-only view of every key-sized Buffer made here, to check they are zeroed. */
  keyBuffersForTesting(): readonly Buffer[] {
    if (!this.#buffers) throw new Error('keyBuffersForTesting() is only available when NODE_ENV is "test".');
    return [...this.#buffers];
  }

  #withinWindow(): boolean {
    return this.#passphraseAt !== null && this.#clock().getTime() < this.#passphraseAt + this.#windowMs;
  }

  #dropIfExpired(): void {
    if ((this.#locked || this.#pinKey) && !this.#withinWindow()) this.drop();
  }

  /** A timer drops the wrap at the end of the window even if nobody asks (kept off the event loop's count). */
  #scheduleExpiry(): void {
    if (this.#expiryTimer) clearTimeout(this.#expiryTimer);
    if (this.#passphraseAt === null) return;
    const ms = Math.max(0, this.#passphraseAt + this.#windowMs - this.#clock().getTime());
    this.#expiryTimer = setTimeout(() => this.#dropIfExpired(), Math.min(ms + 1000, 2 ** 31 - 1));
    this.#expiryTimer.unref();
  }

  async #derive(pin: string, salt: Buffer): Promise<Buffer> {
    const input = Buffer.from(pin, 'utf8');
    try {
      const key = await hashRaw(input, {
        algorithm: ARGON2ID,
        memoryCost: this.#kdf.memoryKiB,
        timeCost: this.#kdf.passes,
        parallelism: 1,
        outputLen: 32,
        salt,
      });
      return this.#track(key);
    } finally {
      input.fill(0);
    }
  }

  /** The wrapping key: the PIN's key and the pepper together, so a memory dump after the lock needs both. */
  #kek(pinKey: Buffer, pepper: Buffer): Buffer {
    return this.#track(Buffer.from(crypto.hkdfSync('sha256', pinKey, pepper, HKDF_INFO, 32)));
  }

  #dropPinKey(): void {
    this.#pinKey?.key.fill(0);
    this.#pinKey?.salt.fill(0);
    this.#pinKey = null;
  }

  #dropLocked(): void {
    if (this.#expiryTimer) clearTimeout(this.#expiryTimer);
    this.#expiryTimer = null;
    const locked = this.#locked;
    this.#locked = null;
    this.#failures = 0;
    if (!locked) return;
    locked.pepper.drop();
    locked.salt.fill(0);
  }

  #track(buffer: Buffer): Buffer {
    this.#buffers?.push(buffer);
    return buffer;
  }
}

function expired(): VaultError {
  return new VaultError('PIN_EXPIRED', 'Unlocking with the PIN is not possible now: type your passphrase.');
}
