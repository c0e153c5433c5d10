/**
 * Calendar arithmetic on `YYYY-MM-DD` dates and `YYYY-MM` months. Dates are
 * plain calendar dates (no time, no zone); the only place a time zone enters
 * is `localDate`, which turns an instant into the date on the worker's wall
 * calendar.
 */
const DAY_MS = 86_400_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function toUtcMs(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The date on the wall calendar of `timeZone` at `instant`. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/**
 * The first instant of `date` on the wall calendar of `timeZone` (usually its
 * midnight; later where a clock change skips midnight). Every zone's offset
 * lies between UTC-12 and UTC+14, so that instant lies within 26 hours of
 * UTC midnight: found by bisection over whole minutes.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const minute = 60_000;
  let low = toUtcMs(date) - (14 * 60 + 1) * minute; // the date has not begun anywhere yet
  let high = toUtcMs(date) + 12 * 60 * minute; // it has begun everywhere
  while (high - low > minute) {
    const middle = low + Math.floor((high - low) / 2 / minute) * minute;
    if (localDate(new Date(middle), timeZone) >= date) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** The month on the wall calendar of `timeZone` at `instant`, `YYYY-MM`. */
export function localMonth(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 7);
}

/** First and last day of a month, inclusive. */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  const last = fromUtcMs(Date.UTC(year, monthNumber, 0));
  return { first, last };
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/**
 * The same calendar date `years` later; 29 February becomes 1 March when the
 * later year has no 29 February (so a cycle never ends before its anniversary).
 */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return fromUtcMs(Date.UTC(year + years, month - 1, day));
}

/** 0 = Monday … 6 = Sunday. */
function weekday(date: string): number {
  return (new Date(toUtcMs(date)).getUTCDay() + 6) % 7;
}

/** The month cut into Monday-to-Sunday weeks; the first and last may be shorter. */
export function weeksOfMonth(month: string): { start: string; end: string }[] {
  const { first, last } = monthBounds(month);
  const weeks: { start: string; end: string }[] = [];
  let start = first;
  while (start <= last) {
    const sunday = addDays(start, 6 - weekday(start));
    const end = sunday < last ? sunday : last;
    weeks.push({ start, end });
    start = addDays(end, 1);
  }
  return weeks;
}
