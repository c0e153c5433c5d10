import type { VaultDatabase } from './connection';
import { VaultError } from './errors';

/** A prepared statement that can only read: `get` and `all`, no `run`. */
export interface ReadStatement<P extends unknown[], R> {
  get(...params: P): R | undefined;
  all(...params: P): R[];
}

/**
 * The vault's database as the counting queries of reports see it. Readers and
 * writers are typed apart (as Signal Desktop's `ReadableDB` and `WritableDB`):
 * a repository built on this type has no way to write, and a statement that
 * would write is refused when it is prepared, before it can run.
 */
export interface ReadonlyVaultDatabase {
  prepare<P extends unknown[] = [], R = unknown>(sql: string): ReadStatement<P, R>;
}

export function readonlyDatabase(db: VaultDatabase): ReadonlyVaultDatabase {
  return {
    prepare<P extends unknown[] = [], R = unknown>(sql: string): ReadStatement<P, R> {
      const statement = db.prepare<P, R>(sql);
      // SQLite's own answer (sqlite3_stmt_readonly): true only for a statement that cannot change the database.
      if (!statement.readonly) throw new VaultError('INTERNAL', 'A read-only query of the vault would write to it.');
      return statement;
    },
  };
}
