/**
 * Which dates a service may be logged on. A worker logs services given, and
 * sometimes the day before for a planned one (a meeting set for tomorrow
 * morning); a date further ahead is a mistyped year or month, and it would
 * sit in a future month's report. A date before 2000 is a mistyped year.
 * "Today" is the worker's, in their time zone setting, read from the vault's
 * clock on the main side, which makes the decision.
 */
export const EARLIEST_SERVICE_DATE = '2000-01-01';
export const SERVICE_DAYS_AHEAD = 1;

function dayAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Why a service cannot be on `date` when it is `today` (both `YYYY-MM-DD`), or null. */
export function serviceDateProblem(date: string, today: string): string | null {
  if (date < EARLIEST_SERVICE_DATE) return `${date} is before ${EARLIEST_SERVICE_DATE}. Check the year`;
  const latest = dayAfter(today, SERVICE_DAYS_AHEAD);
  if (date > latest) {
    return `${date} is more than ${SERVICE_DAYS_AHEAD} day after today (${today}). Log a service on the day it was given, or at most the day before for a planned one`;
  }
  return null;
}
