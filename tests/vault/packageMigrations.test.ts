import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDatabase, type VaultDatabase } from '../../src-main/vault/connection';
import { VaultError } from '../../src-main/vault/errors';
import { buildPackageDatabase, openPackageDatabase, packageIdOf } from '../../src-main/vault/package/packageDatabase';
import { LATEST_PACKAGE_SCHEMA_VERSION, PACKAGE_APPLICATION_ID, PACKAGE_MIGRATIONS } from '../../src-main/vault/package/schema/migrations';
import { openTestVault, rewritePackageDatabase as rewrite, sha256File, type TestDatabase } from './testVault';
import type { VaultData } from '../../src-main/vault/vaultData';

/**
 * A handover package's database has schema versions of its own, like the
 * vault's: `user_version` is the package schema version, SQLite's
 * `application_id` marks the file as a package, and one written by a newer
 * app is refused before anything is written to it.
 */

const PACKAGE_ID = '0b6f2a4e-5a3c-4f1e-9a77-2d1c3e4f5a6b';

/** The tables a package holds and the substitute's app reads and writes with the vault's repositories. */
const HELD_TABLES = ['students', 'student_names', 'issue_categories', 'services', 'service_students', 'service_issues', 'notes', 'note_revisions', 'audit'];

function caught(action: () => unknown): VaultError {
  try {
    action();
  } catch (error) {
    if (error instanceof VaultError) return error;
    throw error;
  }
  throw new Error('expected a VaultError');
}

function pragmaNumber(db: VaultDatabase, name: 'user_version' | 'application_id'): number {
  return db.pragma(name, { simple: true }) as number;
}

describe('the package schema', () => {
  let vault: TestDatabase & { data: VaultData };
  let file: string;
  let key: Buffer;

  beforeEach(() => {
    vault = openTestVault();
    const data = vault.data;
    const student = data.students.create({ code: 'PKG-1', grade: 5 });
    data.notes.create({ studentId: student.id, body: 'Met about the reading group.' });
    data.services.create({ date: '2026-03-02', minutes: 30, kind: 'individual_session', studentIds: [student.id] });
    file = path.join(vault.dir, 'package.db');
    key = crypto.randomBytes(32);
    buildPackageDatabase(
      data,
      file,
      key,
      { packageId: PACKAGE_ID, substitute: 'Dana Whitfield', validFrom: '2026-03-02', validUntil: '2026-03-27', createdAt: data.clock().toISOString() },
      [student.id],
    );
  });
  afterEach(() => vault.dispose());

  it('is numbered 1, 2, 3…, and a package made now is its latest version, version 1, marked as a Sole Notes package', () => {
    expect(PACKAGE_MIGRATIONS.map((migration) => migration.version)).toEqual(PACKAGE_MIGRATIONS.map((_, index) => index + 1));
    expect(LATEST_PACKAGE_SCHEMA_VERSION).toBe(1);
    const raw = openEncryptedDatabase(file, key, { create: false });
    try {
      expect(pragmaNumber(raw, 'user_version')).toBe(1);
      expect(pragmaNumber(raw, 'application_id')).toBe(PACKAGE_APPLICATION_ID);
    } finally {
      raw.close();
    }
    const db = openPackageDatabase(file, key, vault.data.clock);
    try {
      expect(packageIdOf(db)).toBe(PACKAGE_ID);
      expect(pragmaNumber(db, 'user_version')).toBe(1);
      expect(db.prepare('SELECT count(*) FROM keys').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('holds the tables the substitute works in exactly as the vault has them now: a change to one of them needs a package migration', () => {
    const shape = (db: VaultDatabase) =>
      db.prepare(`SELECT name, sql FROM sqlite_master WHERE tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name`).all(JSON.stringify(HELD_TABLES));
    const db = openPackageDatabase(file, key, vault.data.clock);
    try {
      expect(shape(db)).toEqual(shape(vault.db));
    } finally {
      db.close();
    }
  });

  it('refuses a package written by a newer app, saying so, and writes nothing to it', () => {
    rewrite(file, key, (db) => db.pragma(`user_version = ${LATEST_PACKAGE_SCHEMA_VERSION + 1}`));
    const before = sha256File(file);

    const error = caught(() => openPackageDatabase(file, key, vault.data.clock));
    expect(error.code).toBe('VAULT_FROM_FUTURE');
    expect(error.message).toBe(
      `This handover package was made by a newer version of Sole Notes (package schema ${LATEST_PACKAGE_SCHEMA_VERSION + 1}; ` +
        `this version knows up to ${LATEST_PACKAGE_SCHEMA_VERSION}). It was not changed. Update Sole Notes to open it.`,
    );
    expect(sha256File(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
  });

  it('says newer, not damaged, of a newer package whose tables have another shape', () => {
    rewrite(file, key, (db) => {
      db.exec('DROP TABLE settings');
      db.pragma(`user_version = ${LATEST_PACKAGE_SCHEMA_VERSION + 1}`);
    });
    const before = sha256File(file);
    expect(caught(() => openPackageDatabase(file, key, vault.data.clock)).code).toBe('VAULT_FROM_FUTURE');
    expect(sha256File(file)).toBe(before);
  });

  it('refuses, unchanged, a file marked as some other program’s database', () => {
    rewrite(file, key, (db) => db.pragma('application_id = 1234'));
    const before = sha256File(file);
    const error = caught(() => openPackageDatabase(file, key, vault.data.clock));
    expect(error.code).toBe('VAULT_CORRUPT');
    expect(error.message).toContain('is not a Sole Notes package');
    expect(sha256File(file)).toBe(before);
  });

  it('refuses, unchanged, an unmarked database that is not a package (a vault)', () => {
    rewrite(file, key, (db) => {
      db.pragma('application_id = 0');
      db.pragma('user_version = 14');
      db.exec('DROP TABLE handover_package');
    });
    const before = sha256File(file);
    expect(caught(() => openPackageDatabase(file, key, vault.data.clock)).code).toBe('VAULT_CORRUPT');
    expect(sha256File(file)).toBe(before);
  });

  /*
   * A package made before the package schema had versions is the same file
   * without the mark, its user_version the vault schema it was written with:
   * 14 just before this change, 13 before the cover colleague (which made
   * the cover_colleague table). Opening one marks it version 1 and brings
   * its vault tables to vault schema 14, as opening it always did.
   */
  it.each([14, 13])('opens a package made before versions, at vault schema %i, as version 1, its contents whole', (vaultSchema) => {
    rewrite(file, key, (db) => {
      db.pragma('application_id = 0');
      if (vaultSchema < 14) db.exec('DROP TABLE cover_colleague');
      db.pragma(`user_version = ${vaultSchema}`);
    });

    const db = openPackageDatabase(file, key, vault.data.clock);
    try {
      expect(pragmaNumber(db, 'user_version')).toBe(1);
      expect(pragmaNumber(db, 'application_id')).toBe(PACKAGE_APPLICATION_ID);
      expect(packageIdOf(db)).toBe(PACKAGE_ID);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'cover_colleague'").pluck().get()).toBe(1);
      expect(db.prepare('SELECT code FROM students').pluck().all()).toEqual(['PKG-1']);
      expect(db.prepare('SELECT body FROM notes').pluck().all()).toEqual(['Met about the reading group.']);
    } finally {
      db.close();
    }
  });

  it('refuses, unchanged, an unmarked package newer than any made before versions', () => {
    rewrite(file, key, (db) => {
      db.pragma('application_id = 0');
      db.pragma('user_version = 15');
    });
    const before = sha256File(file);
    const error = caught(() => openPackageDatabase(file, key, vault.data.clock));
    expect(error.code).toBe('VAULT_FROM_FUTURE');
    expect(error.message).toContain('This handover package was made by a newer version of Sole Notes');
    expect(sha256File(file)).toBe(before);
  });
});
