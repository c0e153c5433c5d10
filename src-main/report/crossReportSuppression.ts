import { valueAtPath } from '../../shared/report/catalog';
import type { ReportMetrics, SuppressedCell } from '../../shared/report/document';
import { DECLARED_GROUPS, STUDENT_COUNT_PATHS, STUDENT_STATISTIC_PATHS } from './cellGroups';
import type { HiddenWhy, PlainReportMetrics } from './publish';
import { publishedCellsOfGroup } from './suppression';

/**
 * The school-year report beside its own months: complementary suppression
 * across reports. Pure. The district holds every month's report of a school
 * year and the year's, so the year must not let a reader undo what the
 * months hid (tests/report/crossReportAttack.test.ts is that reader).
 *
 * What ties a year to its months:
 *   - additive counts (cases opened; cases closed, resolved and by outcome;
 *     individual sessions, their minutes and the direct minutes; the
 *     student-sessions behind the mean): the year's count is the sum of the
 *     months'. The year less the shown months is the sum of the hidden ones:
 *     with one month hiding, its value exactly.
 *   - distinct students (students seen, students per issue category): the
 *     year is at least each month and at most their sum, so the year less
 *     the shown months is a floor for the sum of the hidden months.
 *
 * The rule, on top of the month's own rule over the year's numbers:
 *   1. An additive count is hidden in the year, with the rest of its group
 *      (the case outcomes with cases resolved), whenever a month of the
 *      year hides it, or shows it at another value than the month holds
 *      today (a month sent before a late entry, or a correction that kept
 *      a change of 1 to k−1).
 *   1b. Except a top total a month hides only when it is 1 to k − 1 (cases
 *      opened; cases closed, shown beside hidden outcomes; the individual
 *      sessions, which decide for their minutes and the direct minutes):
 *      hidden in the year only when the hidden months' sum, the year less
 *      the shown months, would narrow one of them
 *      (`additiveTotalShownBesideMonths`), or a month changed since it was
 *      sent. Minutes add nothing then: each hidden month's minutes lie
 *      between its sessions and 1,440 times them, whatever the sum.
 *   2. A count of distinct students that H months hide is shown in the year
 *      only when it is at most the sum of the months that show it plus
 *      (H − 1) × (k − 1): then the year sets no floor above 0 under any one
 *      hidden month, since the other hidden months (up to k − 1 each) could
 *      hold the rest. Hidden also when a shown month's count changed since
 *      it was sent.
 *   3. The mean sessions per student is hidden in the year when a month
 *      hides its own or shows one that changed; the medians and the mean go
 *      with students seen.
 * Which months hide what is already in the reader's hands, so rules 1 and 3
 * tell nothing new; rule 1b tells, when it hides, only that the hidden
 * months' sum lies outside a span that every single value allows; rule 2
 * tells, when it hides, only that the hidden months hold more than
 * (H − 1) × (k − 1) students between them, which still lets any one of them
 * hold any number from 1 to k − 1 (the others k − 1 each). A year count
 * hidden by these rules may be k or more: the year's rule text says so.
 * Two different exports of one school year (`--replace`) set side by side,
 * whose difference is what changed in the months between, are
 * yearReplacement.ts's, applied after this rule.
 */

/** One month of the school year as the district holds it (its latest report sent, else what it would publish now) and as it is today. */
export interface MonthAsHeld {
  published: ReportMetrics;
  truth: PlainReportMetrics;
}

const CASE_GROUP = DECLARED_GROUPS.find((group) => group.root === 'cases.closed');
if (!CASE_GROUP) throw new Error('No group of case counts.');
const CASE_CELLS = publishedCellsOfGroup(CASE_GROUP);

/** The service cells a month hides together (serviceSuppression.ts). */
export const INDIVIDUAL_SESSION_CELLS: readonly string[] = ['sessions.individual.count', 'sessions.individual.minutes', 'minutes.direct'];

/**
 * Additive counts in groups that are hidden together in the year. `root`, a
 * top total a month hides only when it is 1 to k − 1, follows rule 1b and
 * stays shown beside its hidden parts unless it is hidden itself. `whole`:
 * a month hides the other cells only with the root, so the root decides for
 * all of them (and they are hidden together).
 */
export const ADDITIVE_GROUPS: readonly { cells: readonly string[]; root?: string; whole?: boolean }[] = [
  { cells: ['cases.opened'], root: 'cases.opened' },
  { cells: CASE_CELLS, root: CASE_GROUP.root },
  { cells: INDIVIDUAL_SESSION_CELLS, root: 'sessions.individual.count', whole: true },
];

const ADDITIVE = new Set(ADDITIVE_GROUPS.flatMap((group) => group.cells));
/** Counts of students that are of distinct students over the period (studentsSeen, per issue category). */
export const DISTINCT_STUDENT_PATHS: readonly string[] = STUDENT_COUNT_PATHS.filter((path) => !ADDITIVE.has(path));

const MEAN = 'frequency.meanSessionsPerStudent';
const isShown = (value: unknown): value is number => typeof value === 'number';
const isHidden = (value: unknown): boolean => typeof value === 'object' && value !== null;

/** Whether any month shows `path` at another value than it holds today. */
function changedInAMonth(months: readonly MonthAsHeld[], path: string): boolean {
  return months.some((month) => {
    const shown = valueAtPath(month.published, path);
    return isShown(shown) && shown !== valueAtPath(month.truth, path);
  });
}

/** Whether any month hides `path`, or shows it at another value than it holds today. */
function hiddenOrChangedInAMonth(months: readonly MonthAsHeld[], path: string): boolean {
  return changedInAMonth(months, path) || months.some((month) => isHidden(valueAtPath(month.published, path)));
}

/**
 * Rule 1b: whether the year may show an additive top total `year` beside its
 * months' published totals (a number, or hidden: then 1 to k − 1). The year
 * less the shown months, R, is the sum of the H hidden months. Shown only
 * when (k − 1) + (H − 1) ≤ R ≤ 1 + (H − 1) × (k − 1): then any one hidden
 * month can be anything from 1 (the others holding the rest, k − 1 each at
 * most) to k − 1 (the others 1 each at least). Hidden otherwise, which tells
 * only that R lies outside that span: a month of 1 to k − 2 beside others of
 * 1 each, or of 2 to k − 1 beside others of k − 1 each, still falls outside
 * it. With one hidden month the span is empty: the year hides.
 */
export function additiveTotalShownBesideMonths(year: number, months: readonly unknown[], threshold: number): boolean {
  const hiddenMonths = months.filter(isHidden).length;
  if (hiddenMonths === 0) return true;
  const rest = year - months.reduce<number>((sum, value) => sum + (isShown(value) ? value : 0), 0);
  return rest >= threshold - 1 + (hiddenMonths - 1) && rest <= 1 + (hiddenMonths - 1) * (threshold - 1);
}

/**
 * Rule 2: whether the year may show its count of distinct students `year`
 * beside its months' published counts (a number, or hidden). Shown: the year
 * less the shown months is at most (H − 1) × (k − 1), so the other hidden
 * months could hold it all and no hidden month is pushed above 1. Hidden:
 * the hidden months hold more than that between them, which any value 1 to
 * k − 1 of any one of them allows (the others k − 1 each).
 */
export function distinctCountShownBesideMonths(year: number, months: readonly unknown[], threshold: number): boolean {
  const hiddenMonths = months.filter(isHidden).length;
  if (hiddenMonths === 0) return true;
  const shownSum = months.reduce<number>((sum, value) => sum + (isShown(value) ? value : 0), 0);
  return year <= shownSum + (hiddenMonths - 1) * (threshold - 1);
}

/**
 * The year's cells to hide because of its months (the rule above), with why,
 * beside `ownHidden` (what the month's rule hides over the year's numbers).
 * `yearTruth` holds the year's true numbers.
 */
export function hiddenBecauseOfMonths(input: {
  yearTruth: PlainReportMetrics;
  ownHidden: ReadonlyMap<string, HiddenWhy>;
  months: readonly MonthAsHeld[];
  threshold: number;
}): Map<string, HiddenWhy> {
  const { yearTruth, ownHidden, months, threshold } = input;
  const hide = new Map<string, HiddenWhy>();
  const add = (path: string, why: HiddenWhy) => {
    if (!ownHidden.has(path) && !hide.has(path)) hide.set(path, why);
  };
  const hiddenNow = (path: string) => ownHidden.has(path) || hide.has(path);

  for (const group of ADDITIVE_GROUPS) {
    const why: HiddenWhy = group.cells === INDIVIDUAL_SESSION_CELLS ? 'services' : 'group';
    const struck = group.cells.filter((path) =>
      path === group.root
        ? changedInAMonth(months, path) ||
          !additiveTotalShownBesideMonths(
            valueAtPath(yearTruth, path) as number,
            months.map((month) => valueAtPath(month.published, path)),
            threshold,
          )
        : group.whole === true
          ? changedInAMonth(months, path)
          : hiddenOrChangedInAMonth(months, path),
    );
    if (struck.length === 0) continue;
    const keepShown = group.root !== undefined && group.whole !== true && !struck.includes(group.root);
    for (const path of group.cells) if (!(keepShown && path === group.root)) add(path, why);
  }

  for (const path of DISTINCT_STUDENT_PATHS) {
    if (hiddenNow(path)) continue;
    const values = months.map((month) => valueAtPath(month.published, path));
    const changed = months.some((month, index) => isShown(values[index]) && values[index] !== valueAtPath(month.truth, path));
    if (changed || !distinctCountShownBesideMonths(valueAtPath(yearTruth, path) as number, values, threshold)) add(path, 'group');
  }

  if (valueAtPath(yearTruth, MEAN) !== null && (hiddenOrChangedInAMonth(months, MEAN) || hiddenOrChangedInAMonth(months, 'studentsSeen') || hiddenNow('sessions.individual.count'))) {
    add(MEAN, 'statistic');
  }
  if (hiddenNow('studentsSeen')) for (const path of STUDENT_STATISTIC_PATHS) if (valueAtPath(yearTruth, path) !== null) add(path, 'statistic');
  return hide;
}

/** `metrics` with each of `paths` replaced by a hidden cell. */
export function withCellsHidden(metrics: ReportMetrics, paths: Iterable<string>): ReportMetrics {
  const copy = JSON.parse(JSON.stringify(metrics)) as Record<string, unknown>;
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let node = copy;
    for (const key of keys) node = node[key] as Record<string, unknown>;
    if (!Object.hasOwn(node, last)) throw new Error(`The report has no cell ${path}.`);
    node[last] = { suppressed: true } satisfies SuppressedCell;
  }
  return copy as unknown as ReportMetrics;
}
