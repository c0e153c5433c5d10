import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { migration014CoverColleague } from '../../src-main/vault/schema/014-cover-colleague';
import { VaultData } from '../../src-main/vault/vaultData';
import { everyRowExcept, openTestDatabase, schemaObjects, steppingClock, type TestDatabase } from './testVault';

/*
 * Migration 14 adds the cover colleague named ahead. A filled version-13
 * vault keeps every row; the new table starts empty, holds one colleague at
 * most and refuses a key or fingerprint of the wrong size.
 */

let vault: TestDatabase;

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

const index = () => MIGRATIONS.indexOf(migration014CoverColleague);

describe('migration 14: the cover colleague', () => {
  it('upgrades a filled version-13 vault without changing anything, and its table keeps to its rules', () => {
    migrateWith(vault.db, MIGRATIONS.slice(0, index()));
    expect(schemaVersion(vault.db)).toBe(13);
    const data = new VaultData(vault.db, steppingClock());
    const student = data.students.create({ code: 'M14-1', knownAs: 'Pupil' });
    data.notes.create({ studentId: student.id, body: 'A note before the upgrade.' });
    const rows = everyRowExcept(vault.db, ['cover_colleague']);

    migrateWith(vault.db, MIGRATIONS.slice(0, index() + 1));
    expect(schemaVersion(vault.db)).toBe(14);
    expect(everyRowExcept(vault.db, ['cover_colleague'])).toBe(rows);
    expect(schemaObjects(vault.db, 'table')).toContain('cover_colleague');
    expect(vault.db.prepare('SELECT count(*) AS n FROM cover_colleague').get()).toEqual({ n: 0 });

    const insert = vault.db.prepare("INSERT INTO cover_colleague (id, name, public_key, fingerprint, checked_at) VALUES (?, ?, ?, ?, '2026-03-03T09:00:00.000Z')");
    const fingerprint = Array(16).fill('3F2A').join(' ');
    expect(() => insert.run(1, 'Dana', Buffer.alloc(43), fingerprint)).toThrow(/CHECK/);
    expect(() => insert.run(1, 'Dana', Buffer.alloc(44), '3F2A')).toThrow(/CHECK/);
    expect(() => insert.run(1, '  ', Buffer.alloc(44), fingerprint)).toThrow(/CHECK/);
    expect(() => insert.run(2, 'Dana', Buffer.alloc(44), fingerprint)).toThrow(/CHECK/);
    insert.run(1, 'Dana', Buffer.alloc(44), fingerprint);
    expect(() => insert.run(1, 'Sam', Buffer.alloc(44), fingerprint)).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
