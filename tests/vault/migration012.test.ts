import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { migration012GuidelineList } from '../../src-main/vault/schema/012-guideline-list';
import { VaultData } from '../../src-main/vault/vaultData';
import { openTestDatabase, schemaObjects, steppingClock, type TestDatabase } from './testVault';

/*
 * Migration 12 adds standing duties, where professional development was
 * provided, and success stories. A filled older vault keeps every row; its
 * trainings read as given within the district (the default), and the new
 * tables start empty and hold what is written after a reopen.
 */
let vault: TestDatabase;

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

const NEW_TABLES = ['administrative_duties', 'pd_provided_audience', 'success_stories'];
const before012 = () => MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration012GuidelineList));

function everyRow(): string {
  const tables = schemaObjects(vault.db, 'table').filter((table) => !NEW_TABLES.includes(table));
  return JSON.stringify(tables.map((table) => [table, vault.db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]), (_key, value: unknown) =>
    Buffer.isBuffer(value) ? value.toString('hex') : value,
  );
}

describe('migration 12: the guideline\'s list', () => {
  it('keeps every row of an older vault, and its trainings read as within the district', () => {
    migrateWith(vault.db, before012());
    expect(schemaVersion(vault.db)).toBe(11);
    const old = new VaultData(vault.db, steppingClock());
    const training = old.services.create({ date: '2026-02-10', minutes: 60, kind: 'pd_provided' });
    old.services.create({ date: '2026-02-11', minutes: 30, kind: 'administrative' });
    old.students.create({ code: 'M12-1', knownAs: 'Pupil one' });
    const rows = everyRow();

    migrateWith(vault.db, MIGRATIONS.slice(0, migration012GuidelineList.version)); // this migration, not later ones
    expect(schemaVersion(vault.db)).toBe(12);
    expect(schemaObjects(vault.db, 'table')).toEqual(expect.arrayContaining(NEW_TABLES));
    expect(everyRow()).toBe(rows);

    vault.reopen();
    const data = new VaultData(vault.db, steppingClock('2026-03-02T09:00:00.000Z'));
    expect(data.services.get(training.id).pdAudience).toBe('within_district');
    expect(data.services.list().find((service) => service.kind === 'administrative')).not.toHaveProperty('pdAudience');
    data.services.update(training.id, { date: '2026-02-10', minutes: 60, kind: 'pd_provided', pdAudience: 'outside_district' });
    data.duties.create({ name: 'Attendance committee', minutesPerMonth: 120 });
    data.stories.create({ month: '2026-02', text: 'A group of sixth graders planned a kindness week for the whole school.' });
    vault.reopen();
    const again = new VaultData(vault.db, steppingClock());
    expect(again.services.get(training.id).pdAudience).toBe('outside_district');
    expect(again.duties.list()).toMatchObject([{ name: 'Attendance committee', minutesPerMonth: 120, fromMonth: '2026-03', untilMonth: null }]);
    expect(again.stories.list('2026-02')).toMatchObject([{ confirmedAt: null }]);
  });

  it('refuses rows the report could not use (a duty ending before it starts, a story without text)', () => {
    migrateWith(vault.db, MIGRATIONS.slice(0, migration012GuidelineList.version)); // this migration, not later ones
    const insertDuty = "INSERT INTO administrative_duties VALUES ('00000000-0000-4000-8000-000000000001', 'X', 10, '2026-03', '2026-02', '2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')";
    expect(() => vault.db.exec(insertDuty)).toThrow(/CHECK/);
    const insertStory = "INSERT INTO success_stories VALUES ('00000000-0000-4000-8000-000000000002', '2026-02', '', NULL, '2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')";
    expect(() => vault.db.exec(insertStory)).toThrow(/CHECK/);
  });
});
