import type { ReportThreshold } from '../../shared/api/schemas';
import { SUPERVISION_KIND_IDS, type SupervisionKind } from '../../shared/domain/growth';
import { isSchoolYear, monthsOfSchoolYear, schoolYearMonths as monthsOfYear, schoolYearRange, schoolYearSpanWords } from '../../shared/domain/schoolYear';
import type { ReportMetrics } from '../../shared/report/document';
import { SCHOOL_YEAR_REPORT_SCHEMA_ID, SchoolYearReportDocument } from '../../shared/report/schoolYearDocument';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import { localDate } from '../common/calendar';
import { canonicalBytes } from '../common/canonical';
import { pdProvidedBetween, readGuidelineList, type GuidelineList } from './guidelineList';
import { computeMetricsBetween, computeMonthMetrics, roundTo, type Activity, type MonthMetrics } from './metrics';
import { hiddenBecauseOfMonths, withCellsHidden, type MonthAsHeld } from './crossReportSuppression';
import { exportedMonths } from './exportedMonths';
import { exportedSchoolYears } from './exportedSchoolYears';
import { replacementYear } from './yearReplacement';
import { publishMetrics, type HiddenWhy } from './publish';
import { plainReportMetrics } from './reportDocument';
import { thresholdForMonth } from './reportThresholds';
import { fingerprint, signBytes } from '../common/signing';
import { suppressionRuleText } from './suppression';

/**
 * The school-year report (docs/report-format.md, "The school-year report"):
 * the monthly report's numbers over the school year (July to June unless
 * the worker set another start month), computed by the month's
 * own query over the year's days (so counts of students are distinct
 * students over the year, never sums of months) and published by the same
 * rule (`publishMetrics`), at the school year's k, and then by the rule that
 * keeps the year from undoing what its months hid (crossReportSuppression.ts),
 * and, for a year sent before, by the rule for a copy that replaces it
 * (yearReplacement.ts).
 * Beside them: supervision
 * minutes by kind, professional development hours, and the duties that
 * stood in the year. Nothing here writes; schoolYearFiles.ts does.
 */
export interface SchoolYearReport {
  metrics: MonthMetrics;
  document: SchoolYearReportDocument;
  /** RFC 8785 bytes of the document: exactly what is signed and written. */
  bytes: Buffer;
  /** Every hidden path, with why (for the worker's own view; the report says nothing about it). */
  hidden: Map<string, HiddenWhy>;
  /** The hidden paths the month's rule alone would show, hidden because of the year's months. */
  hiddenWithMonths: Set<string>;
  /** Beside the copies sent before: groups (by first cell) shown as the latest copy showed them, and groups hidden, and the cells that hides (yearReplacement.ts). */
  replacement: { kept: string[]; hidden: string[]; cellsHidden: string[] };
}

export interface SignedSchoolYearReport extends SchoolYearReport {
  signature: Buffer;
  publicKey: Buffer;
  fingerprint: string;
}

export interface SchoolYearReportOptions {
  schoolYear: string;
  /** Must be the school year's k when given (a year is never reported at two k). */
  threshold?: ReportThreshold;
  /** Defaults to the vault's clock. */
  now?: Date;
}

/** The first and last month of a school year, YYYY-MM, from the start month the worker set. */
export function schoolYearMonths(data: VaultData, schoolYear: string): { first: string; last: string } {
  return monthsOfYear(schoolYear, data.settings.get().schoolYearStartMonth);
}

/** The duties that stood in at least one month of the school year up to `lastMonth`, by name, with in how many months. */
export function dutiesOfSchoolYear(data: VaultData, schoolYear: string, lastMonth: string): SchoolYearReportDocument['administrativeResponsibilities'] {
  const byId = new Map<string, { name: string; minutesPerMonth: number; months: number }>();
  for (const month of monthsOfSchoolYear(schoolYear, data.settings.get().schoolYearStartMonth).filter((candidate) => candidate <= lastMonth)) {
    for (const duty of data.duties.inMonth(month)) {
      const entry = byId.get(duty.id) ?? { name: duty.name, minutesPerMonth: duty.minutesPerMonth, months: 0 };
      entry.months += 1;
      byId.set(duty.id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.months - b.months));
}

/** Supervision received from `first` through `last`, by kind. */
export function supervisionBetween(data: VaultData, range: { first: string; last: string }): Record<SupervisionKind, Activity> {
  const byKind = Object.fromEntries(SUPERVISION_KIND_IDS.map((kind) => [kind, { count: 0, minutes: 0 }])) as Record<SupervisionKind, Activity>;
  for (const row of data.supervision.totalsByKind(range)) byKind[row.kind] = { count: row.count, minutes: row.minutes };
  return byKind;
}

/** k of the school year: its months' k (recorded at their first export), else the setting. */
export function thresholdForSchoolYear(data: VaultData, schoolYear: string): ReportThreshold {
  return thresholdForMonth(data, schoolYearMonths(data, schoolYear).first);
}

export function prepareSchoolYearReport(data: VaultData, options: SchoolYearReportOptions): SchoolYearReport {
  const { schoolYear } = options;
  if (!isSchoolYear(schoolYear)) throw new VaultError('INVALID_INPUT', `school year: expected a school year such as 2026-27, not "${schoolYear}".`);
  const settings = data.settings.get();
  const timeZone = settings.timeZone;
  const today = localDate(options.now ?? data.clock(), timeZone);
  const generated = today.slice(0, 7);
  const startMonth = settings.schoolYearStartMonth;
  const span = schoolYearMonths(data, schoolYear);
  if (span.first > generated) {
    throw new VaultError('INVALID_INPUT', `school year: ${schoolYear} has not begun yet (today is ${today} in ${timeZone}).`);
  }
  const yearThreshold = thresholdForSchoolYear(data, schoolYear);
  if (options.threshold !== undefined && options.threshold !== yearThreshold) {
    throw new VaultError(
      'INVALID_INPUT',
      `threshold: the ${schoolYear} school year is reported with k = ${yearThreshold}, the same as its months; a school year is never sent at another k. Nothing was written.`,
    );
  }
  const threshold = yearThreshold;

  const { from, to } = schoolYearRange(schoolYear, startMonth);
  const range = { first: from, last: to };
  const metrics = computeMetricsBetween(data, schoolYear, range);
  const lastMonth = generated < span.last ? generated : span.last;
  const duties = dutiesOfSchoolYear(data, schoolYear, lastMonth);
  const pdProvided = pdProvidedBetween(data, range);
  const guideline: GuidelineList = { pdProvided, duties: duties.map(({ name, minutesPerMonth }) => ({ name, minutesPerMonth })), stories: [] };
  const yearTruth = plainReportMetrics(metrics, guideline);
  const own = publishMetrics(yearTruth, threshold);
  const months = monthsAsHeld(data, schoolYear, threshold);
  const byMonths = hiddenBecauseOfMonths({ yearTruth, ownHidden: own.hidden, months, threshold });
  const fresh = { metrics: withCellsHidden(own.metrics, byMonths.keys()), hidden: new Map([...own.hidden, ...byMonths]) };
  // Beside every copy of the year sent before (yearReplacement.ts).
  const replacement = replacementYear({ published: fresh, earlier: copiesSent(data, schoolYear), months, threshold });
  const published = { metrics: replacement.metrics, hidden: replacement.hidden };
  const hours = (minutes: number) => roundTo(minutes / 60, 2);

  const document = SchoolYearReportDocument.parse({
    schema: SCHOOL_YEAR_REPORT_SCHEMA_ID,
    kind: 'school-year',
    period: schoolYear,
    months: span,
    generated,
    timeZone,
    threshold,
    suppressionRule: schoolYearRuleText(threshold, startMonth),
    signingKey: { algorithm: 'Ed25519', fingerprint: fingerprint(data.keys.signingPublicKey().spki) },
    metrics: published.metrics,
    supervision: supervisionBetween(data, range),
    professionalDevelopmentHours: {
      attended: hours(metrics.byKind.pd_attended.minutes),
      providedWithinDistrict: hours(pdProvided.withinDistrict.minutes),
      providedOutsideDistrict: hours(pdProvided.outsideDistrict.minutes),
    },
    administrativeResponsibilities: duties,
  });
  return {
    metrics,
    document,
    bytes: canonicalBytes(document),
    hidden: published.hidden,
    hiddenWithMonths: new Set(byMonths.keys()),
    replacement: { kept: replacement.kept, hidden: replacement.hiddenForCopies, cellsHidden: replacement.cellsHidden },
  };
}

/** The metrics of every copy of the school year sent before, first to last (a copy recorded without its document is not known). */
function copiesSent(data: VaultData, schoolYear: string): ReportMetrics[] {
  return exportedSchoolYears(data)
    .all(schoolYear)
    .flatMap((copy) => (copy.document === null ? [] : [(JSON.parse(copy.document) as { metrics: ReportMetrics }).metrics]));
}

/** Each month of the school year as the district holds it: its latest report sent, else what it would publish now; and its numbers today. */
function monthsAsHeld(data: VaultData, schoolYear: string, threshold: ReportThreshold): MonthAsHeld[] {
  const sent = exportedMonths(data);
  return monthsOfSchoolYear(schoolYear, data.settings.get().schoolYearStartMonth).map((month) => {
    const truth = plainReportMetrics(computeMonthMetrics(data, month), readGuidelineList(data, month));
    const latest = sent.latest(month);
    const published = latest === null ? publishMetrics(truth, threshold).metrics : (JSON.parse(latest.document) as { metrics: MonthAsHeld['published'] }).metrics;
    return { published, truth };
  });
}

/** The month's rule, read over the school year. */
export function schoolYearRuleText(threshold: number, startMonth?: number): string {
  return [
    `${suppressionRuleText(threshold)} In this school-year report every count of students is of distinct students over the whole school year (${schoolYearSpanWords(startMonth)}), and "month" above reads as "school year".`,
    'So that the school year never gives back what its monthly reports hid, it also hides:',
    'the case outcomes with cases resolved whenever a month of the year hid them, since they add up over the months;',
    `the new cases, cases closed and the individual sessions (with their minutes and the direct minutes) when H months hid them and the year less the months that show them is below ${threshold - 1} + (H − 1) or above 1 + (H − 1) × ${threshold - 1};`,
    `students seen and each issue category, whenever H months hid it and the year counts more students than the months that show it add up to, plus (H − 1) × ${threshold - 1};`,
    'the mean whenever a month hid its own, and the medians and mean with students seen;',
    'and any of these a month shows at another value than it holds now.',
    `A copy of the school year sent again with other numbers, to replace one sent before, shows a group as the latest copy showed it when a count of students in it differs by 1 to ${threshold - 1} from what any copy sent before showed, and otherwise hides a group with a count that moved since the latest copy and that a month hides.`,
    `A count the school year hides for these reasons may be ${threshold} or more.`,
  ].join(' ');
}

export function signSchoolYearReport(data: VaultData, report: SchoolYearReport): SignedSchoolYearReport {
  const publicKey = data.keys.signingPublicKey().spki;
  const signature = signBytes(report.bytes, data.keys.signingPrivateKey());
  return { ...report, signature, publicKey, fingerprint: fingerprint(publicKey) };
}
