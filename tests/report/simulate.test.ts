import { describe, expect, it } from 'vitest';
import { REPORT_METRICS } from '../../shared/report/catalog';
import { REPORT_GROUPS } from '../../src-main/report/cellGroups';
import { assertGroups, feasibleRanges, groupPatternProblem } from '../../src-main/report/suppression';
import { cli } from '../helpers/cliHarness';

/** A month's metrics with every field, counts of students 0 unless set. */
function month(changes: Record<string, number | null> = {}): Record<string, unknown> {
  const metrics: Record<string, unknown> = {};
  for (const metric of REPORT_METRICS) {
    const keys = metric.path.split('.');
    let node = metrics;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    const value = metric.path in changes ? changes[metric.path] : metric.unit === 'statistic' ? null : metric.unit === 'students' ? 0 : 20;
    node[keys.at(-1) as string] = value;
  }
  return metrics;
}

const CASES = {
  'cases.closed': 12,
  'cases.resolved': 10,
  'cases.closedByOutcome.goals_met': 10,
  'cases.closedByOutcome.moved': 2,
};

describe('report simulate', () => {
  it('writes one line per input: the metrics as a report publishes them', async () => {
    const lines = [JSON.stringify(month(CASES)), '', JSON.stringify(month({ ...CASES, 'cases.closedByOutcome.moved': 0, 'cases.closed': 10 }))].join('\n');
    const run = await cli(['report', 'simulate', '--threshold', '10'], { stdin: lines });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [first, second] = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { cases: Record<string, unknown> });
    const S = { suppressed: true };
    // A small count (moved 2): every part of the group hidden, zeros too; the total 12 shown.
    expect(first?.cases).toEqual({ opened: 0, closed: 12, resolved: S, closedByOutcome: { goals_met: S, improved: S, referred_out: S, moved: S, other: S } });
    expect(second?.cases).toEqual({ opened: 0, closed: 10, resolved: 10, closedByOutcome: { goals_met: 10, improved: 0, referred_out: 0, moved: 0, other: 0 } });
  });

  it.each([
    ['text that is not JSON', '{"not json', /line 1: not valid JSON/],
    ['a field the report does not have', JSON.stringify({ ...month(), extra: 1 }), /line 1: field extra: the report's metrics have no such field/],
    ['a negative count', JSON.stringify(month({ studentsSeen: -1 })), /line 1: field studentsSeen: must be a whole number from 0 up/],
    ['counts that do not add up', JSON.stringify(month({ 'cases.closed': 3 })), /line 1: field cases\.closed: .*must be the sum of/],
  ])('refuses %s with exit 1, naming the line and the field', async (_what, line, message) => {
    const run = await cli(['report', 'simulate', '--threshold', '10'], { stdin: `${line}\n` });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });

  it('names a missing field, counts lines, and wants a k the report allows', async () => {
    const { studentsSeen: _seen, ...missing } = month();
    const run = await cli(['report', 'simulate', '--threshold', '5'], { stdin: `${JSON.stringify(month())}\n${JSON.stringify(missing)}\n` });
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/line 2: field studentsSeen: missing/);
    expect((await cli(['report', 'simulate', '--threshold', '7'], { stdin: '' })).code).toBe(1);
    expect((await cli(['report', 'simulate'], { stdin: '' })).code).toBe(1);
  });
});

describe('the groups and what a reader can tell', () => {
  it('every count of students is in exactly one group, and the groups are trees', () => {
    expect(() => assertGroups(REPORT_GROUPS)).not.toThrow();
    const counted = REPORT_GROUPS.flatMap((group) => [group.root, ...group.relations.flatMap((relation) => relation.parts)]);
    for (const metric of REPORT_METRICS.filter((candidate) => candidate.unit === 'students')) expect(counted, metric.path).toContain(metric.path);
    expect(() => assertGroups([{ root: 'a', relations: [{ total: 'a', parts: ['b'] }, { total: 'b', parts: ['a'] }] }])).toThrow();
  });

  it('carries a hidden total as 1 to k-1 and a hidden part as 0 up to its total; refuses a group hidden in part', () => {
    const cases = REPORT_GROUPS.find((group) => group.root === 'cases.closed');
    if (!cases) throw new Error('no case group');
    const view = new Map<string, number | 'suppressed' | 'unpublished'>([
      ['cases.closed', 'suppressed'],
      ['cases.resolved', 'suppressed'],
      ['cases.closedNotResolved', 'unpublished'],
      ...['goals_met', 'improved', 'referred_out', 'moved', 'other'].map((id): [string, 'suppressed'] => [`cases.closedByOutcome.${id}`, 'suppressed']),
    ]);
    const ranges = feasibleRanges(cases, view, 10);
    expect(ranges.get('cases.closed')).toEqual({ min: 1, max: 9 });
    expect(ranges.get('cases.closedByOutcome.moved')).toEqual({ min: 0, max: 9 });
    expect(groupPatternProblem(cases, view, 10)).toBeNull();
    view.set('cases.closedByOutcome.other', 0);
    expect(groupPatternProblem(cases, view, 10)).toMatch(/only some counts/);
    view.set('cases.closedByOutcome.other', 'suppressed');
    view.set('cases.closed', 3);
    expect(groupPatternProblem(cases, view, 10)).toMatch(/shows 3/);
  });
});
