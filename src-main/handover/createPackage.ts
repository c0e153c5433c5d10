import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { CreateHandoverInput, CreateHandoverResult, HandoverRecipient } from '../../shared/api/handoverSchemas';
import { fingerprint } from '../common/signing';
import { readBoundedFileSync } from '../vault/boundedRead';
import { DATA_KEY_BYTES } from '../vault/dataKey';
import { VaultError } from '../vault/errors';
import { buildPackageDatabase, PACKAGE_DATABASE_FILE } from '../vault/package/packageDatabase';
import type { VaultData } from '../vault/vaultData';
import { PACKAGE_MAGIC, encodeContainer, sha256Hex } from './container';
import { checkOutputFile, type OutputRules } from '../files/outputPath';
import { MAX_HANDOVER_FILE_BYTES, writeChosenFile } from './files';
import { generateHandoverCode, normalizeHandoverCode } from './handoverCode';
import { coverColleagueKey } from './coverColleague';
import { readHandoverKeyFile } from './handoverKeyFile';
import { wrapToPublicKey, wrapWithCode, type CodeWrap, type X25519Wrap } from './keyWrap';
import { HANDOVER_FORMAT_VERSION, PACKAGE_FORMAT, type PackageManifest } from './manifest';
import { periodInZone, today } from './validity';

export type CreateHandoverRequest = z.output<typeof CreateHandoverInput>;
export const HANDOVER_CREATED_ACTION = 'handover.created';
export const HANDOVER_PACKAGE_EXTENSION = '.solehandover';

/**
 * Makes a `.solehandover` package for a substitute (the owner's side): the
 * chosen students' notes (every revision) and services in a database of
 * their own under a fresh random key, the key wrapped to the substitute's
 * handover key or to a one-time code, and a manifest signed with the owner's
 * signing key. The owner's audit log records it; the package key is kept in
 * the owner's vault so that the hand-back can be checked against it. The
 * file is held to `rules` (files/outputPath.ts) before anything is built.
 */
export async function createHandoverPackage(
  data: VaultData,
  vaultFolder: string,
  input: CreateHandoverRequest,
  rules: OutputRules,
): Promise<CreateHandoverResult> {
  const outFile = checkOutputFile(input.file, 'file', rules); // refused before the package is built
  if (input.validUntil < today(data)) throw new VaultError('INVALID_INPUT', 'validUntil: the end date has already passed.');
  const studentIds = chosenStudents(data, input.students);

  const recipientKey = recipientPublicKey(data, input.recipient);
  const own = data.keys.handoverPublicKey();
  if (recipientKey?.spki.equals(own.spki)) {
    throw new VaultError('INVALID_INPUT', "recipient.keyFile: that is this vault's own handover key; choose the key file the substitute gave you.");
  }

  const packageId = crypto.randomUUID();
  const createdAt = data.clock().toISOString();
  const ownerName = input.ownerName === undefined || input.ownerName === '' ? null : input.ownerName;
  const packageKey = crypto.randomBytes(DATA_KEY_BYTES);
  try {
    const meta = { packageId, substitute: input.substitute, validFrom: input.validFrom, validUntil: input.validUntil, createdAt };
    const { payload, scope } = buildPayload(data, vaultFolder, packageKey, meta, studentIds, input.includeNames === true);

    const context = { purpose: 'package', id: packageId } as const;
    let code: string | null = null;
    let keyWrap: X25519Wrap | CodeWrap;
    let recipient: HandoverRecipient;
    if (recipientKey) {
      keyWrap = wrapToPublicKey(packageKey, recipientKey.spki, context);
      recipient = { kind: 'key', fingerprint: recipientKey.fingerprint, label: recipientKey.label };
    } else {
      code = generateHandoverCode();
      keyWrap = await wrapWithCode(packageKey, normalizeHandoverCode(code), context);
      recipient = { kind: 'code' };
    }

    const signing = data.keys.signingPublicKey();
    const manifest: PackageManifest = {
      format: PACKAGE_FORMAT,
      version: HANDOVER_FORMAT_VERSION,
      packageId,
      createdAt,
      owner: {
        name: ownerName,
        signingKey: signing.spki.toString('base64'),
        fingerprint: fingerprint(signing.spki),
        handoverKey: own.spki.toString('base64'),
        handoverFingerprint: fingerprint(own.spki),
      },
      substitute: { name: input.substitute },
      recipient,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      period: manifestPeriod(periodInZone(input.validFrom, input.validUntil, data.settings.get().timeZone)),
      scope,
      payload: { format: 'sqlcipher-4', bytes: payload.length, sha256: sha256Hex(payload) },
      keyWrap,
    };
    const bytes = encodeContainer(PACKAGE_MAGIC, manifest, payload, data.keys.signingPrivateKey());
    const written = writeChosenFile(outFile, 'file', bytes, rules);
    const fileSha256 = sha256Hex(bytes);

    try {
      data.transaction(() => {
        data.handovers.insertSent({
          package_id: packageId,
          substitute: input.substitute,
          recipient_kind: recipient.kind,
          recipient_fingerprint: recipient.kind === 'key' ? recipient.fingerprint : null,
          recipient_label: recipient.kind === 'key' ? recipient.label : null,
          valid_from: input.validFrom,
          valid_until: input.validUntil,
          student_ids: JSON.stringify(studentIds),
          note_count: scope.notes,
          service_count: scope.services,
          package_key: packageKey,
          file_sha256: fileSha256,
          created_at: createdAt,
        });
        data.audit.append(HANDOVER_CREATED_ACTION, {
          packageId,
          substitute: input.substitute,
          recipient: recipient.kind,
          recipientFingerprint: recipient.kind === 'key' ? recipient.fingerprint : null,
          validFrom: input.validFrom,
          validUntil: input.validUntil,
          students: scope.students,
          names: input.includeNames === true,
          notes: scope.notes,
          services: scope.services,
          file: written,
          sha256: fileSha256,
        });
      });
    } catch (error) {
      fs.rmSync(written, { force: true }); // an unrecorded package must not be left behind
      throw error;
    }

    return {
      packageId,
      path: written,
      sha256: fileSha256,
      bytes: bytes.length,
      substitute: input.substitute,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      recipient,
      code,
      scope,
    };
  } finally {
    packageKey.fill(0);
  }
}

/**
 * The key the package is sealed to: a key file the owner checked now, or the
 * cover colleague's key checked when they were named (its label is their
 * name); null for a one-time code.
 */
function recipientPublicKey(data: VaultData, recipient: CreateHandoverRequest['recipient']): { spki: Buffer; fingerprint: string; label: string | null } | null {
  if (recipient.kind === 'key') return readHandoverKeyFile(recipient.keyFile, 'recipient.keyFile');
  if (recipient.kind === 'colleague') {
    const colleague = coverColleagueKey(data);
    return { spki: colleague.spki, fingerprint: colleague.fingerprint, label: colleague.name };
  }
  return null;
}

function chosenStudents(data: VaultData, students: CreateHandoverRequest['students']): string[] {
  if (students === 'caseload') {
    const open = data.students.list().map((student) => student.id);
    if (open.length === 0) throw new VaultError('INVALID_INPUT', 'students: the caseload has no open cases to hand over.');
    return open;
  }
  const ids = [...new Set(students)];
  for (const id of ids) data.students.get(id); // NOT_FOUND names a missing one
  return ids;
}

/**
 * Builds the package database in a private working folder inside the vault
 * folder (the same disk, the owner's permissions), reads its bytes and
 * removes the folder again, whatever happens.
 */
function buildPayload(
  data: VaultData,
  vaultFolder: string,
  key: Buffer,
  meta: Parameters<typeof buildPackageDatabase>[3],
  studentIds: string[],
  includeNames: boolean,
): { payload: Buffer; scope: CreateHandoverResult['scope'] } {
  const workFolder = path.join(vaultFolder, `.handover-build-${meta.packageId}`);
  fs.mkdirSync(workFolder, { mode: 0o700 });
  try {
    const file = path.join(workFolder, PACKAGE_DATABASE_FILE);
    const scope = buildPackageDatabase(data, file, key, meta, studentIds, { includeNames });
    return { payload: readBoundedFileSync(file, MAX_HANDOVER_FILE_BYTES), scope };
  } finally {
    fs.rmSync(workFolder, { recursive: true, force: true });
  }
}

/** The period as the manifest carries it: the owner's zone and the UTC instants the substitute's app compares its clock with. */
function manifestPeriod(period: ReturnType<typeof periodInZone>): NonNullable<PackageManifest['period']> {
  return { timeZone: period.timeZone, start: period.start.toISOString(), end: period.end.toISOString() };
}
