import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { VaultData } from '../../src-main/vault/vaultData';
import type { VaultReader } from '../../src-main/vault/vaultReader';
import { everyRowExcept, openTestVault, type TestDatabase } from './testVault';

/**
 * The repositories of the growth pages and the guideline list, on a real
 * encrypted vault: the self-evaluation, the PD goals, and where the trainings
 * the worker provided were given.
 */
let vault: TestDatabase & { data: VaultData };

beforeEach(() => {
  vault = openTestVault();
});
afterEach(() => vault.dispose());

const everything = () => everyRowExcept(vault.db, []);

describe('the self-evaluation', () => {
  it('keeps one rating per school year and indicator, replacing it when rated again', () => {
    const ratings = vault.data.selfEvaluation;
    ratings.rate({ schoolYear: '2026-27', indicatorId: '1.2', rating: 'met', evidence: 'Weekly consultation hours' });
    ratings.rate({ schoolYear: '2025-26', indicatorId: '1.2', rating: 'not_met', evidence: '' });
    ratings.rate({ schoolYear: '2026-27', indicatorId: '1.2', rating: 'exceeds', evidence: 'Led two staff trainings' });
    expect(ratings.ratingsOf('2026-27')).toEqual([
      { indicatorId: '1.2', rating: 'exceeds', evidence: 'Led two staff trainings', updatedAt: '2026-03-02T09:00:02.000Z' },
    ]);
    expect(ratings.ratingsOf('2025-26')).toEqual([{ indicatorId: '1.2', rating: 'not_met', evidence: '', updatedAt: '2026-03-02T09:00:01.000Z' }]);
    expect(ratings.ratingsOf('2024-25')).toEqual([]);
  });

  it('refuses evidence longer than the table holds, and writes nothing', () => {
    const before = everything();
    expect(() => vault.data.selfEvaluation.rate({ schoolYear: '2026-27', indicatorId: '1.2', rating: 'met', evidence: 'x'.repeat(2001) })).toThrow();
    expect(everything()).toBe(before);
  });
});

describe('the PD goals', () => {
  it('sets, lists by school year, changes and deletes a goal', () => {
    const goals = vault.data.pdGoals;
    const later = goals.insert({ schoolYear: '2027-28', indicatorId: '3.2', goal: 'Complete training in a screening tool' });
    const earlier = goals.insert({ schoolYear: '2026-27', indicatorId: '1.2', goal: 'Run a parent workshop' });
    expect(later).toMatchObject({ schoolYear: '2027-28', indicatorId: '3.2', doneOn: null, createdAt: '2026-03-02T09:00:00.000Z' });
    expect(goals.list()).toEqual([earlier, later]);
    expect(goals.list('2027-28')).toEqual([later]);
    expect(goals.get(later.id)).toEqual(later);

    goals.update(later.id, { goal: 'Complete the screening training', doneOn: '2027-10-01' });
    expect(goals.get(later.id)).toEqual({ ...later, goal: 'Complete the screening training', doneOn: '2027-10-01' });

    goals.delete(later.id);
    expect(goals.get(later.id)).toBeUndefined();
    expect(goals.list()).toEqual([earlier]);
  });

  it('answers NOT_FOUND for a goal that is not there, and writes nothing', () => {
    vault.data.pdGoals.insert({ schoolYear: '2026-27', indicatorId: '1.2', goal: 'Run a parent workshop' });
    const before = everything();
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(() => vault.data.pdGoals.update(missing, { goal: 'x', doneOn: null })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => vault.data.pdGoals.delete(missing)).toThrow(/No goal with that id/);
    expect(vault.data.pdGoals.get(missing)).toBeUndefined();
    expect(everything()).toBe(before);
  });
});

describe('the trainings the worker provided', () => {
  it('are counted by where they were given, a training logged without saying where apart', () => {
    const services = vault.data.services;
    services.create({ date: '2026-02-02', minutes: 60, kind: 'pd_provided' });
    services.create({ date: '2026-02-03', minutes: 45, kind: 'pd_provided', pdAudience: 'outside_district' });
    services.create({ date: '2026-02-04', minutes: 30, kind: 'pd_provided', pdAudience: 'outside_district' });
    const unsaid = services.create({ date: '2026-02-05', minutes: 20, kind: 'pd_provided' });
    services.create({ date: '2026-01-15', minutes: 90, kind: 'pd_provided' });
    services.create({ date: '2026-02-06', minutes: 50, kind: 'pd_attended' });
    // A training saved before the app asked where it was given has no audience row.
    vault.db.prepare('DELETE FROM pd_provided_audience WHERE service_id = ?').run(unsaid.id);

    const totals = vault.data.reportCounts.professionalDevelopmentProvided({ first: '2026-02-01', last: '2026-02-28' });
    expect(totals.sort((a, b) => String(a.audience).localeCompare(String(b.audience)))).toEqual([
      { audience: null, count: 1, minutes: 20 },
      { audience: 'outside_district', count: 2, minutes: 75 },
      { audience: 'within_district', count: 1, minutes: 60 },
    ]);
    expect(vault.data.reportCounts.professionalDevelopmentProvided({ first: '2026-03-01', last: '2026-03-31' })).toEqual([]);
  });
});

describe('the vault as the growth pages read it', () => {
  it('offers the self-evaluation and the goals to read, and nothing of them that writes', () => {
    const reader: VaultReader = vault.data;
    vault.data.selfEvaluation.rate({ schoolYear: '2026-27', indicatorId: '1.2', rating: 'met', evidence: '' });
    const goal = vault.data.pdGoals.insert({ schoolYear: '2026-27', indicatorId: '1.2', goal: 'Run a parent workshop' });
    expect(reader.selfEvaluation.ratingsOf('2026-27')).toHaveLength(1);
    expect(reader.pdGoals.list('2026-27')).toEqual([goal]);
    expectTypeOf(reader.selfEvaluation).not.toHaveProperty('rate');
    expectTypeOf(reader.pdGoals).not.toHaveProperty('insert');
    expectTypeOf(reader.pdGoals).not.toHaveProperty('update');
    expectTypeOf(reader.pdGoals).not.toHaveProperty('delete');
  });
});
