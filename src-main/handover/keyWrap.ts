import crypto from 'node:crypto';
import { z } from 'zod';
import { base64OfLength } from '../vault/base64Schema';
import { DATA_KEY_BYTES } from '../vault/dataKey';
import { VaultError } from '../vault/errors';
import { deriveKey, KDF_FLOOR, KDF_KEY_BYTES, KdfParamsSchema, newKdfParams, type KdfCost } from '../vault/keys/kdf';
import { unwrapKey, wrapKey } from '../vault/keys/keyFile';

/**
 * Wrapping a 32-byte key (a package's database key, a hand-back's payload
 * key) to its recipient, with Node's crypto only:
 *
 * - to a public key: X25519 between a fresh ephemeral key and the recipient's
 *   static handover key; HKDF-SHA-256 of the shared secret, with an info string
 *   that binds the purpose, the package (and hand-back) id and both public
 *   keys; AES-256-GCM of the key with that same string as associated data.
 * - to a one-time code: argon2id of the code (the vault's floor cost) and
 *   AES-256-GCM, the associated data binding the purpose and id.
 *
 * A wrap moved to another package, or opened with another key, fails its tag.
 */
export const X25519_SPKI_BYTES = 44;
const HKDF_SALT = Buffer.from('sole-notes/handover/v1', 'utf8');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export const X25519_WRAP_METHOD = 'x25519-hkdf-sha256-aes-256-gcm';
export const CODE_WRAP_METHOD = 'argon2id-aes-256-gcm';

/** The fixed argon2id cost for handover codes: the code holds 125 random bits, so the floor is plenty. */
export const HANDOVER_CODE_KDF: KdfCost = { algorithm: 'argon2id', ...KDF_FLOOR };

const sealedFields = {
  nonce: base64OfLength(NONCE_BYTES),
  ciphertext: base64OfLength(DATA_KEY_BYTES),
  tag: base64OfLength(TAG_BYTES),
};

export const X25519Wrap = z
  .object({ method: z.literal(X25519_WRAP_METHOD), ephemeralKey: base64OfLength(X25519_SPKI_BYTES), ...sealedFields })
  .strict();
export type X25519Wrap = z.infer<typeof X25519Wrap>;

export const CodeWrap = z.object({ method: z.literal(CODE_WRAP_METHOD), kdf: KdfParamsSchema, ...sealedFields }).strict();
export type CodeWrap = z.infer<typeof CodeWrap>;

/** What a wrap is for: the purpose and the id(s) it belongs to, e.g. `package` + the package id. */
export interface WrapContext {
  purpose: 'package' | 'handback';
  id: string;
}

function contextLabel(context: WrapContext): Buffer {
  return Buffer.from(`sole-notes/handover/v1/${context.purpose}/${context.id}`, 'utf8');
}

/** The HKDF info and GCM associated data of an X25519 wrap. */
export function x25519WrapInfo(context: WrapContext, ephemeralSpki: Buffer, recipientSpki: Buffer): Buffer {
  return Buffer.concat([contextLabel(context), Buffer.from([0]), ephemeralSpki, recipientSpki]);
}

export function x25519PublicKey(spki: Buffer): crypto.KeyObject | null {
  try {
    const key = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'x25519' ? key : null;
  } catch {
    return null;
  }
}

function kekFromSharedSecret(privateKey: crypto.KeyObject, publicKey: crypto.KeyObject, info: Buffer): Buffer | null {
  let shared: Buffer;
  try {
    // OpenSSL refuses an all-zero result (a low-order public key), which lands here.
    shared = crypto.diffieHellman({ privateKey, publicKey });
  } catch {
    return null;
  }
  try {
    return Buffer.from(crypto.hkdfSync('sha256', shared, HKDF_SALT, info, KDF_KEY_BYTES));
  } finally {
    shared.fill(0);
  }
}

export function wrapToPublicKey(key: Buffer, recipientSpki: Buffer, context: WrapContext): X25519Wrap {
  const recipient = x25519PublicKey(recipientSpki);
  if (!recipient) throw new VaultError('INVALID_INPUT', 'The recipient key is not an X25519 handover key.');
  const ephemeral = crypto.generateKeyPairSync('x25519');
  const ephemeralSpki = ephemeral.publicKey.export({ format: 'der', type: 'spki' });
  const info = x25519WrapInfo(context, ephemeralSpki, recipientSpki);
  const kek = kekFromSharedSecret(ephemeral.privateKey, recipient, info);
  if (!kek) throw new VaultError('INVALID_INPUT', 'The recipient key cannot receive a package (it is not a usable X25519 key).');
  try {
    return { method: X25519_WRAP_METHOD, ephemeralKey: ephemeralSpki.toString('base64'), ...wrapKey(key, kek, info) };
  } finally {
    kek.fill(0);
  }
}

/** The wrapped key, or null when this private key (or this context) does not open the wrap. */
export function unwrapWithPrivateKey(wrap: X25519Wrap, privateKey: crypto.KeyObject, recipientSpki: Buffer, context: WrapContext): Buffer | null {
  const ephemeralSpki = Buffer.from(wrap.ephemeralKey, 'base64');
  const ephemeral = x25519PublicKey(ephemeralSpki);
  if (!ephemeral) return null;
  const info = x25519WrapInfo(context, ephemeralSpki, recipientSpki);
  const kek = kekFromSharedSecret(privateKey, ephemeral, info);
  if (!kek) return null;
  try {
    return unwrapKey(wrap, kek, info);
  } finally {
    kek.fill(0);
  }
}

function codeAad(context: WrapContext): Buffer {
  return Buffer.concat([contextLabel(context), Buffer.from('/code', 'utf8')]);
}

/** `code` is the normalised code (see normalizeHandoverCode). */
export async function wrapWithCode(key: Buffer, code: string, context: WrapContext, cost: KdfCost = HANDOVER_CODE_KDF): Promise<CodeWrap> {
  const kdf = newKdfParams(cost);
  const kek = await deriveKey(code, kdf);
  try {
    return { method: CODE_WRAP_METHOD, kdf, ...wrapKey(key, kek, codeAad(context)) };
  } finally {
    kek.fill(0);
  }
}

/** The wrapped key, or null when the code does not open it. */
export async function unwrapWithCode(wrap: CodeWrap, code: string, context: WrapContext): Promise<Buffer | null> {
  const kek = await deriveKey(code, wrap.kdf);
  try {
    return unwrapKey(wrap, kek, codeAad(context));
  } finally {
    kek.fill(0);
  }
}

/** The code wrap's cost must be exactly the handover cost: a package cannot make the app spend gigabytes on it. */
export function isHandoverCodeCost(wrap: CodeWrap): boolean {
  return (
    wrap.kdf.memoryKiB === HANDOVER_CODE_KDF.memoryKiB &&
    wrap.kdf.passes === HANDOVER_CODE_KDF.passes &&
    wrap.kdf.parallelism === HANDOVER_CODE_KDF.parallelism
  );
}
