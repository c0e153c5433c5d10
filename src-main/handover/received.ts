import type { ReceivedHandover } from '../../shared/api/handoverSchemas';
import type { VaultData } from '../vault/vaultData';
import type { ReceivedRow } from '../vault/repos/handovers';
import { PackageManifest } from './manifest';
import { packageValidity } from './validity';
import { ownerNameOf } from './coverColleague';

/** The manifest a received package was opened with (verified then, stored inside the encrypted vault). */
export function receivedManifest(row: ReceivedRow): PackageManifest {
  return PackageManifest.parse(JSON.parse(row.manifest));
}

/** Whose notes these are, in words: the owner's name when given, else their key's fingerprint. */
export function ownerWords(manifest: PackageManifest): string {
  return manifest.owner.name ?? `the worker whose signing key is ${manifest.owner.fingerprint}`;
}

/** The persistent banner over a handover vault. */
export function bannerText(manifest: PackageManifest, status: ReceivedRow['status'], handedBackAt: string | null): string {
  if (status === 'handed_back') {
    return `Handed back to ${ownerWords(manifest)} on ${(handedBackAt ?? '').slice(0, 10)}; the copy in this vault was deleted.`;
  }
  return (
    `Notes of ${ownerWords(manifest)}, handed over to ${manifest.substitute.name} from ${manifest.validFrom} until ${manifest.validUntil}. ` +
    'These are not your own notes: every opening and every note viewed is recorded for the owner.'
  );
}

export function receivedHandover(data: VaultData, row: ReceivedRow): ReceivedHandover {
  const manifest = receivedManifest(row);
  return {
    packageId: row.package_id,
    ownerName: ownerNameOf(data, manifest.owner),
    ownerFingerprint: manifest.owner.fingerprint,
    ownerHandoverFingerprint: manifest.owner.handoverFingerprint,
    substitute: manifest.substitute.name,
    validFrom: manifest.validFrom,
    validUntil: manifest.validUntil,
    scope: manifest.scope,
    receivedAt: row.received_at,
    status: row.status,
    validity: row.status === 'open' ? packageValidity(data, manifest) : null,
    handedBackAt: row.handed_back_at,
    banner: bannerText(manifest, row.status, row.handed_back_at),
  };
}
