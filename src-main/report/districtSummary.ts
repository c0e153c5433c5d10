import type crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REPORT_METRICS, valueAtPath, type MetricUnit } from '../../shared/report/catalog';
import { csvRow } from './reportCsv';
import { REPORT_GROUPS } from './cellGroups';
import { publishedGroupView } from './reportDocument';
import { serviceCellRanges } from './serviceSuppression';
import { fingerprint, publicKeyFromPem, spkiOf, verifyBytes } from '../common/signing';
import { feasibleRanges, type Range } from './suppression';
import { DEFAULT_MIN_THRESHOLD, defaultCompanionFiles, isSchoolYearDocument, parseAnyReportDocument, readReportFile, REPORT_READ_LIMITS, thresholdProblem, type AnyReportDocument } from './verify';

/**
 * The district's side: checks many workers' reports against the folder of
 * registered worker keys, rejects (with reasons) those that fail, and totals
 * the rest per metric. A suppressed cell is carried as the range of values
 * the report itself allows — a hidden total within [1, k-1], a hidden count
 * under a shown total from 0 to that total, a suppressed count of individual
 * sessions from 1 to k-1, and its minutes from 1 to 1,440 a session — never
 * as a guess, so a total is a range [min, max] (max null: unbounded).
 *
 * Reports below the district's minimum k are refused, and so is a summary of
 * reports with different k. Of several reports of one worker's month, the
 * latest correction counts, whatever order the files come in. Counts of
 * students are sums of monthly counts: a student seen in two months, or by
 * two workers, is counted in each, so they are never "distinct students".
 */
export const DISTRICT_SUMMARY_SCHEMA_ID = 'sole-notes/district-summary/1';
export const DISTRICT_SUMMARY_FILES = { json: 'district-summary.json', csv: 'district-summary.csv', schoolYearsCsv: 'district-summary-school-years.csv' } as const;

export type RejectionReason = 'unreadable' | 'bad-signature' | 'unknown-key' | 'schema' | 'key-mismatch' | 'threshold' | 'duplicate' | 'superseded';

/** What a summed count of students is, in its label: never distinct students. */
export const SUMMED_STUDENTS_LABEL = 'sum of monthly counts';
/** The same for school-year reports: each is of distinct students over its year, but their sum is not. */
export const SUMMED_SCHOOL_YEAR_STUDENTS_LABEL = 'sum of school-year counts';

export interface RegisteredKey {
  file: string;
  fingerprint: string;
  key: crypto.KeyObject;
}

export interface AcceptedReport {
  file: string;
  /** A monthly report or a school year's; the two are totalled apart, never in one sum. */
  kind: 'month' | 'school-year';
  period: string;
  threshold: number;
  /** 0 for a month's first report, N for its N-th correction. */
  correction: number;
  fingerprint: string;
  keyFile: string;
}

export interface RejectedReport {
  file: string;
  reason: RejectionReason;
  message: string;
}

export interface MetricTotal {
  metric: string;
  label: string;
  unit: MetricUnit;
  min: number;
  /** null when some report leaves the cell unbounded (a withheld group). */
  max: number | null;
  exact: boolean;
  /** How many accepted reports had this cell suppressed. */
  suppressedIn: number;
}

export interface DistrictSummary {
  schema: typeof DISTRICT_SUMMARY_SCHEMA_ID;
  /** The months of the accepted monthly reports. */
  periods: string[];
  /** The school years of the accepted school-year reports. */
  schoolYears: string[];
  accepted: AcceptedReport[];
  rejected: RejectedReport[];
  /** Key files in the folder that could not be used. */
  keyProblems: { file: string; message: string }[];
  /** Totals of the monthly reports only. */
  totals: MetricTotal[];
  /** Totals of the school-year reports only: a school year is never added to months (it would count them twice). */
  schoolYearTotals: MetricTotal[];
  /** Medians and means cannot be added up across reports; they are listed, not totalled. */
  notTotalled: string[];
  /** Set when the accepted reports use different k: nothing is totalled, and the command writes nothing. */
  mixedThresholds: { threshold: number; files: string[] }[] | null;
}

export interface SummaryOptions {
  /** Names a report file in the summary (default: the path as given). */
  label?: (file: string) => string;
  /** Reports with a smaller k, or showing a count of students from 1 to this − 1, are refused (default 10). */
  minThreshold?: number;
}

export function loadRegisteredKeys(folder: string): { keys: RegisteredKey[]; problems: { file: string; message: string }[] } {
  const keys: RegisteredKey[] = [];
  const problems: { file: string; message: string }[] = [];
  for (const name of fs.readdirSync(folder).filter((entry) => entry.toLowerCase().endsWith('.pem')).sort()) {
    try {
      const read = readReportFile(path.join(folder, name), REPORT_READ_LIMITS.publicKey);
      if ('problem' in read) {
        problems.push({ file: name, message: read.problem });
        continue;
      }
      const key = publicKeyFromPem(read.bytes.toString('utf8'));
      keys.push({ file: name, fingerprint: fingerprint(spkiOf(key)), key });
    } catch (error) {
      problems.push({ file: name, message: (error as Error).message });
    }
  }
  return { keys, problems };
}

type Checked = { ok: true; document: AnyReportDocument; key: RegisteredKey } | { ok: false; reason: RejectionReason; message: string };

function claimedFingerprint(json: Buffer): string | null {
  try {
    const value = (JSON.parse(json.toString('utf8')) as { signingKey?: { fingerprint?: unknown } }).signingKey?.fingerprint;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** One report against the registered keys. */
export function checkReportAgainstKeys(json: Buffer, signature: Buffer, keys: readonly RegisteredKey[]): Checked {
  const signer = keys.find((candidate) => verifyBytes(json, signature, candidate.key));
  if (!signer) {
    const claimed = claimedFingerprint(json);
    const named = claimed === null ? undefined : keys.find((candidate) => candidate.fingerprint === claimed);
    if (named) return { ok: false, reason: 'bad-signature', message: `the signature does not match the report and the key it names (${named.file})` };
    return {
      ok: false,
      reason: 'unknown-key',
      message: claimed === null ? 'no registered key verifies the signature' : `signed by a key that is not registered (fingerprint ${claimed})`,
    };
  }
  const parsed = parseAnyReportDocument(json);
  if ('failure' in parsed) return { ok: false, reason: 'schema', message: parsed.failure };
  if (parsed.document.signingKey.fingerprint !== signer.fingerprint) {
    return { ok: false, reason: 'key-mismatch', message: `signed with ${signer.file} but the report names key ${parsed.document.signingKey.fingerprint}` };
  }
  return { ok: true, document: parsed.document, key: signer };
}

type Candidate = AcceptedReport & { document: AnyReportDocument; bytes: Buffer };

/**
 * Of several reports of one worker's month: the one with the highest
 * correction; the others are `superseded`. Two different reports with the
 * same correction number are both refused (`duplicate`): which one the
 * worker meant cannot be told. Byte-identical copies count once.
 */
function latestCorrections(candidates: readonly Candidate[], rejected: RejectedReport[]): Candidate[] {
  const byMonth = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = `${candidate.fingerprint}\u0000${candidate.period}`;
    byMonth.set(key, [...(byMonth.get(key) ?? []), candidate]);
  }
  const kept: Candidate[] = [];
  for (const reports of byMonth.values()) {
    const latest = Math.max(...reports.map((report) => report.correction));
    // Identical copies are the same report: the one given first stands for them (which one cannot change a number).
    const top = reports.filter((report) => report.correction === latest);
    const first = top[0] as Candidate;
    const conflicting = top.some((report) => !report.bytes.equals(first.bytes));
    for (const report of reports) {
      const what = latest === 0 ? 'the first report' : `correction ${latest}`;
      if (report.correction < latest) {
        rejected.push({ file: report.file, reason: 'superseded', message: `a later report of ${report.period} by ${report.keyFile} counts instead (${what})` });
      } else if (conflicting) {
        rejected.push({ file: report.file, reason: 'duplicate', message: `${top.length} different reports of ${report.period} by ${report.keyFile} are each ${what}; none is counted` });
      } else if (report !== first) {
        rejected.push({ file: report.file, reason: 'duplicate', message: `the same report of ${report.period} by ${report.keyFile} is counted once (${first.file})` });
      }
    }
    if (!conflicting) kept.push(first);
  }
  return candidates.filter((candidate) => kept.includes(candidate));
}

export function summarizeReports(reportFiles: readonly string[], keysFolder: string, options: SummaryOptions = {}): DistrictSummary {
  const label = options.label ?? ((file: string) => file);
  const minThreshold = options.minThreshold ?? DEFAULT_MIN_THRESHOLD;
  const { keys, problems } = loadRegisteredKeys(keysFolder);
  const candidates: Candidate[] = [];
  const rejected: RejectedReport[] = [];

  for (const file of reportFiles) {
    const name = label(file);
    const json = readReportFile(file, REPORT_READ_LIMITS.report);
    const signature = readReportFile(defaultCompanionFiles(file).signature, REPORT_READ_LIMITS.signature);
    if ('problem' in json || 'problem' in signature) {
      const problems = [json, signature].flatMap((read) => ('problem' in read ? [read.problem] : []));
      rejected.push({ file: name, reason: 'unreadable', message: problems.join('; ') });
      continue;
    }
    const checked = checkReportAgainstKeys(json.bytes, signature.bytes, keys);
    if (!checked.ok) {
      rejected.push({ file: name, reason: checked.reason, message: checked.message });
      continue;
    }
    const { document, key } = checked;
    const tooLow = thresholdProblem(document, minThreshold);
    if (tooLow !== null) {
      rejected.push({ file: name, reason: 'threshold', message: tooLow });
      continue;
    }
    const schoolYear = isSchoolYearDocument(document);
    candidates.push({
      file: name,
      kind: schoolYear ? 'school-year' : 'month',
      period: document.period,
      threshold: document.threshold,
      correction: schoolYear ? 0 : (document.correction ?? 0),
      fingerprint: key.fingerprint,
      keyFile: key.file,
      document,
      bytes: json.bytes,
    });
  }
  const accepted = latestCorrections(candidates, rejected);
  const order = new Map(reportFiles.map((file, index) => [label(file), index]));
  rejected.sort((a, b) => (order.get(a.file) ?? Infinity) - (order.get(b.file) ?? Infinity));

  const thresholds = [...new Set(accepted.map((report) => report.threshold))].sort((a, b) => a - b);
  const mixedThresholds =
    thresholds.length > 1 ? thresholds.map((threshold) => ({ threshold, files: accepted.filter((report) => report.threshold === threshold).map((report) => report.file) })) : null;

  const months = accepted.filter((report) => report.kind === 'month');
  const years = accepted.filter((report) => report.kind === 'school-year');
  const notTotalled = mixedThresholds === null ? REPORT_METRICS.filter((metric) => metric.unit === 'statistic').map((metric) => metric.path) : [];

  return {
    schema: DISTRICT_SUMMARY_SCHEMA_ID,
    periods: [...new Set(months.map((report) => report.period))].sort(),
    schoolYears: [...new Set(years.map((report) => report.period))].sort(),
    accepted: accepted.map(({ document: _document, bytes: _bytes, ...report }) => report),
    rejected,
    keyProblems: problems,
    totals: mixedThresholds === null ? totalsOf(months, SUMMED_STUDENTS_LABEL) : [],
    schoolYearTotals: mixedThresholds === null && years.length > 0 ? totalsOf(years, SUMMED_SCHOOL_YEAR_STUDENTS_LABEL) : [],
    notTotalled,
    mixedThresholds,
  };
}

/** One total per metric over `accepted` (all months, or all school years: never both), hidden cells as the ranges their reports allow. */
function totalsOf(accepted: readonly Candidate[], studentsLabel: string): MetricTotal[] {
  const ranges = accepted.map((report) => {
    const options = { schoolYear: report.kind === 'school-year' };
    const all = new Map<string, Range>(serviceCellRanges(report.document, options));
    for (const group of REPORT_GROUPS) for (const [id, range] of feasibleRanges(group, publishedGroupView(report.document, group), report.document.threshold, options)) all.set(id, range);
    return all;
  });
  const totals: MetricTotal[] = [];
  for (const metric of REPORT_METRICS) {
    if (metric.unit === 'statistic') continue;
    let min = 0;
    let max = 0;
    let suppressedIn = 0;
    accepted.forEach((report, index) => {
      const value = valueAtPath(report.document.metrics, metric.path);
      if (typeof value === 'number') {
        min += value;
        max += value;
        return;
      }
      suppressedIn += 1;
      const range = ranges[index]?.get(metric.path);
      if (!range) throw new Error(`No range for ${metric.path}.`);
      min += range.min;
      max += range.max;
    });
    const rounded = (value: number) => (metric.unit === 'hours' ? Math.round(value * 100) / 100 : value);
    totals.push({
      metric: metric.path,
      label: metric.unit === 'students' ? `${metric.label.replace(/ \(each counted once\)$/, '')}: ${studentsLabel}` : metric.label,
      unit: metric.unit,
      min: rounded(min),
      max: Number.isFinite(max) ? rounded(max) : null,
      exact: min === max,
      suppressedIn,
    });
  }

  return totals;
}

/** The CSV of the monthly totals, or (`schoolYears`) of the school-year totals: each its own file. */
export function renderDistrictCsv(summary: DistrictSummary, which: 'months' | 'schoolYears' = 'months'): string {
  const rows: (string | number)[][] = [['metric', 'label', 'unit', 'min', 'max', 'exact', 'reports_with_cell_suppressed']];
  for (const total of which === 'months' ? summary.totals : summary.schoolYearTotals) {
    rows.push([total.metric, total.label, total.unit, total.min, total.max ?? '', total.exact ? 'yes' : 'no', total.suppressedIn]);
  }
  return `${rows.map(csvRow).join('\r\n')}\r\n`;
}
