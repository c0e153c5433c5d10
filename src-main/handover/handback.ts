import crypto from 'node:crypto';
import fs from 'node:fs';
import type { HandbackResult } from '../../shared/api/handoverSchemas';
import { fingerprint, publicKeyFromSpki, verifyBytes } from '../common/signing';
import { DATA_KEY_BYTES } from '../vault/dataKey';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import { HANDBACK_MAGIC, decodeContainer, encodeContainer, sha256Hex } from './container';
import { checkOutputFile, type OutputRules } from '../files/outputPath';
import { MAX_HANDOVER_FILE_BYTES, writeChosenFile } from './files';
import { HANDBACK_CONTENTS_FORMAT, type HandbackContents, type HandbackRevision } from './handbackContents';
import { wrapToPublicKey } from './keyWrap';
import { HANDBACK_FORMAT, HANDOVER_FORMAT_VERSION, type HandbackManifest } from './manifest';
import { packageProof } from './packageProof';
import { packageFolder, withPackageVault, type PackageVault } from './packageVault';
import { encryptPayload, handbackPayloadAad } from './payloadCipher';
import { receivedManifest } from './received';
import { readBoundedFileSync } from '../vault/boundedRead';

export const HANDBACK_EXTENSION = '.solehandback';
export const HANDED_BACK_ACTION = 'handover.handed_back';
export const PACKAGE_DELETED_ACTION = 'handover.package_deleted';

/**
 * Makes the `.solehandback` file for the owner (the substitute's side): the
 * new and changed items and the package's access log, encrypted to the
 * owner's handover key (named in the package's signed manifest), signed with
 * this vault's own signing key, and proved to come from the package's holder.
 * Once the file is written and read back whole (the same bytes, a container
 * that opens, its signature good), the package's copy in this vault is
 * deleted, and both steps are recorded in this vault's audit log. The file
 * is held to `rules` (files/outputPath.ts): never inside this vault's folder
 * (the package's own folder is in it, and is deleted), never over a folder
 * or another hand-back, over another file only when the worker chose to.
 * Allowed after the end date: the substitute's work must be able to go back.
 */
export function handback(data: VaultData, vaultFolder: string, packageId: string, file: string, rules: OutputRules): HandbackResult {
  const outFile = checkOutputFile(file, 'file', rules); // refused before anything is recorded in the package
  const handovers = data.handovers;
  const row = handovers.requireReceived(packageId);
  if (row.status !== 'open' || row.package_key === null) {
    throw new VaultError('CONFLICT', 'This handover was already handed back; its copy in this vault was deleted.');
  }
  const manifest = receivedManifest(row);
  const handbackId = crypto.randomUUID();
  const createdAt = data.clock().toISOString();

  const contents = withPackageVault(
    data,
    vaultFolder,
    packageId,
    (vault) => {
      vault.log.append(HANDED_BACK_ACTION, { by: manifest.substitute.name, handbackId });
      return collectContents(vault, packageId, handbackId);
    },
    { enforceDates: false },
  );

  const payloadKey = crypto.randomBytes(DATA_KEY_BYTES);
  const packageKey = row.package_key;
  let bytes: Buffer;
  try {
    const sealed = encryptPayload(payloadKey, Buffer.from(JSON.stringify(contents), 'utf8'), handbackPayloadAad(packageId, handbackId));
    const ownerHandoverKey = Buffer.from(manifest.owner.handoverKey, 'base64');
    const signing = data.keys.signingPublicKey();
    const substituteFingerprint = fingerprint(signing.spki);
    const payloadSha256 = sha256Hex(sealed.ciphertext);
    const handbackManifest: HandbackManifest = {
      format: HANDBACK_FORMAT,
      version: HANDOVER_FORMAT_VERSION,
      handbackId,
      packageId,
      createdAt,
      owner: { handoverFingerprint: manifest.owner.handoverFingerprint },
      substitute: { name: manifest.substitute.name, signingKey: signing.spki.toString('base64'), fingerprint: substituteFingerprint },
      payload: {
        format: 'aes-256-gcm+json',
        bytes: sealed.ciphertext.length,
        sha256: payloadSha256,
        nonce: sealed.nonce.toString('base64'),
        tag: sealed.tag.toString('base64'),
      },
      keyWrap: wrapToPublicKey(payloadKey, ownerHandoverKey, { purpose: 'handback', id: `${packageId}/${handbackId}` }),
      packageProof: packageProof(packageKey, { handbackId, packageId, payloadSha256, substituteFingerprint }).toString('base64'),
    };
    bytes = encodeContainer(HANDBACK_MAGIC, handbackManifest, sealed.ciphertext, data.keys.signingPrivateKey());
  } finally {
    payloadKey.fill(0);
    packageKey.fill(0);
  }

  const written = writeChosenFile(outFile, 'file', bytes, rules);
  const sha256 = sha256Hex(bytes);
  // The copy is deleted only once the hand-back is on disk as written.
  refuseUnlessReadBackWhole(written, bytes, data.keys.signingPublicKey().spki);

  const folder = packageFolder(vaultFolder, packageId);
  const at = data.clock().toISOString();
  data.transaction(() => {
    handovers.markHandedBack(packageId, handbackId, at);
    data.audit.append(HANDED_BACK_ACTION, {
      packageId,
      handbackId,
      ownerFingerprint: manifest.owner.fingerprint,
      file: written,
      sha256,
      newNotes: contents.newNotes.length,
      changedNotes: contents.changedNotes.length,
      newServices: contents.newServices.length,
      accessLogEntries: contents.accessLog.length,
    });
  });
  fs.rmSync(folder, { recursive: true, force: true });
  data.audit.append(PACKAGE_DELETED_ACTION, { packageId, folder, deleted: !fs.existsSync(folder) });

  return {
    handbackId,
    packageId,
    path: written,
    sha256,
    bytes: bytes.length,
    newNotes: contents.newNotes.length,
    changedNotes: contents.changedNotes.length,
    newServices: contents.newServices.length,
    accessLogEntries: contents.accessLog.length,
    packageDeleted: true,
  };
}

/**
 * Reads the hand-back back from disk and checks it is exactly the bytes
 * meant, a container that opens, signed with this vault's key; the package
 * is kept (INTERNAL) otherwise.
 */
function refuseUnlessReadBackWhole(file: string, meant: Buffer, signingSpki: Buffer): void {
  let whole: boolean;
  try {
    const onDisk = readBoundedFileSync(file, MAX_HANDOVER_FILE_BYTES);
    const decoded = decodeContainer(onDisk, HANDBACK_MAGIC);
    whole =
      onDisk.equals(meant) &&
      decoded.ok &&
      verifyBytes(decoded.container.signed, decoded.container.signature, publicKeyFromSpki(signingSpki));
  } catch {
    whole = false;
  }
  if (!whole) throw new VaultError('INTERNAL', `The hand-back at ${file} did not read back as written; the package was kept. Try again.`);
}

function collectContents(vault: PackageVault, packageId: string, handbackId: string): HandbackContents {
  const base = vault.baseNotes();
  const baseServices = vault.baseServiceIds();
  const noteIds = vault.notes.allIds();

  const newNotes: HandbackContents['newNotes'] = [];
  const changedNotes: HandbackContents['changedNotes'] = [];
  for (const id of noteIds) {
    const note = vault.notes.get(id);
    const fields = { id, studentId: note.studentId, serviceId: note.serviceId, findingsAcknowledged: note.findingsAcknowledged };
    const was = base.get(id);
    if (!was) {
      newNotes.push({ ...fields, revisions: vault.notes.history(id).map(toHandbackRevision) });
    } else if (note.revision > was.revision) {
      const added = vault.notes.history(id).filter((revision) => revision.revision > was.revision);
      changedNotes.push({ ...fields, baseRevision: was.revision, baseHash: was.hash, revisions: added.map(toHandbackRevision) });
    }
  }
  const newServices = vault.services.list().filter((service) => !baseServices.has(service.id));
  return {
    format: HANDBACK_CONTENTS_FORMAT,
    version: 1,
    handbackId,
    packageId,
    newNotes,
    changedNotes,
    newServices,
    accessLog: vault.wholeLog(),
  };
}

function toHandbackRevision(revision: { revision: number; body: string; status: 'personal' | 'released'; author: string; at: string; prevHash: string; hash: string }): HandbackRevision {
  return {
    revision: revision.revision,
    body: revision.body,
    status: revision.status,
    author: revision.author,
    at: revision.at,
    prevHash: revision.prevHash,
    hash: revision.hash,
  };
}
