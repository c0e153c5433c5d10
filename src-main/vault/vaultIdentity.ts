import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, type VaultDatabase } from './connection';
import { VaultError } from './errors';
import { MAX_KEY_FILE_BYTES, parseKeyFile } from './keys/keyFile';
import { readBoundedFileSync } from './boundedRead';

/*
 * What makes a database this vault, checked before any backup is written (and
 * so before any old backup is thinned out):
 *   - its audit log opens with `vault.created` naming the vault id of the
 *     keys file (create() writes that entry first, and the log is append-only);
 *   - its first signing key (made with the schema, retired but never deleted
 *     when replaced) is the one in the newest backup of this vault that reads.
 * A database given a fresh schema over a keys file (the empty vault an emptied
 * vault.db once became) fails both, and is never counted as the same vault.
 */

const NOT_THIS_VAULT =
  'The vault database does not match its keys file and its backups, so no backup was made: the backups you have are kept as they are. Restore the newest one.';

/** The vault id the database records for itself (its first audit entry), or null when it records none. */
export function recordedVaultId(db: VaultDatabase): string | null {
  const first = db.prepare('SELECT action, details FROM audit ORDER BY seq LIMIT 1').get() as { action: string; details: string } | undefined;
  if (first?.action !== 'vault.created') return null;
  try {
    const details = JSON.parse(first.details) as { vaultId?: unknown };
    return typeof details.vaultId === 'string' ? details.vaultId : null;
  } catch {
    return null;
  }
}

function firstSigningKey(db: VaultDatabase): Buffer | null {
  return (db.prepare("SELECT public_key FROM keys WHERE purpose = 'signing' ORDER BY id LIMIT 1").pluck().get() as Buffer | undefined) ?? null;
}

/** The first signing key of a backup's database, or null when it does not open or holds none. */
function backupFirstSigningKey(file: string, dataKey: Buffer): Buffer | null {
  let db: VaultDatabase | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    applyKey(db, dataKey);
    return firstSigningKey(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * VAULT_CORRUPT unless the open database is the vault `vaultId` names:
 * recorded as created under that id, and holding the same first signing key
 * as the newest of `backupDatabases` (this vault's backups, newest first)
 * that opens. Reads only.
 */
export function assertSameVault(options: { db: VaultDatabase; dataKey: Buffer; vaultId: string; backupDatabases: readonly string[] }): void {
  if (recordedVaultId(options.db) !== options.vaultId) throw new VaultError('VAULT_CORRUPT', NOT_THIS_VAULT);
  const own = firstSigningKey(options.db);
  for (const file of options.backupDatabases) {
    const theirs = backupFirstSigningKey(file, options.dataKey);
    if (theirs === null) continue; // a damaged backup does not speak for the vault; the next one may
    if (own === null || !own.equals(theirs)) throw new VaultError('VAULT_CORRUPT', NOT_THIS_VAULT);
    return;
  }
}

/** VAULT_CORRUPT unless the keys file at `file` is the one of vault `vaultId` (it was replaced while the vault was open). */
export function assertKeyFileOfVault(file: string, vaultId: string): void {
  if (parseKeyFile(readBoundedFileSync(file, MAX_KEY_FILE_BYTES)).vaultId !== vaultId) {
    throw new VaultError('VAULT_CORRUPT', 'The vault keys file was replaced by another vault’s while Sole Notes was running, so no backup was made.');
  }
}
