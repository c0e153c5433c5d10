import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOSED_NOT_RESOLVED, REPORT_RELATIONS } from '../../src-main/report/reportDocument';
import {
  assertForest,
  feasibleRanges,
  recoverableCells,
  suppress,
  type CellDecision,
  type CountCell,
  type PublishedValue,
  type SumRelation,
  type SuppressionProblem,
} from '../../src-main/report/suppression';

const OUTCOMES = ['goals_met', 'improved', 'referred_out', 'moved', 'other'] as const;
const path = (outcome: string) => `cases.closedByOutcome.${outcome}`;

/** The report's case cells for these outcome counts, in the report's order. */
function casesProblem(threshold: number, outcomes: readonly number[]): SuppressionProblem {
  const [goals = 0, improved = 0, referred = 0, moved = 0, other = 0] = outcomes;
  const resolved = goals + improved;
  const notResolved = referred + moved + other;
  const cells: CountCell[] = [
    { id: 'cases.closed', value: resolved + notResolved },
    { id: 'cases.resolved', value: resolved },
    ...OUTCOMES.map((outcome, index) => ({ id: path(outcome), value: outcomes[index] ?? 0 })),
    { id: CLOSED_NOT_RESOLVED, value: notResolved, hidden: true },
  ];
  return { threshold, cells, relations: REPORT_RELATIONS };
}

function flatProblem(threshold: number, parts: readonly number[]): SuppressionProblem {
  const cells: CountCell[] = [{ id: 'total', value: parts.reduce((sum, part) => sum + part, 0) }, ...parts.map((value, index) => ({ id: `p${index}`, value }))];
  return { threshold, cells, relations: [{ total: 'total', parts: parts.map((_, index) => `p${index}`) }] };
}

function shown(decisions: Map<string, CellDecision>): Record<string, number | string> {
  return Object.fromEntries([...decisions].map(([id, decision]) => [id, decision.suppressed ? decision.reason : decision.value]));
}

// ---------------------------------------------------------------------------
// An independent check of "can a reader work this cell out?": brute force over
// sets of integers (no intervals, no propagation). The feasible values of a
// cell in a system of sums are an integer interval containing the true value,
// so if there is a second value there is one next to the true value; a cap
// well above every true value (at most 6 x 40 here) therefore loses nothing.
// ---------------------------------------------------------------------------
const MAX = 300;
type Bits = Uint8Array;

function bits(values: Iterable<number>): Bits {
  const set = new Uint8Array(MAX + 1);
  for (const value of values) if (value <= MAX) set[value] = 1;
  return set;
}
function members(set: Bits): number[] {
  const found: number[] = [];
  set.forEach((flag, value) => flag && found.push(value));
  return found;
}
function domain(value: PublishedValue, threshold: number): Bits {
  const range = (from: number, to: number) => bits(Array.from({ length: to - from + 1 }, (_, index) => from + index));
  if (value === 'hidden') return range(0, MAX);
  if (typeof value === 'number') return bits([value]);
  if (value.reason === 'primary') return range(1, threshold - 1);
  if (value.reason === 'complementary') return range(threshold, MAX);
  return range(0, MAX);
}
function plus(a: Bits, b: Bits): Bits {
  const out = new Uint8Array(MAX + 1);
  const bValues = members(b);
  a.forEach((flag, x) => {
    if (flag) for (const y of bValues) if (x + y <= MAX) out[x + y] = 1;
  });
  return out;
}
function sumOf(sets: readonly Bits[]): Bits {
  return sets.reduce(plus, bits([0]));
}
function intersect(a: Bits, b: Bits): Bits {
  return a.map((flag, index) => flag & (b[index] ?? 0));
}
/** Values of each part that some choice of the other parts completes to a sum in `totals`. */
function partValues(parts: readonly Bits[], totals: Bits): Bits[] {
  return parts.map((part, index) => {
    const others = sumOf(parts.filter((_, other) => other !== index));
    return part.map((flag, value) => (flag && members(others).some((rest) => totals[value + rest] === 1) ? 1 : 0));
  });
}

function publishedView(problem: SuppressionProblem, decisions: Map<string, CellDecision>): Map<string, PublishedValue> {
  return new Map<string, PublishedValue>(
    problem.cells.map((cell): [string, PublishedValue] => {
      if (cell.hidden === true) return [cell.id, 'hidden'];
      const decision = decisions.get(cell.id) as CellDecision;
      return [cell.id, decision.suppressed ? { suppressed: true, reason: decision.reason } : decision.value];
    }),
  );
}

/** Feasible values of every cell of one flat sum (total = sum of parts), by brute force. */
function bruteForceFlat(view: Map<string, PublishedValue>, relation: SumRelation, threshold: number): Map<string, Set<number>> {
  const d = (id: string) => domain(view.get(id) as PublishedValue, threshold);
  const parts = relation.parts.map(d);
  const totals = intersect(d(relation.total), sumOf(parts));
  const result = new Map<string, Set<number>>([[relation.total, new Set(members(totals))]]);
  partValues(parts, totals).forEach((values, index) => result.set(relation.parts[index] as string, new Set(members(values))));
  return result;
}

/** Feasible values of every case cell (closed = resolved + U; resolved = gm + imp; U = ref + moved + other), by brute force. */
function bruteForceCases(view: Map<string, PublishedValue>, threshold: number): Map<string, Set<number>> {
  const d = (id: string) => domain(view.get(id) as PublishedValue, threshold);
  const closed = d('cases.closed');
  const resolvedParts = [path('goals_met'), path('improved')];
  const otherParts = [path('referred_out'), path('moved'), path('other')];
  const resolvedSums = intersect(d('cases.resolved'), sumOf(resolvedParts.map(d)));
  const uSums = intersect(d(CLOSED_NOT_RESOLVED), sumOf(otherParts.map(d)));
  const closedValues = new Uint8Array(MAX + 1);
  const resolvedValues = new Uint8Array(MAX + 1);
  const uValues = new Uint8Array(MAX + 1);
  for (const r of members(resolvedSums)) {
    for (const u of members(uSums)) {
      if (r + u > MAX || closed[r + u] !== 1) continue;
      closedValues[r + u] = 1;
      resolvedValues[r] = 1;
      uValues[u] = 1;
    }
  }
  const result = new Map<string, Set<number>>([
    ['cases.closed', new Set(members(closedValues))],
    ['cases.resolved', new Set(members(resolvedValues))],
    [CLOSED_NOT_RESOLVED, new Set(members(uValues))],
  ]);
  partValues(resolvedParts.map(d), resolvedValues).forEach((values, index) => result.set(resolvedParts[index] as string, new Set(members(values))));
  partValues(otherParts.map(d), uValues).forEach((values, index) => result.set(otherParts[index] as string, new Set(members(values))));
  return result;
}

function expectSafe(problem: SuppressionProblem, decisions: Map<string, CellDecision>, feasible: Map<string, Set<number>>): void {
  const k = problem.threshold;
  for (const cell of problem.cells) {
    const values = feasible.get(cell.id) as Set<number>;
    expect(values.has(cell.value), `${cell.id}: its true value ${cell.value} must stay possible`).toBe(true);
    if (cell.hidden === true) {
      if (cell.value >= 1 && cell.value < k) expect(values.size, `hidden ${cell.id} = ${cell.value} can be worked out`).toBeGreaterThan(1);
      continue;
    }
    const decision = decisions.get(cell.id) as CellDecision;
    if (cell.value >= 1 && cell.value < k) expect(decision.suppressed, `${cell.id} = ${cell.value} is shown`).toBe(true);
    if (!decision.suppressed) continue;
    expect(values.size, `suppressed ${cell.id} (${decision.reason}) can be worked out: ${[...values].join(',')}`).toBeGreaterThan(1);
    if (decision.reason === 'complementary') expect(cell.value).toBeGreaterThanOrEqual(k);
    if (cell.value === 0) expect(decision.reason).toBe('withheld');
  }
}

describe('primary suppression', () => {
  it.each([5, 10, 11, 16])('with k = %i suppresses k-1, shows k and shows zero', (k) => {
    const problem: SuppressionProblem = {
      threshold: k,
      cells: [
        { id: 'below', value: k - 1 },
        { id: 'at', value: k },
        { id: 'zero', value: 0 },
        { id: 'one', value: 1 },
        { id: 'many', value: 250 },
      ],
      relations: [],
    };
    expect(shown(suppress(problem).decisions)).toEqual({ below: 'primary', at: k, zero: 0, one: 'primary', many: 250 });
  });
});

describe('complementary suppression', () => {
  it('hides the next-smallest part when one small part could be worked out from the total', () => {
    // total 40 = 3 + 12 + 25: the 3 would be 40 - 12 - 25.
    const problem = flatProblem(10, [3, 12, 25]);
    const result = suppress(problem);
    expect(shown(result.decisions)).toEqual({ total: 40, p0: 'primary', p1: 'complementary', p2: 25 });
    expect(result.decisions.get('p1')).toMatchObject({ protects: 'p0' });
    expect(recoverableCells(problem, result.decisions)).toEqual([]);
  });

  it('protects outcomes that sum to cases closed', () => {
    // closed 30 = goals met 14 + improved 10 + referred out 6: resolved 24 is shown, so 30 - 24 = 6 would give the 6 away.
    const problem = casesProblem(10, [14, 10, 6, 0, 0]);
    const result = suppress(problem);
    const decisions = shown(result.decisions);
    expect(decisions[path('referred_out')]).toBe('primary');
    expect(decisions[path('moved')]).toBe(0);
    expect(decisions[path('other')]).toBe(0);
    // Hiding goals met, improved or resolved would not help (24 and its parts pin each other); hiding cases closed does.
    expect(decisions['cases.closed']).toBe('complementary');
    expect(Object.values(decisions).filter((value) => value === 'complementary')).toHaveLength(1);
    expect(feasibleRanges(publishedView(problem, result.decisions), problem.relations, 10).get('cases.closed')).toEqual({ min: 25, max: 33 });
    expect(recoverableCells(problem, result.decisions)).toEqual([]);
    expectSafe(problem, result.decisions, bruteForceCases(publishedView(problem, result.decisions), 10));
  });

  it('suppresses a shown total when a small part equals the rest of it (bounds, not only sums)', () => {
    // total 11 = 1 + 10: hiding the 10 alone leaves 1 = 11 - (at least 10), so the total must go.
    const problem = flatProblem(10, [1, 10]);
    const result = suppress(problem);
    expect(shown(result.decisions)).toEqual({ total: 'complementary', p0: 'primary', p1: 10 });
    expect(feasibleRanges(publishedView(problem, result.decisions), problem.relations, 10).get('p0')).toEqual({ min: 1, max: 9 });
  });

  it('withholds a whole group, zeros included, when zeros and k pin every small count', () => {
    // k = 5: closed 4 with four outcomes of 1: four non-zero outcomes under a total below 5 must each be 1.
    const problem = casesProblem(5, [1, 1, 1, 1, 0]);
    const result = suppress(problem);
    const decisions = shown(result.decisions);
    for (const id of ['cases.closed', 'cases.resolved', ...OUTCOMES.map(path)]) expect(decisions[id]).toBe('withheld');
    expectSafe(problem, result.decisions, bruteForceCases(publishedView(problem, result.decisions), 5));
  });

  it('refuses relations that are not a forest (the exactness argument needs one)', () => {
    expect(() => assertForest(['a', 'b', 'c', 'd'], [{ total: 'a', parts: ['b', 'c'] }, { total: 'd', parts: ['b', 'c'] }])).toThrow(/forest/);
    expect(() => suppress({ threshold: 10, cells: [{ id: 'a', value: 3 }, { id: 'b', value: 2 }], relations: [{ total: 'a', parts: ['b'] }] })).toThrow(/sum/);
  });
});

describe('the brute-force check itself', () => {
  it('catches what primary suppression alone leaves open', () => {
    const problem = flatProblem(10, [3, 12, 25]);
    const primaryOnly = new Map<string, CellDecision>(
      problem.cells.map((cell) => [cell.id, cell.value < 10 ? { suppressed: true, reason: 'primary', value: cell.value } : { suppressed: false, value: cell.value }]),
    );
    const feasible = bruteForceFlat(publishedView(problem, primaryOnly), problem.relations[0] as SumRelation, 10);
    expect([...(feasible.get('p0') as Set<number>)]).toEqual([3]);
    expect(recoverableCells(problem, primaryOnly)).toEqual(['p0']);
    const cases = casesProblem(5, [1, 1, 1, 1, 0]);
    const casesPrimary = new Map<string, CellDecision>(
      cases.cells.filter((cell) => cell.hidden !== true).map((cell) => [cell.id, cell.value >= 1 && cell.value < 5 ? { suppressed: true, reason: 'primary', value: cell.value } : { suppressed: false, value: cell.value }]),
    );
    expect([...(bruteForceCases(publishedView(cases, casesPrimary), 5).get(path('moved')) as Set<number>)]).toEqual([1]);
  });
});

describe('no suppressed cell can be worked out (property)', () => {
  const threshold = fc.constantFrom(5, 10, 11, 16);
  const count = (k: number) => fc.oneof(fc.constant(0), fc.integer({ min: 1, max: k - 1 }), fc.integer({ min: k, max: 40 }), fc.constant(1), fc.constant(k));

  it('holds for the report\'s case group (closed, resolved and the five outcomes)', () => {
    fc.assert(
      fc.property(
        threshold.chain((k) => fc.tuple(fc.constant(k), fc.array(count(k), { minLength: 5, maxLength: 5 }))),
        ([k, outcomes]) => {
          const problem = casesProblem(k, outcomes);
          const result = suppress(problem);
          expectSafe(problem, result.decisions, bruteForceCases(publishedView(problem, result.decisions), k));
          expect(recoverableCells(problem, result.decisions)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('holds for a flat group: a shown total and two to six parts', () => {
    fc.assert(
      fc.property(
        threshold.chain((k) => fc.tuple(fc.constant(k), fc.array(count(k), { minLength: 2, maxLength: 6 }))),
        ([k, parts]) => {
          const problem = flatProblem(k, parts);
          const result = suppress(problem);
          const relation = problem.relations[0] as SumRelation;
          expectSafe(problem, result.decisions, bruteForceFlat(publishedView(problem, result.decisions), relation, k));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the district ranges that contain the true value and match the brute force', () => {
    fc.assert(
      fc.property(
        threshold.chain((k) => fc.tuple(fc.constant(k), fc.array(count(k), { minLength: 5, maxLength: 5 }))),
        ([k, outcomes]) => {
          const problem = casesProblem(k, outcomes);
          const result = suppress(problem);
          const view = publishedView(problem, result.decisions);
          const ranges = feasibleRanges(view, problem.relations, k);
          const brute = bruteForceCases(view, k);
          for (const cell of problem.cells) {
            const range = ranges.get(cell.id);
            const values = [...(brute.get(cell.id) as Set<number>)];
            expect(range?.min).toBe(Math.min(...values));
            if (range && Number.isFinite(range.max)) expect(range.max).toBe(Math.max(...values));
            else expect(Math.max(...values)).toBe(MAX); // unbounded: the brute force runs up to its cap
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
