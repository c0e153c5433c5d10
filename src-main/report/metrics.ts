import { CASE_OUTCOMES, type CaseOutcome } from '../../shared/domain/caseOutcomes';
import { SERVICE_KINDS, TEAM_TYPE_IDS, type ServiceKind, type TeamType } from '../../shared/domain/serviceKinds';
import { REPORT_CATEGORY_IDS, WORKER_DEFINED_CATEGORY } from '../../shared/report/document';
import type { VaultDatabase } from '../vault/connection';
import { daysBetween, monthBounds, weeksOfMonth } from '../common/calendar';

/**
 * The true (unsuppressed) numbers of one calendar month, read straight from
 * `services`, `service_students`, `service_issues`, `issue_categories` and
 * `students`. Every rule is stated next to its query and again in
 * docs/report-format.md.
 *
 * Which month a service belongs to: every service carries the calendar date
 * on which it happened, as the worker logged it on their own calendar (the
 * app fills in today's date in the worker's time zone). A service belongs to
 * the month of that date: a session at 23:30 on 31 March counts in March even
 * though it is already 1 April in UTC. Case opening and closing dates are
 * calendar dates in the same way. Nothing here reads a timestamp.
 *
 * "Sessions" are services of kind individual_session and group_session.
 */
export interface Activity {
  count: number;
  minutes: number;
}

export interface WeekSessions {
  start: string;
  end: string;
  individual: number;
  group: number;
}

export interface MonthMetrics {
  period: string;
  /** The first and last day counted when the period is not a calendar month (a school year); absent for a month. */
  bounds?: { first: string; last: string };
  /** Services and minutes of each kind dated in the month. */
  byKind: Record<ServiceKind, Activity>;
  /** Team meetings by team type. */
  byTeamType: Record<TeamType, Activity>;
  minutes: { direct: number; indirect: number; professional: number };
  /** Distinct students linked to at least one session in the month. */
  studentsSeen: number;
  /** Per student seen: sessions from the day the case opened through the month's last day. */
  medianSessionsSoFar: number | null;
  /** Per student seen: days from opening to closing (if closed by month end) or to the month's last day, over 7. */
  medianWeeksOpen: number | null;
  /** Student-sessions in the month (a group session counts once per student in it) over students seen. */
  meanSessionsPerStudent: number | null;
  cases: {
    opened: number;
    closed: number;
    resolved: number;
    /** Not published: ties `resolved` to the other outcomes. */
    closedNotResolved: number;
    closedByOutcome: Record<CaseOutcome, number>;
  };
  /** Distinct students per built-in category, and under any category the worker added. */
  studentsByIssueCategory: Record<(typeof REPORT_CATEGORY_IDS)[number], number>;
  sessionsPerWeek: WeekSessions[];
}

const SESSION_KINDS = `('individual_session', 'group_session')`;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

interface SeenRow {
  this_month: number;
  so_far: number;
  opened_on: string;
  closed_on: string | null;
}

/** Prepared once per database; `compute(month)` then runs five indexed queries. */
export class MonthMetricsQuery {
  private readonly byKindAndTeam;
  private readonly sessionsByDate;
  private readonly seen;
  private readonly opened;
  private readonly closedByOutcome;
  private readonly studentCategories;

  constructor(db: VaultDatabase) {
    this.byKindAndTeam = db.prepare<[{ first: string; last: string }], { kind: ServiceKind; team_type: TeamType | null; n: number; minutes: number }>(
      `SELECT kind, team_type, count(*) AS n, sum(minutes) AS minutes
       FROM services WHERE date BETWEEN @first AND @last
       GROUP BY kind, team_type`,
    );
    this.sessionsByDate = db.prepare<[{ first: string; last: string }], { date: string; kind: ServiceKind; n: number }>(
      `SELECT date, kind, count(*) AS n
       FROM services WHERE date BETWEEN @first AND @last AND kind IN ${SESSION_KINDS}
       GROUP BY date, kind`,
    );
    this.seen = db.prepare<[{ first: string; last: string }], SeenRow>(
      `WITH seen AS (
         SELECT ss.student_id AS id, count(*) AS this_month
         FROM services s JOIN service_students ss ON ss.service_id = s.id
         WHERE s.date BETWEEN @first AND @last AND s.kind IN ${SESSION_KINDS}
         GROUP BY ss.student_id)
       SELECT seen.this_month, st.opened_on, st.closed_on,
         (SELECT count(*) FROM service_students ss2 JOIN services s2 ON s2.id = ss2.service_id
          WHERE ss2.student_id = seen.id AND s2.kind IN ${SESSION_KINDS}
            AND s2.date >= st.opened_on AND s2.date <= @last) AS so_far
       FROM seen JOIN students st ON st.id = seen.id`,
    );
    this.opened = db
      .prepare<[{ first: string; last: string }], number>('SELECT count(*) FROM students WHERE opened_on BETWEEN @first AND @last')
      .pluck();
    this.closedByOutcome = db.prepare<[{ first: string; last: string }], { outcome: CaseOutcome; n: number }>(
      'SELECT outcome, count(*) AS n FROM students WHERE closed_on BETWEEN @first AND @last GROUP BY outcome',
    );
    this.studentCategories = db.prepare<[{ first: string; last: string }], { student_id: string; category_id: string; builtin: number }>(
      `SELECT DISTINCT ss.student_id, si.category_id, c.builtin
       FROM services s
         JOIN service_students ss ON ss.service_id = s.id
         JOIN service_issues si ON si.service_id = s.id
         JOIN issue_categories c ON c.id = si.category_id
       WHERE s.date BETWEEN @first AND @last`,
    );
  }

  compute(month: string): MonthMetrics {
    return this.numbers(month, monthBounds(month), weeksOfMonth(month));
  }

  /**
   * The same numbers over any span of days (a school year: `schoolYearMetrics`),
   * with every rule read for "the month" as "the span": students are distinct
   * over the whole span, "so far" and "weeks open" run to its last day.
   */
  computeBetween(period: string, range: { first: string; last: string }): MonthMetrics {
    return { ...this.numbers(period, range, []), bounds: { first: range.first, last: range.last } };
  }

  private numbers(period: string, range: { first: string; last: string }, weeks: readonly { start: string; end: string }[]): MonthMetrics {

    const byKind = Object.fromEntries(SERVICE_KINDS.map((kind) => [kind.id, { count: 0, minutes: 0 }])) as Record<ServiceKind, Activity>;
    const byTeamType = Object.fromEntries(TEAM_TYPE_IDS.map((id) => [id, { count: 0, minutes: 0 }])) as Record<TeamType, Activity>;
    const minutes = { direct: 0, indirect: 0, professional: 0 };
    for (const row of this.byKindAndTeam.all(range)) {
      byKind[row.kind].count += row.n;
      byKind[row.kind].minutes += row.minutes;
      if (row.team_type !== null) {
        byTeamType[row.team_type].count += row.n;
        byTeamType[row.team_type].minutes += row.minutes;
      }
      const info = SERVICE_KINDS.find((kind) => kind.id === row.kind);
      if (info) minutes[info.minutes] += row.minutes;
    }

    const sessionsPerWeek: WeekSessions[] = weeks.map((week) => ({ start: week.start, end: week.end, individual: 0, group: 0 }));
    for (const row of this.sessionsByDate.all(range)) {
      const week = sessionsPerWeek.find((candidate) => row.date >= candidate.start && row.date <= candidate.end);
      if (!week) continue;
      if (row.kind === 'individual_session') week.individual += row.n;
      else week.group += row.n;
    }

    const seen = this.seen.all(range);
    const weeksOpen = seen.map((row) => {
      const end = row.closed_on !== null && row.closed_on < range.last ? row.closed_on : range.last;
      return Math.max(0, daysBetween(row.opened_on, end)) / 7;
    });
    const medianSessions = median(seen.map((row) => row.so_far));
    const medianWeeks = median(weeksOpen);
    const studentSessions = seen.reduce((sum, row) => sum + row.this_month, 0);

    const closedByOutcome = Object.fromEntries(CASE_OUTCOMES.map((outcome) => [outcome.id, 0])) as Record<CaseOutcome, number>;
    for (const row of this.closedByOutcome.all(range)) closedByOutcome[row.outcome] += row.n;
    const closed = CASE_OUTCOMES.reduce((sum, outcome) => sum + closedByOutcome[outcome.id], 0);
    const resolved = CASE_OUTCOMES.filter((outcome) => outcome.resolved).reduce((sum, outcome) => sum + closedByOutcome[outcome.id], 0);

    const studentsPerCategory = new Map<string, Set<string>>(REPORT_CATEGORY_IDS.map((id) => [id, new Set<string>()]));
    for (const row of this.studentCategories.all(range)) {
      const reported = row.builtin === 1 && studentsPerCategory.has(row.category_id) ? row.category_id : WORKER_DEFINED_CATEGORY;
      studentsPerCategory.get(reported)?.add(row.student_id);
    }
    const studentsByIssueCategory = Object.fromEntries(
      REPORT_CATEGORY_IDS.map((id) => [id, studentsPerCategory.get(id)?.size ?? 0]),
    ) as MonthMetrics['studentsByIssueCategory'];

    return {
      period,
      byKind,
      byTeamType,
      minutes,
      studentsSeen: seen.length,
      medianSessionsSoFar: medianSessions === null ? null : roundTo(medianSessions, 1),
      medianWeeksOpen: medianWeeks === null ? null : roundTo(medianWeeks, 1),
      meanSessionsPerStudent: seen.length === 0 ? null : roundTo(studentSessions / seen.length, 2),
      cases: { opened: this.opened.get(range) ?? 0, closed, resolved, closedNotResolved: closed - resolved, closedByOutcome },
      studentsByIssueCategory,
      sessionsPerWeek,
    };
  }
}

/** One-off computation (prepares the statements, then runs them). */
export function computeMonthMetrics(db: VaultDatabase, month: string): MonthMetrics {
  return new MonthMetricsQuery(db).compute(month);
}
