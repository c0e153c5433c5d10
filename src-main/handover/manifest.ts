import { z } from 'zod';
import { IsoDate, Timestamp } from '../../shared/api/schemas';
import { Fingerprint } from '../../shared/report/document';
import { fingerprint } from '../common/signing';
import { base64OfLength } from '../vault/base64Schema';
import { CodeWrap, X25519Wrap, X25519_SPKI_BYTES } from './keyWrap';

/**
 * The signed manifests of the two handover files (docs/handover-format.md).
 * They travel in the clear, so they name no student and hold no note text:
 * the scope is counts only.
 */
export const PACKAGE_FORMAT = 'sole-notes/handover-package';
export const HANDBACK_FORMAT = 'sole-notes/handback';
export const HANDOVER_FORMAT_VERSION = 1;

/** Ed25519 and X25519 public keys in SPKI DER are both 44 bytes. */
const ED25519_SPKI_BYTES = 44;
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex');
const Name = z.string().min(1).max(120);
const Count = z.number().int().min(0).max(10_000_000);

/** An IANA zone name; not required to be known here, since only the owner's app turns it into instants. */
const ZoneName = z.string().min(1).max(64).regex(/^[A-Za-z0-9_+\-/]+$/);

const HOUR_MS = 3_600_000;

/**
 * Each instant lies where the day it starts can start in some zone (UTC-12 to
 * UTC+14), so the instants cannot stretch the signed dates.
 */
function periodMatchesDates(period: { start: string; end: string }, validFrom: string, validUntil: string): boolean {
  const near = (instant: string, dayStartUtc: number) => {
    const offset = dayStartUtc - Date.parse(instant);
    return offset >= -12 * HOUR_MS && offset <= 14 * HOUR_MS; // false for NaN: a date or instant that is not one
  };
  const midnightUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
  return near(period.start, midnightUtc(validFrom)) && near(period.end, midnightUtc(validUntil) + 24 * HOUR_MS) && Date.parse(period.start) < Date.parse(period.end);
}

export const PackageManifest = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    version: z.literal(HANDOVER_FORMAT_VERSION),
    packageId: z.uuid(),
    createdAt: Timestamp,
    owner: z
      .object({
        name: Name.nullable(),
        /** The owner's Ed25519 signing key (SPKI, base64), which signed this manifest. */
        signingKey: base64OfLength(ED25519_SPKI_BYTES),
        fingerprint: Fingerprint,
        /** The owner's X25519 handover key: the hand-back is encrypted to it. */
        handoverKey: base64OfLength(X25519_SPKI_BYTES),
        handoverFingerprint: Fingerprint,
      })
      .strict(),
    substitute: z.object({ name: Name }).strict(),
    recipient: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('key'), fingerprint: Fingerprint, label: Name.nullable() }).strict(),
      z.object({ kind: z.literal('code') }).strict(),
    ]),
    validFrom: IsoDate,
    validUntil: IsoDate,
    /**
     * The dates as the owner meant them: days on the wall calendar of the
     * owner's IANA time zone, from the first instant of `validFrom` to the
     * first instant after `validUntil` (exclusive). Absent in packages made
     * before it was added; see `handoverPeriod`.
     */
    period: z.object({ timeZone: ZoneName, start: Timestamp, end: Timestamp }).strict().optional(),
    scope: z.object({ students: Count, notes: Count, services: Count }).strict(),
    payload: z.object({ format: z.literal('sqlcipher-4'), bytes: z.number().int().min(1), sha256: Sha256Hex }).strict(),
    keyWrap: z.discriminatedUnion('method', [X25519Wrap, CodeWrap]),
  })
  .strict()
  .refine((manifest) => manifest.validUntil >= manifest.validFrom, 'the end date is before the start date')
  .refine((manifest) => manifest.period === undefined || periodMatchesDates(manifest.period, manifest.validFrom, manifest.validUntil), 'the period does not match the dates')
  .refine(
    (manifest) => (manifest.recipient.kind === 'key') === (manifest.keyWrap.method === 'x25519-hkdf-sha256-aes-256-gcm'),
    'the key wrap does not match the recipient',
  )
  .refine(
    (manifest) =>
      fingerprint(Buffer.from(manifest.owner.signingKey, 'base64')) === manifest.owner.fingerprint &&
      fingerprint(Buffer.from(manifest.owner.handoverKey, 'base64')) === manifest.owner.handoverFingerprint,
    "the owner's fingerprints do not match the owner's keys",
  );
export type PackageManifest = z.infer<typeof PackageManifest>;

export const HandbackManifest = z
  .object({
    format: z.literal(HANDBACK_FORMAT),
    version: z.literal(HANDOVER_FORMAT_VERSION),
    handbackId: z.uuid(),
    packageId: z.uuid(),
    createdAt: Timestamp,
    /** The owner's handover key the payload key is wrapped to. */
    owner: z.object({ handoverFingerprint: Fingerprint }).strict(),
    substitute: z
      .object({
        name: Name,
        /** The substitute's own vault signing key (Ed25519, SPKI, base64), which signed this manifest. */
        signingKey: base64OfLength(ED25519_SPKI_BYTES),
        fingerprint: Fingerprint,
      })
      .strict(),
    payload: z
      .object({
        format: z.literal('aes-256-gcm+json'),
        bytes: z.number().int().min(1),
        sha256: Sha256Hex,
        nonce: base64OfLength(12),
        tag: base64OfLength(16),
      })
      .strict(),
    keyWrap: X25519Wrap,
    /** HMAC-SHA-256 under a key derived from the package's data key: only whoever opened the package can make it. */
    packageProof: base64OfLength(32),
  })
  .strict()
  .refine(
    (manifest) => fingerprint(Buffer.from(manifest.substitute.signingKey, 'base64')) === manifest.substitute.fingerprint,
    "the substitute's fingerprint does not match the substitute's key",
  );
export type HandbackManifest = z.infer<typeof HandbackManifest>;
