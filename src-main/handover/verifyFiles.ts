import type crypto from 'node:crypto';
import type { z } from 'zod';
import { publicKeyFromSpki } from '../common/signing';
import { VaultError } from '../vault/errors';
import { HANDBACK_MAGIC, PACKAGE_MAGIC, containerKind, decodeContainer, sha256Hex, verifyContainerSignature } from './container';
import { HandbackManifest, PackageManifest } from './manifest';
import { tampered } from './refusals';

/**
 * Checks a handover file before anything in it is used: the frame, the
 * manifest (canonical JSON, every field), the Ed25519 signature with the key
 * the manifest names, and the payload's length and SHA-256 against the
 * manifest. Any difference, in any byte, is HANDOVER_TAMPERED.
 */
export interface Verified<M> {
  manifest: M;
  payload: Buffer;
  /** SHA-256 of the whole file. */
  fileSha256: string;
}

export function verifyPackageBytes(bytes: Buffer): Verified<PackageManifest> {
  if (containerKind(bytes) === 'handback') {
    throw new VaultError('INVALID_INPUT', 'This is a hand-back (.solehandback), not a handover package: the owner imports it.');
  }
  return verifySigned(bytes, PACKAGE_MAGIC, PackageManifest, 'package', (manifest) => manifest.owner.signingKey);
}

export function verifyHandbackBytes(bytes: Buffer): Verified<HandbackManifest> {
  if (containerKind(bytes) === 'package') {
    throw new VaultError('INVALID_INPUT', 'This is a handover package (.solehandover), not a hand-back: the substitute opens it.');
  }
  return verifySigned(bytes, HANDBACK_MAGIC, HandbackManifest, 'hand-back', (manifest) => manifest.substitute.signingKey);
}

function verifySigned<S extends z.ZodType<{ payload: { bytes: number; sha256: string } }>>(
  bytes: Buffer,
  magic: Buffer,
  schema: S,
  what: 'package' | 'hand-back',
  signerKey: (manifest: z.output<S>) => string,
): Verified<z.output<S>> {
  const decoded = decodeContainer(bytes, magic);
  if (!decoded.ok) throw tampered(what, decoded.problem);
  const { container } = decoded;
  const parsed = schema.safeParse(container.manifestJson);
  if (!parsed.success) throw tampered(what, 'its manifest is not one Sole Notes wrote');
  const manifest = parsed.data;

  let publicKey: crypto.KeyObject;
  try {
    publicKey = publicKeyFromSpki(Buffer.from(signerKey(manifest), 'base64'));
  } catch {
    throw tampered(what, 'the key named in its manifest is not a public key');
  }
  if (!verifyContainerSignature(container, publicKey)) throw tampered(what, 'its signature does not match its contents');
  if (container.payload.length !== manifest.payload.bytes || sha256Hex(container.payload) !== manifest.payload.sha256) {
    throw tampered(what, 'its encrypted contents do not match the signed manifest');
  }
  return { manifest, payload: container.payload, fileSha256: sha256Hex(bytes) };
}
