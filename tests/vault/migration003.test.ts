import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src-main/common/signing';
import { MIGRATIONS, migrate, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { VaultData } from '../../src-main/vault/vaultData';
import { createdVault, removeDir } from '../helpers/tempVault';
import { openTestDatabase, schemaObjects, type TestDatabase } from './testVault';

let vault: TestDatabase;
const AT = new Date('2026-06-01T08:00:00.000Z');

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

interface KeyRow {
  purpose: string;
  algorithm: string;
  private_key: Buffer;
  public_key: Buffer;
  created_at: string;
  retired_at: string | null;
}

function keyRows(purpose: string): KeyRow[] {
  return vault.db.prepare('SELECT purpose, algorithm, private_key, public_key, created_at, retired_at FROM keys WHERE purpose = ?').all(purpose) as KeyRow[];
}

describe('migration 3: the handover key and the handover tables', () => {
  it('gives a version-2 vault with data one X25519 handover key, leaving its signing key and data alone', () => {
    migrateWith(vault.db, MIGRATIONS.slice(0, 2), () => new Date('2026-01-01T00:00:00.000Z'));
    vault.db
      .prepare("INSERT INTO students (id, code, opened_on, created_at, updated_at) VALUES (?, 'OLD-2', '2025-09-02', '2025-09-02T10:00:00.000Z', '2025-09-02T10:00:00.000Z')")
      .run('00000000-0000-4000-8000-000000000002');
    const signingBefore = keyRows('signing');
    expect(keyRows('handover')).toEqual([]);

    migrateWith(vault.db, MIGRATIONS.slice(0, 3), () => AT);

    expect(schemaVersion(vault.db)).toBe(3);
    const [row, ...others] = keyRows('handover');
    expect(others).toEqual([]);
    expect(row).toMatchObject({ algorithm: 'x25519', created_at: AT.toISOString(), retired_at: null });
    const privateKey = crypto.createPrivateKey({ key: row?.private_key as Buffer, format: 'der', type: 'pkcs8' });
    const publicKey = crypto.createPublicKey({ key: row?.public_key as Buffer, format: 'der', type: 'spki' });
    expect(privateKey.asymmetricKeyType).toBe('x25519');
    expect(crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' })).toEqual(row?.public_key);
    // The pair agrees with another party's: X25519 works with it.
    const other = crypto.generateKeyPairSync('x25519');
    expect(crypto.diffieHellman({ privateKey, publicKey: other.publicKey })).toEqual(crypto.diffieHellman({ privateKey: other.privateKey, publicKey }));

    expect(keyRows('signing')).toEqual(signingBefore);
    expect(vault.db.prepare('SELECT code FROM students').pluck().all()).toEqual(['OLD-2']);
    expect(schemaObjects(vault.db, 'table')).toEqual(expect.arrayContaining(['handovers_sent', 'handbacks_imported', 'handovers_received', 'note_releases']));
  });

  it('reads back through the key repository', () => {
    migrate(vault.db, () => AT);
    const data = new VaultData(vault.db);
    const { spki, createdAt } = data.keys.handoverPublicKey();
    expect(createdAt).toBe(AT.toISOString());
    expect(fingerprint(spki)).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
    expect(data.keys.handoverPrivateKey().asymmetricKeyType).toBe('x25519');
    expect(fingerprint(spki)).not.toBe(fingerprint(data.keys.signingPublicKey().spki));
  });

  it('keeps one current handover key, and only X25519', () => {
    migrate(vault.db, () => AT);
    const insert = vault.db.prepare('INSERT INTO keys (purpose, algorithm, private_key, public_key, created_at, retired_at) VALUES (?, ?, ?, ?, ?, ?)');
    const bytes = crypto.randomBytes(48);
    const at = AT.toISOString();
    expect(() => insert.run('handover', 'x25519', bytes, bytes, at, null)).toThrow(/UNIQUE/);
    expect(() => insert.run('handover', 'ed25519', bytes, bytes, at, at)).toThrow(/CHECK/);
    expect(() => insert.run('handover', 'x25519', bytes, bytes, at, at)).not.toThrow(); // a retired one may stay
  });

  it('keeps a received package\'s key only while it is open, and release records tied to their note', () => {
    migrate(vault.db, () => AT);
    const at = AT.toISOString();
    const insert = vault.db.prepare('INSERT INTO handovers_received (package_id, manifest, package_key, received_at, status) VALUES (?, ?, ?, ?, ?)');
    const id = crypto.randomUUID();
    expect(() => insert.run(id, '{}', null, at, 'open')).toThrow(/CHECK/);
    expect(() => insert.run(id, '{}', crypto.randomBytes(16), at, 'open')).toThrow(/CHECK/);
    expect(() => insert.run(id, '{}', crypto.randomBytes(32), at, 'open')).not.toThrow();
    expect(() =>
      vault.db.prepare("INSERT INTO note_releases (note_id, agency, reason, released_on, revision, recorded_at) VALUES (?, 'A', 'B', '2026-06-01', 1, ?)").run(crypto.randomUUID(), at),
    ).toThrow(/FOREIGN KEY/);
  });

  it('never leaves the handover key readable in the database file', () => {
    migrate(vault.db, () => AT);
    const [row] = keyRows('handover');
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    vault.db.close();
    const file = fs.readFileSync(vault.file);
    expect(file.includes((row?.public_key as Buffer).subarray(12))).toBe(false);
    expect(file.includes((row?.private_key as Buffer).subarray(16))).toBe(false);
  });
});

describe('a new vault', () => {
  it('is made with a handover key, through the migrations', async () => {
    const { session, root } = await createdVault();
    try {
      expect(session.data.keys.handoverPrivateKey().asymmetricKeyType).toBe('x25519');
      expect(fingerprint(session.data.keys.handoverPublicKey().spki)).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
    } finally {
      session.lock();
      removeDir(root);
    }
  });
});
