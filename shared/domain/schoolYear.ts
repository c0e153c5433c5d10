/**
 * A school year is named by its two calendar years, as "2026-27", and starts
 * on the first day of the month the worker set (`schoolYearStartMonth`, July
 * by default: July 1, 2026 to June 30, 2027). Plain functions on ISO dates
 * (YYYY-MM-DD) and months (YYYY-MM), no clock; every function that needs the
 * start month takes it, and `schoolYearRange` is the one that computes a
 * school year's bounds from it.
 */

/** July: the usual school fiscal year, July 1 to June 30. */
export const DEFAULT_SCHOOL_YEAR_START_MONTH = 7;

export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{2})$/;

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Whether `name` is a school year such as "2026-27" (the second year follows the first). */
export function isSchoolYear(name: string): boolean {
  const match = SCHOOL_YEAR_PATTERN.exec(name);
  if (match == null) return false;
  const first = Number(match[1]);
  return (first + 1) % 100 === Number(match[2]);
}

/** Whether `month` (1 to 12) can start a school year. */
export function isSchoolYearStartMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

/** The school year holding a date (YYYY-MM-DD) or a month (YYYY-MM). */
export function schoolYearOf(date: string, startMonth = DEFAULT_SCHOOL_YEAR_START_MONTH): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return schoolYearFrom(month >= startMonth ? year : year - 1);
}

function schoolYearFrom(first: number): string {
  return `${first}-${pad((first + 1) % 100)}`;
}

/**
 * The first and last day of the school year: from the first of its start
 * month to the last day of the month before it, a year later (a school year
 * starting in January is that calendar year).
 */
export function schoolYearRange(name: string, startMonth = DEFAULT_SCHOOL_YEAR_START_MONTH): { from: string; to: string } {
  const first = Number(name.slice(0, 4));
  const endYear = startMonth === 1 ? first : first + 1;
  const endMonth = startMonth === 1 ? 12 : startMonth - 1;
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  return { from: `${pad(first, 4)}-${pad(startMonth)}-01`, to: `${pad(endYear, 4)}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** The first and last month of the school year, YYYY-MM. */
export function schoolYearMonths(name: string, startMonth = DEFAULT_SCHOOL_YEAR_START_MONTH): { first: string; last: string } {
  const { from, to } = schoolYearRange(name, startMonth);
  return { first: from.slice(0, 7), last: to.slice(0, 7) };
}

/** Every month of the school year, YYYY-MM, the start month first. */
export function monthsOfSchoolYear(name: string, startMonth = DEFAULT_SCHOOL_YEAR_START_MONTH): string[] {
  const first = Number(name.slice(0, 4));
  return Array.from({ length: 12 }, (_, index) => {
    const month = ((startMonth - 1 + index) % 12) + 1;
    return `${pad(month >= startMonth ? first : first + 1, 4)}-${pad(month)}`;
  });
}

/** "July to June", for the worker and the report's words. */
export function schoolYearSpanWords(startMonth = DEFAULT_SCHOOL_YEAR_START_MONTH): string {
  return `${MONTH_NAMES[startMonth - 1]} to ${MONTH_NAMES[(startMonth + 10) % 12]}`;
}

/** "June 30": the school year's last day, in words. */
export function schoolYearLastDayWords(startMonth = DEFAULT_SCHOOL_YEAR_START_MONTH): string {
  const to = schoolYearRange('2001-02', startMonth).to; // any year without 29 February
  return `${MONTH_NAMES[Number(to.slice(5, 7)) - 1]} ${Number(to.slice(8, 10))}`;
}

export function previousSchoolYear(name: string): string {
  return schoolYearFrom(Number(name.slice(0, 4)) - 1);
}

export function nextSchoolYear(name: string): string {
  return schoolYearFrom(Number(name.slice(0, 4)) + 1);
}

/** "2026-27" → "2026–27 school year" style label, for headings. */
export function schoolYearLabel(name: string): string {
  return `${name.replace('-', '–')} school year`;
}
