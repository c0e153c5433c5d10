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
import { readGuidelineList } from './guidelineList';
import { MonthMetricsQuery, type MonthMetrics } from './metrics';
import { buildReportDocument, CLOSED_NOT_RESOLVED, STATISTIC_PATHS } from './reportDocument';
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

const label = (path: string): string =>
  path === CLOSED_NOT_RESOLVED ? 'Cases closed but not resolved (not published)' : (metricInfo(path)?.label ?? path);

function explain(reason: SuppressedCellInfo['reason'], threshold: number, protects: string | undefined): string {
  switch (reason) {
    case 'primary':
      return `Fewer than ${threshold} students (1 to ${threshold - 1}).`;
    case 'complementary':
      return `Hidden so that "${label(protects ?? '')}" cannot be worked out from the other published counts.`;
    case 'withheld':
      return 'Every count in this group is hidden: no smaller choice keeps its small counts from being worked out.';
  }
}

/** Why a count of services or minutes is hidden, in words the worker can read. */
function explainServiceCell(path: string, threshold: number): string {
  switch (path) {
    case 'sessions.individual.count':
      return `There were no group sessions this month, and each individual session is with exactly one student, so a count of 1 to ${threshold - 1} individual sessions would tell at most how many students you saw. It is hidden so that the suppressed count of students stays hidden.`;
    case 'sessions.individual.minutes':
      return 'Every session lasts at least a minute, so these minutes would tell at most how many individual sessions there were.';
    case 'minutes.direct':
      return 'The direct minutes less the other direct services would give back the individual-session minutes.';
    default:
      return 'Hidden so that a suppressed count of students cannot be narrowed.';
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
    guideline: readGuidelineList(data, options.month),
  });
  const { document } = built;

  const suppressed: SuppressedCellInfo[] = [];
  for (const [path, decision] of built.suppression.decisions) {
    if (!decision.suppressed) continue;
    suppressed.push({ path, label: label(path), reason: decision.reason, explanation: explain(decision.reason, threshold, decision.protects) });
  }
  for (const [path, decision] of built.serviceSuppression) {
    suppressed.push({ path, label: label(path), reason: decision.reason, explanation: explainServiceCell(path, threshold) });
  }
  if (built.statisticsSuppressed) {
    for (const path of STATISTIC_PATHS) {
      suppressed.push({ path, label: label(path), reason: 'primary', explanation: `Based on fewer than ${threshold} students.` });
    }
  }
  suppressed.sort((a, b) => (catalogueOrder.get(a.path) ?? Infinity) - (catalogueOrder.get(b.path) ?? Infinity));

  const categoryLabel = (id: string) => DEFAULT_ISSUE_CATEGORIES.find((category) => category.id === id)?.label ?? 'Categories the worker added';
  const charts: ReportCharts = {
    minutesByServiceKind: SERVICE_KINDS.map((kind) => ({
      kind: kind.id,
      label: kind.label,
      minutes: metrics.byKind[kind.id].minutes,
      suppressed: SERVICE_KIND_PATHS[kind.id].some((activity) => built.serviceSuppression.has(`${activity}.minutes`)) ? ('complementary' as const) : null,
    })),
    sessionsPerWeek: metrics.sessionsPerWeek.map((week) => ({ weekStart: week.start, weekEnd: week.end, individual: week.individual, group: week.group })),
    studentsPerIssueCategory: REPORT_CATEGORY_IDS.map((id) => {
      const value = valueAtPath(document.metrics, `studentsByIssueCategory.${id}`);
      return typeof value === 'number'
        ? { category: id, label: categoryLabel(id), value, suppressed: null }
        : { category: id, label: categoryLabel(id), value: null, suppressed: (value as { reason: SuppressedCellInfo['reason'] }).reason };
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
