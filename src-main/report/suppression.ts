/**
 * Small-cell suppression for counts of students. Pure: numbers in, decisions out.
 *
 * The model. A report publishes some counts of students ("cells") and some
 * sums that tie them together ("relations": total = part + part + …). Some
 * relations go through a hidden cell, one the report does not publish (cases
 * closed = resolved + [closed but not resolved], and [closed but not
 * resolved] = referred out + moved + other). A reader of the report knows:
 *   - every shown value;
 *   - every relation (the report format states them);
 *   - that a cell suppressed as `primary` lies in [1, k-1] (zero is shown);
 *   - that a cell suppressed as `complementary` is at least k (it is neither
 *     zero nor a small count, or it would be shown or primary);
 *   - that a `withheld` or hidden cell is some count from 0 up.
 * From that, the reader can narrow every hidden value to an interval.
 * `feasibleRanges` computes those intervals exactly (see below).
 *
 * The rule. A count of students from 1 to k-1 is suppressed (primary). Then,
 * while some suppressed cell — or a hidden cell holding from 1 to k-1
 * students — can be worked out exactly (its interval is a single value),
 * suppress one more shown, non-zero cell that shares a relation with it: the
 * smallest one that makes it uncertain again, else the smallest (and, when
 * none is left nearby, the smallest elsewhere in its group). If no shown cell
 * is left and a value is still exact, every count in the group is withheld —
 * zeros too, since the pattern of zeros is what pins the values then. Last,
 * complementary cells that turn out not to be needed are shown again,
 * largest first.
 *
 * Exactness. Relations must form a forest (no cycle through cells and
 * relations; `assertForest` checks). For sums of integers over intervals on a
 * forest, propagating bounds to a fixed point gives exactly the set of values
 * each cell can take: bounds consistency is generalized arc consistency for a
 * sum with unit coefficients, and arc consistency is global consistency on an
 * acyclic network. A withheld group is always safe: with every domain [0, ∞)
 * any cell can be raised by one and the change carried along the tree.
 */

export type SuppressionReason = 'primary' | 'complementary' | 'withheld';

export interface CountCell {
  id: string;
  value: number;
  /** Not published; used only to tie relations together (e.g. closed but not resolved). */
  hidden?: boolean;
}

/** `total` = sum of `parts`, over true values. */
export interface SumRelation {
  total: string;
  parts: readonly string[];
}

export interface SuppressionProblem {
  threshold: number;
  cells: readonly CountCell[];
  relations: readonly SumRelation[];
}

export type CellDecision =
  | { suppressed: false; value: number }
  | { suppressed: true; reason: SuppressionReason; value: number; /** the cell a complementary suppression protects */ protects?: string };

export interface SuppressionResult {
  threshold: number;
  /** One decision per published cell, in the order given. */
  decisions: Map<string, CellDecision>;
}

/** What a reader of the report sees of one cell. */
export type PublishedValue = number | { suppressed: true; reason: SuppressionReason } | 'hidden';

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

/** The rule in words, as stated inside every report. */
export function suppressionRuleText(threshold: number): string {
  const k = threshold;
  return [
    `Counts of students from 1 to ${k - 1} are suppressed (primary); zero is shown.`,
    'Where a suppressed count could be worked out exactly from the published counts and the sums that tie them together',
    '(cases closed = the sum of the closed outcomes; cases resolved = goals met + improved),',
    'the next-smallest non-zero count in the same sum is suppressed as well (complementary), and so on',
    `until no suppressed count can be worked out exactly, knowing that a primary cell lies between 1 and ${k - 1} and a complementary cell is at least ${k}.`,
    'The same holds for the unpublished count of cases closed but not resolved.',
    'If no such choice protects a group, every count in the group is withheld, zeros included.',
    `Medians and means over fewer than ${k} students are suppressed.`,
    'Counts of services and minutes are shown, except where they would narrow a suppressed count of students:',
    `each individual session is with exactly one student, so in a month with no group session a count of individual sessions from 1 to ${k - 1} is suppressed`,
    `(complementary; such a cell lies between 1 and ${k - 1}), together with its minutes and the direct minutes, which would give it back.`,
  ].join(' ');
}

/** Throws unless every relation names known cells and the relations form a forest. */
export function assertForest(cellIds: Iterable<string>, relations: readonly SumRelation[]): void {
  const known = new Set(cellIds);
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(node, root);
    return root;
  };
  relations.forEach((relation, index) => {
    const relationNode = `\u0000relation ${index}`;
    parent.set(relationNode, relationNode);
    for (const id of [relation.total, ...relation.parts]) {
      if (!known.has(id)) throw new Error(`Relation ${index} names an unknown cell ${id}.`);
      if (!parent.has(id)) parent.set(id, id);
      const a = find(id);
      const b = find(relationNode);
      if (a === b) throw new Error(`The relations are not a forest: relation ${index} closes a cycle through ${id}.`);
      parent.set(a, b);
    }
  });
}

function domainOf(value: PublishedValue, threshold: number): Range {
  if (value === 'hidden') return { min: 0, max: Infinity };
  if (typeof value === 'number') return { min: value, max: value };
  switch (value.reason) {
    case 'primary':
      return { min: 1, max: threshold - 1 };
    case 'complementary':
      return { min: threshold, max: Infinity };
    case 'withheld':
      return { min: 0, max: Infinity };
  }
}

/**
 * The interval each cell can take, given only what is published: exact for a
 * forest of relations. Throws InconsistentCellsError when no value fits (the
 * published cells contradict the relations).
 */
export function feasibleRanges(view: ReadonlyMap<string, PublishedValue>, relations: readonly SumRelation[], threshold: number): Map<string, Range> {
  const ranges = new Map<string, Range>();
  for (const [id, value] of view) ranges.set(id, domainOf(value, threshold));
  const range = (id: string): Range => {
    const found = ranges.get(id);
    if (!found) throw new Error(`No cell ${id}.`);
    return found;
  };
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
    for (const relation of relations) {
      const parts = relation.parts.map(range);
      const partsMin = parts.reduce((sum, part) => sum + part.min, 0);
      const partsMax = parts.reduce((sum, part) => sum + part.max, 0);
      changed = narrow(relation.total, partsMin, partsMax) || changed;
      const total = range(relation.total);
      relation.parts.forEach((id, index) => {
        let othersMin = 0;
        let othersMax = 0;
        parts.forEach((part, other) => {
          if (other === index) return;
          othersMin += part.min;
          othersMax += part.max;
        });
        changed = narrow(id, total.min - othersMax, total.max - othersMin) || changed;
      });
    }
    if (!changed) return ranges;
  }
}

/** The published view of a set of decisions: shown values, suppressed markers, hidden cells. */
function viewOf(problem: SuppressionProblem, decisions: Map<string, CellDecision>): Map<string, PublishedValue> {
  const view = new Map<string, PublishedValue>();
  for (const cell of problem.cells) {
    if (cell.hidden === true) {
      view.set(cell.id, 'hidden');
      continue;
    }
    const decision = decisions.get(cell.id) as CellDecision;
    view.set(cell.id, decision.suppressed ? { suppressed: true, reason: decision.reason } : decision.value);
  }
  return view;
}

/**
 * Cells a reader could work out exactly: suppressed cells whose interval is a
 * single value, and hidden cells holding from 1 to k-1 students likewise.
 */
export function recoverableCells(problem: SuppressionProblem, decisions: Map<string, CellDecision>): string[] {
  const ranges = feasibleRanges(viewOf(problem, decisions), problem.relations, problem.threshold);
  return problem.cells
    .filter((cell) => {
      const range = ranges.get(cell.id) as Range;
      if (range.min !== range.max) return false;
      if (cell.hidden === true) return cell.value >= 1 && cell.value < problem.threshold;
      return (decisions.get(cell.id) as CellDecision).suppressed;
    })
    .map((cell) => cell.id);
}

function checkProblem(problem: SuppressionProblem): void {
  const { threshold, cells, relations } = problem;
  if (!Number.isInteger(threshold) || threshold < 3) throw new Error('The threshold must be a whole number of at least 3.');
  const values = new Map<string, number>();
  for (const cell of cells) {
    if (values.has(cell.id)) throw new Error(`Cell ${cell.id} is given twice.`);
    if (!Number.isSafeInteger(cell.value) || cell.value < 0) throw new Error(`Cell ${cell.id} is not a count.`);
    values.set(cell.id, cell.value);
  }
  assertForest(values.keys(), relations);
  for (const relation of relations) {
    const sum = relation.parts.reduce((total, id) => total + (values.get(id) as number), 0);
    if (sum !== values.get(relation.total)) throw new Error(`Cell ${relation.total} is not the sum of its parts.`);
  }
}

/** Applies the rule (see the top of this file) and returns a decision for every published cell. */
export function suppress(problem: SuppressionProblem): SuppressionResult {
  checkProblem(problem);
  const k = problem.threshold;
  const order = new Map(problem.cells.map((cell, index) => [cell.id, index]));
  const hidden = new Set(problem.cells.filter((cell) => cell.hidden === true).map((cell) => cell.id));
  const valueOf = new Map(problem.cells.map((cell) => [cell.id, cell.value]));
  const decisions = new Map<string, CellDecision>();
  for (const cell of problem.cells) {
    if (cell.hidden === true) continue;
    const primary = cell.value >= 1 && cell.value < k;
    decisions.set(cell.id, primary ? { suppressed: true, reason: 'primary', value: cell.value } : { suppressed: false, value: cell.value });
  }

  const neighbours = (id: string): Set<string> => {
    const found = new Set<string>();
    for (const relation of problem.relations) {
      const members = [relation.total, ...relation.parts];
      if (members.includes(id)) for (const member of members) if (member !== id) found.add(member);
    }
    return found;
  };
  const component = (id: string): Set<string> => {
    const seen = new Set([id]);
    const queue = [id];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const member of neighbours(next)) {
        if (!seen.has(member)) {
          seen.add(member);
          queue.push(member);
        }
      }
    }
    return seen;
  };
  const shownNonZero = (ids: Iterable<string>): string[] =>
    [...ids]
      .filter((id) => !hidden.has(id) && !(decisions.get(id) as CellDecision).suppressed && (valueOf.get(id) as number) > 0)
      .sort((a, b) => (valueOf.get(a) as number) - (valueOf.get(b) as number) || (order.get(a) as number) - (order.get(b) as number));
  const stillExact = (id: string) => recoverableCells(problem, decisions).includes(id);

  for (let unsafe = recoverableCells(problem, decisions)[0]; unsafe !== undefined; unsafe = recoverableCells(problem, decisions)[0]) {
    const group = component(unsafe);
    let candidates = shownNonZero(neighbours(unsafe));
    if (candidates.length === 0) candidates = shownNonZero(group);
    if (candidates.length === 0) {
      const published = [...group].filter((id) => !hidden.has(id));
      if (published.every((id) => (decisions.get(id) as CellDecision).suppressed && (decisions.get(id) as { reason?: string }).reason === 'withheld')) {
        throw new Error(`Cell ${unsafe} stays exact even with its whole group withheld.`);
      }
      for (const id of published) decisions.set(id, { suppressed: true, reason: 'withheld', value: valueOf.get(id) as number });
      continue;
    }
    const fixes = candidates.find((candidate) => {
      const before = decisions.get(candidate) as CellDecision;
      decisions.set(candidate, { suppressed: true, reason: 'complementary', value: before.value });
      const works = !stillExact(unsafe);
      decisions.set(candidate, before);
      return works;
    });
    const chosen = fixes ?? (candidates[0] as string);
    decisions.set(chosen, { suppressed: true, reason: 'complementary', value: valueOf.get(chosen) as number, protects: unsafe });
  }

  // Show again any complementary cell that is not needed, largest first.
  const complementary = [...decisions]
    .filter(([, decision]) => decision.suppressed && decision.reason === 'complementary')
    .map(([id]) => id)
    .sort((a, b) => (valueOf.get(b) as number) - (valueOf.get(a) as number) || (order.get(a) as number) - (order.get(b) as number));
  for (const id of complementary) {
    const before = decisions.get(id) as CellDecision;
    decisions.set(id, { suppressed: false, value: before.value });
    if (recoverableCells(problem, decisions).length > 0) decisions.set(id, before);
  }

  return { threshold: k, decisions };
}
