import { setValueAtPath, valueAtPath } from '../../shared/report/catalog';
import type { ReportMetrics, SuppressedCell } from '../../shared/report/document';
import { REPORT_GROUPS, STUDENT_STATISTIC_PATHS } from './cellGroups';
import { INDIVIDUAL_SESSION_CELLS, type MonthAsHeld } from './crossReportSuppression';
import type { HiddenWhy } from './publish';
import { publishedCellsOfGroup } from './suppression';

/**
 * A school year sent again with other numbers (a replacement, `--replace`)
 * beside the copies sent before. Pure. The district may keep every copy, and
 * two copies side by side show what changed in the months between: three
 * cases closed late in an April that hides them came back as the
 * replacement's 103 less the first copy's 100; one student seen late showed
 * as students seen 12, then 13 (tests/report/yearResendAttack.test.ts).
 *
 * The rule, group by group (the related groups of the month's rule, the
 * medians and mean with students seen; the individual sessions with their
 * minutes and the direct minutes), for a count the replacement would show
 * at another value than the latest copy:
 *   1. a count of students that differs from what any earlier copy showed
 *      by 1 to k − 1: the group is shown exactly as the latest copy showed
 *      it (as a month's correction keeps such a group);
 *   2. otherwise, a count that a month of the year hides now: the group is
 *      hidden, since the two copies' difference would be the months'
 *      changes, hidden ones among them;
 *   3. otherwise the group is shown as computed: no month hides the count,
 *      so a sum over months is what the months show, and a change in a
 *      count of students is 0 or k or more against every copy.
 * A count equal to the latest copy's is shown: the pair tells only that it
 * did not move (not covered: months moving between hidden and shown while
 * their changes cancel exactly, corrections of k or more both ways).
 * Copies recorded without their document (exports before migration 15) are
 * not known and cannot be compared.
 */

export interface ReplacementPlan {
  metrics: ReportMetrics;
  hidden: Map<string, HiddenWhy>;
  /** Groups (by first cell) shown as the latest copy showed them. */
  kept: string[];
  /** Groups (by first cell) hidden because a month hides a count that moved since the latest copy. */
  hiddenForCopies: string[];
  /** The cells hidden here that the year's other rules show (the cost of the rule). */
  cellsHidden: string[];
}

interface YearGroup {
  /** The counts the rule looks at. */
  counts: readonly string[];
  /** The cells that go with them (the counts, and for students seen its medians and mean). */
  cells: readonly string[];
  students: boolean;
  why: HiddenWhy;
}

const YEAR_GROUPS: readonly YearGroup[] = [
  ...REPORT_GROUPS.map((group) => {
    const counts = publishedCellsOfGroup(group);
    return { counts, cells: group.root === 'studentsSeen' ? [...counts, ...STUDENT_STATISTIC_PATHS] : counts, students: true, why: 'group' as HiddenWhy };
  }),
  { counts: INDIVIDUAL_SESSION_CELLS, cells: INDIVIDUAL_SESSION_CELLS, students: false, why: 'services' },
];

const MEAN = 'frequency.meanSessionsPerStudent';
const isShown = (value: unknown): value is number => typeof value === 'number';
const isHidden = (value: unknown): boolean => typeof value === 'object' && value !== null;

/**
 * What the replacement publishes: `published` is the year by its rules now;
 * `earlier` the metrics of every copy sent before, first to last (none: the
 * year goes out as it is); `months` each month as the district holds it.
 */
export function replacementYear(input: {
  published: { metrics: ReportMetrics; hidden: ReadonlyMap<string, HiddenWhy> };
  earlier: readonly ReportMetrics[];
  months: readonly MonthAsHeld[];
  threshold: number;
}): ReplacementPlan {
  const { published, earlier, months, threshold } = input;
  const metrics = structuredClone(published.metrics);
  const hidden = new Map(published.hidden);
  const latest = earlier.at(-1);
  const plan: ReplacementPlan = { metrics, hidden, kept: [], hiddenForCopies: [], cellsHidden: [] };
  if (latest === undefined) return plan;
  const keptPaths = new Set<string>();

  for (const group of YEAR_GROUPS) {
    const moved = group.counts.filter((path) => {
      const now = valueAtPath(published.metrics, path);
      return isShown(now) && now !== valueAtPath(latest, path);
    });
    if (moved.length === 0) continue;
    const smallChange =
      group.students &&
      moved.some((path) => {
        const now = valueAtPath(published.metrics, path) as number;
        return earlier.some((copy) => {
          const before = valueAtPath(copy, path);
          return isShown(before) && Math.abs(now - before) >= 1 && Math.abs(now - before) < threshold;
        });
      });
    if (smallChange) {
      plan.kept.push(group.counts[0] as string);
      for (const path of group.cells) {
        keptPaths.add(path);
        const before = valueAtPath(latest, path);
        setValueAtPath(metrics, path, structuredClone(before));
        if (isHidden(before)) hidden.set(path, published.hidden.get(path) ?? (STUDENT_STATISTIC_PATHS.includes(path) ? 'statistic' : group.why));
        else hidden.delete(path);
      }
      continue;
    }
    if (moved.some((path) => months.some((month) => isHidden(valueAtPath(month.published, path))))) {
      plan.hiddenForCopies.push(group.counts[0] as string);
      // The mean is student-sessions over students seen: it goes with the individual sessions too, unless kept.
      const withMean = group.why === 'services' && !keptPaths.has(MEAN) ? [...group.cells, MEAN] : group.cells;
      for (const path of withMean) {
        if (valueAtPath(metrics, path) === null || isHidden(valueAtPath(metrics, path))) continue;
        setValueAtPath(metrics, path, { suppressed: true } satisfies SuppressedCell);
        hidden.set(path, STUDENT_STATISTIC_PATHS.includes(path) ? 'statistic' : group.why);
      }
    }
  }
  plan.cellsHidden = [...hidden.keys()].filter((path) => !published.hidden.has(path));
  return plan;
}
