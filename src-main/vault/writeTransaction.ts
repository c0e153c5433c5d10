import type { VaultDatabase } from './connection';

/**
 * A transaction that takes the write lock as it begins (BEGIN IMMEDIATE).
 *
 * The app and the command line (or two commands) may write the same vault at
 * once. A plain (deferred) transaction that first reads and then writes
 * would, if the other process wrote in between, fail at once with "database
 * is locked": SQLite cannot let it write on top of what it read, and waiting
 * would not help. Taking the lock first makes the second writer wait (the
 * busy timeout, connection.ts) and then read what the first one wrote.
 * Nested inside another transaction it is a savepoint, as usual.
 */
export function writeTransaction<Args extends unknown[], Result>(db: VaultDatabase, work: (...args: Args) => Result): (...args: Args) => Result {
  const transaction = db.transaction(work);
  return (...args: Args) => transaction.immediate(...args);
}
