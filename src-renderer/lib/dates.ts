/** Calendar dates as `YYYY-MM-DD` in the worker's local time, and plain ways to show them. */

const pad = (value: number) => String(value).padStart(2, '0');

export function isoFromDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The worker's time zone from Settings (it decides what "today" is); the
 * laptop's own zone until the settings are loaded, and again after a lock.
 */
let zoneDay: Intl.DateTimeFormat | null = null;
let zoneTime: Intl.DateTimeFormat | null = null;
let zoneShort: Intl.DateTimeFormat | null = null;

export function setWorkerTimeZone(timeZone: string | null): void {
  try {
    zoneDay = timeZone == null ? null : new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    zoneTime = timeZone == null ? null : new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' });
    zoneShort = timeZone == null ? null : new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric', year: 'numeric' });
  } catch {
    zoneDay = null;
    zoneTime = null;
    zoneShort = null;
  }
}

/** The calendar day of an instant, in the worker's time zone. */
export function dayOf(instant: Date): string {
  return zoneDay == null ? isoFromDate(instant) : zoneDay.format(instant);
}

export function todayIso(now: Date = new Date()): string {
  return dayOf(now);
}

/** Noon local time, so adding days never trips over a daylight-saving change. */
export function dateFromIso(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, 12);
}

export function isRealIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900 && year <= 2200;
}

export function addDays(iso: string, days: number): string {
  const date = dateFromIso(iso);
  date.setDate(date.getDate() + days);
  return isoFromDate(date);
}

/** Monday of the week holding the date. */
export function startOfWeek(iso: string): string {
  const date = dateFromIso(iso);
  const offset = (date.getDay() + 6) % 7;
  return addDays(iso, -offset);
}

const longFormat = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
const mediumFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric' });
const shortFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });

/** "Tuesday, March 4, 2025" */
export function formatLongDate(iso: string): string {
  return longFormat.format(dateFromIso(iso));
}

/** "Tue, Mar 4" */
export function formatMediumDate(iso: string): string {
  return mediumFormat.format(dateFromIso(iso));
}

/** "Mar 4, 2025" */
export function formatShortDate(iso: string): string {
  return shortFormat.format(dateFromIso(iso));
}

/** "3/4/2025", the way US school staff write a date. */
export function formatNumericDate(iso: string): string {
  const date = dateFromIso(iso);
  return `${date.getMonth() + 1}/${date.getDate()}/${date.getFullYear()}`;
}

/** A saved-at timestamp as the worker would say it: "today at 2:05 PM", "Mar 4, 2025 at 9:10 AM". */
export function formatTimestamp(timestamp: string, now: Date = new Date()): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const day = dayOf(date);
  const time = (zoneTime ?? timeFormat).format(date);
  if (day === todayIso(now)) return `today at ${time}`;
  if (day === addDays(todayIso(now), -1)) return `yesterday at ${time}`;
  return `${(zoneShort ?? shortFormat).format(date)} at ${time}`;
}

/** The local calendar day of a timestamp. */
export function isoDayOfTimestamp(timestamp: string): string {
  return dayOf(new Date(timestamp));
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * Reads a date as a busy person types it: `2025-03-04`, `3/4/2025`, `3/4/25`,
 * `3/4` (this year), `today`, `yesterday`, a weekday name (the most recent
 * one, today included) or its first three letters. Null when it is not a date.
 */
export function parseDateInput(text: string, now: Date = new Date()): string | null {
  const value = text.trim().toLowerCase();
  if (value === '') return null;
  const today = todayIso(now);
  if (value === 'today' || value === 't') return today;
  if (value === 'yesterday' || value === 'y') return addDays(today, -1);
  if (/^[a-z]{3,9}$/.test(value)) {
    const index = WEEKDAYS.findIndex((day) => day === value || (value.length >= 3 && day.startsWith(value)));
    if (index === -1) return null;
    const back = (dateFromIso(today).getDay() - index + 7) % 7;
    return addDays(today, -back);
  }
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(value);
  if (match) {
    const year = match[3] === undefined ? Number(today.slice(0, 4)) : match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    return checked(year, Number(match[1]), Number(match[2]));
  }
  return null;
}

function checked(year: number, month: number, day: number): string | null {
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return isRealIsoDate(iso) ? iso : null;
}

/** Grade numbers as the school says them. */
export function gradeLabel(grade: number | null): string {
  if (grade == null) return 'No grade';
  if (grade === -1) return 'Pre-K';
  if (grade === 0) return 'Kindergarten';
  if (grade === 13) return 'Transition';
  return `Grade ${grade}`;
}

export const GRADES: readonly number[] = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

/** "45 min", "1 h 30 min" */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
