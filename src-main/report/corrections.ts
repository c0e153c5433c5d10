import type { ReportMetrics } from '../../shared/report/document';
import { setValueAtPath, valueAtPath } from '../../shared/report/catalog';
import type { HiddenWhy } from '../../shared/api/reportSchemas';
import { REPORT_GROUPS, STUDENT_STATISTIC_PATHS } from './cellGroups';
import { trueCellValue, type PlainReportMetrics, type PublishedMetrics } from './publish';
import { cellsOfGroup, publishedCellsOfGroup } from './suppression';

/**
 * A correction of a month already sent. Pure.
 *
 * Two exports of one month must not show a change of fewer than k students
 * (students seen 23, then 24 after a late entry, would point at one
 * student). The report's counts of students are taken group by group (the
 * related groups of cellGroups.ts; the medians and mean go with the students
 * seen). A group is shown as the correction computes it only if every count
 * in it — unpublished ones included — differs from the true numbers behind
 * EVERY earlier export of the month by 0 or by at least k. Otherwise the
 * group keeps exactly what the latest export showed, and the true numbers it
 * stands for (`basis`) stay those of that export. So any two exports show a
 * count either the same or at least k apart. Counts of services are not
 * counts of students and are always the corrected ones; where they are
 * hidden they follow students seen (serviceSuppression.ts).
 */

export interface CorrectionPlan {
  published: PublishedMetrics;
  /** The true numbers each published value stands for. */
  basis: PlainReportMetrics;
  /** Groups (by root) kept as before because some count changed by 1 to k-1. */
  kept: string[];
}

/** A count changed by 1 to k-1 between two sets of true numbers, in these cells. */
function changedByFewerThanK(cells: readonly string[], now: PlainReportMetrics, before: PlainReportMetrics, threshold: number): boolean {
  return cells.some((id) => {
    const change = Math.abs(trueCellValue(now, id) - trueCellValue(before, id));
    return change >= 1 && change < threshold;
  });
}

/**
 * What a correction publishes: `fresh` is the rule applied to the month's
 * numbers now; `earlier` the true numbers behind every earlier export (first
 * to last), `latest` what the latest one published.
 */
export function planCorrection(input: {
  plain: PlainReportMetrics;
  fresh: PublishedMetrics;
  earlierBases: readonly PlainReportMetrics[];
  latestPublished: ReportMetrics;
  latestBasis: PlainReportMetrics;
  threshold: number;
}): CorrectionPlan {
  const { plain, fresh, earlierBases, latestPublished, latestBasis, threshold } = input;
  const metrics = structuredClone(fresh.metrics);
  const hidden = new Map<string, HiddenWhy>(fresh.hidden);
  const basis = structuredClone(plain);
  const kept: string[] = [];
  for (const group of REPORT_GROUPS) {
    const cells = cellsOfGroup(group);
    if (!earlierBases.some((before) => changedByFewerThanK(cells, plain, before, threshold))) continue;
    kept.push(group.root);
    // The group's published cells, and for students seen its medians and mean, as the latest export showed them.
    const paths = [...publishedCellsOfGroup(group), ...(group.root === 'studentsSeen' ? STUDENT_STATISTIC_PATHS : [])];
    for (const path of paths) {
      const before = valueAtPath(latestPublished, path);
      setValueAtPath(metrics, path, structuredClone(before));
      setValueAtPath(basis, path, structuredClone(valueAtPath(latestBasis, path)));
      if (typeof before === 'object' && before !== null) hidden.set(path, fresh.hidden.get(path) ?? 'group');
      else hidden.delete(path);
    }
  }
  return { published: { metrics, hidden }, basis, kept };
}
