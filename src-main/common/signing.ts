import crypto from 'node:crypto';

/**
 * Ed25519 over the exact report bytes (no pre-hash), as OpenSSL's
 * `pkeyutl -verify -rawin` checks it. Public keys travel as SPKI PEM.
 */
export const SIGNATURE_BYTES = 64;

export function signBytes(bytes: Buffer, privateKey: crypto.KeyObject): Buffer {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The signing key is not an Ed25519 key.');
  return crypto.sign(null, bytes, privateKey);
}

/** False for a wrong signature, a signature of the wrong length or a key of the wrong type; never throws. */
export function verifyBytes(bytes: Buffer, signature: Buffer, publicKey: crypto.KeyObject): boolean {
  if (publicKey.asymmetricKeyType !== 'ed25519' || signature.length !== SIGNATURE_BYTES) return false;
  try {
    return crypto.verify(null, bytes, publicKey, signature);
  } catch {
    return false;
  }
}

export function publicKeyFromSpki(spki: Buffer): crypto.KeyObject {
  return crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
}

export function spkiPem(spki: Buffer): string {
  return publicKeyFromSpki(spki).export({ format: 'pem', type: 'spki' }).toString();
}

/** Reads an Ed25519 public key from SPKI PEM; throws a plain Error saying what is wrong. */
export function publicKeyFromPem(pem: string): crypto.KeyObject {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error('not a PEM public key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`an ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  return key;
}

export function spkiOf(key: crypto.KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' });
}

/** SHA-256 of the SPKI DER, upper-case hex in groups of 4: `3F2A 9C01 …`. */
export function fingerprint(spki: Buffer): string {
  const hex = crypto.createHash('sha256').update(spki).digest('hex').toUpperCase();
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

/** A fingerprint as typed by a person: spaces, colons and case forgiven. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? (hex.match(/.{4}/g) ?? []).join(' ') : null;
}
