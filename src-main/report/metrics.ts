import { CASE_OUTCOMES, type CaseOutcome } from '../../shared/domain/caseOutcomes';
import { SERVICE_KINDS, TEAM_TYPE_IDS, type ServiceKind, type TeamType } from '../../shared/domain/serviceKinds';
import { REPORT_CATEGORY_IDS, WORKER_DEFINED_CATEGORY } from '../../shared/report/document';
import { daysBetween, monthBounds, weeksOfMonth } from '../common/calendar';
import type { DaySpan, ReportCounts } from '../vault/repos/reportCounts';
import type { VaultReader } from '../vault/vaultReader';

/**
 * The true (unsuppressed) numbers of one calendar month, from the counts the
 * vault reads over `services`, `service_students`, `service_issues`,
 * `issue_categories` and `students` (vault/repos/reportCounts.ts, read-only).
 * Every rule is stated here or next to its query, and again in
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

/** The numbers of one calendar month. */
export function computeMonthMetrics(vault: VaultReader, month: string): MonthMetrics {
  return metricsOver(vault.reportCounts, month, monthBounds(month), weeksOfMonth(month));
}

/**
 * The same numbers over any span of days (a school year: `schoolYearMetrics`),
 * with every rule read for "the month" as "the span": students are distinct
 * over the whole span, "so far" and "weeks open" run to its last day.
 */
export function computeMetricsBetween(vault: VaultReader, period: string, range: DaySpan): MonthMetrics {
  return { ...metricsOver(vault.reportCounts, period, range, []), bounds: { first: range.first, last: range.last } };
}

function metricsOver(counts: ReportCounts, period: string, range: DaySpan, weeks: readonly { start: string; end: string }[]): MonthMetrics {
  const byKind = Object.fromEntries(SERVICE_KINDS.map((kind) => [kind.id, { count: 0, minutes: 0 }])) as Record<ServiceKind, Activity>;
  const byTeamType = Object.fromEntries(TEAM_TYPE_IDS.map((id) => [id, { count: 0, minutes: 0 }])) as Record<TeamType, Activity>;
  const minutes = { direct: 0, indirect: 0, professional: 0 };
  for (const row of counts.totalsByKindAndTeam(range)) {
    byKind[row.kind].count += row.count;
    byKind[row.kind].minutes += row.minutes;
    if (row.teamType !== null) {
      byTeamType[row.teamType].count += row.count;
      byTeamType[row.teamType].minutes += row.minutes;
    }
    const info = SERVICE_KINDS.find((kind) => kind.id === row.kind);
    if (info) minutes[info.minutes] += row.minutes;
  }

  const sessionsPerWeek: WeekSessions[] = weeks.map((week) => ({ start: week.start, end: week.end, individual: 0, group: 0 }));
  for (const row of counts.sessionsByDay(range)) {
    const week = sessionsPerWeek.find((candidate) => row.date >= candidate.start && row.date <= candidate.end);
    if (!week) continue;
    if (row.kind === 'individual_session') week.individual += row.count;
    else week.group += row.count;
  }

  const seen = counts.studentsSeen(range);
  const weeksOpen = seen.map((row) => {
    const end = row.closedOn !== null && row.closedOn < range.last ? row.closedOn : range.last;
    return Math.max(0, daysBetween(row.openedOn, end)) / 7;
  });
  const medianSessions = median(seen.map((row) => row.sessionsSoFar));
  const medianWeeks = median(weeksOpen);
  const studentSessions = seen.reduce((sum, row) => sum + row.sessionsInSpan, 0);

  const closedByOutcome = Object.fromEntries(CASE_OUTCOMES.map((outcome) => [outcome.id, 0])) as Record<CaseOutcome, number>;
  for (const row of counts.casesClosedByOutcome(range)) closedByOutcome[row.outcome] += row.count;
  const closed = CASE_OUTCOMES.reduce((sum, outcome) => sum + closedByOutcome[outcome.id], 0);
  const resolved = CASE_OUTCOMES.filter((outcome) => outcome.resolved).reduce((sum, outcome) => sum + closedByOutcome[outcome.id], 0);

  const studentsPerCategory = new Map<string, Set<string>>(REPORT_CATEGORY_IDS.map((id) => [id, new Set<string>()]));
  for (const row of counts.studentCategoryPairs(range)) {
    const reported = row.builtin && studentsPerCategory.has(row.categoryId) ? row.categoryId : WORKER_DEFINED_CATEGORY;
    studentsPerCategory.get(reported)?.add(row.studentId);
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
    cases: { opened: counts.casesOpened(range), closed, resolved, closedNotResolved: closed - resolved, closedByOutcome },
    studentsByIssueCategory,
    sessionsPerWeek,
  };
}
