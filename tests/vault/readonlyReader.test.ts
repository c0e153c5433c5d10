import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { VaultError } from '../../src-main/vault/errors';
import { readonlyDatabase } from '../../src-main/vault/readonlyDatabase';
import { ReportCounts } from '../../src-main/vault/repos/reportCounts';
import type { VaultData } from '../../src-main/vault/vaultData';
import type { VaultReader } from '../../src-main/vault/vaultReader';
import { openTestVault, type TestDatabase } from './testVault';

/**
 * Reports and the growth pages read the vault through a reader that cannot
 * write: the type has no way to, and a statement that would write is refused
 * when it is prepared, so nothing is written.
 */
let vault: TestDatabase & { data: VaultData };

beforeEach(() => {
  vault = openTestVault();
});
afterEach(() => vault.dispose());

const serviceCount = () => vault.db.prepare('SELECT count(*) FROM services').pluck().get();

describe('the read-only database the counting queries run on', () => {
  it.each([
    "INSERT INTO services (id, date, minutes, kind, created_at, updated_at) VALUES ('x', '2026-03-02', 30, 'home_visit', 'a', 'a')",
    "UPDATE services SET minutes = 1",
    'DELETE FROM services',
    'CREATE TABLE leak (text TEXT)',
  ])('refuses a statement that would write, before it runs: %s', (sql) => {
    vault.data.services.create({ date: '2026-03-02', minutes: 30, kind: 'home_visit' });
    const reads = readonlyDatabase(vault.db);
    expect(() => reads.prepare(sql)).toThrow(VaultError);
    expect(() => reads.prepare(sql)).toThrow(/read-only query of the vault would write/);
    expect(serviceCount()).toBe(1);
    expect(vault.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'leak'").pluck().get()).toBe(0);
  });

  it('prepares and runs a statement that only reads', () => {
    vault.data.services.create({ date: '2026-03-02', minutes: 30, kind: 'home_visit' });
    const statement = readonlyDatabase(vault.db).prepare<[], { n: number }>('SELECT count(*) AS n FROM services');
    expect(statement.get()).toEqual({ n: 1 });
    expectTypeOf(statement).not.toHaveProperty('run');
  });

  it('builds every counting query of the reports on it', () => {
    expect(() => new ReportCounts(readonlyDatabase(vault.db))).not.toThrow();
    expect(vault.data.reportCounts.professionalDevelopmentAttended({ first: '2026-01-01', last: '2026-12-31' })).toEqual({ count: 0, minutes: 0 });
  });
});

describe('the vault as a reader', () => {
  it('offers the supervision log to read, and nothing of it that writes', () => {
    const reader: VaultReader = vault.data;
    vault.data.supervision.insert({ date: '2026-09-08', minutes: 60, kind: 'clinical', credential: null });
    expect(reader.supervision.totalsByKind({ first: '2026-07-01', last: '2027-06-30' })).toEqual([{ kind: 'clinical', count: 1, minutes: 60 }]);
    expectTypeOf(reader.supervision).not.toHaveProperty('insert');
    expectTypeOf(reader.supervision).not.toHaveProperty('delete');
    expectTypeOf(reader).not.toHaveProperty('services');
  });
});
