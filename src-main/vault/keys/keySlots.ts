import { deriveKey, KDF_FLOOR, newKdfParams, type KdfCost } from './kdf';
import { KEY_FILE_FORMAT, KEY_FILE_VERSION, unwrapKey, wrapAad, wrapKey, type KeyFile, type Wrap, type WrapSlot } from './keyFile';

/*
 * Sealing the data key into one slot of the keys file (a passphrase or the
 * recovery key) and opening it again. `track` sees every key Buffer made
 * here, so tests can check each one is zeroed.
 */

/**
 * The recovery key holds 200 random bits, so it needs no stretching beyond
 * the floor; the passphrase slot gets the calibrated cost.
 */
export const RECOVERY_KDF_COST: KdfCost = { algorithm: 'argon2id', ...KDF_FLOOR };

export type TrackKey = (key: Buffer) => Buffer;

/** Derives the key-encryption key for one slot and opens its wrap; null when the secret is wrong. */
export async function unsealSlot(keyFile: KeyFile, slot: WrapSlot, secret: string | Buffer, track: TrackKey): Promise<Buffer | null> {
  const wrap = keyFile.wraps[slot];
  const kek = track(await deriveKey(secret, wrap.kdf));
  try {
    const dataKey = unwrapKey(wrap, kek, wrapAad(keyFile.vaultId, slot));
    return dataKey && track(dataKey);
  } finally {
    kek.fill(0);
  }
}

/** Wraps the data key under a key derived from `secret` with fresh parameters at `cost`. */
export async function sealSlot(dataKey: Buffer, secret: string | Buffer, cost: KdfCost, vaultId: string, slot: WrapSlot, track: TrackKey): Promise<Wrap> {
  const kdf = newKdfParams(cost);
  const kek = track(await deriveKey(secret, kdf));
  try {
    return { kdf, ...wrapKey(dataKey, kek, wrapAad(vaultId, slot)) };
  } finally {
    kek.fill(0);
  }
}

/** A new vault's keys file: the data key sealed under the passphrase (at `passphraseCost`) and under the recovery key. */
export async function newKeyFile(
  dataKey: Buffer,
  secrets: { passphrase: string; recovery: Buffer },
  passphraseCost: KdfCost,
  vaultId: string,
  createdAt: string,
  track: TrackKey,
): Promise<KeyFile> {
  return {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    vaultId,
    createdAt,
    wraps: {
      passphrase: await sealSlot(dataKey, secrets.passphrase, passphraseCost, vaultId, 'passphrase', track),
      recovery: await sealSlot(dataKey, secrets.recovery, RECOVERY_KDF_COST, vaultId, 'recovery', track),
    },
  };
}
