import type crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REPORT_METRICS, valueAtPath, type MetricUnit } from '../../shared/report/catalog';
import type { ServiceReportDocument } from '../../shared/report/document';
import { csvRow } from './reportCsv';
import { publishedCountView, REPORT_RELATIONS } from './reportDocument';
import { serviceCellRanges } from './serviceSuppression';
import { fingerprint, publicKeyFromPem, spkiOf, verifyBytes } from './signing';
import { feasibleRanges } from './suppression';
import { defaultCompanionFiles, parseReportDocument, readReportFile, REPORT_READ_LIMITS } from './verify';

/**
 * The district's side: checks many workers' reports against the folder of
 * registered worker keys, rejects (with reasons) those that fail, and totals
 * the rest per metric. A suppressed cell is carried as the range of values
 * the report itself allows — a primary cell within [1, k-1], narrowed by the
 * report's own sums; a complementary cell from k up to what its sums allow;
 * a suppressed count of individual sessions from 1 to k-1, and its minutes
 * from 1 to 1,440 a session — never as a guess, so a total is a range
 * [min, max] (max null: unbounded).
 */
export const DISTRICT_SUMMARY_SCHEMA_ID = 'sole-notes/district-summary/1';
export const DISTRICT_SUMMARY_FILES = { json: 'district-summary.json', csv: 'district-summary.csv' } as const;

export type RejectionReason = 'unreadable' | 'bad-signature' | 'unknown-key' | 'schema' | 'key-mismatch' | 'duplicate';

export interface RegisteredKey {
  file: string;
  fingerprint: string;
  key: crypto.KeyObject;
}

export interface AcceptedReport {
  file: string;
  period: string;
  threshold: number;
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
  periods: string[];
  accepted: AcceptedReport[];
  rejected: RejectedReport[];
  /** Key files in the folder that could not be used. */
  keyProblems: { file: string; message: string }[];
  totals: MetricTotal[];
  /** Medians and means cannot be added up across reports; they are listed, not totalled. */
  notTotalled: string[];
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

type Checked = { ok: true; document: ServiceReportDocument; key: RegisteredKey } | { ok: false; reason: RejectionReason; message: string };

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
  const parsed = parseReportDocument(json);
  if ('failure' in parsed) return { ok: false, reason: 'schema', message: parsed.failure };
  if (parsed.document.signingKey.fingerprint !== signer.fingerprint) {
    return { ok: false, reason: 'key-mismatch', message: `signed with ${signer.file} but the report names key ${parsed.document.signingKey.fingerprint}` };
  }
  return { ok: true, document: parsed.document, key: signer };
}

/** `label` names a report file in the summary (default: the path as given). */
export function summarizeReports(reportFiles: readonly string[], keysFolder: string, label: (file: string) => string = (file) => file): DistrictSummary {
  const { keys, problems } = loadRegisteredKeys(keysFolder);
  const accepted: (AcceptedReport & { document: ServiceReportDocument })[] = [];
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
    const earlier = accepted.find((report) => report.fingerprint === key.fingerprint && report.period === document.period);
    if (earlier) {
      rejected.push({ file: name, reason: 'duplicate', message: `a report for ${document.period} signed with ${key.file} was already counted (${earlier.file})` });
      continue;
    }
    accepted.push({ file: name, period: document.period, threshold: document.threshold, fingerprint: key.fingerprint, keyFile: key.file, document });
  }

  const ranges = accepted.map(
    (report) =>
      new Map([...feasibleRanges(publishedCountView(report.document), REPORT_RELATIONS, report.document.threshold), ...serviceCellRanges(report.document)]),
  );
  const totals: MetricTotal[] = [];
  const notTotalled: string[] = [];
  for (const metric of REPORT_METRICS) {
    if (metric.unit === 'statistic') {
      notTotalled.push(metric.path);
      continue;
    }
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
      label: metric.label,
      unit: metric.unit,
      min: rounded(min),
      max: Number.isFinite(max) ? rounded(max) : null,
      exact: min === max,
      suppressedIn,
    });
  }

  return {
    schema: DISTRICT_SUMMARY_SCHEMA_ID,
    periods: [...new Set(accepted.map((report) => report.period))].sort(),
    accepted: accepted.map(({ document: _document, ...report }) => report),
    rejected,
    keyProblems: problems,
    totals,
    notTotalled,
  };
}

export function renderDistrictCsv(summary: DistrictSummary): string {
  const rows: (string | number)[][] = [['metric', 'label', 'unit', 'min', 'max', 'exact', 'reports_with_cell_suppressed']];
  for (const total of summary.totals) {
    rows.push([total.metric, total.label, total.unit, total.min, total.max ?? '', total.exact ? 'yes' : 'no', total.suppressedIn]);
  }
  return `${rows.map(csvRow).join('\r\n')}\r\n`;
}
