import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../src-main/vault/errors';
import { assertKdfParamsAllowed, benchmarkKdf, calibrateKdf, deriveKey, KDF_FLOOR, newKdfParams, type KdfCost } from '../../src-main/vault/keys/kdf';

const TEST_KDF: KdfCost = { algorithm: 'argon2id', memoryKiB: 65536, passes: 3, parallelism: 1 };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof VaultError ? error.code : 'not a VaultError';
  }
  return undefined;
}

/** A pretend machine where time grows linearly with memory × passes. */
const linearMachine = (floorMs: number) => async (cost: KdfCost) => (floorMs * cost.memoryKiB * cost.passes) / (KDF_FLOOR.memoryKiB * KDF_FLOOR.passes);

describe('deriveKey', () => {
  it('gives 32 bytes, the same for the same passphrase and salt, different for another salt', async () => {
    const params = newKdfParams(TEST_KDF);
    const a = await deriveKey('quiet harbor lantern seventeen', params);
    const b = await deriveKey('quiet harbor lantern seventeen', params);
    const c = await deriveKey('quiet harbor lantern seventeen', newKdfParams(TEST_KDF));
    expect(a).toHaveLength(32);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('normalises a passphrase to NFC, so composed and decomposed accents agree', async () => {
    const params = newKdfParams(TEST_KDF);
    const composed = await deriveKey('caf\u00e9 r\u00e9sum\u00e9 na\u00efve', params);
    const decomposed = await deriveKey('cafe\u0301 re\u0301sume\u0301 nai\u0308ve', params);
    expect(composed.equals(decomposed)).toBe(true);
  });

  it('takes raw bytes as they are, without zeroing the caller\'s Buffer', async () => {
    const secret = crypto.randomBytes(25);
    const copy = Buffer.from(secret);
    await deriveKey(secret, newKdfParams(TEST_KDF));
    expect(secret.equals(copy)).toBe(true);
  });

  it('refuses parameters below the floor or absurdly above it with KEYS_CORRUPT', async () => {
    const params = newKdfParams(TEST_KDF);
    await expect(deriveKey('x', { ...params, passes: 2 })).rejects.toMatchObject({ code: 'KEYS_CORRUPT', message: expect.stringMatching(/weaker than Sole Notes allows/) });
    await expect(deriveKey('x', { ...params, memoryKiB: 65535 })).rejects.toMatchObject({ code: 'KEYS_CORRUPT' });
    await expect(deriveKey('x', { ...params, memoryKiB: 64 * 1024 * 1024 })).rejects.toMatchObject({ code: 'KEYS_CORRUPT' });
    await expect(deriveKey('x', { ...params, passes: 1_000_000 })).rejects.toMatchObject({ code: 'KEYS_CORRUPT' });
  });
});

describe('assertKdfParamsAllowed', () => {
  it('accepts the floor and refuses just below it', () => {
    expect(codeOf(() => assertKdfParamsAllowed(TEST_KDF))).toBeUndefined();
    expect(codeOf(() => assertKdfParamsAllowed({ ...TEST_KDF, passes: KDF_FLOOR.passes - 1 }))).toBe('KEYS_CORRUPT');
    expect(codeOf(() => assertKdfParamsAllowed({ ...TEST_KDF, parallelism: 0 }))).toBe('KEYS_CORRUPT');
  });
});

describe('benchmarkKdf, searching on pretend machines', () => {
  it('raises the passes first, up to the cap, then the memory', async () => {
    const fast = await benchmarkKdf({ timeKdf: linearMachine(300), parallelism: 1, maxMemoryKiB: 1024 * 1024 });
    expect(fast.cost).toMatchObject({ memoryKiB: KDF_FLOOR.memoryKiB, passes: 8 }); // 100 ms a pass at 64 MiB: 8 passes ≈ 800 ms

    const faster = await benchmarkKdf({ timeKdf: linearMachine(20), parallelism: 1, maxMemoryKiB: 1024 * 1024 });
    expect(faster.cost.passes).toBe(10);
    expect(faster.cost.memoryKiB).toBeGreaterThan(KDF_FLOOR.memoryKiB);
    expect(faster.measuredMs).toBeGreaterThanOrEqual(500);
    expect(faster.measuredMs).toBeLessThanOrEqual(1000);
  });

  it('corrects a cost that lands near the edge of the window, so that a typical unlock stays under a second', async () => {
    // A machine 30% slower than linear above the floor: the first estimate takes 975 ms, inside 0.5-1 s but at its edge.
    const linear = linearMachine(100);
    const slowerAboveFloor = async (cost: KdfCost) => {
      const ms = await linear(cost);
      return cost.memoryKiB === KDF_FLOOR.memoryKiB && cost.passes === KDF_FLOOR.passes ? ms : ms * 1.3;
    };
    const timings: number[] = [];
    const result = await benchmarkKdf({
      timeKdf: async (cost) => {
        const ms = await slowerAboveFloor(cost);
        timings.push(ms);
        return ms;
      },
      parallelism: 1,
      maxMemoryKiB: 1024 * 1024,
    });
    expect(timings.some((ms) => ms > 950 && ms <= 1000)).toBe(true);
    expect(result.measuredMs).toBeGreaterThanOrEqual(600);
    expect(result.measuredMs).toBeLessThanOrEqual(900);
  });

  it('never goes below the floor on a slow machine', async () => {
    const slow = await benchmarkKdf({ timeKdf: linearMachine(2000), parallelism: 1 });
    expect(slow.cost).toMatchObject({ memoryKiB: KDF_FLOOR.memoryKiB, passes: KDF_FLOOR.passes });
    expect(slow.measuredMs).toBe(2000);
  });

  it('stops at the memory cap', async () => {
    const capped = await benchmarkKdf({ timeKdf: linearMachine(1), parallelism: 1, maxMemoryKiB: 256 * 1024 });
    expect(capped.cost.memoryKiB).toBe(256 * 1024);
    expect(capped.cost.passes).toBeGreaterThanOrEqual(10);
  });
});

describe('calibrateKdf on this machine', () => {
  it('returns allowed parameters with a fresh salt, at or above the floor', async () => {
    const params = await calibrateKdf();
    expect(params.algorithm).toBe('argon2id');
    expect(params.memoryKiB).toBeGreaterThanOrEqual(KDF_FLOOR.memoryKiB);
    expect(params.passes).toBeGreaterThanOrEqual(KDF_FLOOR.passes);
    expect(params.parallelism).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(params.salt, 'base64')).toHaveLength(16);
    expect(codeOf(() => assertKdfParamsAllowed(params))).toBeUndefined();

    const started = performance.now();
    (await deriveKey('quiet harbor lantern seventeen', params)).fill(0);
    const ms = Math.round(performance.now() - started);
    console.info(`calibrateKdf: ${params.memoryKiB} KiB, ${params.passes} passes, parallelism ${params.parallelism}; one derivation ${ms} ms`);
  });
});
