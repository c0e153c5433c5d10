/** Calendar months as `YYYY-MM`, the period of a service report. */

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The month of a `YYYY-MM-DD` day. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

export function addMonths(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** "March 2026" */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[number - 1] ?? month} ${year}`;
}

/** "Mar 2–8", "Mar 30–Apr 5", "Mar 1" for a week cut to one day. */
export function weekLabel(start: string, end: string): string {
  const [, startMonth, startDay] = start.split('-').map(Number) as [number, number, number];
  const [, endMonth, endDay] = end.split('-').map(Number) as [number, number, number];
  const from = `${SHORT_MONTHS[startMonth - 1]} ${startDay}`;
  if (start === end) return from;
  return startMonth === endMonth ? `${from}–${endDay}` : `${from}–${SHORT_MONTHS[endMonth - 1]} ${endDay}`;
}

/** The months a report can be made for, newest first: this month (so far) back through `count` months. */
export function reportableMonths(today: string, count = 36): string[] {
  const current = monthOf(today);
  return Array.from({ length: count }, (_, index) => addMonths(current, -index));
}
