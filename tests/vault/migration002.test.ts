import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src-main/common/signing';
import { systemTimeZone } from '../../src-main/vault/repos/settings';
import { MIGRATIONS, migrate, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { VaultData } from '../../src-main/vault/vaultData';
import { createdVault, removeDir } from '../helpers/tempVault';
import { openTestDatabase, schemaObjects, type TestDatabase } from './testVault';

let vault: TestDatabase;
const AT = new Date('2026-05-04T10:00:00.000Z');

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

function signingRows() {
  return vault.db.prepare("SELECT purpose, algorithm, private_key, public_key, created_at, retired_at FROM keys WHERE purpose = 'signing'").all() as {
    purpose: string;
    algorithm: string;
    private_key: Buffer;
    public_key: Buffer;
    created_at: string;
    retired_at: string | null;
  }[];
}

describe('migration 2: the keys table and the signing key', () => {
  it('brings a version-1 vault with data to version 2 with one Ed25519 signing key, leaving the data alone', () => {
    migrateWith(vault.db, MIGRATIONS.slice(0, 1));
    vault.db
      .prepare("INSERT INTO students (id, code, opened_on, created_at, updated_at) VALUES (?, 'OLD-1', '2025-09-02', '2025-09-02T10:00:00.000Z', '2025-09-02T10:00:00.000Z')")
      .run('00000000-0000-4000-8000-000000000001');
    expect(schemaObjects(vault.db, 'table')).not.toContain('keys');

    migrateWith(vault.db, MIGRATIONS.slice(0, 2), () => AT);

    expect(schemaVersion(vault.db)).toBe(2);
    const rows = signingRows();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ purpose: 'signing', algorithm: 'ed25519', created_at: AT.toISOString(), retired_at: null });
    const privateKey = crypto.createPrivateKey({ key: row?.private_key as Buffer, format: 'der', type: 'pkcs8' });
    const publicKey = crypto.createPublicKey({ key: row?.public_key as Buffer, format: 'der', type: 'spki' });
    expect(privateKey.asymmetricKeyType).toBe('ed25519');
    expect(crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' })).toEqual(row?.public_key);
    const message = Buffer.from('a report');
    expect(crypto.verify(null, message, publicKey, crypto.sign(null, message, privateKey))).toBe(true);
    expect(vault.db.prepare('SELECT code FROM students').pluck().all()).toEqual(['OLD-1']);
  });

  it('gives an older vault the defaults for the report settings it never stored', () => {
    migrateWith(vault.db, MIGRATIONS.slice(0, 1));
    migrate(vault.db, () => AT);
    const data = new VaultData(vault.db);
    expect(data.settings.get()).toMatchObject({ autoLockMinutes: 5, reportThreshold: 10, timeZone: systemTimeZone(), ceuCycleStart: null });
    expect(data.keys.signingPublicKey().createdAt).toBe(AT.toISOString());
  });

  it('keeps one current key per purpose and the purpose tied to the algorithm', () => {
    migrateWith(vault.db, MIGRATIONS.slice(0, 2), () => AT); // migration 3 adds the handover key itself
    const insert = vault.db.prepare('INSERT INTO keys (purpose, algorithm, private_key, public_key, created_at, retired_at) VALUES (?, ?, ?, ?, ?, ?)');
    const bytes = crypto.randomBytes(48);
    const at = AT.toISOString();
    expect(() => insert.run('signing', 'ed25519', bytes, bytes, at, null)).toThrow(/UNIQUE/);
    expect(() => insert.run('signing', 'x25519', bytes, bytes, at, at)).toThrow(/CHECK/);
    expect(() => insert.run('stamping', 'ed25519', bytes, bytes, at, at)).toThrow(/CHECK/);
    expect(() => insert.run('handover', 'x25519', bytes, bytes, at, null)).not.toThrow(); // issue 6's handover key fits
    expect(() => insert.run('signing', 'ed25519', bytes, bytes, at, at)).not.toThrow(); // a retired signing key may stay
  });

  it('never leaves the keys readable in the database file', () => {
    migrate(vault.db, () => AT);
    const [row] = signingRows();
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    vault.db.close();
    const file = fs.readFileSync(vault.file);
    expect(file.includes(row?.public_key as Buffer)).toBe(false);
    expect(file.includes((row?.private_key as Buffer).subarray(16))).toBe(false);
  });
});

describe('a new vault', () => {
  it('is made with a signing key, through the migrations', async () => {
    const { session, root } = await createdVault();
    try {
      const { spki } = session.data.keys.signingPublicKey();
      expect(fingerprint(spki)).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
      expect(session.data.keys.signingPrivateKey().asymmetricKeyType).toBe('ed25519');
      expect(fs.existsSync(path.join(session.folder, 'vault.db'))).toBe(true);
    } finally {
      session.lock();
      removeDir(root);
    }
  });
});
