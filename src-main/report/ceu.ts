import {
  CEU_CYCLE_YEARS,
  CEU_REQUIRED_HOURS,
  CONTACT_HOURS_PER_CEU,
  type CeuSummary,
} from '../../shared/api/reportSchemas';
import { addDays, addYears, localDate } from '../common/calendar';
import type { VaultReader } from '../vault/vaultReader';

/**
 * Continuing-education units for the CEU view: a Connecticut certificate
 * holder needs 90 contact hours (9.0 CEUs, 10 hours each) in each five-year
 * cycle. The worker sets the first day of the current cycle; cycles then run
 * back to back, five years each, and the current one is the cycle holding
 * today (in the worker's time zone). Contact hours are the minutes of
 * `pd_attended` services dated from the cycle's first day through today,
 * over 60. Professional development the worker provided is not counted.
 */
export function currentCycle(start: string, today: string): { start: string; end: string; status: 'not-started' | 'current' } {
  if (today < start) return { start, end: addDays(addYears(start, CEU_CYCLE_YEARS), -1), status: 'not-started' };
  let cycles = 0;
  while (addYears(start, (cycles + 1) * CEU_CYCLE_YEARS) <= today) cycles += 1;
  const cycleStart = addYears(start, cycles * CEU_CYCLE_YEARS);
  return { start: cycleStart, end: addDays(addYears(start, (cycles + 1) * CEU_CYCLE_YEARS), -1), status: 'current' };
}

export function ceuSummary(vault: VaultReader, settings: { ceuCycleStart: string | null; timeZone: string }, now: Date): CeuSummary {
  const today = localDate(now, settings.timeZone);
  const empty = { sessions: 0, minutes: 0, contactHours: 0, ceus: 0, requiredHours: CEU_REQUIRED_HOURS, requiredCeus: CEU_REQUIRED_HOURS / CONTACT_HOURS_PER_CEU } as const;
  if (settings.ceuCycleStart === null) {
    return { status: 'not-set', today, cycleStart: null, cycleEnd: null, ...empty, remainingHours: CEU_REQUIRED_HOURS };
  }
  const cycle = currentCycle(settings.ceuCycleStart, today);
  const attended = vault.reportCounts.professionalDevelopmentAttended({ first: cycle.start, last: today < cycle.end ? today : cycle.end });
  const minutes = cycle.status === 'current' ? attended.minutes : 0;
  const sessions = cycle.status === 'current' ? attended.count : 0;
  const contactHours = Math.round((minutes / 60) * 100) / 100;
  return {
    status: cycle.status,
    today,
    cycleStart: cycle.start,
    cycleEnd: cycle.end,
    ...empty,
    sessions,
    minutes,
    contactHours,
    ceus: Math.round((contactHours / CONTACT_HOURS_PER_CEU) * 100) / 100,
    remainingHours: Math.max(0, Math.round((CEU_REQUIRED_HOURS - contactHours) * 100) / 100),
  };
}
