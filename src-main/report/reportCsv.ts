import { REPORT_METRICS, valueAtPath } from '../../shared/report/catalog';
import type { ServiceReportDocument } from '../../shared/report/document';

/**
 * The report as CSV for spreadsheets: one row per number, in the order of
 * the metric catalogue, after a few rows describing the report itself.
 * Columns: metric (the path in the JSON), label, value, status — `shown`,
 * `suppressed` (the value is empty; every hidden value is marked alike), or
 * `no students` for a median or mean over nobody.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes a field when needed, and defuses text a spreadsheet would run as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',');
}

/** [value, status] of one cell of the document. */
export function cellText(value: unknown): [string | number, string] {
  if (typeof value === 'number') return [value, 'shown'];
  if (value === null) return ['', 'no students'];
  if (typeof value === 'object' && value !== null && 'suppressed' in value) return ['', 'suppressed'];
  return ['', 'missing'];
}

/** One row per metric of the catalogue: path, label, value, status. */
export function metricCsvRows(metrics: ServiceReportDocument['metrics']): (string | number)[][] {
  return REPORT_METRICS.map((metric) => {
    const [value, status] = cellText(valueAtPath(metrics, metric.path));
    return [metric.path, metric.label, value, status];
  });
}

export function renderReportCsv(document: ServiceReportDocument): string {
  const rows: (string | number)[][] = [
    ['metric', 'label', 'value', 'status'],
    ['report.schema', 'Report format', document.schema, ''],
    ['report.period', 'Month reported', document.period, ''],
    ['report.generated', 'Month the report was made', document.generated, ''],
    ['report.timeZone', 'Time zone', document.timeZone, ''],
    ['report.threshold', 'Smallest count of students shown (k)', document.threshold, ''],
    ['report.correction', 'Correction', document.correction ?? 'none (first report of the month)', ''],
    ['report.signingKey', 'Signing key fingerprint (SHA-256 of the SPKI public key)', document.signingKey.fingerprint, ''],
    ['report.suppressionRule', 'Suppression rule', document.suppressionRule, ''],
  ];
  rows.push(...metricCsvRows(document.metrics));
  return `${rows.map(csvRow).join('\r\n')}\r\n`;
}
