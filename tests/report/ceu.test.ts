import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ceuSummary, currentCycle } from '../../src-main/report/ceu';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, steppingClock, type TestDatabase } from '../vault/testVault';

let vault: TestDatabase & { data: VaultData };

beforeEach(() => {
  vault = openTestVault(steppingClock('2026-11-22T03:00:00.000Z')); // logged on 21 November in New York
  vault.data.settings.update({ timeZone: 'America/New_York' });
  for (const [date, minutes, kind] of [
    ['2022-06-30', 600, 'pd_attended'], // the day before the cycle
    ['2022-07-01', 90, 'pd_attended'],
    ['2024-01-15', 600, 'pd_attended'],
    ['2026-11-21', 120, 'pd_attended'],
    ['2026-11-22', 45, 'pd_attended'], // "tomorrow" in New York at the instant below
    ['2025-03-03', 300, 'pd_provided'], // provided, not attended
  ] as const) {
    vault.data.services.create({ date, minutes, kind });
  }
});
afterEach(() => vault.dispose());

const summary = (ceuCycleStart: string | null, now: string) =>
  ceuSummary(vault.data, { ceuCycleStart, timeZone: vault.data.settings.get().timeZone }, new Date(now));

describe('CEU view', () => {
  it('counts contact hours of professional development attended in the current five-year cycle, up to today', () => {
    // 03:00 UTC on 22 November is still 21 November in New York.
    expect(summary('2022-07-01', '2026-11-22T03:00:00.000Z')).toEqual({
      status: 'current',
      today: '2026-11-21',
      cycleStart: '2022-07-01',
      cycleEnd: '2027-06-30',
      sessions: 3,
      minutes: 810,
      contactHours: 13.5,
      ceus: 1.35,
      requiredHours: 90,
      requiredCeus: 9,
      remainingHours: 76.5,
    });
  });

  it('moves on to the next cycle after five years, and says when none is set or it has not started', () => {
    expect(summary('2017-07-01', '2026-11-22T15:00:00.000Z')).toMatchObject({ cycleStart: '2022-07-01', cycleEnd: '2027-06-30', contactHours: 14.25 });
    expect(summary(null, '2026-11-22T15:00:00.000Z')).toMatchObject({ status: 'not-set', cycleStart: null, contactHours: 0, remainingHours: 90 });
    expect(summary('2027-01-01', '2026-11-22T15:00:00.000Z')).toMatchObject({ status: 'not-started', cycleStart: '2027-01-01', cycleEnd: '2031-12-31', contactHours: 0 });
    expect(currentCycle('2016-02-29', '2026-03-01')).toEqual({ start: '2026-03-01', end: '2031-02-28', status: 'current' });
    expect(currentCycle('2016-02-29', '2026-02-28')).toEqual({ start: '2021-03-01', end: '2026-02-28', status: 'current' });
  });
});
