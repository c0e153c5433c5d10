import { SERVICE_KINDS, type ServiceKind } from '../../shared/domain/serviceKinds';
import { SERVICE_KIND_PATHS, valueAtPath } from '../../shared/report/catalog';
import { REPORT_CATEGORY_IDS, type ServiceReportDocument } from '../../shared/report/document';
import type { Range } from './suppression';

/**
 * Counts of services that would narrow a suppressed count of students. Pure.
 *
 * Counts of services and minutes are not counts of students, but a reader
 * who knows the domain can bound one with them. What every reader knows
 * (shared/domain/serviceKinds.ts and the API's limits, stated in
 * docs/report-format.md):
 *   - an individual session is with exactly one student;
 *   - a group session is with 1 to 200 students, a service of a kind with
 *     optional students with 0 to 200, a kind without students with none;
 *   - a service lasts from 1 to 1,440 minutes.
 * So `studentsSeen` is at most (individual sessions) + 200 × (group
 * sessions), and a category's count at most (individual sessions) + 200 ×
 * (group sessions and services of kinds with optional students). With k at
 * most 16, only individual sessions can bring such a bound below k: one
 * individual session and no group session tell that exactly one student was
 * seen, though `studentsSeen` is suppressed. Lower bounds never pass 1 (a
 * group session may have a single student), and 1 is what a hidden count
 * already says.
 *
 * The rule. When the published counts of services bound a suppressed count
 * of students by k − 1 or less, the counts of the kinds that bound it are
 * hidden, with their minutes (each service lasts at
 * least a minute, so 5 minutes of sessions is at most 5 sessions) and the
 * total of their minutes class (`minutes.direct` less the other direct
 * minutes would give those minutes back). Today that means: no group session
 * and 1 to k − 1 individual sessions. The trigger is "k − 1 or less" and not
 * "less than k − 1" so that the suppression itself says no more than the
 * cell it protects: a reader who sees the individual sessions suppressed
 * knows only that there were 1 to k − 1 of them and no group session, so
 * every suppressed count of students can still be anything from 1 to k − 1.
 */

/** The API's limit on students per service (ServiceFields.studentIds). */
export const MAX_STUDENTS_PER_SERVICE = 200;
/** The API's limit on a service's minutes (ServiceFields.minutes). */
export const MAX_MINUTES_PER_SERVICE = 1440;

/** How many students one service of a kind can be with, at most. */
export function maxStudentsPerService(kind: ServiceKind): number {
  switch (SERVICE_KINDS.find((info) => info.id === kind)?.withStudents) {
    case 'one':
      return 1;
    case 'many':
    case 'optional':
      return MAX_STUDENTS_PER_SERVICE;
    default:
      return 0;
  }
}

const SESSION_KINDS: readonly ServiceKind[] = ['individual_session', 'group_session'];
const KINDS_WITH_STUDENTS: readonly ServiceKind[] = SERVICE_KINDS.filter((kind) => kind.withStudents !== 'none').map((kind) => kind.id);

/** Each published count of students that services bound, and the kinds of service its students come from. */
export const STUDENT_COUNT_SOURCES: readonly { path: string; kinds: readonly ServiceKind[] }[] = [
  { path: 'studentsSeen', kinds: SESSION_KINDS },
  ...REPORT_CATEGORY_IDS.map((id) => ({ path: `studentsByIssueCategory.${id}`, kinds: KINDS_WITH_STUDENTS })),
];

/** The most distinct students these services can be with, as a reader works it out from their counts. */
export function studentCapacity(counts: Readonly<Record<ServiceKind, number>>, kinds: readonly ServiceKind[]): number {
  return kinds.reduce((sum, kind) => sum + counts[kind] * maxStudentsPerService(kind), 0);
}

const MINUTES_TOTAL: Record<'direct' | 'indirect' | 'professional', string> = {
  direct: 'minutes.direct',
  indirect: 'minutes.indirect',
  professional: 'minutes.professional',
};

function minutesTotalOf(kind: ServiceKind): string {
  const info = SERVICE_KINDS.find((candidate) => candidate.id === kind);
  if (!info) throw new Error(`Unknown service kind ${kind}.`);
  return MINUTES_TOTAL[info.minutes];
}

export interface ServiceCellDecision {
  /** The cell this one protects: a count of students, or the cell it would give back. */
  protects: string;
}

export interface ServiceSuppressionInput {
  threshold: number;
  /** Services of each kind in the month. */
  counts: Readonly<Record<ServiceKind, number>>;
  /** Paths of the counts of students that are suppressed (for any reason). */
  suppressedStudentCounts: ReadonlySet<string>;
}

/**
 * Applies the rule (top of this file): the service cells to suppress, by
 * path in `metrics` (`sessions.individual.count`, `…minutes`,
 * `minutes.direct`), each with the cell it protects. Empty in most months.
 */
export function suppressServiceCells(input: ServiceSuppressionInput): Map<string, ServiceCellDecision> {
  const { threshold, counts, suppressedStudentCounts } = input;
  const decisions = new Map<string, ServiceCellDecision>();
  const hide = (path: string, protects: string) => {
    if (!decisions.has(path)) decisions.set(path, { protects });
  };
  for (const source of STUDENT_COUNT_SOURCES) {
    if (!suppressedStudentCounts.has(source.path)) continue;
    if (studentCapacity(counts, source.kinds) > threshold - 1) continue;
    // The bound is below k, so every kind in it with services holds fewer than k students each (individual sessions).
    for (const kind of source.kinds) {
      if (counts[kind] === 0) continue;
      for (const activity of SERVICE_KIND_PATHS[kind]) {
        hide(`${activity}.count`, source.path);
        hide(`${activity}.minutes`, `${activity}.count`);
        hide(minutesTotalOf(kind), `${activity}.minutes`);
      }
    }
  }
  return decisions;
}

const isSuppressed = (value: unknown): boolean => typeof value === 'object' && value !== null && 'suppressed' in value;

/** A school-year report also hides its individual sessions when a month of it did (crossReportSuppression.ts). */
export interface ServiceCellOptions {
  schoolYear?: boolean;
}

/**
 * The interval of each suppressed service cell of a published report, from
 * what the report publishes and the domain alone: a suppressed count of
 * individual sessions is from 1 to k − 1 (in a school-year report, 1 or
 * more: a month of it may be what hid them); suppressed minutes are from 1 to
 * 1,440 per session; a suppressed minutes total is the sum of its parts.
 * Infinity when unbounded. For the district summary, which never guesses.
 */
export function serviceCellRanges(document: Pick<ServiceReportDocument, 'metrics' | 'threshold'>, options: ServiceCellOptions = {}): Map<string, Range> {
  const k = document.threshold;
  const metrics = document.metrics;
  const ranges = new Map<string, Range>();
  const activityMinutes = new Map<string, Range>();
  for (const kind of SERVICE_KINDS) {
    for (const activity of SERVICE_KIND_PATHS[kind.id]) {
      const count = valueAtPath(metrics, `${activity}.count`);
      const minutes = valueAtPath(metrics, `${activity}.minutes`);
      const countRange: Range = typeof count === 'number' ? { min: count, max: count } : { min: 1, max: options.schoolYear === true ? Infinity : k - 1 };
      if (isSuppressed(count)) ranges.set(`${activity}.count`, countRange);
      const minutesRange: Range =
        typeof minutes === 'number' ? { min: minutes, max: minutes } : { min: countRange.min, max: countRange.max * MAX_MINUTES_PER_SERVICE };
      if (isSuppressed(minutes)) ranges.set(`${activity}.minutes`, minutesRange);
      activityMinutes.set(activity, minutesRange);
    }
  }
  for (const [minutesClass, total] of Object.entries(MINUTES_TOTAL)) {
    if (!isSuppressed(valueAtPath(metrics, total))) continue;
    const parts = SERVICE_KINDS.filter((kind) => kind.minutes === minutesClass).flatMap((kind) => SERVICE_KIND_PATHS[kind.id]);
    ranges.set(total, {
      min: parts.reduce((sum, activity) => sum + (activityMinutes.get(activity)?.min ?? 0), 0),
      max: parts.reduce((sum, activity) => sum + (activityMinutes.get(activity)?.max ?? Infinity), 0),
    });
  }
  return ranges;
}

/**
 * What is wrong with a published report's counts of services, or null:
 * service cells suppressed other than as the rule does it, minutes outside
 * 1 to 1,440 per service, or a shown minutes total that is not the sum of
 * its shown parts. `verify` and the district summary refuse such a report.
 */
export function serviceCellProblem(document: Pick<ServiceReportDocument, 'metrics' | 'threshold'>, options: ServiceCellOptions = {}): string | null {
  const metrics = document.metrics;
  const individual = metrics.sessions.individual;
  const hidden = [individual.count, individual.minutes, metrics.minutes.direct].map(isSuppressed);
  if (hidden.some(Boolean)) {
    if (!hidden.every(Boolean)) return 'the individual sessions, their minutes and the direct minutes must be suppressed together';
    // A school year hides them also because a month of it did, whatever its own group sessions and students seen.
    if (options.schoolYear !== true) {
      if (metrics.sessions.group.count !== 0) return 'individual sessions are suppressed only in a month without group sessions';
      if (!isSuppressed(metrics.studentsSeen)) return 'individual sessions are suppressed only when the students seen are';
    }
  }
  for (const kind of SERVICE_KINDS) {
    for (const activity of SERVICE_KIND_PATHS[kind.id]) {
      const count = valueAtPath(metrics, `${activity}.count`);
      const minutes = valueAtPath(metrics, `${activity}.minutes`);
      if (typeof count === 'number' && typeof minutes === 'number' && (minutes < count || minutes > count * MAX_MINUTES_PER_SERVICE)) {
        return `${activity}: ${minutes} minutes cannot come from ${count} services of 1 to ${MAX_MINUTES_PER_SERVICE} minutes`;
      }
    }
  }
  for (const [minutesClass, total] of Object.entries(MINUTES_TOTAL)) {
    const value = valueAtPath(metrics, total);
    if (typeof value !== 'number') continue;
    const parts = SERVICE_KINDS.filter((kind) => kind.minutes === minutesClass).flatMap((kind) => SERVICE_KIND_PATHS[kind.id]);
    const values = parts.map((activity) => valueAtPath(metrics, `${activity}.minutes`));
    if (values.every((part) => typeof part === 'number') && values.reduce<number>((sum, part) => sum + (part as number), 0) !== value) {
      return `${total} is not the sum of the ${minutesClass} minutes of each kind of service`;
    }
  }
  return null;
}
