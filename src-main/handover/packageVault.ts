import fs from 'node:fs';
import path from 'node:path';
import { VaultError } from '../vault/errors';
import { HANDOVERS_FOLDER } from '../vault/folderLayout';
import { PackageData } from '../vault/package/packageData';
import { openPackageDatabase, packageIdOf, PACKAGE_DATABASE_FILE } from '../vault/package/packageDatabase';
import type { VaultData } from '../vault/vaultData';
import type { PackageManifest } from './manifest';
import { receivedManifest } from './received';
import { assertActive, today } from './validity';

/**
 * A received package, opened as a vault of its own: a separate database in
 * `<vault>/handovers/<package-id>/`, never merged with the substitute's own
 * notes. Notes written here are authored as the substitute (the name in the
 * package); its `audit` table is the package's access log.
 */

export interface PackageVault extends PackageData {
  manifest: PackageManifest;
}

export function packageFolder(vaultFolder: string, packageId: string): string {
  return path.join(vaultFolder, HANDOVERS_FOLDER, packageId);
}

/**
 * Opens the package's database for one piece of work and closes it again.
 * Outside its dates it is refused (HANDOVER_NOT_YET_VALID, HANDOVER_EXPIRED)
 * unless `enforceDates` is false (the hand-back, which must stay possible).
 */
export function withPackageVault<T>(
  data: VaultData,
  vaultFolder: string,
  packageId: string,
  work: (vault: PackageVault) => T,
  options: { enforceDates: boolean } = { enforceDates: true },
): T {
  const row = data.handovers.requireReceived(packageId);
  if (row.status !== 'open' || row.package_key === null) {
    throw new VaultError('CONFLICT', 'This handover was handed back to its owner; its copy in this vault was deleted.');
  }
  const manifest = receivedManifest(row);
  if (options.enforceDates) assertActive(data, manifest);

  const file = path.join(packageFolder(vaultFolder, packageId), PACKAGE_DATABASE_FILE);
  if (!fs.existsSync(file)) throw new VaultError('VAULT_CORRUPT', 'The handover package is missing from the vault folder.');
  let db: ReturnType<typeof openPackageDatabase>;
  try {
    db = openPackageDatabase(file, row.package_key, data.clock);
  } finally {
    row.package_key.fill(0);
  }
  try {
    if (packageIdOf(db) !== packageId) throw new VaultError('VAULT_CORRUPT', 'The handover folder holds another package than its name says.');
    // The substitute's today, and the substitute as the author of what is written here.
    const vault = new PackageData(db, data.clock, () => today(data), manifest.substitute.name);
    return work(Object.assign(vault, { manifest }));
  } finally {
    db.close();
  }
}
