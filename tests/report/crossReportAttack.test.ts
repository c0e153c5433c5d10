import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthsOfSchoolYear } from '../../shared/domain/schoolYear';
import { REPORT_CATEGORY_IDS } from '../../shared/report/document';
import { valueAtPath } from '../../shared/report/catalog';
import { REPORT_GROUPS } from '../../src-main/report/cellGroups';
import { prepareMonthReport } from '../../src-main/report/monthReport';
import { publishedGroupView } from '../../src-main/report/reportDocument';
import { additiveTotalShownBesideMonths, distinctCountShownBesideMonths } from '../../src-main/report/crossReportSuppression';
import { prepareSchoolYearReport } from '../../src-main/report/schoolYearReport';
import { serviceCellRanges } from '../../src-main/report/serviceSuppression';
import { cellsOfGroup, feasibleRanges, isSmall, type Range } from '../../src-main/report/suppression';
import { parseAnyReportDocument } from '../../src-main/report/verify';
import type { VaultData } from '../../src-main/vault/vaultData';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { caseload, type Metrics, sendMonthInto } from './schoolYearWorld';
import { openTestVault, type TestDatabase } from '../vault/testVault';
import { manualClock } from './knownMonth';
import { buildKnownSchoolYear } from './knownSchoolYear';
import { buildRealisticYear } from './realisticYear';

/**
 * The reader who holds every file the worker sent for one school year: each
 * month's report (and each correction of one), and the school-year report.
 * The rule of one report is attacked in suppressionAttack.test.ts; here the
 * reader sets the reports side by side. What ties them:
 *   - additive counts (cases opened, closed, resolved, closed by outcome;
 *     sessions and their minutes): the year's count is the sum of its
 *     months' counts, so the year less the shown months is the sum of the
 *     hidden months;
 *   - distinct students (students seen, students per issue category): the
 *     year is at least each month and at most their sum, so the year less
 *     the shown months is a floor for the sum of the hidden months;
 *   - the mean sessions per student: mean × students seen is the period's
 *     student-sessions, which add up over months too.
 * For each hidden month cell the reader works out every value it can still
 * take from ALL the published numbers, and the promise is asserted: a hidden
 * total can still be every value from 1 to k−1, a hidden part every value
 * from 0 to k−1; a count of sessions that bounds a hidden count of students
 * can still be k−1; a month as sent (or as corrected) is never shown, by the
 * year, to have changed by 1 to k−1.
 *
 * Against the year published by the month's rule alone, the reader found
 * (k = 10): March's 2 closed cases "moved" as the year's 12 less October's
 * 10; a July with one individual session as the year's 109 less 108 (and
 * again through the year's mean), so one student seen; October's 9 hidden
 * new students as the year's 21 less September's 12; nine months of one
 * closed case each, pinned to 1 by the year's hidden 9 read as 1 to 9; and
 * a change of 1 that March's correction kept, as the year's 131 against the
 * months' 130. The year's rule for its months (crossReportSuppression.ts)
 * closes each; the last block checks that rule's distinct-student test over
 * every small world.
 */

const YEAR = '2026-27';
const AFTER_THE_YEAR = '2027-07-10T15:00:00.000Z';
const K = 10;
const MONTHS = monthsOfSchoolYear(YEAR);

interface Held {
  /** Each month's latest report the district holds (or would receive now), by month. */
  months: Map<string, { metrics: Metrics; threshold: number }>;
  year: Metrics;
  /** The rule as the year's report states it. */
  yearRule: string;
}

const CASE_GROUP = REPORT_GROUPS.find((group) => group.root === 'cases.closed');
if (!CASE_GROUP) throw new Error('No case group.');
const PUBLISHED_CASE_CELLS = cellsOfGroup(CASE_GROUP).filter((id) => !(CASE_GROUP.unpublished ?? []).includes(id));
/** Counts of students that add up over months, and the least a hidden one of them is promised to be able to take. */
const ADDITIVE_STUDENT_CELLS: { path: string; floor: number }[] = [
  { path: 'cases.opened', floor: 1 },
  ...PUBLISHED_CASE_CELLS.map((path) => ({ path, floor: path === CASE_GROUP.root ? 1 : 0 })),
];
const SERVICE_CELLS = ['sessions.individual.count', 'sessions.individual.minutes'];
/** Additive totals whose hidden value a report bounds by its rule (a hidden top total). */
const ROOTS = new Set(['cases.opened', CASE_GROUP.root, 'sessions.individual.count']);
const DISTINCT_CELLS = ['studentsSeen', ...REPORT_CATEGORY_IDS.map((id) => `studentsByIssueCategory.${id}`)];

const isHidden = (value: unknown) => typeof value === 'object' && value !== null;

/** What one month alone says of its hidden cells (its own rule and sums). */
function monthAloneRanges(month: { metrics: Metrics; threshold: number }): Map<string, Range> {
  const document = month as Parameters<typeof publishedGroupView>[0];
  const ranges = new Map<string, Range>(serviceCellRanges(document));
  for (const group of REPORT_GROUPS) for (const [id, range] of feasibleRanges(group, publishedGroupView(document, group), month.threshold)) ranges.set(id, range);
  return ranges;
}

/** Every value each hidden month cell at `path` can take, given the months' sum is the year's shown value (Infinity-free). */
function rangesGivenSum(held: Held, path: string, alone: Map<string, Map<string, Range>>): Map<string, Range> {
  const hidden = MONTHS.filter((month) => isHidden(valueAtPath(held.months.get(month)?.metrics, path)));
  const result = new Map(hidden.map((month) => [month, alone.get(month)?.get(path) as Range]));
  const year = valueAtPath(held.year, path);
  // A hidden year total is what the year's rule text says it is: 1 to k − 1 by the month's rule alone, unbounded where the year may hide more.
  const yearRange: Range | null =
    typeof year === 'number' ? { min: year, max: year } : ROOTS.has(path) && !held.yearRule.includes(`may be ${K} or more`) ? { min: 1, max: K - 1 } : null;
  if (yearRange === null) return result;
  const shown = MONTHS.reduce((sum, month) => {
    const value = valueAtPath(held.months.get(month)?.metrics, path);
    return sum + (typeof value === 'number' ? value : 0);
  }, 0);
  for (const month of hidden) {
    const others = hidden.filter((other) => other !== month).map((other) => result.get(other) as Range);
    const own = result.get(month) as Range;
    result.set(month, {
      min: Math.max(own.min, yearRange.min - shown - others.reduce((sum, range) => sum + range.max, 0)),
      max: Math.min(own.max, yearRange.max - shown - others.reduce((sum, range) => sum + range.min, 0)),
    });
  }
  return result;
}

/** The student-sessions a shown mean and count of students seen tell, as an interval (the mean is rounded to 0.01). */
function studentSessions(metrics: Metrics): Range | null {
  const seen = valueAtPath(metrics, 'studentsSeen');
  const mean = valueAtPath(metrics, 'frequency.meanSessionsPerStudent');
  if (seen === 0) return { min: 0, max: 0 };
  if (typeof seen !== 'number' || typeof mean !== 'number') return null;
  return { min: Math.ceil((mean - 0.005) * seen - 1e-9), max: Math.floor((mean + 0.005) * seen + 1e-9) };
}

/** Every broken promise the reader finds, in plain words; empty when the reports together keep the promise. */
function attack(held: Held): string[] {
  const leaks: string[] = [];
  const alone = new Map(MONTHS.map((month) => [month, monthAloneRanges(held.months.get(month) as { metrics: Metrics; threshold: number })]));
  const say = (month: string, path: string, range: Range, promised: string) =>
    leaks.push(`${month} ${path}: hidden, yet with the school year it can only be ${range.min === range.max ? range.min : `${range.min} to ${range.max}`} (promised ${promised})`);

  for (const { path, floor } of ADDITIVE_STUDENT_CELLS) {
    for (const [month, range] of rangesGivenSum(held, path, alone)) if (range.min > floor || range.max < K - 1) say(month, path, range, `${floor} to ${K - 1}`);
  }
  for (const path of SERVICE_CELLS) {
    // A count of individual sessions (or their minutes, each session lasting a minute or more) is a ceiling on the month's hidden students seen.
    for (const [month, range] of rangesGivenSum(held, path, alone)) if (range.max < K - 1) say(month, path, range, `up to ${K - 1} or more, as it bounds the students seen`);
  }
  for (const path of DISTINCT_CELLS) {
    const year = valueAtPath(held.year, path);
    if (typeof year !== 'number') continue;
    const hidden = MONTHS.filter((month) => isHidden(valueAtPath(held.months.get(month)?.metrics, path)));
    const shown = MONTHS.reduce((sum, month) => {
      const value = valueAtPath(held.months.get(month)?.metrics, path);
      return sum + (typeof value === 'number' ? value : 0);
    }, 0);
    // year ≤ the sum of the months: the hidden months hold at least year − shown between them, each at most k − 1.
    const floor = Math.max(1, year - shown - (hidden.length - 1) * (K - 1));
    for (const month of hidden) if (floor > 1) say(month, path, { min: floor, max: K - 1 }, `1 to ${K - 1}`);
  }
  const yearSessions = studentSessions(held.year);
  if (yearSessions !== null) {
    const known = MONTHS.map((month) => ({ month, range: studentSessions(held.months.get(month)?.metrics as Metrics) }));
    const unknown = known.filter((entry) => entry.range === null);
    const shownMin = known.reduce((sum, entry) => sum + (entry.range?.min ?? 0), 0);
    // Each unknown month had at least one student-session; the year less the known months caps them.
    for (const { month } of unknown) {
      if (!isHidden(valueAtPath(held.months.get(month)?.metrics, 'studentsSeen'))) continue;
      const ceiling = yearSessions.max - shownMin - (unknown.length - 1);
      if (ceiling < K - 1) say(month, 'studentsSeen (through the mean)', { min: 1, max: ceiling }, `1 to ${K - 1}`);
    }
  }
  // A month as sent is replaced only by its correction; the year must not show that its numbers moved since.
  for (const path of [...ADDITIVE_STUDENT_CELLS.map((cell) => cell.path), ...SERVICE_CELLS]) {
    const year = valueAtPath(held.year, path);
    const months = MONTHS.map((month) => valueAtPath(held.months.get(month)?.metrics, path));
    if (typeof year !== 'number' || !months.every((value) => typeof value === 'number')) continue;
    const sum = (months as number[]).reduce((total, value) => total + value, 0);
    if (sum !== year && Math.abs(sum - year) < K) leaks.push(`${path}: the months as sent add up to ${sum}, the school year shows ${year}: a change of ${Math.abs(sum - year)} the months kept`);
  }
  return leaks;
}

// --- Building school years on a real vault -------------------------------------------------------------

let vault: TestDatabase & { data: VaultData };
let out: string;
const { newStudent, closeCases, reset: resetCodes } = caseload('X');

beforeEach(() => {
  const clock = manualClock(AFTER_THE_YEAR);
  vault = openTestVault(clock);
  out = makeTempDir('sole-notes-cross-report-');
  resetCodes();
});
afterEach(() => {
  vault.dispose();
  removeDir(out);
});

/** `count` new students, each seen once individually on `date`; their ids. */
function seeNew(data: VaultData, date: string, count: number, categories: string[] = ['attendance']): string[] {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = newStudent(data);
    data.services.create({ date, minutes: 30, kind: 'individual_session', studentIds: [id], issueCategoryIds: categories });
    ids.push(id);
  }
  return ids;
}

/** What the district holds: each month's latest report as sent (or as it would be sent now), and the year's. */
function held(data: VaultData): Held {
  const months = new Map(
    MONTHS.map((month) => {
      const document = prepareMonthReport(data, { month }).document;
      return [month, { metrics: document.metrics as unknown as Metrics, threshold: document.threshold }];
    }),
  );
  const year = prepareSchoolYearReport(data, { schoolYear: YEAR });
  expect(parseAnyReportDocument(year.bytes)).toHaveProperty('document');
  return { months, year: year.document.metrics as unknown as Metrics, yearRule: year.document.suppressionRule };
}

let sent = 0;
function send(data: VaultData, month: string, correction = false): Metrics {
  sent += 1;
  const folder = path.join(out, `sent-${sent}`);
  return sendMonthInto(data, folder, month, correction);
}

describe('the school-year report beside its own months', () => {
  it('twelve months of closed cases, one month hiding 2 closed as "moved": the year does not give the 2 back', () => {
    const data = vault.data;
    for (const month of MONTHS) closeCases(data, `${month}-15`, 'goals_met', 10);
    closeCases(data, '2026-10-16', 'moved', 10);
    closeCases(data, '2027-03-16', 'moved', 2);
    const reports = held(data);
    // The months alone: March shows its 12 cases closed, its outcomes hidden; October shows 10 moved.
    expect(valueAtPath(reports.months.get('2027-03')?.metrics, 'cases.closed')).toBe(12);
    expect(valueAtPath(reports.months.get('2027-03')?.metrics, 'cases.closedByOutcome.moved')).toEqual({ suppressed: true });
    expect(valueAtPath(reports.months.get('2026-10')?.metrics, 'cases.closedByOutcome.moved')).toBe(10);
    expect(attack(reports)).toEqual([]);
  });

  it('a month with one individual session: neither the year\'s sessions nor its mean tell how many students it saw', () => {
    const data = vault.data;
    const regulars = Array.from({ length: 12 }, () => newStudent(data));
    for (const month of MONTHS.slice(2, 11)) for (const id of regulars) data.services.create({ date: `${month}-12`, minutes: 30, kind: 'individual_session', studentIds: [id] });
    seeNew(data, '2026-07-20', 1);
    const reports = held(data);
    expect(valueAtPath(reports.months.get('2026-07')?.metrics, 'sessions.individual.count')).toEqual({ suppressed: true });
    expect(attack(reports)).toEqual([]);
  });

  it('two active months, one hiding 9 new students: the year\'s distinct count does not pin the 9', () => {
    const data = vault.data;
    seeNew(data, '2026-09-10', 10);
    data.services.create({ date: '2026-09-11', minutes: 40, kind: 'group_session', studentIds: seeNew(data, '2026-09-11', 0).concat([newStudent(data), newStudent(data)]) });
    seeNew(data, '2026-10-10', 9, ['grief_loss']);
    const reports = held(data);
    expect(valueAtPath(reports.months.get('2026-10')?.metrics, 'studentsSeen')).toEqual({ suppressed: true });
    expect(attack(reports)).toEqual([]);
  });

  it('the hand-built year: three months hid 6, 1 and 6 individual sessions, and the year shows their 13, which pins none of them', () => {
    const clock = manualClock(AFTER_THE_YEAR);
    vault.dispose();
    vault = openTestVault(clock);
    buildKnownSchoolYear(vault.data, clock);
    const reports = held(vault.data);
    expect(valueAtPath(reports.year, 'sessions.individual.count')).toBe(13);
    expect(attack(reports)).toEqual([]);
  });

  it('nine months each closing one case: the year\'s hidden total does not pin each month to 1', () => {
    const data = vault.data;
    for (const month of MONTHS.slice(0, 9)) closeCases(data, `${month}-15`, 'goals_met', 1);
    const reports = held(data);
    expect(valueAtPath(reports.year, 'cases.closed')).toEqual({ suppressed: true });
    expect(attack(reports)).toEqual([]);
    // Read by the month's rule alone (a hidden total is 1 to 9), the year's hidden 9 closed cases would be nine months of exactly 1.
    expect(attack({ ...reports, yearRule: '' })).toContain('2026-07 cases.closed: hidden, yet with the school year it can only be 1 (promised 1 to 9)');
  });

  it('a month sent, corrected, then changed by one more case: the year does not show the change the month kept', () => {
    const data = vault.data;
    for (const month of MONTHS) if (month !== '2027-03') closeCases(data, `${month}-15`, 'goals_met', 10);
    closeCases(data, '2027-03-15', 'goals_met', 10);
    expect(send(data, '2027-03').cases).toMatchObject({ closed: 10 });
    closeCases(data, '2027-03-20', 'goals_met', 10);
    expect(send(data, '2027-03', true).cases).toMatchObject({ closed: 20 });
    closeCases(data, '2027-03-25', 'goals_met', 1);
    expect(prepareMonthReport(data, { month: '2027-03', correction: true }).publication.correctionAvailable).toBe(false);
    expect(attack(held(data))).toEqual([]);
  });
});

// --- A realistic year: the attack holds, and what the months cost the year --------------------------------

describe('a realistic school year of 40 students', () => {
  it('keeps the promise with every month, and says how many year cells the months hide', () => {
    const data = vault.data;
    buildRealisticYear(data, (openedOn) => newStudent(data, openedOn));
    const reports = held(data);
    expect(attack(reports)).toEqual([]);
    const year = prepareSchoolYearReport(data, { schoolYear: YEAR });
    const byMonths = [...year.hiddenWithMonths].sort();
    // The cost: cells the year's own rule would show, hidden because a month hid them.
    expect({ ownRule: year.hidden.size - byMonths.length, byMonths }).toMatchInlineSnapshot(`
      {
        "byMonths": [
          "frequency.meanSessionsPerStudent",
          "minutes.direct",
          "sessions.individual.count",
          "sessions.individual.minutes",
        ],
        "ownRule": 13,
      }
    `);
  });
});

/**
 * Every hidden month whose value the reader narrows, over every small world,
 * when the year is shown by `shows` (else hidden). `additive`: the year is
 * the sum of its months; else a count of distinct students, from the largest
 * month to their sum (students may recur across months).
 */
function narrowedByRule(shows: (year: number, months: readonly unknown[], k: number) => boolean, additive: boolean): string[] {
  const narrowed: string[] = [];
  for (const k of [5, 10]) {
    const small = Array.from({ length: k - 1 }, (_, index) => index + 1);
    const combos = (length: number): number[][] => (length === 0 ? [[]] : combos(length - 1).flatMap((rest) => small.map((value) => [...rest, value])));
    for (const shown of [[], [0], [k], [k + 3], [k, 0], [k, k + 2]]) {
      for (let hiddenCount = 1; hiddenCount <= 3; hiddenCount += 1) {
        const views = new Map<string, Set<number>[]>();
        for (const hidden of combos(hiddenCount)) {
          const all = [...shown, ...hidden];
          const published = [...shown, ...hidden.map(() => ({ suppressed: true }))];
          const sum = all.reduce((total, value) => total + value, 0);
          for (let year = additive ? sum : Math.max(...all); year <= sum; year += 1) {
            const view = isSmall(year, k) || !shows(year, published, k) ? 'hidden' : String(year);
            const seen = views.get(view) ?? hidden.map(() => new Set<number>());
            hidden.forEach((value, index) => seen[index]?.add(value));
            views.set(view, seen);
          }
        }
        for (const [view, seen] of views) {
          seen.forEach((values, index) => {
            if (values.size !== small.length) narrowed.push(`k ${k}, shown months ${shown.join('+') || 'none'}, year ${view}: hidden month ${index + 1} of ${hiddenCount} can only be ${[...values].sort((a, b) => a - b).join(', ')}`);
          });
        }
      }
    }
  }
  return narrowed;
}

describe('the year\'s rules for its months, over every small world', () => {
  it('distinct students: whether the year shows or hides its count, each hidden month can still be every value from 1 to k−1', () => {
    expect(narrowedByRule(distinctCountShownBesideMonths, false)).toEqual([]);
  });

  it('an additive top total (cases opened, cases closed, individual sessions): likewise', () => {
    expect(narrowedByRule(additiveTotalShownBesideMonths, true)).toEqual([]);
  });

  it('a year shown whatever its months hid narrows them (the attack bites)', () => {
    expect(narrowedByRule(() => true, false)).toContain('k 10, shown months 10, year 19: hidden month 1 of 1 can only be 9');
    expect(narrowedByRule(() => true, true)).toContain('k 10, shown months 10, year 12: hidden month 1 of 1 can only be 2');
    // Hiding the sum of two hidden months only when it is small (the month's rule alone) tells the reader a shown sum of 10 is 1 + 9 … 9 + 1, but 11 is 2 + 9 … 9 + 2.
    expect(narrowedByRule(() => true, true)).toContain('k 10, shown months none, year 11: hidden month 1 of 2 can only be 2, 3, 4, 5, 6, 7, 8, 9');
  });
});
