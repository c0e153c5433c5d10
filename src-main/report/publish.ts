import type { HiddenWhy } from '../../shared/api/reportSchemas';
import { SERVICE_KINDS, type ServiceKind } from '../../shared/domain/serviceKinds';
import { SERVICE_KIND_PATHS, valueAtPath } from '../../shared/report/catalog';
import type { ReportMetrics, SuppressedCell } from '../../shared/report/document';
import { REPORT_GROUPS, STUDENT_STATISTIC_PATHS, UNPUBLISHED_CELLS } from './cellGroups';
import { suppressServiceCells } from './serviceSuppression';
import { hiddenCellsOfGroup, isSmall } from './suppression';

/**
 * From a month's true numbers, in the shape of the report's `metrics`, to the
 * `metrics` the report publishes: the one place the suppression rules are
 * applied, for a real report and for `report simulate` alike. Pure.
 */

/** The report's `metrics` with every value a plain number (statistics: a number, or null over no students). */
export type PlainReportMetrics = Plain<ReportMetrics>;
type Plain<T> = T extends SuppressedCell ? never : T extends number | null ? T : { [K in keyof T]: Plain<T[K]> };

/** Why a number is hidden, for the worker's own preview only (the report says nothing about it). */
export type { HiddenWhy };

export interface PublishedMetrics {
  metrics: ReportMetrics;
  /** Each hidden path, in no particular order, with why. */
  hidden: Map<string, HiddenWhy>;
}

const SUPPRESSED: SuppressedCell = { suppressed: true };
const number = (metrics: PlainReportMetrics, path: string): number => valueAtPath(metrics, path) as number;

/** The true value of any cell of a group, published or not. */
export function trueCellValue(metrics: PlainReportMetrics, id: string): number {
  const derive = UNPUBLISHED_CELLS[id];
  return derive ? derive(metrics) : number(metrics, id);
}

/** Services of each kind, summed over where the report lists them (team meetings: per team type). */
function serviceCounts(metrics: PlainReportMetrics): Record<ServiceKind, number> {
  return Object.fromEntries(
    SERVICE_KINDS.map((kind) => [kind.id, SERVICE_KIND_PATHS[kind.id].reduce((sum, activity) => sum + number(metrics, `${activity}.count`), 0)]),
  ) as Record<ServiceKind, number>;
}

/**
 * Whether the mean sessions per student could give back a hidden count or a
 * group's size. mean × students seen is the month's student-sessions (to
 * within the rounding of the mean), and that less the individual sessions is
 * how many students the group sessions had in all: with one group session,
 * its size. The mean is hidden whenever that number could be from 1 to k−1.
 */
function meanGivesAway(metrics: PlainReportMetrics, threshold: number, hidden: ReadonlyMap<string, HiddenWhy>): boolean {
  if (hidden.has('studentsSeen') || hidden.has('sessions.individual.count')) return true;
  const mean = valueAtPath(metrics, 'frequency.meanSessionsPerStudent');
  if (typeof mean !== 'number') return false;
  const groupSessions = number(metrics, 'sessions.group.count');
  if (groupSessions === 0) return false;
  const seen = number(metrics, 'studentsSeen');
  // The fewest student-sessions the published mean allows (it is rounded to 0.01).
  const fewestStudentSessions = Math.ceil(Math.round((mean - 0.005) * seen * 1e6) / 1e6);
  const fewestInGroups = Math.max(groupSessions, fewestStudentSessions - number(metrics, 'sessions.individual.count'));
  return fewestInGroups <= threshold - 1;
}

export function publishMetrics(metrics: PlainReportMetrics, threshold: number): PublishedMetrics {
  const hidden = new Map<string, HiddenWhy>();
  for (const group of REPORT_GROUPS) {
    for (const id of hiddenCellsOfGroup(group, (cell) => trueCellValue(metrics, cell), threshold)) {
      hidden.set(id, isSmall(trueCellValue(metrics, id), threshold) ? 'small' : 'group');
    }
  }
  const services = suppressServiceCells({ threshold, counts: serviceCounts(metrics), suppressedStudentCounts: new Set(hidden.keys()) });
  for (const path of services.keys()) hidden.set(path, 'services');
  const seen = number(metrics, 'studentsSeen');
  for (const path of STUDENT_STATISTIC_PATHS) {
    if (valueAtPath(metrics, path) === null) continue;
    if (isSmall(seen, threshold) || (path === 'frequency.meanSessionsPerStudent' && meanGivesAway(metrics, threshold, hidden))) hidden.set(path, 'statistic');
  }

  const published = JSON.parse(JSON.stringify(metrics)) as Record<string, unknown>;
  for (const path of hidden.keys()) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let node = published;
    for (const key of keys) node = node[key] as Record<string, unknown>;
    if (!Object.hasOwn(node, last)) throw new Error(`The report has no cell ${path}.`);
    node[last] = { ...SUPPRESSED };
  }
  // Only leaves of a checked input were replaced, so the result has the schema's shape (the document is parsed again when built).
  return { metrics: published as unknown as ReportMetrics, hidden };
}
