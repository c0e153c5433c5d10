/**
 * A school year runs July 1 to June 30 and is named by its two calendar
 * years, as "2026-27". Plain functions on ISO dates (YYYY-MM-DD), no clock.
 */

export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{2})$/;

/** Whether `name` is a school year such as "2026-27" (the second year follows the first). */
export function isSchoolYear(name: string): boolean {
  const match = SCHOOL_YEAR_PATTERN.exec(name);
  if (match == null) return false;
  const first = Number(match[1]);
  return (first + 1) % 100 === Number(match[2]);
}

export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = month >= 7 ? year : year - 1;
  return schoolYearFrom(first);
}

function schoolYearFrom(first: number): string {
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
}

/** The first and last day of the school year. */
export function schoolYearRange(name: string): { from: string; to: string } {
  const first = Number(name.slice(0, 4));
  return { from: `${first}-07-01`, to: `${first + 1}-06-30` };
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
