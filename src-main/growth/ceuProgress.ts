import type { CeuProgress } from '../../shared/api/growthSchemas';
import { CEU_CYCLE_YEARS, CEU_REQUIRED_HOURS, CONTACT_HOURS_PER_CEU } from '../../shared/api/reportSchemas';
import { hoursFromMinutes } from '../../shared/domain/growth';
import { currentCycle } from '../report/ceu';
import { addDays, addYears, localDate } from '../common/calendar';
import type { VaultReader } from '../vault/vaultReader';

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Professional development attended (`pd_attended` services) over the
 * worker's five-year cycle, year by year, and what is left: the remaining
 * hours spread over the cycle years left (this one included). When the
 * worker says the certificate requirement does not apply to them, the hours
 * are shown without a target.
 */
export function ceuProgress(vault: VaultReader, settings: { ceuCycleStart: string | null; ceuRequirementApplies: boolean; timeZone: string }, now: Date): CeuProgress {
  const today = localDate(now, settings.timeZone);
  const applies = settings.ceuRequirementApplies;
  const attended = (first: string, last: string) => vault.reportCounts.professionalDevelopmentAttended({ first, last });
  if (settings.ceuCycleStart === null) {
    return {
      requirementApplies: applies,
      status: 'not-set',
      today,
      cycleStart: null,
      cycleEnd: null,
      sessions: 0,
      minutes: 0,
      contactHours: 0,
      ceus: 0,
      requiredHours: applies ? CEU_REQUIRED_HOURS : null,
      remainingHours: applies ? CEU_REQUIRED_HOURS : null,
      yearsLeft: null,
      hoursPerYearLeft: null,
      years: [],
    };
  }
  const cycle = currentCycle(settings.ceuCycleStart, today);
  const started = cycle.status === 'current';
  const years = Array.from({ length: CEU_CYCLE_YEARS }, (_, index) => {
    const from = addYears(cycle.start, index);
    const to = addDays(addYears(cycle.start, index + 1), -1);
    const counted = started && from <= today ? attended(from, to < today ? to : today).minutes : 0;
    return { index: index + 1, from, to, hours: hoursFromMinutes(counted), current: started && from <= today && today <= to };
  });
  const totals = started ? attended(cycle.start, today) : { count: 0, minutes: 0 };
  const minutes = totals.minutes;
  const contactHours = hoursFromMinutes(minutes);
  const remaining = Math.max(0, round2(CEU_REQUIRED_HOURS - contactHours));
  const currentIndex = years.find((year) => year.current)?.index ?? 1;
  const yearsLeft = CEU_CYCLE_YEARS - currentIndex + 1;
  return {
    requirementApplies: applies,
    status: cycle.status,
    today,
    cycleStart: cycle.start,
    cycleEnd: cycle.end,
    sessions: totals.count,
    minutes,
    contactHours,
    ceus: round2(contactHours / CONTACT_HOURS_PER_CEU),
    requiredHours: applies ? CEU_REQUIRED_HOURS : null,
    remainingHours: applies ? remaining : null,
    yearsLeft: applies ? yearsLeft : null,
    hoursPerYearLeft: applies ? round2(remaining / yearsLeft) : null,
    years,
  };
}
