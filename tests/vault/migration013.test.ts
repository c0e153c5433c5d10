import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { migration013ProfessionalGrowth } from '../../src-main/vault/schema/013-professional-growth';
import { VaultData } from '../../src-main/vault/vaultData';
import { everyRowExcept, openTestDatabase, schemaObjects, steppingClock, type TestDatabase } from './testVault';

/*
 * Migration 13 adds professional growth: supervision sessions, the
 * self-evaluation and PD goals. A filled version-12 vault keeps every row;
 * the new tables start empty and refuse rows outside their rules.
 */

let vault: TestDatabase;

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

const index = () => MIGRATIONS.indexOf(migration013ProfessionalGrowth);
const NEW_TABLES = ['supervision_sessions', 'self_evaluation', 'pd_goals'];

const everyRow = () => everyRowExcept(vault.db, NEW_TABLES);

describe('migration 13: professional growth', () => {
  it('upgrades a filled version-12 vault without changing anything, and its tables keep to their rules', () => {
    migrateWith(vault.db, MIGRATIONS.slice(0, index()));
    expect(schemaVersion(vault.db)).toBe(12);
    const data = new VaultData(vault.db, steppingClock());
    const student = data.students.create({ code: 'M13-1', knownAs: 'Pupil' });
    data.notes.create({ studentId: student.id, body: 'A note before the upgrade.' });
    data.services.create({ date: '2026-02-10', minutes: 60, kind: 'pd_attended' });
    const rows = everyRow();

    migrateWith(vault.db, MIGRATIONS.slice(0, index() + 1));
    expect(schemaVersion(vault.db)).toBe(13);
    expect(everyRow()).toBe(rows);
    for (const table of NEW_TABLES) {
      expect(schemaObjects(vault.db, 'table')).toContain(table);
      expect(vault.db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    const supervision = vault.db.prepare("INSERT INTO supervision_sessions (id, date, minutes, kind, credential, created_at) VALUES (?, '2026-03-03', ?, ?, NULL, '2026-03-03T09:00:00.000Z')");
    expect(() => supervision.run('a'.repeat(36), 60, 'peer')).toThrow(/CHECK/);
    expect(() => supervision.run('b'.repeat(36), 0, 'clinical')).toThrow(/CHECK/);
    supervision.run('c'.repeat(36), 60, 'clinical');
    const rating = vault.db.prepare("INSERT INTO self_evaluation (school_year, indicator_id, rating, evidence, updated_at) VALUES (?, '1.1', ?, '', '2026-03-03T09:00:00.000Z')");
    expect(() => rating.run('2026-27', 'excellent')).toThrow(/CHECK/);
    expect(() => rating.run('2026/27', 'met')).toThrow(/CHECK/);
    rating.run('2026-27', 'met');
    expect(() => rating.run('2026-27', 'exceeds')).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
