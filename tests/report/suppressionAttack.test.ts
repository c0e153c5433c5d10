import { describe, expect, it } from 'vitest';
import { REPORT_METRICS, valueAtPath } from '../../shared/report/catalog';
import { simulatePublished } from '../../src-main/report/simulate';

/**
 * A reader who knows the rule and holds the report attacks it: every month
 * (up to a bound) is run through `report simulate`'s own function, months are
 * grouped by what the report publishes, and within each group — everything
 * the reader can tell apart — every count of students that was from 1 to k−1
 * in some month must still take every value the rule promises:
 *   a hidden total (a count with nothing above it): every value from 1 to k−1;
 *   a hidden count under a total: every value from 0 to k−1.
 * Nothing here reuses the rule's code beyond calling it: views are compared
 * as published JSON, and values are read from the months themselves.
 */

const OUTCOMES = ['goals_met', 'improved', 'referred_out', 'moved', 'other'] as const;
const THRESHOLDS = [5, 10] as const;
/** Months with up to this many cases closed are enumerated, all of them: every published total up to it has all its months. */
const MOST_CLOSED: Record<(typeof THRESHOLDS)[number], number> = { 5: 12, 10: 16 };

type Metrics = Record<string, unknown>;

/** A month in which nothing but the cells under attack is small. */
function baseMonth(): Metrics {
  return JSON.parse(BASE_MONTH) as Metrics;
}

function buildBaseMonth(): Metrics {
  const metrics: Metrics = {};
  for (const metric of REPORT_METRICS) {
    const keys = metric.path.split('.');
    let node = metrics;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Metrics;
    node[keys.at(-1) as string] = metric.unit === 'statistic' ? 3.5 : metric.unit === 'students' ? 0 : 40;
  }
  const set = (path: string, value: number) => {
    const keys = path.split('.');
    let node = metrics;
    for (const key of keys.slice(0, -1)) node = node[key] as Metrics;
    node[keys.at(-1) as string] = value;
  };
  set('studentsSeen', 40);
  set('frequency.meanSessionsPerStudent', 2);
  set('sessions.individual.count', 40);
  set('sessions.group.count', 4);
  return metrics;
}

const BASE_MONTH = JSON.stringify(buildBaseMonth());

function withCases(outcomes: readonly number[]): Metrics {
  const metrics = baseMonth();
  const byOutcome = Object.fromEntries(OUTCOMES.map((outcome, index) => [outcome, outcomes[index] as number]));
  const resolved = (outcomes[0] as number) + (outcomes[1] as number);
  metrics.cases = { opened: 0, closed: outcomes.reduce((sum, value) => sum + value, 0), resolved, closedByOutcome: byOutcome };
  return metrics;
}

/** Every vector of `length` counts from 0 up with sum at most `most`. */
function* vectors(length: number, most: number): Generator<number[]> {
  if (length === 0) {
    yield [];
    return;
  }
  for (let first = 0; first <= most; first += 1) for (const rest of vectors(length - 1, most - first)) yield [first, ...rest];
}

interface Finding {
  view: string;
  cell: string;
  values: number[];
}

/**
 * Groups months by view and returns every cell that was small in some month
 * of a group but does not take every promised value in that group.
 */
function attack(months: readonly { view: string; cells: Record<string, number> }[], threshold: number, roots: ReadonlySet<string>): { views: number; checked: number; findings: Finding[] } {
  const byView = new Map<string, Record<string, number>[]>();
  for (const month of months) {
    const group = byView.get(month.view);
    if (group) group.push(month.cells);
    else byView.set(month.view, [month.cells]);
  }
  const findings: Finding[] = [];
  let checked = 0;
  for (const [view, group] of byView) {
    for (const cell of Object.keys(group[0] as Record<string, number>)) {
      const values = new Set(group.map((cells) => cells[cell] as number));
      if (![...values].some((value) => value >= 1 && value < threshold)) continue;
      checked += 1;
      const lowest = roots.has(cell) ? 1 : 0;
      for (let value = lowest; value < threshold; value += 1) {
        if (!values.has(value)) {
          findings.push({ view, cell, values: [...values].sort((a, b) => a - b) });
          break;
        }
      }
    }
  }
  return { views: byView.size, checked, findings };
}

const publishedCases = (metrics: Metrics, threshold: number) => JSON.stringify((simulatePublished(metrics, threshold) as Metrics).cases);

describe('a reader who knows the rule attacks one report', () => {
  for (const threshold of THRESHOLDS) {
    it(`k = ${threshold}: the case outcomes (every month with up to ${MOST_CLOSED[threshold]} cases closed)`, () => {
      const months = [...vectors(OUTCOMES.length, MOST_CLOSED[threshold])].map((outcomes) => {
        const [goals = 0, improved = 0, referred = 0, moved = 0, other = 0] = outcomes;
        return {
          view: publishedCases(withCases(outcomes), threshold),
          cells: {
            closed: goals + improved + referred + moved + other,
            resolved: goals + improved,
            closedNotResolved: referred + moved + other,
            goals_met: goals,
            improved,
            referred_out: referred,
            moved,
            other,
          },
        };
      });
      const result = attack(months, threshold, new Set(['closed']));
      console.info(`k = ${threshold}: ${months.length} months of cases, ${result.views} distinct views, ${result.checked} (view, small cell) pairs checked, ${result.findings.length} narrowed`);
      expect(result.findings.slice(0, 5)).toEqual([]);
      expect(result.checked).toBeGreaterThan(threshold * 5);
    });

    it(`k = ${threshold}: every count of students on its own (students seen, new cases, each category)`, () => {
      const singles = REPORT_METRICS.filter((metric) => metric.unit === 'students' && !metric.path.startsWith('cases.') ).map((metric) => metric.path).concat('cases.opened');
      for (const path of singles) {
        const months = Array.from({ length: threshold + 6 }, (_, value) => {
          const metrics = withCases([0, 0, 0, 0, 0]);
          const keys = path.split('.');
          let node = metrics;
          for (const key of keys.slice(0, -1)) node = node[key] as Metrics;
          node[keys.at(-1) as string] = value;
          if (path === 'studentsSeen') node.frequency = { meanSessionsPerStudent: value === 0 ? null : 2 };
          return { view: JSON.stringify(valueAtPath(simulatePublished(metrics, threshold), path)), cells: { [path]: value } };
        });
        expect(attack(months, threshold, new Set([path])).findings).toEqual([]);
      }
    });

    it(`k = ${threshold}: students seen against the counts of sessions (individual sessions are with one student each)`, () => {
      const months: { view: string; cells: Record<string, number> }[] = [];
      for (let individual = 0; individual <= threshold + 3; individual += 1) {
        for (let group = 0; group <= 2; group += 1) {
          // Each group session has 1 to 200 students; seen is at most individual + 200 per group session.
          for (let seen = individual + group > 0 ? 1 : 0; seen <= Math.min(individual + 200 * group, threshold + 3); seen += 1) {
            const metrics = baseMonth();
            const sessions = metrics.sessions as Metrics;
            sessions.individual = { count: individual, minutes: 30 * individual };
            sessions.group = { count: group, minutes: 45 * group };
            metrics.studentsSeen = seen;
            const inGroups = group === 0 ? 0 : Math.max(group, seen);
            (metrics.frequency as Metrics).meanSessionsPerStudent = seen === 0 ? null : Math.round(((individual + inGroups) / seen) * 100) / 100;
            (metrics.minutes as Metrics).direct = 30 * individual + 45 * group + 40 * 3;
            const published = simulatePublished(metrics, threshold) as Metrics;
            months.push({
              view: JSON.stringify([published.sessions, published.studentsSeen, published.frequency, (published.minutes as Metrics).direct]),
              cells: { studentsSeen: seen },
            });
          }
        }
      }
      const result = attack(months, threshold, new Set(['studentsSeen']));
      expect(result.findings).toEqual([]);
      expect(result.checked).toBeGreaterThan(threshold);
    });

    it(`k = ${threshold}: the mean never gives back how many students a group session had (mean × seen − individual sessions)`, () => {
      // Every month with k to k+4 students seen, some individual sessions and one group session of any size that fits.
      const months: { view: string; withoutMean: string; size: number }[] = [];
      for (let seen = threshold; seen <= threshold + 4; seen += 1) {
        for (let individual = 0; individual <= seen + 2; individual += 1) {
          // Students not seen individually came to the group; a student seen individually may come too.
          for (let size = Math.max(1, seen - individual); size <= seen; size += 1) {
            const metrics = baseMonth();
            const sessions = metrics.sessions as Metrics;
            sessions.individual = { count: individual, minutes: 30 * individual };
            sessions.group = { count: 1, minutes: 45 };
            metrics.studentsSeen = seen;
            (metrics.frequency as Metrics).meanSessionsPerStudent = Math.round(((individual + size) / seen) * 100) / 100;
            const published = simulatePublished(metrics, threshold) as Metrics;
            months.push({
              view: JSON.stringify([published.sessions, published.studentsSeen, published.frequency]),
              withoutMean: JSON.stringify([published.sessions, published.studentsSeen]),
              size,
            });
          }
        }
      }
      // What the rest of the report already says of the group's size, and what the mean adds to it: nothing, for any size from 1 to k-1.
      const smallSizes = (key: 'view' | 'withoutMean', value: string) =>
        [...new Set(months.filter((month) => month[key] === value && month.size < threshold).map((month) => month.size))].sort((a, b) => a - b);
      let narrowed = 0;
      let checked = 0;
      for (const view of new Set(months.map((month) => month.view))) {
        const withMean = smallSizes('view', view);
        if (withMean.length === 0) continue;
        checked += 1;
        const without = smallSizes('withoutMean', (months.find((month) => month.view === view) as { withoutMean: string }).withoutMean);
        if (JSON.stringify(withMean) !== JSON.stringify(without)) narrowed += 1;
      }
      expect(narrowed).toBe(0);
      expect(checked).toBeGreaterThan(0);
      // And the attack as reported: 12 seen, 8 individual sessions, one group of 4, mean 1.00 → the mean is hidden.
      const metrics = baseMonth();
      (metrics.sessions as Metrics).individual = { count: 8, minutes: 240 };
      (metrics.sessions as Metrics).group = { count: 1, minutes: 45 };
      metrics.studentsSeen = 12;
      (metrics.frequency as Metrics).meanSessionsPerStudent = 1;
      expect((simulatePublished(metrics, threshold) as Metrics).frequency).toEqual({ meanSessionsPerStudent: { suppressed: true } });
    });
  }
});
