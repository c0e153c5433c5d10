import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PepperGuard } from '../../../src-main/vault/quickUnlock/pepperGuard';
import { QUICK_UNLOCK_WINDOW_MS, QuickUnlockKeeper } from '../../../src-main/vault/quickUnlock/quickUnlockKeeper';

/* The keeper alone, with a fake clock and a cheap argon2id cost: what it holds, when it lets go. */

const PIN = '482913';
const CHEAP = { memoryKiB: 1024, passes: 1 };

function fakeClock(start = Date.parse('2025-03-03T08:00:00Z')) {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

async function lockedKeeper(options: { guard?: PepperGuard } = {}) {
  const time = fakeClock();
  const keeper = new QuickUnlockKeeper({ clock: time.clock, kdf: CHEAP, pepperGuard: options.guard ?? null });
  keeper.passphraseEntered();
  await keeper.set(PIN);
  const dataKey = crypto.randomBytes(32);
  const original = Buffer.from(dataKey);
  keeper.atLock(dataKey, 'idle');
  dataKey.fill(0); // as the session does right after
  return { keeper, time, original };
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; attemptsLeft?: number }> {
  const error = (await promise.then(() => null, (e: unknown) => e)) as { code: string; details?: { attemptsLeft?: number } } | null;
  if (!error) throw new Error('expected a rejection');
  return { code: error.code, attemptsLeft: error.details?.attemptsLeft };
}

function allZero(buffers: readonly Buffer[]): boolean {
  return buffers.every((buffer) => buffer.every((byte) => byte === 0));
}

describe('QuickUnlockKeeper', () => {
  it('gives back the data key for the right PIN after an idle lock, and keeps the PIN for the next lock', async () => {
    const { keeper, original } = await lockedKeeper();
    expect(keeper.status()).toMatchObject({ available: true, attemptsLeft: 3, pinSet: true });
    const dataKey = await keeper.unwrap(PIN);
    expect(dataKey.equals(original)).toBe(true);
    expect(keeper.status()).toMatchObject({ available: false, pinSet: true });

    keeper.atLock(dataKey, 'idle');
    expect(keeper.status().available).toBe(true);
    expect((await keeper.unwrap(PIN)).equals(original)).toBe(true);
  });

  it('refuses a PIN to be set before the passphrase was typed in this run, and a PIN shorter than 6 digits', async () => {
    const keeper = new QuickUnlockKeeper({ kdf: CHEAP });
    expect(await codeOf(keeper.set(PIN))).toEqual({ code: 'PIN_EXPIRED' });
    keeper.passphraseEntered();
    expect(await codeOf(keeper.set('12345'))).toEqual({ code: 'INVALID_INPUT' });
    expect(await codeOf(keeper.set('12345a'))).toEqual({ code: 'INVALID_INPUT' });
    await keeper.set('123456');
    expect(keeper.status().pinSet).toBe(true);
  });

  it('says how many tries are left, and drops everything at the third wrong PIN', async () => {
    const { keeper } = await lockedKeeper();
    expect(await codeOf(keeper.unwrap('000000'))).toEqual({ code: 'WRONG_PIN', attemptsLeft: 2 });
    expect(await codeOf(keeper.unwrap('000001'))).toEqual({ code: 'WRONG_PIN', attemptsLeft: 1 });
    expect(await codeOf(keeper.unwrap('000002'))).toEqual({ code: 'PIN_EXPIRED', attemptsLeft: 0 });
    expect(keeper.status()).toMatchObject({ available: false, attemptsLeft: 0, pinSet: false });
    // The right PIN now is too late: nothing is left to open.
    expect(await codeOf(keeper.unwrap(PIN))).toEqual({ code: 'PIN_EXPIRED' });
    expect(allZero(keeper.keyBuffersForTesting())).toBe(true);
  });

  it('a right PIN after one wrong one starts the count again', async () => {
    const { keeper, original } = await lockedKeeper();
    await codeOf(keeper.unwrap('000000'));
    const dataKey = await keeper.unwrap(PIN);
    keeper.atLock(dataKey, 'idle');
    expect(keeper.status().attemptsLeft).toBe(3);
    expect((await keeper.unwrap(PIN)).equals(original)).toBe(true);
  });

  it('ends with the working day: 10 hours after the passphrase', async () => {
    const { keeper, time } = await lockedKeeper();
    time.advance(QUICK_UNLOCK_WINDOW_MS - 1000);
    expect(keeper.status().available).toBe(true);
    time.advance(1000);
    expect(keeper.status()).toMatchObject({ available: false, pinSet: false });
    expect(await codeOf(keeper.unwrap(PIN))).toEqual({ code: 'PIN_EXPIRED' });
    expect(allZero(keeper.keyBuffersForTesting())).toBe(true);
    // Nor can a PIN be set again until the passphrase is typed.
    expect(await codeOf(keeper.set(PIN))).toEqual({ code: 'PIN_EXPIRED' });
  });

  it('keeps nothing at a lock past the end of the window', async () => {
    const time = fakeClock();
    const keeper = new QuickUnlockKeeper({ clock: time.clock, kdf: CHEAP });
    keeper.passphraseEntered();
    await keeper.set(PIN);
    time.advance(QUICK_UNLOCK_WINDOW_MS);
    keeper.atLock(crypto.randomBytes(32), 'idle');
    expect(keeper.status().available).toBe(false);
  });

  it.each(['suspend', 'window-closed'] as const)('keeps nothing on %s, and drops what an idle lock kept', async (reason) => {
    const time = fakeClock();
    const keeper = new QuickUnlockKeeper({ clock: time.clock, kdf: CHEAP });
    keeper.passphraseEntered();
    await keeper.set(PIN);
    keeper.atLock(crypto.randomBytes(32), reason);
    expect(keeper.status()).toMatchObject({ available: false, pinSet: false });

    const locked = await lockedKeeper();
    locked.keeper.atLock(null, reason); // the vault was already locked
    expect(locked.keeper.status().available).toBe(false);
    expect(await codeOf(locked.keeper.unwrap(PIN))).toEqual({ code: 'PIN_EXPIRED' });
    expect(allZero(locked.keeper.keyBuffersForTesting())).toBe(true);
  });

  it('a restart is a new keeper: nothing of the PIN survives it', () => {
    const keeper = new QuickUnlockKeeper({ kdf: CHEAP });
    expect(keeper.status()).toMatchObject({ available: false, pinSet: false, passphraseThisRun: false });
  });

  it('follows the worker’s choice for a screen lock', async () => {
    const time = fakeClock();
    const keeper = new QuickUnlockKeeper({ clock: time.clock, kdf: CHEAP });
    keeper.passphraseEntered();
    await keeper.set(PIN, { afterScreenLock: true });
    keeper.atLock(crypto.randomBytes(32), 'screen-lock');
    expect(keeper.status().available).toBe(true);

    const other = new QuickUnlockKeeper({ clock: time.clock, kdf: CHEAP });
    other.passphraseEntered();
    await other.set(PIN, { afterScreenLock: false });
    other.atLock(crypto.randomBytes(32), 'screen-lock');
    expect(other.status()).toMatchObject({ available: false, pinSet: false });
  });

  it('zeroes the PIN key at the lock and every key buffer when turned off', async () => {
    const { keeper } = await lockedKeeper();
    // Only the wrap is held now: the PIN key and the wrapping key are already zero.
    const [pinKey] = keeper.keyBuffersForTesting();
    expect(pinKey?.every((byte) => byte === 0)).toBe(true);
    keeper.clear();
    expect(allZero(keeper.keyBuffersForTesting())).toBe(true);
    expect(keeper.status()).toMatchObject({ available: false, pinSet: false });
  });

  it('a passphrase unlock ("Use passphrase instead") keeps the PIN for the next lock, with a new window', async () => {
    const { keeper, time, original } = await lockedKeeper();
    time.advance(QUICK_UNLOCK_WINDOW_MS / 2);
    keeper.passphraseEntered(Buffer.from(original));
    expect(keeper.status()).toMatchObject({ available: false, pinSet: true, passphraseThisRun: true });
    keeper.atLock(Buffer.from(original), 'idle');
    time.advance(QUICK_UNLOCK_WINDOW_MS - 1000); // past the first window, within the new one
    expect((await keeper.unwrap(PIN)).equals(original)).toBe(true);
  });

  it('a passphrase unlock of another data key (a restored vault) forgets the PIN, zeroed', async () => {
    const { keeper } = await lockedKeeper();
    keeper.passphraseEntered(crypto.randomBytes(32));
    expect(keeper.status()).toMatchObject({ available: false, pinSet: false, passphraseThisRun: true });
    expect(allZero(keeper.keyBuffersForTesting())).toBe(true);
  });

  it('holds the pepper only sealed by the OS store when there is one, and opens it for the PIN', async () => {
    const sealedCopies: Buffer[] = [];
    const guard: PepperGuard = {
      seal: (secret) => {
        const sealed = Buffer.concat([Buffer.from('sealed:'), Buffer.from(secret).map((byte) => byte ^ 0x5a)]);
        sealedCopies.push(sealed);
        return sealed;
      },
      open: (sealed) => Buffer.from(Buffer.from(sealed.subarray(7)).map((byte) => byte ^ 0x5a)),
    };
    const { keeper, original } = await lockedKeeper({ guard });
    expect(sealedCopies).toHaveLength(1);
    expect((await keeper.unwrap(PIN)).equals(original)).toBe(true);
    expect(sealedCopies[0]?.every((byte) => byte === 0)).toBe(true); // dropped after use
  });
});
