import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthsOfSchoolYear } from '../../shared/domain/schoolYear';
import { REPORT_CATEGORY_IDS, type ReportMetrics } from '../../shared/report/document';
import { valueAtPath } from '../../shared/report/catalog';
import { rulesWithoutVault } from '../../src-main/files/outputPath';
import { REPORT_GROUPS } from '../../src-main/report/cellGroups';
import { prepareMonthReport } from '../../src-main/report/monthReport';
import { publishedGroupView } from '../../src-main/report/reportDocument';
import { exportSchoolYearFiles } from '../../src-main/report/schoolYearFiles';
import { prepareSchoolYearReport, signSchoolYearReport } from '../../src-main/report/schoolYearReport';
import { serviceCellRanges } from '../../src-main/report/serviceSuppression';
import { cellsOfGroup, feasibleRanges, type Range } from '../../src-main/report/suppression';
import type { MonthAsHeld } from '../../src-main/report/crossReportSuppression';
import { replacementYear } from '../../src-main/report/yearReplacement';
import { parseAnyReportDocument } from '../../src-main/report/verify';
import type { VaultData } from '../../src-main/vault/vaultData';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { caseload, type Metrics, sendMonthInto } from './schoolYearWorld';
import { openTestVault, type TestDatabase } from '../vault/testVault';
import { manualClock } from './knownMonth';
import { buildRealisticYear, realisticYear } from './realisticYear';

/**
 * The reader who holds two copies of one school year — the first, and a
 * replacement sent (`--replace`) after its months changed — beside every
 * month's report as it stood when each copy was made. One copy against its
 * months is crossReportAttack.test.ts; here the two copies are set side by
 * side, and their difference is what changed in the months between.
 *
 * The reader's unknowns are the hidden month cells. A month whose report
 * reads the same for both copies is taken not to have changed (the reader
 * cannot tell otherwise, and usually it did not): one unknown for both.
 * Each copy that shows an additive count (cases opened, closed, resolved
 * and by outcome; individual sessions) says its hidden months add up to the
 * year less the shown months. A copy that repeats the value an earlier copy
 * showed says nothing new (the year's rule keeps a small change as the
 * earlier copy showed it), so only its first showing counts.
 *
 * The promise, asserted: a hidden month total can still be every value from
 * 1 to k−1, a hidden part 0 to k−1; and no count of students reads, in two
 * copies, as a change of 1 to k−1 (as a month's correction promises).
 *
 * Before the year's rule for replacements, the reader found (k = 10): a case
 * closed late in April, three of them, after a year whose October (4) and
 * November (6) hid theirs: the first copy's 100 closed cases and the
 * replacement's 103 left April exactly 3; and one student seen late in
 * March moved students seen from 12 to 13.
 */

const YEAR = '2026-27';
const AFTER_THE_YEAR = '2027-07-10T15:00:00.000Z';
const K = 10;
const MONTHS = monthsOfSchoolYear(YEAR);

interface MonthHeld {
  metrics: Metrics;
  threshold: number;
}
/** One copy of the year as the district holds it, with each month as it stood then (none for a month not begun). */
interface Copy {
  months: Map<string, MonthHeld>;
  year: Metrics;
}

const CASE_GROUP = REPORT_GROUPS.find((group) => group.root === 'cases.closed');
if (!CASE_GROUP) throw new Error('No case group.');
const CASE_CELLS = cellsOfGroup(CASE_GROUP).filter((id) => !(CASE_GROUP.unpublished ?? []).includes(id));
const ADDITIVE: { path: string; floor: number; students: boolean }[] = [
  { path: 'cases.opened', floor: 1, students: true },
  ...CASE_CELLS.map((path) => ({ path, floor: path === CASE_GROUP.root ? 1 : 0, students: true })),
  { path: 'sessions.individual.count', floor: 1, students: false },
];
const STUDENT_COUNTS = [...ADDITIVE.filter((cell) => cell.students).map((cell) => cell.path), 'studentsSeen', ...REPORT_CATEGORY_IDS.map((id) => `studentsByIssueCategory.${id}`)];

/** What one month alone says of its hidden cells (its own rule and sums). */
function monthAloneRanges(month: MonthHeld): Map<string, Range> {
  const document = month as Parameters<typeof publishedGroupView>[0];
  const ranges = new Map<string, Range>(serviceCellRanges(document));
  for (const group of REPORT_GROUPS) for (const [id, range] of feasibleRanges(group, publishedGroupView(document, group), month.threshold)) ranges.set(id, range);
  return ranges;
}

/** Every broken promise the reader finds across the copies (first to last), in plain words. */
function attackCopies(copies: readonly Copy[]): string[] {
  const leaks: string[] = [];
  for (const { path, floor } of ADDITIVE) {
    // One unknown per hidden month cell, shared by the copies whose month reads the same.
    const ranges = new Map<string, Range>();
    const constraints: { unknowns: string[]; total: number }[] = [];
    const shownBefore = new Set<number>();
    for (const copy of copies) {
      const unknowns: string[] = [];
      let shown = 0;
      for (const month of MONTHS) {
        const held = copy.months.get(month);
        const value = valueAtPath(held?.metrics, path);
        if (held === undefined || typeof value === 'number') {
          shown += typeof value === 'number' ? value : 0;
          continue;
        }
        const first = copies.findIndex((other) => JSON.stringify(other.months.get(month)?.metrics) === JSON.stringify(held.metrics));
        const unknown = `${month}@${first}`;
        if (!ranges.has(unknown)) ranges.set(unknown, monthAloneRanges(held).get(path) as Range);
        unknowns.push(unknown);
      }
      const year = valueAtPath(copy.year, path);
      if (typeof year === 'number' && !shownBefore.has(year)) constraints.push({ unknowns, total: year - shown });
      if (typeof year === 'number') shownBefore.add(year);
    }
    // A copy's hidden months that hold another copy's: the difference of the two sums is what the rest hold.
    for (const big of [...constraints]) {
      for (const small of [...constraints]) {
        const rest = big.unknowns.filter((unknown) => !small.unknowns.includes(unknown));
        if (rest.length > 0 && rest.length < big.unknowns.length && small.unknowns.every((unknown) => big.unknowns.includes(unknown))) {
          constraints.push({ unknowns: rest, total: big.total - small.total });
        }
      }
    }
    for (let round = 0; round < 20; round += 1) {
      for (const { unknowns, total } of constraints) {
        for (const unknown of unknowns) {
          const others = unknowns.filter((other) => other !== unknown).map((other) => ranges.get(other) as Range);
          const own = ranges.get(unknown) as Range;
          ranges.set(unknown, {
            min: Math.max(own.min, total - others.reduce((sum, range) => sum + range.max, 0)),
            max: Math.min(own.max, total - others.reduce((sum, range) => sum + range.min, 0)),
          });
        }
      }
    }
    for (const [unknown, range] of ranges) {
      if (range.min > floor || range.max < K - 1) {
        const month = unknown.split('@')[0];
        leaks.push(`${month} ${path}: hidden, yet with both copies of the year it can only be ${range.min === range.max ? range.min : `${range.min} to ${range.max}`} (promised ${floor} to ${K - 1})`);
      }
    }
  }
  for (const path of STUDENT_COUNTS) {
    const shown = copies.map((copy) => valueAtPath(copy.year, path)).filter((value): value is number => typeof value === 'number');
    for (let later = 1; later < shown.length; later += 1) {
      for (let earlier = 0; earlier < later; earlier += 1) {
        const change = Math.abs((shown[later] as number) - (shown[earlier] as number));
        if (change >= 1 && change < K) leaks.push(`${path}: one copy of the year shows ${shown[earlier]}, another ${shown[later]}: a change of ${change} students`);
      }
    }
  }
  return leaks;
}

// --- Real vaults, real exports ------------------------------------------------------------------------

let vault: TestDatabase & { data: VaultData };
let clock: ReturnType<typeof manualClock>;
let out: string;
const { newStudent, closeCases, reset: resetCodes } = caseload('Y');
let folders = 0;

beforeEach(() => {
  clock = manualClock(AFTER_THE_YEAR);
  vault = openTestVault(clock);
  out = makeTempDir('sole-notes-year-resend-');
  resetCodes();
});
afterEach(() => {
  vault.dispose();
  removeDir(out);
});

/** Each month as it stands today (its latest report sent, else what it would send), for months begun. */
function monthsNow(data: VaultData): Map<string, MonthHeld> {
  const today = clock().toISOString().slice(0, 7);
  return new Map(
    MONTHS.filter((month) => month <= today).map((month) => {
      const document = prepareMonthReport(data, { month }).document;
      return [month, { metrics: document.metrics as unknown as Metrics, threshold: document.threshold }];
    }),
  );
}

/** Exports the school year (replacing a copy sent before when `replace`); the copy as the district holds it. */
function sendYear(data: VaultData, replace: boolean): Copy {
  folders += 1;
  const folder = path.join(out, `year-${folders}`);
  exportSchoolYearFiles(data, signSchoolYearReport(data, prepareSchoolYearReport(data, { schoolYear: YEAR })), folder, rulesWithoutVault(replace));
  const bytes = fs.readFileSync(path.join(folder, `service-report-${YEAR}.json`));
  // Every copy is a report a reader's own checks accept.
  expect(parseAnyReportDocument(bytes)).toHaveProperty('document');
  const year = JSON.parse(bytes.toString('utf8')) as { metrics: Metrics };
  return { months: monthsNow(data), year: year.metrics };
}

/** Sends a month (or its correction); its metrics as sent. */
function sendMonth(data: VaultData, month: string, correction = false): Metrics {
  folders += 1;
  const folder = path.join(out, `month-${folders}`);
  return sendMonthInto(data, folder, month, correction);
}

describe('two copies of one school year side by side', () => {
  it('three cases closed late in April, beside an October and November that hid 4 and 6: the copies do not give the 3 back', () => {
    const data = vault.data;
    for (const month of MONTHS) if (!['2026-10', '2026-11', '2027-04'].includes(month)) closeCases(data, `${month}-15`, 'goals_met', 10);
    closeCases(data, '2026-10-15', 'goals_met', 4);
    closeCases(data, '2026-11-15', 'goals_met', 6);
    const first = sendYear(data, false);
    expect(valueAtPath(first.year, 'cases.closed')).toBe(100);
    closeCases(data, '2027-04-20', 'goals_met', 3);
    // Only the case group moved, by 3: kept as sent, so the year's numbers are the first copy's and it goes out again as sent, without --replace.
    const replacement = sendYear(data, false);
    expect(replacement.year).toEqual(first.year);
    expect(valueAtPath(replacement.months.get('2027-04')?.metrics, 'cases.closed')).toEqual({ suppressed: true });
    expect(attackCopies([first, replacement])).toEqual([]);
    // Read as if the replacement had shown its own 103, April would be exactly 3.
    const unguarded = { ...replacement, year: { ...replacement.year, cases: { ...(replacement.year.cases as object), closed: 103 } } };
    expect(attackCopies([first, unguarded])).toEqual([
      '2027-04 cases.closed: hidden, yet with both copies of the year it can only be 3 (promised 1 to 9)',
      'cases.closed: one copy of the year shows 100, another 103: a change of 3 students',
    ]);
  });

  it('one student seen late in March, every month showing its students: the replacement does not show a change of 1', () => {
    const data = vault.data;
    const regulars = Array.from({ length: 12 }, () => newStudent(data));
    for (const month of MONTHS) for (const id of regulars) data.services.create({ date: `${month}-12`, minutes: 30, kind: 'individual_session', studentIds: [id] });
    const first = sendYear(data, false);
    expect(valueAtPath(first.year, 'studentsSeen')).toBe(12);
    data.services.create({ date: '2027-03-20', minutes: 30, kind: 'individual_session', studentIds: [newStudent(data)] });
    const replacement = sendYear(data, true);
    expect(attackCopies([first, replacement])).toEqual([]);
    expect(valueAtPath(replacement.year, 'studentsSeen')).toBe(12);
  });

  it('a first copy in March, the replacement after the year: April\'s 3 hidden closed cases are not the difference', () => {
    const data = vault.data;
    clock.set('2027-03-05T15:00:00.000Z');
    for (const month of MONTHS.slice(0, 8)) if (!['2026-10', '2026-11'].includes(month)) closeCases(data, `${month}-15`, 'goals_met', 10);
    closeCases(data, '2026-10-15', 'goals_met', 4);
    closeCases(data, '2026-11-15', 'goals_met', 6);
    const first = sendYear(data, false);
    expect(valueAtPath(first.year, 'cases.closed')).toBe(70);
    clock.set(AFTER_THE_YEAR);
    for (const month of ['2027-03', '2027-05', '2027-06']) closeCases(data, `${month}-15`, 'goals_met', 10);
    closeCases(data, '2027-04-15', 'goals_met', 3);
    const replacement = sendYear(data, true);
    expect(attackCopies([first, replacement])).toEqual([]);
    // The months alone let the year show 103 (hidden months 4 + 6 + 3 = 13), and 103 − 70 − 30 = 3.
    const unguarded = { ...replacement, year: { ...replacement.year, cases: { ...(replacement.year.cases as object), closed: 103 } } };
    expect(attackCopies([first, unguarded])).toContain('2027-04 cases.closed: hidden, yet with both copies of the year it can only be 3 (promised 1 to 9)');
  });
});

/** Cells of the realistic year a copy shows at another value than the year holds today (kept as an earlier copy showed them). */
function keptCells(copy: Copy, truth: Metrics): number {
  return STUDENT_COUNTS.filter((path) => {
    const shown = valueAtPath(copy.year, path);
    return typeof shown === 'number' && shown !== valueAtPath(truth, path);
  }).length;
}

describe('a realistic school year of 40 students, sent and then replaced', () => {
  it('after the year: a late session, a case closed later and a corrected February keep the promise, at a stated cost', () => {
    const data = vault.data;
    buildRealisticYear(data, (openedOn) => newStudent(data, openedOn));
    for (const month of MONTHS) sendMonth(data, month);
    const first = sendYear(data, false);
    // A session entered late in March for a student not seen before; a case closed late in May; twelve new students in February, corrected.
    data.services.create({ date: '2027-03-21', minutes: 30, kind: 'individual_session', studentIds: [newStudent(data)], issueCategoryIds: ['attendance'] });
    closeCases(data, '2027-05-28', 'moved', 1);
    for (let index = 0; index < 12; index += 1) data.services.create({ date: '2027-02-16', minutes: 30, kind: 'individual_session', studentIds: [newStudent(data)], issueCategoryIds: ['academic'] });
    for (const month of ['2027-02', '2027-03', '2027-05']) sendMonth(data, month, true);
    const year = prepareSchoolYearReport(data, { schoolYear: YEAR });
    const replacement = sendYear(data, true);
    expect(attackCopies([first, replacement])).toEqual([]);
    // The cost: groups kept as the first copy showed them, groups hidden, and the cells hidden that the year's other rules show.
    expect({ ...year.replacement, keptCells: keptCells(replacement, year.metrics as unknown as Metrics), hiddenBefore: year.hidden.size - year.replacement.cellsHidden.length }).toMatchInlineSnapshot(`
      {
        "cellsHidden": [
          "studentsByIssueCategory.academic",
        ],
        "hidden": [
          "studentsByIssueCategory.academic",
        ],
        "hiddenBefore": 19,
        "kept": [
          "cases.closed",
        ],
        "keptCells": 1,
      }
    `);
  });

  it('a first copy in March, the replacement after the year: the promise, and its cost', () => {
    const data = vault.data;
    clock.set('2027-03-05T15:00:00.000Z');
    const year27 = realisticYear(data, (openedOn) => newStudent(data, openedOn));
    year27.enter((month) => month < '2027-03');
    const first = sendYear(data, false);
    clock.set(AFTER_THE_YEAR);
    year27.enter((month) => month >= '2027-03');
    const year = prepareSchoolYearReport(data, { schoolYear: YEAR });
    const replacement = sendYear(data, true);
    expect(attackCopies([first, replacement])).toEqual([]);
    expect({ ...year.replacement, hiddenBefore: year.hidden.size - year.replacement.cellsHidden.length }).toMatchInlineSnapshot(`
      {
        "cellsHidden": [
          "cases.closed",
        ],
        "hidden": [
          "cases.closed",
        ],
        "hiddenBefore": 17,
        "kept": [
          "studentsSeen",
          "studentsByIssueCategory.worry_stress",
        ],
      }
    `);
  });
});

describe('the rule for a replacement, on its own', () => {
  /** The year of twelve regulars seen every month, with students seen set to `seen` (and its sessions left as they are). */
  function yearWith(data: VaultData, seen: number): ReportMetrics {
    const metrics = structuredClone(prepareSchoolYearReport(data, { schoolYear: YEAR }).document.metrics);
    metrics.studentsSeen = seen;
    return metrics;
  }

  it('compares with every copy sent before, not only the latest; a move of k or more with no month hiding goes out as computed', () => {
    const data = vault.data;
    const regulars = Array.from({ length: 12 }, () => newStudent(data));
    for (const month of MONTHS) for (const id of regulars) data.services.create({ date: `${month}-12`, minutes: 30, kind: 'individual_session', studentIds: [id] });
    const months = MONTHS.map((month) => {
      const metrics = prepareMonthReport(data, { month }).document.metrics;
      return { published: metrics, truth: metrics as unknown as MonthAsHeld['truth'] };
    });
    const plan = (now: number, earlier: number[]) =>
      replacementYear({ published: { metrics: yearWith(data, now), hidden: new Map() }, earlier: earlier.map((seen) => yearWith(data, seen)), months, threshold: K });
    // 40, then 50: 41 is 1 from the first copy, so it goes out as the latest copy's 50.
    expect(valueAtPath(plan(41, [40, 50]).metrics, 'studentsSeen')).toBe(50);
    expect(plan(41, [40, 50]).kept).toEqual(['studentsSeen']);
    // 60 is 10 or more from both: as computed.
    expect(valueAtPath(plan(60, [40, 50]).metrics, 'studentsSeen')).toBe(60);
    expect(plan(60, [40, 50])).toMatchObject({ kept: [], hiddenForCopies: [], cellsHidden: [] });
    // The same as the latest copy: nothing to decide.
    expect(plan(50, [40, 50])).toMatchObject({ kept: [], hiddenForCopies: [] });
    // No copy sent before: the year as it is.
    expect(valueAtPath(plan(41, []).metrics, 'studentsSeen')).toBe(41);
  });
});
