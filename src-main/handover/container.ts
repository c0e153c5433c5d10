import crypto from 'node:crypto';
import { canonicalBytes, isCanonical } from '../common/canonical';
import { SIGNATURE_BYTES, signBytes, verifyBytes } from '../common/signing';

/**
 * The one container both handover files use (docs/handover-format.md):
 *
 *   magic              8 bytes   `SOLE-HO1` (package) or `SOLE-HB1` (hand-back)
 *   manifest length    4 bytes   unsigned, big-endian
 *   manifest           n bytes   RFC 8785 canonical JSON, UTF-8
 *   signature         64 bytes   Ed25519 over every byte before it (magic, length, manifest)
 *   payload            the rest  encrypted; its length and SHA-256 are in the manifest
 *
 * Decoding checks the frame only; the caller checks the manifest, the
 * signature's key and the payload against the manifest.
 */
export const PACKAGE_MAGIC = Buffer.from('SOLE-HO1', 'ascii');
export const HANDBACK_MAGIC = Buffer.from('SOLE-HB1', 'ascii');
const MAGIC_BYTES = 8;
const LENGTH_BYTES = 4;
/** A manifest is a few kilobytes; anything near this is not one. */
export const MAX_MANIFEST_BYTES = 256 * 1024;

export interface DecodedContainer {
  /** Magic, length and manifest: exactly what the signature covers. */
  signed: Buffer;
  manifestBytes: Buffer;
  /** The manifest parsed as JSON (checked to be in canonical form). */
  manifestJson: unknown;
  signature: Buffer;
  payload: Buffer;
}

export type DecodeResult = { ok: true; container: DecodedContainer } | { ok: false; problem: string };

export function encodeContainer(magic: Buffer, manifest: unknown, payload: Buffer, signingKey: crypto.KeyObject): Buffer {
  const manifestBytes = canonicalBytes(manifest);
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(manifestBytes.length);
  const signed = Buffer.concat([magic, length, manifestBytes]);
  return Buffer.concat([signed, signBytes(signed, signingKey), payload]);
}

/** The magic of the file, if it is one of the two. */
export function containerKind(bytes: Buffer): 'package' | 'handback' | null {
  const magic = bytes.subarray(0, MAGIC_BYTES);
  if (magic.equals(PACKAGE_MAGIC)) return 'package';
  if (magic.equals(HANDBACK_MAGIC)) return 'handback';
  return null;
}

export function decodeContainer(bytes: Buffer, magic: Buffer): DecodeResult {
  if (bytes.length < MAGIC_BYTES + LENGTH_BYTES + SIGNATURE_BYTES) return { ok: false, problem: 'the file is too short' };
  if (!bytes.subarray(0, MAGIC_BYTES).equals(magic)) return { ok: false, problem: 'its first bytes are not those of the expected file type' };
  const length = bytes.readUInt32BE(MAGIC_BYTES);
  const manifestStart = MAGIC_BYTES + LENGTH_BYTES;
  const manifestEnd = manifestStart + length;
  if (length === 0 || length > MAX_MANIFEST_BYTES || manifestEnd + SIGNATURE_BYTES > bytes.length) {
    return { ok: false, problem: 'its manifest length does not fit the file' };
  }
  const manifestBytes = bytes.subarray(manifestStart, manifestEnd);
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    return { ok: false, problem: 'its manifest is not readable JSON' };
  }
  if (!isCanonical(manifestBytes, manifestJson)) return { ok: false, problem: 'its manifest is not in canonical form' };
  return {
    ok: true,
    container: {
      signed: bytes.subarray(0, manifestEnd),
      manifestBytes,
      manifestJson,
      signature: bytes.subarray(manifestEnd, manifestEnd + SIGNATURE_BYTES),
      payload: bytes.subarray(manifestEnd + SIGNATURE_BYTES),
    },
  };
}

export function verifyContainerSignature(container: DecodedContainer, publicKey: crypto.KeyObject): boolean {
  return verifyBytes(container.signed, container.signature, publicKey);
}

export function sha256Hex(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
