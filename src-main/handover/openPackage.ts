import fs from 'node:fs';
import path from 'node:path';
import type { HandoverPackageInfo, ReceivedHandover } from '../../shared/api/handoverSchemas';
import { fingerprint } from '../common/signing';
import { VaultError } from '../vault/errors';
import { openPackageDatabase, packageIdOf, PACKAGE_DATABASE_FILE } from '../vault/package/packageDatabase';
import { AuditLog } from '../vault/repos/audit';
import type { VaultData } from '../vault/vaultData';
import { readChosenFile } from './files';
import { normalizeHandoverCode } from './handoverCode';
import { isHandoverCodeCost, unwrapWithCode, unwrapWithPrivateKey } from './keyWrap';
import type { PackageManifest } from './manifest';
import { packageFolder, withPackageVault } from './packageVault';
import { receivedHandover } from './received';
import { tampered, wrongCode, wrongRecipient } from './refusals';
import { assertActive, packageValidity } from './validity';
import { verifyPackageBytes, type Verified } from './verifyFiles';
import { ownerNameOf } from './coverColleague';

export const HANDOVER_RECEIVED_ACTION = 'handover.received';
export const PACKAGE_OPENED_ACTION = 'handover.opened';

/**
 * What a package says about itself, once its signature and contents check
 * out, without opening it: for the substitute to see whose it is, whether it
 * is for this vault, and whether it needs a code.
 */
export function inspectPackage(data: VaultData, file: string): HandoverPackageInfo {
  const { manifest } = verifyPackageBytes(readChosenFile(file, 'file'));
  const own = fingerprint(data.keys.handoverPublicKey().spki);
  return {
    packageId: manifest.packageId,
    ownerName: ownerNameOf(data, manifest.owner),
    ownerFingerprint: manifest.owner.fingerprint,
    ownerHandoverFingerprint: manifest.owner.handoverFingerprint,
    substitute: manifest.substitute.name,
    validFrom: manifest.validFrom,
    validUntil: manifest.validUntil,
    recipient:
      manifest.recipient.kind === 'key'
        ? { kind: 'key', fingerprint: manifest.recipient.fingerprint, forThisVault: manifest.recipient.fingerprint === own }
        : { kind: 'code' },
    scope: manifest.scope,
    createdAt: manifest.createdAt,
    validity: packageValidity(data, manifest),
    alreadyOpened: data.handovers.received(manifest.packageId) !== null,
  };
}

/**
 * Opens a `.solehandover` file in the substitute's vault. In order, and each
 * with its own error: the file must be intact (HANDOVER_TAMPERED), for this
 * vault's handover key (HANDOVER_WRONG_RECIPIENT), inside its dates
 * (HANDOVER_NOT_YET_VALID, HANDOVER_EXPIRED), and, for a code package, opened
 * by the right code (WRONG_HANDOVER_CODE). The database is copied into
 * `<vault>/handovers/<package-id>/`, its key kept in this (encrypted) vault;
 * the opening is recorded in the package's access log and in this vault's
 * audit log. Opening the same package again only records another opening.
 */
export async function openHandoverPackage(data: VaultData, vaultFolder: string, file: string, code: string | undefined): Promise<ReceivedHandover> {
  const verified = verifyPackageBytes(readChosenFile(file, 'file'));
  const { manifest } = verified;
  const ownHandover = data.keys.handoverPublicKey();
  if (manifest.recipient.kind === 'key' && manifest.recipient.fingerprint !== fingerprint(ownHandover.spki)) {
    throw wrongRecipient('package', manifest.recipient.fingerprint);
  }
  if (manifest.owner.fingerprint === fingerprint(data.keys.signingPublicKey().spki)) {
    throw new VaultError('INVALID_INPUT', 'This package was made in this vault: it is for the substitute to open in theirs.');
  }
  assertActive(data, manifest);

  const handovers = data.handovers;
  const existing = handovers.received(manifest.packageId);
  if (existing) {
    if (existing.status !== 'open') {
      throw new VaultError('CONFLICT', 'This package was already handed back from this vault, and its copy here deleted; it cannot be opened again.');
    }
    withPackageVault(data, vaultFolder, manifest.packageId, (vault) => vault.log.append(PACKAGE_OPENED_ACTION, { by: manifest.substitute.name }));
    return receivedHandover(data, handovers.requireReceived(manifest.packageId));
  }

  const packageKey = await unwrapPackageKey(data, manifest, ownHandover.spki, code);
  try {
    install(data, vaultFolder, verified, packageKey);
  } finally {
    packageKey.fill(0);
  }
  return receivedHandover(data, handovers.requireReceived(manifest.packageId));
}

async function unwrapPackageKey(data: VaultData, manifest: PackageManifest, ownSpki: Buffer, code: string | undefined): Promise<Buffer> {
  const context = { purpose: 'package', id: manifest.packageId } as const;
  const wrap = manifest.keyWrap;
  if (wrap.method === 'x25519-hkdf-sha256-aes-256-gcm') {
    const key = unwrapWithPrivateKey(wrap, data.keys.handoverPrivateKey(), ownSpki, context);
    if (!key) throw tampered('package', "its key does not open with this vault's handover key");
    return key;
  }
  if (code === undefined || code.trim() === '') {
    throw new VaultError('INVALID_INPUT', 'code: this package opens with the one-time handover code the owner gave you; enter it.');
  }
  if (!isHandoverCodeCost(wrap)) throw tampered('package', 'its code protection is not the one Sole Notes uses');
  const key = await unwrapWithCode(wrap, normalizeHandoverCode(code), context);
  if (!key) throw wrongCode();
  return key;
}

/** Writes the database into its folder, checks it, records the opening; on any failure the folder is removed. */
function install(data: VaultData, vaultFolder: string, verified: Verified<PackageManifest>, packageKey: Buffer): void {
  const { manifest, payload, fileSha256 } = verified;
  const folder = packageFolder(vaultFolder, manifest.packageId);
  fs.rmSync(folder, { recursive: true, force: true }); // left over from an opening that stopped part-way: no record points at it
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  try {
    const file = path.join(folder, PACKAGE_DATABASE_FILE);
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      fs.writeSync(fd, payload, 0, payload.length, 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    let db: ReturnType<typeof openPackageDatabase>;
    try {
      db = openPackageDatabase(file, packageKey, data.clock);
    } catch (error) {
      // A package made by a newer version of Sole Notes says so; anything else that does not open is damage.
      if (error instanceof VaultError && error.code === 'VAULT_FROM_FUTURE') throw error;
      throw tampered('package', 'its database does not open with its key');
    }
    try {
      if (packageIdOf(db) !== manifest.packageId) throw tampered('package', 'its database belongs to another package');
      new AuditLog(db, data.clock).append(PACKAGE_OPENED_ACTION, { by: manifest.substitute.name, first: true });
    } finally {
      db.close();
    }
    data.transaction(() => {
      data.handovers.insertReceived({
        package_id: manifest.packageId,
        manifest: JSON.stringify(manifest),
        package_key: packageKey,
        received_at: data.clock().toISOString(),
      });
      data.audit.append(HANDOVER_RECEIVED_ACTION, {
        packageId: manifest.packageId,
        ownerName: manifest.owner.name,
        ownerFingerprint: manifest.owner.fingerprint,
        substitute: manifest.substitute.name,
        validFrom: manifest.validFrom,
        validUntil: manifest.validUntil,
        sha256: fileSha256,
      });
    });
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
