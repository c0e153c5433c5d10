import crypto from 'node:crypto';
import { canonicalBytes } from '../common/canonical';

/**
 * Proof that a hand-back comes from whoever opened the package: HMAC-SHA-256
 * under a key derived (HKDF-SHA-256) from the package's data key, which only
 * the owner (who made it) and the recipient (who unwrapped it) hold. Anyone
 * can encrypt to the owner's public handover key and sign with a key of their
 * own; only the substitute can make this proof.
 */
export interface ProofFields {
  handbackId: string;
  packageId: string;
  payloadSha256: string;
  substituteFingerprint: string;
}

export function packageProof(packageKey: Buffer, fields: ProofFields): Buffer {
  const proofKey = Buffer.from(
    crypto.hkdfSync('sha256', packageKey, Buffer.from('sole-notes/handover/v1', 'utf8'), Buffer.from(`handback-proof/${fields.packageId}`, 'utf8'), 32),
  );
  try {
    return crypto.createHmac('sha256', proofKey).update(canonicalBytes(fields)).digest();
  } finally {
    proofKey.fill(0);
  }
}

export function proofMatches(packageKey: Buffer, fields: ProofFields, proof: Buffer): boolean {
  const expected = packageProof(packageKey, fields);
  return proof.length === expected.length && crypto.timingSafeEqual(proof, expected);
}
