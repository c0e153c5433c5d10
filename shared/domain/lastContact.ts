/*
 * A student's last contact in plain words, for the caseload and Today:
 * "today", "yesterday", "3 days ago", "2 weeks ago", "4 months ago".
 * Days are calendar days (`YYYY-MM-DD`) on the worker's calendar.
 */

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) => {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** How long ago `day` was, seen from `today`; "none yet" without a day. */
export function lastContactInWords(day: string | null | undefined, today: string): string {
  if (day == null) return 'none yet';
  const days = daysBetween(day, today);
  if (days < 0) return days === -1 ? 'tomorrow' : `in ${plural(-days, 'day')}`;
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 61) return `${plural(Math.floor(days / 7), 'week')} ago`;
  if (days < 730) return `${plural(Math.floor(days / 30.4), 'month')} ago`;
  return `${plural(Math.floor(days / 365), 'year')} ago`;
}

/** A follow-up's day in words: "overdue by 3 days", "due today". */
export function followUpDueInWords(dueOn: string, today: string): { overdue: boolean; text: string } {
  const late = daysBetween(dueOn, today);
  if (late <= 0) return { overdue: false, text: late === 0 ? 'due today' : `due ${lastContactInWords(dueOn, today)}` };
  return { overdue: true, text: `overdue by ${plural(late, 'day')}` };
}
