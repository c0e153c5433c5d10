import fs from 'node:fs';
import path from 'node:path';
import type { VaultDatabase } from '../vault/connection';
import { VaultError } from '../vault/errors';
import { AuditLog } from '../vault/repos/audit';
import { CategoryRepository } from '../vault/repos/categories';
import { NoteRepository } from '../vault/repos/notes';
import { ServiceRepository } from '../vault/repos/services';
import { StudentRepository } from '../vault/repos/students';
import type { VaultData } from '../vault/vaultData';
import type { PackageManifest } from './manifest';
import { openPackageDatabase, packageIdOf, PACKAGE_DATABASE_FILE } from './packageDatabase';
import { HandoverRepository, receivedManifest } from './handoverRepository';
import { assertActive, today } from './validity';
import { HANDOVERS_FOLDER } from '../vault/folderLayout';

/**
 * A received package, opened as a vault of its own: a separate database in
 * `<vault>/handovers/<package-id>/`, never merged with the substitute's own
 * notes. Notes written here are authored as the substitute (the name in the
 * package); its `audit` table is the package's access log.
 */

export interface PackageVault {
  manifest: PackageManifest;
  db: VaultDatabase;
  students: StudentRepository;
  services: ServiceRepository;
  /** The owner's issue categories, their own included, as they were when the package was made. */
  categories: CategoryRepository;
  notes: NoteRepository;
  /** The package's own access log. */
  log: AuditLog;
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
  const row = new HandoverRepository(data.db).requireReceived(packageId);
  if (row.status !== 'open' || row.package_key === null) {
    throw new VaultError('CONFLICT', 'This handover was handed back to its owner; its copy in this vault was deleted.');
  }
  const manifest = receivedManifest(row);
  if (options.enforceDates) assertActive(data, manifest);

  const file = path.join(packageFolder(vaultFolder, packageId), PACKAGE_DATABASE_FILE);
  if (!fs.existsSync(file)) throw new VaultError('VAULT_CORRUPT', 'The handover package is missing from the vault folder.');
  let db: VaultDatabase;
  try {
    db = openPackageDatabase(file, row.package_key, data.clock);
  } finally {
    row.package_key.fill(0);
  }
  try {
    if (packageIdOf(db) !== packageId) throw new VaultError('VAULT_CORRUPT', 'The handover folder holds another package than its name says.');
    return work({
      manifest,
      db,
      students: new StudentRepository(db, data.clock, () => today(data)),
      services: new ServiceRepository(db, data.clock, () => today(data)), // the substitute's today
      categories: new CategoryRepository(db),
      notes: new NoteRepository(db, data.clock, manifest.substitute.name),
      log: new AuditLog(db, data.clock),
    });
  } finally {
    db.close();
  }
}
