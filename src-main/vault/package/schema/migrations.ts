import type { VaultDatabase } from '../../connection';
import { VaultError } from '../../errors';
import { migrateWith, schemaVersion, type Migration } from '../../schema/migrations';
import { packageMigration001Initial, VAULT_SCHEMA_OF_PACKAGE_V1, vaultTablesUpTo14 } from './001-initial';

/**
 * The versions of a handover package's database, numbered like the vault's
 * (vault/schema/migrations.ts): its `user_version` is the package schema
 * version, and its `application_id` (SQLite's file-type field) marks it as a
 * Sole Notes package. A released migration is never edited.
 *
 * Packages made before the package schema had versions carry no mark, and
 * their `user_version` is the vault schema they were written with (3 to 14):
 * they hold version 1's tables, and opening one brings its vault tables to
 * vault schema 14 (as opening it always did) and marks it version 1.
 */
export const PACKAGE_MIGRATIONS: readonly Migration[] = [packageMigration001Initial];

export const LATEST_PACKAGE_SCHEMA_VERSION = PACKAGE_MIGRATIONS.length;

/** "SNPK" in SQLite's application_id: the file is a Sole Notes handover package. */
export const PACKAGE_APPLICATION_ID = 0x534e504b;

const UNMARKED = 0;

function applicationId(db: VaultDatabase): number {
  return db.pragma('application_id', { simple: true }) as number;
}

/**
 * Refuses, reading only, a database this app cannot open as a package: one
 * written by a newer app (VAULT_FROM_FUTURE) or one marked as another kind
 * of file (VAULT_CORRUPT). Run before anything is written to it.
 */
export function refuseUnopenablePackage(db: VaultDatabase): void {
  const marked = applicationId(db);
  if (marked === PACKAGE_APPLICATION_ID) {
    refuseFuturePackage(schemaVersion(db), LATEST_PACKAGE_SCHEMA_VERSION);
  } else if (marked !== UNMARKED) {
    throw new VaultError('VAULT_CORRUPT', 'The handover package’s database is not a Sole Notes package. Nothing was changed.');
  } else if (schemaVersion(db) > VAULT_SCHEMA_OF_PACKAGE_V1) {
    // Unmarked, yet newer than any package made before packages had versions: its number is no package schema.
    throw futurePackage('');
  } else if (schemaVersion(db) > 0 && !hasPackageTable(db)) {
    throw new VaultError('VAULT_CORRUPT', 'The handover package’s database is not a Sole Notes package. Nothing was changed.');
  }
}

function hasPackageTable(db: VaultDatabase): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'handover_package'").get() !== undefined;
}

function refuseFuturePackage(current: number, latest: number): void {
  if (current > latest) throw futurePackage(` (package schema ${current}; this version knows up to ${latest})`);
}

function futurePackage(detail: string): VaultError {
  return new VaultError('VAULT_FROM_FUTURE', `This handover package was made by a newer version of Sole Notes${detail}. It was not changed. Update Sole Notes to open it.`);
}

/**
 * Brings a package's database to `LATEST_PACKAGE_SCHEMA_VERSION`: a new, empty
 * one is given the whole schema and marked; one from before versions is
 * marked version 1 first; each step is one transaction, and a package newer
 * than this app is refused before anything is written.
 */
export function migratePackage(db: VaultDatabase, now: () => Date = () => new Date()): void {
  refuseUnopenablePackage(db);
  if (applicationId(db) === UNMARKED) {
    db.transaction(() => {
      // Read again inside the write lock, in case another connection marked it meanwhile.
      if (applicationId(db) !== UNMARKED) return;
      const vaultSchema = schemaVersion(db);
      if (vaultSchema > 0) {
        vaultTablesUpTo14(db, vaultSchema, now);
        db.pragma('user_version = 1');
      }
      db.pragma(`application_id = ${PACKAGE_APPLICATION_ID}`);
    }).immediate();
  }
  migrateWith(db, PACKAGE_MIGRATIONS, now, refuseFuturePackage);
}
