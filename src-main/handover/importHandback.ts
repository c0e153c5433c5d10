import type { HandbackImportResult } from '../../shared/api/handoverSchemas';
import { fingerprint } from '../common/signing';
import { VaultError } from '../vault/errors';
import type { SentRow } from '../vault/repos/handovers';
import type { VaultData } from '../vault/vaultData';
import { readChosenFile } from './files';
import { accessLogIntact, HandbackContents, revisionsContinueChain } from './handbackContents';
import { unwrapWithPrivateKey } from './keyWrap';
import type { HandbackManifest } from './manifest';
import { mergeHandback } from './mergeHandback';
import { proofMatches } from './packageProof';
import { decryptPayload, handbackPayloadAad } from './payloadCipher';
import { tampered, wrongRecipient } from './refusals';
import { verifyHandbackBytes } from './verifyFiles';

export const HANDBACK_IMPORTED_ACTION = 'handover.handback_imported';
export const HANDOVER_ACCESS_ACTION = 'handover.access';
export const HANDOVER_CLOSED_ACTION = 'handover.closed';

/**
 * Imports a `.solehandback` into the owner's vault: checked (signature,
 * manifest, payload; for this vault's handover key; for a package this vault
 * made; proved by the package's key), decrypted, then merged in one
 * transaction with the substitute as author, the package's access log
 * appended to this vault's audit log, and the handover closed. The same
 * hand-back imported again changes nothing and says so.
 */
export function importHandback(data: VaultData, file: string): HandbackImportResult {
  const { manifest, payload, fileSha256 } = verifyHandbackBytes(readChosenFile(file, 'file'));
  const ownHandover = data.keys.handoverPublicKey();
  if (manifest.owner.handoverFingerprint !== fingerprint(ownHandover.spki)) {
    throw wrongRecipient('hand-back', manifest.owner.handoverFingerprint);
  }
  const handovers = data.handovers;
  const sent = handovers.requireSent(manifest.packageId);

  const already = handovers.imported(manifest.handbackId);
  if (already) {
    if (already.package_id !== manifest.packageId) throw tampered('hand-back', 'its id belongs to a hand-back of another package');
    return { ...(JSON.parse(already.summary) as HandbackImportResult), alreadyImported: true };
  }
  checkProof(sent, manifest);
  const other = handovers.importedForPackage(manifest.packageId);
  if (other) {
    throw new VaultError(
      'CONFLICT',
      `This handover was already closed: a hand-back for it was imported on ${other.imported_at.slice(0, 10)}. This one is a different hand-back and was not imported.`,
    );
  }

  const contents = decryptContents(data, manifest, payload, ownHandover.spki);
  const author = sent.substitute;
  const importedAt = data.clock().toISOString();
  const intactLog = accessLogIntact(contents.accessLog);

  return data.transaction((): HandbackImportResult => {
    const counts = mergeHandback(data, contents, author);
    for (const entry of contents.accessLog) {
      data.audit.append(HANDOVER_ACCESS_ACTION, {
        packageId: manifest.packageId,
        substitute: author,
        seq: entry.seq,
        at: entry.at,
        action: entry.action,
        details: entry.details,
      });
    }
    const summary: HandbackImportResult = {
      handbackId: manifest.handbackId,
      packageId: manifest.packageId,
      substitute: author,
      substituteFingerprint: manifest.substitute.fingerprint,
      alreadyImported: false,
      ...counts,
      accessLogEntries: contents.accessLog.length,
      accessLogIntact: intactLog,
      importedAt,
    };
    handovers.insertImported({
      handback_id: manifest.handbackId,
      package_id: manifest.packageId,
      substitute_fingerprint: manifest.substitute.fingerprint,
      file_sha256: fileSha256,
      imported_at: importedAt,
      summary,
    });
    data.audit.append(HANDBACK_IMPORTED_ACTION, {
      packageId: manifest.packageId,
      handbackId: manifest.handbackId,
      substitute: author,
      substituteFingerprint: manifest.substitute.fingerprint,
      sha256: fileSha256,
      newNotes: counts.newNotes,
      changedNotes: counts.changedNotes,
      changedByBoth: counts.changedByBoth,
      newServices: counts.newServices,
      accessLogEntries: contents.accessLog.length,
      accessLogIntact: intactLog,
    });
    handovers.setSentStatus(manifest.packageId, 'closed', importedAt);
    data.audit.append(HANDOVER_CLOSED_ACTION, { packageId: manifest.packageId, previousStatus: sent.status });
    return summary;
  });
}

function checkProof(sent: SentRow, manifest: HandbackManifest): void {
  const fields = {
    handbackId: manifest.handbackId,
    packageId: manifest.packageId,
    payloadSha256: manifest.payload.sha256,
    substituteFingerprint: manifest.substitute.fingerprint,
  };
  try {
    if (!proofMatches(sent.package_key, fields, Buffer.from(manifest.packageProof, 'base64'))) {
      throw tampered('hand-back', 'it was not made from the package this vault sent');
    }
  } finally {
    sent.package_key.fill(0);
  }
}

function decryptContents(data: VaultData, manifest: HandbackManifest, payload: Buffer, ownSpki: Buffer): HandbackContents {
  const payloadKey = unwrapWithPrivateKey(manifest.keyWrap, data.keys.handoverPrivateKey(), ownSpki, {
    purpose: 'handback',
    id: `${manifest.packageId}/${manifest.handbackId}`,
  });
  if (!payloadKey) throw tampered('hand-back', "its key does not open with this vault's handover key");
  let plaintext: Buffer | null;
  try {
    plaintext = decryptPayload(
      payloadKey,
      { ciphertext: payload, nonce: Buffer.from(manifest.payload.nonce, 'base64'), tag: Buffer.from(manifest.payload.tag, 'base64') },
      handbackPayloadAad(manifest.packageId, manifest.handbackId),
    );
  } finally {
    payloadKey.fill(0);
  }
  if (!plaintext) throw tampered('hand-back', 'its contents do not decrypt');
  let parsed;
  try {
    parsed = HandbackContents.safeParse(JSON.parse(plaintext.toString('utf8')));
  } catch {
    throw tampered('hand-back', 'its contents are not readable');
  } finally {
    plaintext.fill(0);
  }
  if (!parsed.success) throw tampered('hand-back', 'its contents are not what Sole Notes writes');
  const contents = parsed.data;
  if (contents.packageId !== manifest.packageId || contents.handbackId !== manifest.handbackId) {
    throw tampered('hand-back', 'its contents belong to another hand-back');
  }
  const chainsIntact =
    contents.newNotes.every((note) => revisionsContinueChain(note.id, 0, '', note.revisions)) &&
    contents.changedNotes.every((note) => revisionsContinueChain(note.id, note.baseRevision, note.baseHash, note.revisions));
  if (!chainsIntact) throw tampered('hand-back', 'the history of a note in it is broken');
  return contents;
}
