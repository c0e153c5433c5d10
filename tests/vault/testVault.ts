import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEncryptedDatabase, type VaultDatabase } from '../../src-main/vault/connection';
import { migrate } from '../../src-main/vault/schema/migrations';
import { VaultData } from '../../src-main/vault/vaultData';

/** A clock that starts at a fixed instant and moves one second forward on every reading. */
export function steppingClock(start = '2026-03-02T09:00:00.000Z'): () => Date {
  let time = Date.parse(start);
  return () => {
    const now = new Date(time);
    time += 1000;
    return now;
  };
}

export interface TestDatabase {
  dir: string;
  file: string;
  db: VaultDatabase;
  /** Closes the connection (if open) and opens the same file again with the same key. */
  reopen(): VaultDatabase;
  dispose(): void;
}

/** A real, empty SQLCipher database in a fresh temp folder. */
export function openTestDatabase(): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sole-notes-vault-'));
  const file = path.join(dir, 'vault.db');
  const key = crypto.randomBytes(32);
  const handle: TestDatabase = {
    dir,
    file,
    db: openEncryptedDatabase(file, key, { create: true }),
    reopen() {
      if (handle.db.open) handle.db.close();
      handle.db = openEncryptedDatabase(file, key, { create: false });
      return handle.db;
    },
    dispose() {
      if (handle.db.open) handle.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

/**
 * A migrated vault with its repositories, on a stepping clock. The migrations
 * read the real clock, so the repositories' first reading is the clock's start.
 */
export function openTestVault(clock: () => Date = steppingClock()): TestDatabase & { data: VaultData } {
  const handle = openTestDatabase();
  migrate(handle.db);
  return Object.assign(handle, { data: new VaultData(handle.db, clock) });
}

export function schemaObjects(db: VaultDatabase, type: 'table' | 'index' | 'trigger'): string[] {
  return db.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').pluck().all(type) as string[];
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
