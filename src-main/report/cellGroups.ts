import { CASE_OUTCOMES } from '../../shared/domain/caseOutcomes';
import { REPORT_METRICS, valueAtPath } from '../../shared/report/catalog';
import { assertGroups, type CellGroup, type SumRelation } from './suppression';

/**
 * The related groups of the report's counts of students (suppression.ts).
 *
 * How a metric declares its group: every metric of unit `students` in
 * shared/report/catalog.ts is a group of its own unless it is named in
 * DECLARED_GROUPS below. A new count of students that is a total with parts,
 * or a part of a published total, must be declared there with its sums (and
 * any unpublished cell a reader could work out, with how it is derived in
 * UNPUBLISHED_CELLS), or the parts would be protected one by one and a total
 * could give one back. Counts that overlap (a student in several categories)
 * and have no published total are not tied, and stay groups of their own.
 */

/** The unpublished cell that makes the case sums a tree. */
export const CLOSED_NOT_RESOLVED = 'cases.closedNotResolved';

const outcomePath = (id: string) => `cases.closedByOutcome.${id}`;

/** The sums of the case counts; the reader knows them (docs/report-format.md). */
export const CASE_RELATIONS: readonly SumRelation[] = [
  { total: 'cases.closed', parts: ['cases.resolved', CLOSED_NOT_RESOLVED] },
  { total: 'cases.resolved', parts: CASE_OUTCOMES.filter((outcome) => outcome.resolved).map((outcome) => outcomePath(outcome.id)) },
  { total: CLOSED_NOT_RESOLVED, parts: CASE_OUTCOMES.filter((outcome) => !outcome.resolved).map((outcome) => outcomePath(outcome.id)) },
];

export const DECLARED_GROUPS: readonly CellGroup[] = [{ root: 'cases.closed', relations: CASE_RELATIONS, unpublished: [CLOSED_NOT_RESOLVED] }];

/** How each unpublished cell follows from published ones (over true values). */
export const UNPUBLISHED_CELLS: Readonly<Record<string, (metrics: unknown) => number>> = {
  [CLOSED_NOT_RESOLVED]: (metrics) => (valueAtPath(metrics, 'cases.closed') as number) - (valueAtPath(metrics, 'cases.resolved') as number),
};

/** Every published count of students, by path in `metrics`, in catalogue order. */
export const STUDENT_COUNT_PATHS: readonly string[] = REPORT_METRICS.filter((metric) => metric.unit === 'students').map((metric) => metric.path);

function reportGroups(): CellGroup[] {
  const declared = new Set(DECLARED_GROUPS.flatMap((group) => [group.root, ...group.relations.flatMap((relation) => [relation.total, ...relation.parts])]));
  const groups = [...DECLARED_GROUPS, ...STUDENT_COUNT_PATHS.filter((path) => !declared.has(path)).map((path): CellGroup => ({ root: path, relations: [] }))];
  assertGroups(groups);
  for (const group of DECLARED_GROUPS) for (const id of group.unpublished ?? []) if (!(id in UNPUBLISHED_CELLS)) throw new Error(`No derivation for ${id}.`);
  return groups;
}

/** Every group of the report: the declared ones, then each other count of students on its own. */
export const REPORT_GROUPS: readonly CellGroup[] = reportGroups();

/** Medians and means over the students seen: hidden over fewer than k students. */
export const STUDENT_STATISTIC_PATHS: readonly string[] = [
  'lengthOfTreatment.medianSessionsSoFar',
  'lengthOfTreatment.medianWeeksOpen',
  'frequency.meanSessionsPerStudent',
];
