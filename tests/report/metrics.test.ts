import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addYears, daysBetween, localDate, localMonth, monthBounds, weeksOfMonth } from '../../src-main/common/calendar';
import { computeMonthMetrics, median } from '../../src-main/report/metrics';
import { prepareMonthReport } from '../../src-main/report/monthReport';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, type TestDatabase } from '../vault/testVault';
import { buildKnownMonth, EXPECTED, KNOWN_MONTH, LATE_EVENING, manualClock } from './knownMonth';

let vault: TestDatabase & { data: VaultData };
let clock: ReturnType<typeof manualClock>;

beforeEach(() => {
  clock = manualClock();
  vault = openTestVault(clock);
  buildKnownMonth(vault.data, clock);
});
afterEach(() => vault.dispose());

describe('metrics of the hand-built month', () => {
  it('gives the known answer for every metric', () => {
    const metrics = computeMonthMetrics(vault.data, KNOWN_MONTH);
    expect(metrics.period).toBe(KNOWN_MONTH);
    expect(metrics.byKind).toEqual(EXPECTED.byKind);
    expect(metrics.byTeamType).toEqual(EXPECTED.byTeamType);
    expect(metrics.minutes).toEqual(EXPECTED.minutes);
    expect(metrics.studentsSeen).toBe(EXPECTED.studentsSeen);
    expect(metrics.medianSessionsSoFar).toBe(EXPECTED.medianSessionsSoFar);
    expect(metrics.medianWeeksOpen).toBe(EXPECTED.medianWeeksOpen);
    expect(metrics.meanSessionsPerStudent).toBe(EXPECTED.meanSessionsPerStudent);
    expect(metrics.cases).toEqual(EXPECTED.cases);
    expect(metrics.studentsByIssueCategory).toEqual(EXPECTED.studentsByIssueCategory);
    expect(metrics.sessionsPerWeek).toEqual(EXPECTED.sessionsPerWeek);
  });

  it('counts the 23:30 session of 31 March (local) in March, not April, though it was logged on 1 April UTC', () => {
    const late = vault.data.services.list({ from: '2026-03-31', to: '2026-03-31' }).find((service) => service.kind === 'individual_session');
    expect(late?.createdAt).toBe(LATE_EVENING);
    expect(localDate(new Date(LATE_EVENING), 'America/New_York')).toBe('2026-03-31');
    expect(computeMonthMetrics(vault.data, '2026-03').sessionsPerWeek.at(-1)).toMatchObject({ individual: 1 });
    const april = computeMonthMetrics(vault.data, '2026-04');
    expect(april.byKind.individual_session.count).toBe(1); // only the one dated 1 April
    expect(april.byTeamType.crisis).toEqual({ count: 1, minutes: 25 });
    expect(april.cases.opened).toBe(1);
  });

  it('decides "today" in the worker\'s time zone: the generated month and which months may be reported', () => {
    const instant = new Date(LATE_EVENING);
    expect(prepareMonthReport(vault.data, { month: '2026-03', now: instant }).document.generated).toBe('2026-03');
    expect(() => prepareMonthReport(vault.data, { month: '2026-04', now: instant })).toThrow(/has not begun/);
    vault.data.settings.update({ timeZone: 'UTC' });
    expect(prepareMonthReport(vault.data, { month: '2026-04', now: instant }).document.generated).toBe('2026-04');
    vault.data.settings.update({ timeZone: 'Asia/Tokyo' });
    expect(localMonth(new Date('2026-03-31T15:30:00.000Z'), 'Asia/Tokyo')).toBe('2026-04');
  });

  it('reports an empty month as zeros, with no medians', () => {
    const empty = computeMonthMetrics(vault.data, '2025-12');
    expect(empty.studentsSeen).toBe(0);
    expect(empty.medianSessionsSoFar).toBeNull();
    expect(empty.medianWeeksOpen).toBeNull();
    expect(empty.meanSessionsPerStudent).toBeNull();
    expect(Object.values(empty.byKind).every((activity) => activity.count === 0 && activity.minutes === 0)).toBe(true);
  });
});

describe('calendar helpers', () => {
  it('cuts a month into Monday-to-Sunday weeks and knows month ends', () => {
    expect(weeksOfMonth('2026-02').map((week) => `${week.start}/${week.end}`)).toEqual([
      '2026-02-01/2026-02-01',
      '2026-02-02/2026-02-08',
      '2026-02-09/2026-02-15',
      '2026-02-16/2026-02-22',
      '2026-02-23/2026-02-28',
    ]);
    expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthBounds('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(daysBetween('2025-09-02', '2026-03-20')).toBe(199);
    expect(addYears('2024-02-29', 5)).toBe('2029-03-01');
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });
});
