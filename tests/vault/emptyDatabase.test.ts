import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyKey, openEncryptedDatabase } from '../../src-main/vault/connection';
import { VaultError } from '../../src-main/vault/errors';
import { deriveKey } from '../../src-main/vault/keys/kdf';
import { readKeyFile, unwrapKey, wrapAad } from '../../src-main/vault/keys/keyFile';
import { migrate, upgradeExistingVault } from '../../src-main/vault/schema/migrations';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { hashVaultFiles } from './vaultFolder';

/*
 * A vault.db without the vault's schema (emptied to 0 bytes, a plain SQLite
 * file, another program's database) is never turned into a new, empty vault:
 * opening it is VAULT_CORRUPT with the newest backup offered, and nothing is
 * written. A database that opens but is not the vault its keys file and its
 * backups describe is never backed up, so it never rotates the good backups away.
 */

const NEW_PASSPHRASE = 'copper kettle meadow ninety';

let root: string;
let folder: string;
let backups: string;
let now: number;
const sessions: VaultSession[] = [];

function clock(): Date {
  now += 1000;
  return new Date(now);
}

function session(): VaultSession {
  const opened = new VaultSession(folder, { kdf: TEST_KDF, clock, backups: { automatic: true, defaultFolder: backups, minIntervalMs: 0 } });
  sessions.push(opened);
  return opened;
}

/** Every file under a folder, by relative path, with its SHA-256. */
function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  if (!fs.existsSync(dir)) return hashes;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return hashes;
}

async function dataKeyOf(vaultFolder: string): Promise<Buffer> {
  const keys = await readKeyFile(vaultFolder);
  const kek = await deriveKey(TEST_PASSPHRASE, keys.wraps.passphrase.kdf);
  const key = unwrapKey(keys.wraps.passphrase, kek, wrapAad(keys.vaultId, 'passphrase'));
  kek.fill(0);
  if (!key) throw new Error('the test passphrase did not open the vault');
  return key;
}

async function caught(promise: Promise<unknown>): Promise<VaultError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VaultError) return error;
    throw error;
  }
  throw new Error('expected the operation to fail');
}

/** A vault with one note, backed up twice (manually, then as it locked); left locked. */
async function backedUpVault(): Promise<{ newestBackup: string }> {
  const vault = session();
  await vault.create(TEST_PASSPHRASE);
  vault.data.notes.create({ body: 'Walked the new route to the bus stop together' });
  await vault.createBackup();
  vault.lock();
  const listing = vault.listBackups();
  expect(listing.backups).toHaveLength(2);
  return { newestBackup: listing.backups[0]?.id ?? '' };
}

function removeDatabaseFiles(): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(folder, `vault.db${suffix}`), { force: true });
}

beforeEach(() => {
  root = makeTempDir();
  folder = path.join(root, 'vault');
  backups = path.join(root, 'backups');
  now = Date.parse('2026-03-02T09:00:00.000Z');
});

afterEach(() => {
  for (const opened of sessions.splice(0)) opened.lock();
  removeDir(root);
});

const REPLACEMENTS: [string, (dataKey: Buffer) => void][] = [
  ['emptied to 0 bytes', () => fs.truncateSync(path.join(folder, 'vault.db'), 0)],
  [
    'a plain, unencrypted SQLite database',
    () => {
      removeDatabaseFiles();
      const db = new Database(path.join(folder, 'vault.db'));
      db.exec('CREATE TABLE notes (id TEXT, body TEXT); INSERT INTO notes VALUES (1, 2)');
      db.close();
    },
  ],
  [
    'a database with the vault’s key and no tables at all',
    (dataKey) => {
      removeDatabaseFiles();
      const db = new Database(path.join(folder, 'vault.db'));
      applyKey(db, dataKey);
      db.exec('CREATE TABLE scratch (x); DROP TABLE scratch');
      db.close();
    },
  ],
  [
    'a database with the vault’s key and another program’s schema',
    (dataKey) => {
      removeDatabaseFiles();
      const db = new Database(path.join(folder, 'vault.db'));
      applyKey(db, dataKey);
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); CREATE TABLE audit (x)');
      db.pragma('user_version = 3');
      db.close();
    },
  ],
];

describe('a vault.db without the vault’s schema', () => {
  it.each(REPLACEMENTS)('%s: unlock is VAULT_CORRUPT with the newest backup offered, and nothing is written', async (_name, replace) => {
    const { newestBackup } = await backedUpVault();
    const dataKey = await dataKeyOf(folder);
    replace(dataKey);
    dataKey.fill(0);
    const vaultBefore = hashVaultFiles(folder);
    const backupsBefore = hashTree(backups);
    const sizeBefore = fs.statSync(path.join(folder, 'vault.db')).size;

    const vault = session();
    const error = await caught(vault.unlock(TEST_PASSPHRASE));
    expect(error.code).toBe('VAULT_CORRUPT');
    expect(error.details?.latestBackup?.id).toBe(newestBackup);
    expect((await caught(vault.changePassphrase(TEST_PASSPHRASE, NEW_PASSPHRASE))).code).toBe('VAULT_CORRUPT');
    vault.lock();

    expect(vault.state()).toBe('locked');
    expect(fs.statSync(path.join(folder, 'vault.db')).size).toBe(sizeBefore);
    expect(hashVaultFiles(folder)).toEqual(vaultBefore); // no -wal with a fresh schema, keys file unchanged
    expect(hashTree(backups)).toEqual(backupsBefore);

    // The backup on offer brings the vault back.
    const again = session();
    await again.restoreBackup({ id: newestBackup, passphrase: TEST_PASSPHRASE });
    expect(again.data.notes.list({ limit: 10 })).toHaveLength(1);
  });

  it('is refused by the open itself, before any pragma writes a header into an empty file', async () => {
    await backedUpVault();
    const dataKey = await dataKeyOf(folder);
    const file = path.join(folder, 'vault.db');
    fs.truncateSync(file, 0);
    expect(() => openEncryptedDatabase(file, dataKey, { create: false })).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }));
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    dataKey.fill(0);
  });

  it('is never given a schema by the upgrade of an existing vault (only creating a vault makes one)', () => {
    const file = path.join(root, 'bare.db');
    const dataKey = crypto.randomBytes(32);
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
    const db = openEncryptedDatabase(file, dataKey, { create: true });
    try {
      expect(() => upgradeExistingVault(db)).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }));
      expect(db.pragma('user_version', { simple: true })).toBe(0);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('a database that is not the vault its keys file and backups describe', () => {
  async function refusesEveryBackup(vault: VaultSession): Promise<void> {
    const before = hashTree(backups);
    expect((await caught(vault.createBackup())).code).toBe('VAULT_CORRUPT');
    expect(hashTree(backups)).toEqual(before);
    expect(vault.listBackups().lastFailure).toMatchObject({ code: 'VAULT_CORRUPT' });
    expect(vault.data.audit.list(5).map((entry) => entry.action)).toContain('backup.failed');
    vault.lock(); // automatic backups are on, with no minimum interval
    expect(hashTree(backups)).toEqual(before);
  }

  it('a schema made for it afresh (no record of the vault’s creation, a new signing key) is never backed up', async () => {
    await backedUpVault();
    const dataKey = await dataKeyOf(folder);
    removeDatabaseFiles();
    const file = path.join(folder, 'vault.db');
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
    const db = openEncryptedDatabase(file, dataKey, { create: true });
    migrate(db);
    db.close();
    dataKey.fill(0);

    const vault = session();
    await vault.unlock(TEST_PASSPHRASE);
    await refusesEveryBackup(vault);
  });

  it('the vault’s own database with its signing key swapped is never backed up over the backups that hold the real one', async () => {
    await backedUpVault();
    const dataKey = await dataKeyOf(folder);
    const db = openEncryptedDatabase(path.join(folder, 'vault.db'), dataKey, { create: false });
    const { publicKey } = crypto.generateKeyPairSync('ed25519');
    db.prepare("UPDATE keys SET public_key = ? WHERE purpose = 'signing'").run(publicKey.export({ format: 'der', type: 'spki' }));
    db.close();
    dataKey.fill(0);

    const vault = session();
    await vault.unlock(TEST_PASSPHRASE);
    await refusesEveryBackup(vault);
  });

  it('the real vault still backs up, before and after a restore of an older backup', async () => {
    await backedUpVault();
    const vault = session();
    await vault.unlock(TEST_PASSPHRASE);
    const oldest = vault.listBackups().backups.at(-1)?.id ?? '';
    await vault.createBackup();
    await vault.restoreBackup({ id: oldest });
    await vault.confirmRestore();
    await vault.createBackup();
    expect(vault.listBackups().lastFailure).toBeNull();
  });
});
