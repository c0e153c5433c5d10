import crypto from 'node:crypto';

/**
 * AES-256-GCM of a hand-back's contents under its own random key, with a
 * fresh nonce; the associated data binds the package and hand-back ids.
 */
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export function handbackPayloadAad(packageId: string, handbackId: string): Buffer {
  return Buffer.from(`sole-notes/handback/v1/${packageId}/${handbackId}`, 'utf8');
}

export function encryptPayload(key: Buffer, plaintext: Buffer, aad: Buffer): { ciphertext: Buffer; nonce: Buffer; tag: Buffer } {
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, nonce, tag: cipher.getAuthTag() };
}

/** The plaintext, or null when the tag does not verify. */
export function decryptPayload(key: Buffer, sealed: { ciphertext: Buffer; nonce: Buffer; tag: Buffer }, aad: Buffer): Buffer | null {
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}
