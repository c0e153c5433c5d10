import crypto from 'node:crypto';
import os from 'node:os';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { base64OfLength } from '../base64Schema';
import { VaultError } from '../errors';

/** argon2id parameters, stored beside each wrap in the keys file. */
export interface KdfParams {
  algorithm: 'argon2id';
  memoryKiB: number;
  passes: number;
  parallelism: number;
  /** 16 random bytes, base64. */
  salt: string;
}

/** The cost part of the parameters: what calibration chooses and tests configure. */
export type KdfCost = Omit<KdfParams, 'salt'>;

export const KDF_KEY_BYTES = 32;
export const KDF_SALT_BYTES = 16;

/** Never weaker than this, whatever the machine (DESIGN.md, "Vault"). */
export const KDF_FLOOR = { memoryKiB: 64 * 1024, passes: 3, parallelism: 1 } as const;

/**
 * Never stronger than this either: a tampered keys file must not be able to
 * make unlocking hang or exhaust memory.
 */
export const KDF_CEILING = { memoryKiB: 4 * 1024 * 1024, passes: 100, parallelism: 16 } as const;

const ARGON2ID = 2; // Algorithm.Argon2id; a const enum cannot be imported under isolatedModules.

export const KdfParamsSchema = z
  .object({
    algorithm: z.literal('argon2id'),
    memoryKiB: z.number().int().positive(),
    passes: z.number().int().positive(),
    parallelism: z.number().int().positive(),
    salt: base64OfLength(KDF_SALT_BYTES),
  })
  .strict();

/** Fresh parameters with a new random salt. */
export function newKdfParams(cost: KdfCost): KdfParams {
  return {
    algorithm: 'argon2id',
    memoryKiB: cost.memoryKiB,
    passes: cost.passes,
    parallelism: cost.parallelism,
    salt: crypto.randomBytes(KDF_SALT_BYTES).toString('base64'),
  };
}

/** Refuses parameters below the floor or above the ceiling (KEYS_CORRUPT). */
export function assertKdfParamsAllowed(params: KdfCost): void {
  if (params.algorithm !== 'argon2id') {
    throw new VaultError('KEYS_CORRUPT', 'The keys file names a key-derivation method Sole Notes does not use.');
  }
  if (params.memoryKiB < KDF_FLOOR.memoryKiB || params.passes < KDF_FLOOR.passes || params.parallelism < KDF_FLOOR.parallelism) {
    throw new VaultError('KEYS_CORRUPT', 'The keys file asks for key protection weaker than Sole Notes allows; it may have been tampered with.');
  }
  if (
    params.memoryKiB > KDF_CEILING.memoryKiB ||
    params.passes > KDF_CEILING.passes ||
    params.parallelism > KDF_CEILING.parallelism ||
    params.memoryKiB < 8 * params.parallelism
  ) {
    throw new VaultError('KEYS_CORRUPT', 'The keys file asks for key-derivation settings far beyond what Sole Notes uses; it may have been tampered with.');
  }
}

/**
 * Derives a 32-byte key-encryption key. A passphrase is NFC-normalised and
 * encoded as UTF-8 first, so the same words typed on another keyboard or
 * system give the same key. The caller zeroes the returned Buffer.
 */
export async function deriveKey(secret: string | Buffer, params: KdfParams): Promise<Buffer> {
  assertKdfParamsAllowed(params);
  const salt = Buffer.from(params.salt, 'base64');
  if (salt.length !== KDF_SALT_BYTES) throw new VaultError('KEYS_CORRUPT', 'The keys file holds a salt of the wrong length.');

  const input = typeof secret === 'string' ? Buffer.from(secret.normalize('NFC'), 'utf8') : secret;
  try {
    return await hashRaw(input, {
      algorithm: ARGON2ID,
      memoryCost: params.memoryKiB,
      timeCost: params.passes,
      parallelism: params.parallelism,
      outputLen: KDF_KEY_BYTES,
      salt,
    });
  } finally {
    if (input !== secret) input.fill(0);
  }
}

export interface CalibrateKdfOptions {
  /** Aim for this many milliseconds per derivation (default 750). */
  targetMs?: number;
  /** Highest pass count before memory is raised instead (default 10). */
  maxPasses?: number;
  /** Default: an eighth of this machine's memory, at most 1 GiB. */
  maxMemoryKiB?: number;
  /** Default: the number of cores, at most 4. */
  parallelism?: number;
  /** Times one derivation in ms; replaceable so the search can be tested deterministically. */
  timeKdf?: (cost: KdfCost) => Promise<number>;
}

export interface KdfBenchmark {
  cost: KdfCost;
  /** How long one derivation with `cost` took on this machine. */
  measuredMs: number;
}

/** What the design allows (DESIGN.md, "Vault"): about 0.5 to 1 s. */
const CALIBRATION_WINDOW_MS = { min: 500, max: 1000 } as const;
/**
 * A cost is kept when one run takes within a fifth of the target: a run at
 * the edge of the window (990 ms, say) would put the typical unlock, which
 * is slower than the fastest run, above 1 s.
 */
const SETTLE_SHARE = 0.2;
const MIB_IN_KIB = 1024;

/** Parameters, with a fresh salt, that take about 0.75 s on this machine; see `benchmarkKdf`. */
export async function calibrateKdf(options: CalibrateKdfOptions = {}): Promise<KdfParams> {
  return newKdfParams((await benchmarkKdf(options)).cost);
}

/**
 * Finds the argon2id cost that takes about `targetMs` here, starting from
 * the floor and, like KeePassXC's benchmark, raising the passes first and the
 * memory once the passes reach `maxPasses`. Cost is treated as linear in
 * memory × passes, then checked with a real run and corrected.
 */
export async function benchmarkKdf(options: CalibrateKdfOptions = {}): Promise<KdfBenchmark> {
  const targetMs = options.targetMs ?? 750;
  const maxPasses = Math.max(KDF_FLOOR.passes, options.maxPasses ?? 10);
  const maxMemoryKiB = Math.max(
    KDF_FLOOR.memoryKiB,
    options.maxMemoryKiB ?? Math.min(1024 * MIB_IN_KIB, Math.floor(os.totalmem() / 1024 / 8)),
  );
  const parallelism = options.parallelism ?? Math.max(1, Math.min(4, os.availableParallelism()));
  const timeKdf = options.timeKdf ?? timeOneDerivation;
  const settled = (ms: number) =>
    ms >= Math.max(CALIBRATION_WINDOW_MS.min, targetMs * (1 - SETTLE_SHARE)) && ms <= Math.min(CALIBRATION_WINDOW_MS.max, targetMs * (1 + SETTLE_SHARE));

  const floor: KdfCost = { algorithm: 'argon2id', memoryKiB: KDF_FLOOR.memoryKiB, passes: KDF_FLOOR.passes, parallelism };
  // Timings on a busy laptop are noisy, and noise only ever adds time: after
  // a warm-up run (thread start-up), take the fastest of a few.
  await timeKdf(floor);
  let measuredMs = Infinity;
  for (let run = 0; run < 3; run += 1) measuredMs = Math.min(measuredMs, await timeKdf(floor));

  let cost = floor;
  for (let round = 0; round < 3; round += 1) {
    if (settled(measuredMs)) break;
    const work = cost.memoryKiB * cost.passes * (targetMs / Math.max(measuredMs, 1));
    const next = costForWork(work, parallelism, maxPasses, maxMemoryKiB);
    if (next.memoryKiB === cost.memoryKiB && next.passes === cost.passes) break; // at the floor or the caps
    cost = next;
    measuredMs = await timeKdf(cost);
    if (!settled(measuredMs)) measuredMs = Math.min(measuredMs, await timeKdf(cost)); // a second look before correcting
  }
  return { cost, measuredMs: Math.round(measuredMs) };
}

/**
 * Splits the work (memory × passes) into a cost: passes go up from the floor
 * to `maxPasses` at the floor's memory, then memory goes up to its cap, and
 * only then passes again.
 */
function costForWork(work: number, parallelism: number, maxPasses: number, maxMemoryKiB: number): KdfCost {
  let passes = Math.min(maxPasses, Math.max(KDF_FLOOR.passes, Math.round(work / KDF_FLOOR.memoryKiB)));
  let memoryKiB = Math.round(work / passes / MIB_IN_KIB) * MIB_IN_KIB;
  memoryKiB = Math.min(maxMemoryKiB, Math.max(KDF_FLOOR.memoryKiB, memoryKiB));
  if (memoryKiB === maxMemoryKiB) passes = Math.min(KDF_CEILING.passes, Math.max(passes, Math.round(work / memoryKiB)));
  return { algorithm: 'argon2id', memoryKiB, passes, parallelism };
}

async function timeOneDerivation(cost: KdfCost): Promise<number> {
  const secret = crypto.randomBytes(KDF_KEY_BYTES);
  const started = performance.now();
  const key = await deriveKey(secret, newKdfParams(cost));
  const elapsed = performance.now() - started;
  key.fill(0);
  return elapsed;
}
