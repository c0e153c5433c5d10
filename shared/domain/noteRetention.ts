/**
 * When the personal notes of a closed case are destroyed (issue 15,
 * retention). Personal notes are memory aids: the worker chooses how long
 * they outlive the case. Plain functions, without zod, so the renderer can
 * use them under its CSP.
 *
 * - off (the default): never proposed.
 * - school_year_end: after the end of the school year in which the case
 *   closed, due on the first day of the next school year. The school year
 *   starts in the month the worker set (July by default, the usual school
 *   fiscal year July 1 to June 30): with July, a case closed on or before
 *   June 30 is due on July 1 of that year, one closed in July or later on
 *   July 1 of the next year.
 * - months_after_closing: `months` calendar months after the closing day
 *   (a day the month lacks becomes its last day: Aug 31 + 6 months = Feb 28).
 */
import { DEFAULT_SCHOOL_YEAR_START_MONTH, nextSchoolYear, schoolYearLastDayWords, schoolYearOf, schoolYearRange } from './schoolYear';

export type NoteRetentionRule =
  | { rule: 'off' }
  | { rule: 'school_year_end' }
  | { rule: 'months_after_closing'; months: number };

export const DEFAULT_NOTE_RETENTION: NoteRetentionRule = { rule: 'off' };
export const MAX_RETENTION_MONTHS = 120;
function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The day the notes of a case closed on `closedOn` (YYYY-MM-DD) are due to be destroyed, or null when the rule is off. */
export function retentionDueOn(closedOn: string, retention: NoteRetentionRule, startMonth = DEFAULT_SCHOOL_YEAR_START_MONTH): string | null {
  const [year = 0, month = 1, day = 1] = closedOn.split('-').map(Number);
  switch (retention.rule) {
    case 'off':
      return null;
    case 'school_year_end': {
      return schoolYearRange(nextSchoolYear(schoolYearOf(closedOn, startMonth)), startMonth).from;
    }
    case 'months_after_closing': {
      const monthIndex = month - 1 + retention.months;
      const dueYear = year + Math.floor(monthIndex / 12);
      const dueMonth = (monthIndex % 12) + 1;
      const lastDay = new Date(Date.UTC(dueYear, dueMonth, 0)).getUTCDate();
      return `${pad(dueYear, 4)}-${pad(dueMonth)}-${pad(Math.min(day, lastDay))}`;
    }
  }
}

/** Whether the notes of a case closed on `closedOn` are due on `today` (YYYY-MM-DD). */
export function retentionIsDue(closedOn: string, retention: NoteRetentionRule, today: string, startMonth = DEFAULT_SCHOOL_YEAR_START_MONTH): boolean {
  const due = retentionDueOn(closedOn, retention, startMonth);
  return due !== null && due <= today;
}

/** The rule in words, for Settings and the notice. */
export function retentionRuleWords(retention: NoteRetentionRule, startMonth = DEFAULT_SCHOOL_YEAR_START_MONTH): string {
  switch (retention.rule) {
    case 'off':
      return 'Notes of closed cases are kept until you delete them.';
    case 'school_year_end':
      return `Notes of a closed case are destroyed after the end of the school year in which it closed (${schoolYearLastDayWords(startMonth)}).`;
    case 'months_after_closing':
      return `Notes of a closed case are destroyed ${retention.months} month${retention.months === 1 ? '' : 's'} after it closed.`;
  }
}
