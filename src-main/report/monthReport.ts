import type { ReportCharts, SuppressedCellInfo } from '../../shared/api/reportSchemas';
import type { ReportThreshold } from '../../shared/api/schemas';
import { DEFAULT_ISSUE_CATEGORIES } from '../../shared/domain/issueCategories';
import { SERVICE_KINDS } from '../../shared/domain/serviceKinds';
import { metricInfo, REPORT_METRICS, SERVICE_KIND_PATHS, valueAtPath } from '../../shared/report/catalog';
import { REPORT_CATEGORY_IDS, type ServiceReportDocument } from '../../shared/report/document';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import { localDate } from './calendar';
import { canonicalBytes } from './canonical';
import { MonthMetricsQuery, type MonthMetrics } from './metrics';
import { buildReportDocument } from './reportDocument';
import type { HiddenWhy } from './publish';
import { fingerprint, signBytes } from './signing';

/**
 * One month's report, made from an open vault: the true numbers, the
 * document after suppression with its canonical bytes, and what the app
 * shows beside it (what is suppressed and why, chart series). Nothing here
 * writes; see exportFiles.ts for that.
 */
export interface MonthReport {
  metrics: MonthMetrics;
  document: ServiceReportDocument;
  /** RFC 8785 bytes of the document: exactly what is signed and written. */
  bytes: Buffer;
  suppressed: SuppressedCellInfo[];
  charts: ReportCharts;
}

export interface SignedMonthReport extends MonthReport {
  signature: Buffer;
  /** SPKI DER of the signing key. */
  publicKey: Buffer;
  fingerprint: string;
}

export interface MonthReportOptions {
  month: string;
  /** Defaults to the worker's setting. */
  threshold?: ReportThreshold;
  /** Defaults to the vault's clock. */
  now?: Date;
  /** Reuse prepared statements across calls (the benchmark does). */
  query?: MonthMetricsQuery;
}

const label = (path: string): string => metricInfo(path)?.label ?? path;

/** Why a number is hidden, in words the worker can read (the report itself does not say). */
function explain(why: HiddenWhy, path: string, threshold: number): string {
  switch (why) {
    case 'small':
      return `Fewer than ${threshold} students (1 to ${threshold - 1}).`;
    case 'group':
      return `Hidden with the other counts it adds up with: one of them is from 1 to ${threshold - 1}, and showing the rest would let someone work it out.`;
    case 'statistic':
      return path === 'frequency.meanSessionsPerStudent'
        ? `Based on fewer than ${threshold} students, or it would tell how many students your group sessions had.`
        : `Based on fewer than ${threshold} students.`;
    case 'services':
      return path === 'sessions.individual.count'
        ? `There were no group sessions this month, and each individual session is with exactly one student, so a count of 1 to ${threshold - 1} individual sessions would tell at most how many students you saw.`
        : path === 'minutes.direct'
          ? 'The direct minutes less the other direct services would give back the individual-session minutes.'
          : 'Every session lasts at least a minute, so these minutes would tell at most how many individual sessions there were.';
  }
}

const catalogueOrder = new Map(REPORT_METRICS.map((metric, index) => [metric.path, index]));

export function prepareMonthReport(data: VaultData, options: MonthReportOptions): MonthReport {
  const settings = data.settings.get();
  const threshold = options.threshold ?? settings.reportThreshold;
  const timeZone = settings.timeZone;
  const today = localDate(options.now ?? data.clock(), timeZone);
  const generated = today.slice(0, 7);
  if (options.month > generated) {
    throw new VaultError('INVALID_INPUT', `month: ${options.month} has not begun yet (today is ${today} in ${timeZone}).`);
  }

  const metrics = (options.query ?? new MonthMetricsQuery(data.db)).compute(options.month);
  const built = buildReportDocument({
    metrics,
    threshold,
    timeZone,
    generated,
    fingerprint: fingerprint(data.keys.signingPublicKey().spki),
  });
  const { document } = built;

  const suppressed: SuppressedCellInfo[] = [...built.hidden].map(([path, why]) => ({ path, label: label(path), reason: why, explanation: explain(why, path, threshold) }));
  suppressed.sort((a, b) => (catalogueOrder.get(a.path) ?? Infinity) - (catalogueOrder.get(b.path) ?? Infinity));

  const categoryLabel = (id: string) => DEFAULT_ISSUE_CATEGORIES.find((category) => category.id === id)?.label ?? 'Categories the worker added';
  const charts: ReportCharts = {
    minutesByServiceKind: SERVICE_KINDS.map((kind) => ({
      kind: kind.id,
      label: kind.label,
      minutes: metrics.byKind[kind.id].minutes,
      suppressed: SERVICE_KIND_PATHS[kind.id].some((activity) => built.hidden.has(`${activity}.minutes`)) ? ('services' as const) : null,
    })),
    sessionsPerWeek: metrics.sessionsPerWeek.map((week) => ({ weekStart: week.start, weekEnd: week.end, individual: week.individual, group: week.group })),
    studentsPerIssueCategory: REPORT_CATEGORY_IDS.map((id) => {
      const value = valueAtPath(document.metrics, `studentsByIssueCategory.${id}`);
      return typeof value === 'number'
        ? { category: id, label: categoryLabel(id), value, suppressed: null }
        : { category: id, label: categoryLabel(id), value: null, suppressed: built.hidden.get(`studentsByIssueCategory.${id}`) ?? ('small' as const) };
    }),
  };

  return { metrics, document, bytes: canonicalBytes(document), suppressed, charts };
}

/** Signs the canonical bytes with the vault's signing key. */
export function signMonthReport(data: VaultData, report: MonthReport): SignedMonthReport {
  const publicKey = data.keys.signingPublicKey().spki;
  const signature = signBytes(report.bytes, data.keys.signingPrivateKey());
  return { ...report, signature, publicKey, fingerprint: fingerprint(publicKey) };
}
