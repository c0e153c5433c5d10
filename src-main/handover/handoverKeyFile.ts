import { z } from 'zod';
import { Timestamp } from '../../shared/api/schemas';
import { Fingerprint } from '../../shared/report/document';
import { fingerprint } from '../common/signing';
import { base64OfLength } from '../vault/base64Schema';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import type { OutputRules } from '../files/outputPath';
import { readChosenFile, writeChosenFile } from './files';
import { X25519_SPKI_BYTES, x25519PublicKey } from './keyWrap';

/**
 * The `.solekey` file: a vault's public handover key, which a substitute
 * exports and gives to the owner, who makes the package for it. Small,
 * readable JSON; nothing in it is secret. The owner should compare the
 * fingerprint with the substitute (in person or by phone) before using it.
 */
export const HANDOVER_KEY_FILE_FORMAT = 'sole-notes/handover-key';
export const HANDOVER_KEY_FILE_VERSION = 1;
export const HANDOVER_KEY_FILE_EXTENSION = '.solekey';
const MAX_KEY_FILE_BYTES = 64 * 1024;

export const HandoverKeyFileSchema = z
  .object({
    format: z.literal(HANDOVER_KEY_FILE_FORMAT),
    version: z.literal(HANDOVER_KEY_FILE_VERSION),
    algorithm: z.literal('X25519'),
    /** SPKI DER, base64. */
    publicKey: base64OfLength(X25519_SPKI_BYTES),
    /** SHA-256 of the SPKI DER, as the app shows it. */
    fingerprint: Fingerprint,
    /** Whose key this is, as they wrote it; shown to the owner, never trusted for anything else. */
    label: z.string().max(120).nullable(),
    createdAt: Timestamp,
  })
  .strict();
export type HandoverKeyFile = z.infer<typeof HandoverKeyFileSchema>;

export interface HandoverPublicKey {
  spki: Buffer;
  fingerprint: string;
  label: string | null;
  createdAt: string | null;
}

/** This vault's handover key, as the app shows it. */
export function handoverKeyInfo(data: VaultData): { algorithm: 'X25519'; fingerprint: string; createdAt: string } {
  const { spki, createdAt } = data.keys.handoverPublicKey();
  return { algorithm: 'X25519', fingerprint: fingerprint(spki), createdAt };
}

export function handoverKeyFileContent(data: VaultData, label: string | null): HandoverKeyFile {
  const { spki, createdAt } = data.keys.handoverPublicKey();
  return {
    format: HANDOVER_KEY_FILE_FORMAT,
    version: HANDOVER_KEY_FILE_VERSION,
    algorithm: 'X25519',
    publicKey: spki.toString('base64'),
    fingerprint: fingerprint(spki),
    label: label === null || label.trim() === '' ? null : label.trim(),
    createdAt,
  };
}

/** Writes this vault's public handover key to `file` (held to `rules`, see files/outputPath.ts); recorded in the audit log. */
export function exportHandoverKey(
  data: VaultData,
  file: string,
  label: string | null,
  rules: OutputRules,
): { path: string; fingerprint: string; label: string | null } {
  const content = handoverKeyFileContent(data, label);
  const written = writeChosenFile(file, 'file', Buffer.from(`${JSON.stringify(content, null, 2)}\n`, 'utf8'), rules, 0o644);
  data.audit.append('handover.key_exported', { fingerprint: content.fingerprint, file: written });
  return { path: written, fingerprint: content.fingerprint, label: content.label };
}

export function parseHandoverKeyFile(raw: Buffer): HandoverPublicKey {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw notAKeyFile('it is not readable JSON');
  }
  const parsed = HandoverKeyFileSchema.safeParse(json);
  if (!parsed.success) throw notAKeyFile('it does not have the fields of one');
  const spki = Buffer.from(parsed.data.publicKey, 'base64');
  if (!x25519PublicKey(spki)) throw notAKeyFile('it does not hold an X25519 public key');
  if (fingerprint(spki) !== parsed.data.fingerprint) throw notAKeyFile('its fingerprint does not match its key, so it was altered');
  return { spki, fingerprint: parsed.data.fingerprint, label: parsed.data.label, createdAt: parsed.data.createdAt };
}

export function readHandoverKeyFile(file: string, field = 'keyFile'): HandoverPublicKey & { path: string } {
  const raw = readChosenFile(file, field, MAX_KEY_FILE_BYTES);
  try {
    return { ...parseHandoverKeyFile(raw), path: file };
  } catch (error) {
    if (error instanceof VaultError) throw new VaultError(error.code, `${field}: ${error.message}`);
    throw error;
  }
}

function notAKeyFile(problem: string): VaultError {
  return new VaultError('INVALID_INPUT', `This is not a Sole Notes handover key file (${HANDOVER_KEY_FILE_EXTENSION}): ${problem}.`);
}
