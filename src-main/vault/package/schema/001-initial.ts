import type { VaultDatabase } from '../../connection';
import { MIGRATIONS } from '../../schema/migrations';
import type { Migration } from '../../schema/migrations';

/**
 * The package schema as the first versioned packages have it: the vault's
 * tables as vault migrations 1 to 14 make them (the substitute's app reads
 * and writes them with the vault's own repositories), plus three tables of
 * the package's own:
 * - handover_package: which package this database belongs to;
 * - handover_base_notes / handover_base_services: what the owner put in, so
 *   the hand-back can tell new and changed items from what was there.
 *
 * Packages made before the package schema had versions have exactly these
 * tables (migrations.ts reads them as version 1). A later change to a table
 * the package holds, in the vault or here, is a new package migration.
 */
export const VAULT_SCHEMA_OF_PACKAGE_V1 = 14;

const PACKAGE_TABLES = `
CREATE TABLE handover_package (
  singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
  package_id  TEXT NOT NULL CHECK (length(package_id) = 36),
  substitute  TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE TABLE handover_base_notes (
  note_id   TEXT PRIMARY KEY NOT NULL,
  revision  INTEGER NOT NULL CHECK (revision >= 1),
  hash      TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE handover_base_services (
  service_id  TEXT PRIMARY KEY NOT NULL
) STRICT, WITHOUT ROWID;
`;

/** Brings the vault's tables of a package from vault schema `from` to the one version 1 holds. */
export function vaultTablesUpTo14(db: VaultDatabase, from: number, now: () => Date): void {
  for (const migration of MIGRATIONS.slice(from, VAULT_SCHEMA_OF_PACKAGE_V1)) migration.up(db, now);
}

export const packageMigration001Initial: Migration = {
  version: 1,
  description: "the vault's tables at vault schema 14, and the package's own: which package, and what the owner put in",
  up(db: VaultDatabase, now: () => Date): void {
    vaultTablesUpTo14(db, 0, now);
    db.exec(PACKAGE_TABLES);
  },
};
