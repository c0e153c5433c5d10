import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { migration015SchoolYearExports } from '../../src-main/vault/schema/015-school-year-exports';
import { exportedSchoolYears } from '../../src-main/report/exportedSchoolYears';
import { VaultData } from '../../src-main/vault/vaultData';
import { everyRowExcept, openTestDatabase, schemaObjects, steppingClock, type TestDatabase } from './testVault';

/*
 * Migration 15 records exported school years as migration 11 records months.
 * A version-14 vault keeps every row; the school years its audit log says
 * were exported become rows without a document (so a second export asks
 * first), an export recorded as failed right after does not, and the table
 * keeps to its rules.
 */

let vault: TestDatabase;

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

describe('migration 15: exported school years', () => {
  it('upgrades a version-14 vault, taking the school years its audit log says were exported', () => {
    expect(MIGRATIONS.indexOf(migration015SchoolYearExports)).toBe(14);
    migrateWith(vault.db, MIGRATIONS.slice(0, 14));
    expect(schemaVersion(vault.db)).toBe(14);
    const data = new VaultData(vault.db, steppingClock());
    data.students.create({ code: 'M15-1', knownAs: 'Pupil' });
    const files = [{ name: 'service-report-2024-25.json', sha256: 'a'.repeat(64), bytes: 10 }];
    data.audit.append('report.school_year_exported', { period: '2024-25', threshold: 10, fingerprint: 'F', folder: '/tmp/a', files });
    const failed = data.audit.append('report.school_year_exported', { period: '2023-24', threshold: 5, fingerprint: 'F', folder: '/tmp/b', files });
    data.audit.append('report.school_year_export_failed', { period: '2023-24', folder: '/tmp/b', exportSeq: failed.seq });
    data.audit.append('report.exported', { period: '2025-03', threshold: 10, fingerprint: 'F', folder: '/tmp/c', files });
    const rows = everyRowExcept(vault.db, ['school_year_exports']);

    migrateWith(vault.db, MIGRATIONS.slice(0, 15));
    expect(schemaVersion(vault.db)).toBe(15);
    expect(everyRowExcept(vault.db, ['school_year_exports'])).toBe(rows);
    expect(schemaObjects(vault.db, 'table')).toContain('school_year_exports');
    const after = new VaultData(vault.db, steppingClock());
    expect(exportedSchoolYears(after).latest('2024-25')).toMatchObject({ schoolYear: '2024-25', threshold: 10, document: null });
    expect(exportedSchoolYears(after).latest('2023-24')).toBeNull();
    expect(vault.db.prepare('SELECT count(*) AS n FROM school_year_exports').get()).toEqual({ n: 1 });

    exportedSchoolYears(after).record({ schoolYear: '2024-25', threshold: 10, document: '{"period":"2024-25"}' });
    expect(exportedSchoolYears(after).latest('2024-25')).toMatchObject({ document: '{"period":"2024-25"}' });
    const insert = vault.db.prepare("INSERT INTO school_year_exports (school_year, threshold, document, exported_at) VALUES (?, ?, '{}', '2026-03-03T09:00:00.000Z')");
    expect(() => insert.run('2024-2025', 10)).toThrow(/CHECK/);
    expect(() => insert.run('2024-25', 7)).toThrow(/CHECK/);
  });
});
