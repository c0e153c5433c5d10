import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';

/**
 * The tables migration 1 made, which every later version of the vault
 * schema still has. A database without them (an emptied file, which SQLCipher
 * reads as an empty database; a plain SQLite file; another program's
 * database) is not a Sole Notes vault and is never given a schema: only
 * creating a vault makes one. A migration that drops or renames one of these
 * tables must change this list.
 */
export const BASE_TABLES = [
  'students',
  'issue_categories',
  'services',
  'service_students',
  'service_issues',
  'notes',
  'note_revisions',
  'audit',
  'settings',
] as const;

/** Whether the database has a Sole Notes schema (version 1 or later, with the base tables). Reads only. */
export function hasBaseSchema(db: VaultDatabase): boolean {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < 1) return false;
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  return BASE_TABLES.every((table) => tables.has(table));
}

/** VAULT_CORRUPT, with nothing written, for a database without the vault's schema. */
export function assertBaseSchema(db: VaultDatabase): void {
  if (!hasBaseSchema(db)) {
    throw new VaultError(
      'VAULT_CORRUPT',
      'The vault database is empty or is not a Sole Notes vault (it has none of the vault’s tables). Nothing was changed; restore the newest backup.',
    );
  }
}
