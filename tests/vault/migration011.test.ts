import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migration011ReportExports } from '../../src-main/vault/schema/011-report-exports';
import { MIGRATIONS, migrate, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { VaultData } from '../../src-main/vault/vaultData';
import { openTestDatabase, steppingClock, type TestDatabase } from './testVault';

let vault: TestDatabase;
beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

const tables = () => vault.db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((row) => row.name);

describe('migration 11: report k per school year, exported months', () => {
  it('adds the two tables, empty, to a vault of the version before', () => {
    migrateWith(vault.db, MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration011ReportExports)));
    expect(tables()).not.toContain('report_exports');
    migrateWith(vault.db, MIGRATIONS.slice(0, migration011ReportExports.version)); // this migration, not later ones
    expect(schemaVersion(vault.db)).toBe(11);
    expect(tables()).toEqual(expect.arrayContaining(['report_exports', 'report_thresholds']));
    expect(vault.db.prepare('SELECT count(*) AS n FROM report_exports').get()).toEqual({ n: 0 });
  });

  it('gives each school year that sent reports before it the k of its latest export', () => {
    migrateWith(vault.db, MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration011ReportExports)));
    const audit = new VaultData(vault.db, steppingClock()).audit;
    audit.append('report.exported', { period: '2025-09', threshold: 16 });
    audit.append('report.exported', { period: '2026-03', threshold: 11 }); // same school year, later: counts
    audit.append('report.exported', { period: '2026-07', threshold: 5 });
    audit.append('report.export_failed', { period: '2024-01', threshold: 10 });
    migrate(vault.db);
    expect(vault.db.prepare('SELECT school_year, threshold FROM report_thresholds ORDER BY school_year').all()).toEqual([
      { school_year: '2025-26', threshold: 11 },
      { school_year: '2026-27', threshold: 5 },
    ]);
  });

  it('holds only the k a report may have, and one row per correction of a month', () => {
    migrate(vault.db);
    const insert = vault.db.prepare('INSERT INTO report_exports (period, correction, threshold, document, basis, exported_at) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('2026-03', 0, 10, '{}', '{}', '2026-04-01T10:00:00.000Z');
    expect(() => insert.run('2026-03', 0, 10, '{}', '{}', '2026-04-01T10:00:00.000Z')).toThrow(/UNIQUE/);
    expect(() => insert.run('2026-04', 0, 7, '{}', '{}', '2026-04-01T10:00:00.000Z')).toThrow(/CHECK/);
    expect(() => vault.db.prepare("INSERT INTO report_thresholds VALUES ('2025-26', 10, '', '2026-04-01T10:00:00.000Z')").run()).toThrow(/CHECK/);
  });
});
