/**
 * Small-cell suppression for counts of students: the group rule. Pure:
 * numbers in, the set of hidden cells out.
 *
 * The model. A report publishes counts of students ("cells"). Cells tied
 * together by sums (a total and its parts, e.g. cases closed = the sum of the
 * closed outcomes) form one related group; a cell tied to nothing is a group
 * of its own. Every group has a root: its grand total (a lone cell is its own
 * root). A group may hold unpublished cells that a reader can work out from
 * published ones (cases closed but not resolved = closed − resolved); they
 * count like any other cell.
 *
 * The rule, for each group:
 *   - a cell is "small" when it holds from 1 to k−1 students;
 *   - if no cell of the group is small, every cell is shown;
 *   - if any cell of the group is small (which one, and how small, does not
 *     matter), every cell of the group but the root is hidden, zeros
 *     included; the root is hidden too when it is itself small.
 * So whether a group is hidden depends on one fact only, "some cell of the
 * group is small", and every hidden cell looks alike (no reason is given).
 *
 * What a reader who knows the rule can tell (the promise). A hidden root lies
 * in [1, k−1] and every other hidden cell of its group in [0, k−1], and each
 * of these values is possible. Beside a shown root R (R ≥ k), a hidden cell
 * may hold any value from 0 to R − 1 or R, a range that holds [0, k−1]. Zeros
 * are shown only in groups with no small cell, where nothing is hidden: a zero
 * shown beside a hidden part would let the total give that part back. See
 * docs/report-format.md, "Suppression", and tests/report/suppressionAttack.test.ts.
 *
 * The school-year report applies this rule to the year's numbers and then
 * hides, besides, what would let its months' hidden cells be worked out by
 * differencing (crossReportSuppression.ts, tests/report/crossReportAttack.test.ts):
 * there a hidden count may also be k or more.
 */

/** `total` = sum of `parts`, over true values. */
export interface SumRelation {
  total: string;
  parts: readonly string[];
}

/** A related group of counts of students (see the top of this file). */
export interface CellGroup {
  /** The grand total, or the only cell. Published. */
  root: string;
  /** The sums that tie the group; they form a tree from the root. Empty for a lone cell. */
  relations: readonly SumRelation[];
  /** Cells of the group that are not published but follow from published ones. */
  unpublished?: readonly string[];
}

export interface Range {
  min: number;
  /** Infinity when nothing published bounds it from above. */
  max: number;
}

export class InconsistentCellsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InconsistentCellsError';
  }
}

/** Every cell of a group, the root first, unpublished ones included. */
export function cellsOfGroup(group: CellGroup): string[] {
  const cells = [group.root];
  for (const relation of group.relations) for (const id of [relation.total, ...relation.parts]) if (!cells.includes(id)) cells.push(id);
  return cells;
}

/** The published cells of a group, the root first. */
export function publishedCellsOfGroup(group: CellGroup): string[] {
  const unpublished = new Set(group.unpublished ?? []);
  return cellsOfGroup(group).filter((id) => !unpublished.has(id));
}

export function isSmall(value: number, threshold: number): boolean {
  return value >= 1 && value < threshold;
}

/**
 * The published cells of one group to hide, given every cell's true value
 * (unpublished cells included).
 */
export function hiddenCellsOfGroup(group: CellGroup, valueOf: (id: string) => number, threshold: number): string[] {
  const cells = cellsOfGroup(group);
  if (!cells.some((id) => isSmall(valueOf(id), threshold))) return [];
  return publishedCellsOfGroup(group).filter((id) => id !== group.root || isSmall(valueOf(id), threshold));
}

/** Throws unless every group's relations form a tree over its cells, no cell is in two groups, and each root is a top total. */
export function assertGroups(groups: readonly CellGroup[]): void {
  const owner = new Map<string, number>();
  groups.forEach((group, index) => {
    const cells = cellsOfGroup(group);
    for (const id of cells) {
      if (owner.has(id)) throw new Error(`Cell ${id} is in two groups.`);
      owner.set(id, index);
    }
    // A tree: n cells joined by relations with (parts) edges, no cycle, every cell reached from the root.
    const edges = group.relations.reduce((sum, relation) => sum + relation.parts.length, 0);
    if (edges !== cells.length - 1) throw new Error(`The sums of the group of ${group.root} are not a tree.`);
    if (group.relations.some((relation) => relation.parts.includes(group.root))) throw new Error(`${group.root} is a part of a sum; a root is a top total.`);
    const reached = new Set([group.root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const relation of group.relations) {
        if (!reached.has(relation.total)) continue;
        for (const part of relation.parts) {
          if (!reached.has(part)) {
            reached.add(part);
            grew = true;
          }
        }
      }
    }
    if (reached.size !== cells.length) throw new Error(`Some cells of the group of ${group.root} are not under its root.`);
  });
}

/** What a reader sees of a cell: its value, a hidden cell, or a cell the report never publishes. */
export type PublishedValue = number | 'suppressed' | 'unpublished';

/**
 * The interval each cell of a group can take, from what is published and the
 * rule's plain facts alone: a hidden root is from 1 to k−1 (in a school
 * year's report, 1 or more: `schoolYear`), any other hidden
 * or unpublished cell from 0 up; bounds are then carried through the sums to
 * a fixed point. A valid interval, never a guess (the district summary adds
 * them up). Throws InconsistentCellsError when shown cells contradict a sum.
 */
export function feasibleRanges(group: CellGroup, view: ReadonlyMap<string, PublishedValue>, threshold: number, options: { schoolYear?: boolean } = {}): Map<string, Range> {
  // A school year also hides a root its months hid (crossReportSuppression.ts): 1 or more, not bounded by k.
  const hiddenRootMax = options.schoolYear === true ? Infinity : threshold - 1;
  const ranges = new Map<string, Range>();
  for (const id of cellsOfGroup(group)) {
    const value = view.get(id) ?? 'unpublished';
    ranges.set(
      id,
      typeof value === 'number' ? { min: value, max: value } : value === 'suppressed' && id === group.root ? { min: 1, max: hiddenRootMax } : { min: 0, max: Infinity },
    );
  }
  const range = (id: string): Range => ranges.get(id) as Range;
  const narrow = (id: string, min: number, max: number): boolean => {
    const current = range(id);
    const next = { min: Math.max(current.min, min), max: Math.min(current.max, max) };
    if (next.min > next.max) throw new InconsistentCellsError(`The published counts contradict each other at ${id}.`);
    if (next.min === current.min && next.max === current.max) return false;
    ranges.set(id, next);
    return true;
  };
  for (let pass = 0; ; pass += 1) {
    if (pass > 10_000) throw new Error('Bound propagation did not settle.');
    let changed = false;
    for (const relation of group.relations) {
      const parts = relation.parts.map(range);
      changed = narrow(relation.total, parts.reduce((sum, part) => sum + part.min, 0), parts.reduce((sum, part) => sum + part.max, 0)) || changed;
      const total = range(relation.total);
      relation.parts.forEach((id, index) => {
        const others = parts.filter((_, other) => other !== index);
        const othersMin = others.reduce((sum, part) => sum + part.min, 0);
        const othersMax = others.reduce((sum, part) => sum + part.max, 0);
        changed = narrow(id, total.min - othersMax, total.max - othersMin) || changed;
      });
    }
    if (!changed) return ranges;
  }
}

/**
 * What is wrong with how a published group is hidden, or null: parts hidden
 * only some of them, a root hidden while a part shows, a shown count from 1
 * to k−1, or a shown root from 1 to k−1 beside hidden parts.
 */
export function groupPatternProblem(group: CellGroup, view: ReadonlyMap<string, PublishedValue>, threshold: number): string | null {
  const published = publishedCellsOfGroup(group);
  const parts = published.filter((id) => id !== group.root);
  const hiddenParts = parts.filter((id) => view.get(id) === 'suppressed');
  const root = view.get(group.root);
  for (const id of published) {
    const value = view.get(id);
    if (typeof value === 'number' && isSmall(value, threshold)) return `${id} shows ${value}, a count of students from 1 to ${threshold - 1}`;
  }
  if (hiddenParts.length > 0 && hiddenParts.length < parts.length) return `only some counts of the group of ${group.root} are hidden`;
  if (root === 'suppressed' && hiddenParts.length < parts.length) return `${group.root} is hidden while the counts under it are shown`;
  return null;
}

/** The rule in words, as stated inside every report. */
export function suppressionRuleText(threshold: number): string {
  const k = threshold;
  return [
    `A count of students from 1 to ${k - 1} is never shown.`,
    'Counts tied together by a sum form a group (cases closed and its outcomes, with cases resolved); a count tied to nothing is a group of its own.',
    `If any count in a group is from 1 to ${k - 1}, every count in that group is hidden, zeros included, except the group's total when it is 0 or at least ${k};`,
    'hidden counts are all marked the same way, whatever their value.',
    `So a hidden total is from 1 to ${k - 1}, and a hidden count inside a group could be anything from 0 to ${k - 1} or more.`,
    `Medians and the mean are hidden when they are over fewer than ${k} students, and the mean also when it could give back a hidden count`,
    `or how many students the month's group sessions had (when that could be from 1 to ${k - 1}).`,
    `In a month with no group session, 1 to ${k - 1} individual sessions are hidden with their minutes and the direct minutes, since each is with one student.`,
    `Every month and every correction of a school year uses the same k; a correction shows a count changed only when it changed by ${k} or more.`,
  ].join(' ');
}
