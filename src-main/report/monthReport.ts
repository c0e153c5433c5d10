import type { ReportCharts, SuppressedCellInfo } from '../../shared/api/reportSchemas';
import type { ReportThreshold } from '../../shared/api/schemas';
import { DEFAULT_ISSUE_CATEGORIES } from '../../shared/domain/issueCategories';
import { SERVICE_KINDS } from '../../shared/domain/serviceKinds';
import { metricInfo, REPORT_METRICS, SERVICE_KIND_PATHS, valueAtPath } from '../../shared/report/catalog';
import { REPORT_CATEGORY_IDS, ServiceReportDocument } from '../../shared/report/document';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import { localDate } from '../common/calendar';
import { canonicalBytes } from '../common/canonical';
import { readGuidelineList } from './guidelineList';
import { computeMonthMetrics, type MonthMetrics } from './metrics';
import { planCorrection } from './corrections';
import { exportedMonths } from './exportedMonths';
import { buildReportDocument, plainReportMetrics, type BuiltDocument } from './reportDocument';
import { publishMetrics, type HiddenWhy, type PlainReportMetrics } from './publish';
import { thresholdForMonth } from './reportThresholds';
import { parseReportDocument } from './verify';
import { fingerprint, signBytes } from '../common/signing';

/**
 * One month's report, made from an open vault: the true numbers, the
 * document after suppression with its canonical bytes, and what the app
 * shows beside it (what is suppressed and why, chart series). Nothing here
 * writes; see exportFiles.ts for that.
 */
export interface MonthReport {
  metrics: MonthMetrics;
  /** What an export records (exportedMonths.ts), and how this report stands to the ones already sent. */
  publication: Publication;
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

export interface Publication {
  /** 0 for the month's first report, N for its N-th correction. */
  correction: number;
  /** The true numbers each published value stands for. */
  basis: PlainReportMetrics;
  /** The month was exported before; this report is that export again, or a correction of it. */
  sentBefore: boolean;
  /** The numbers now differ from the latest export in something a correction would show (null when never sent). */
  correctionAvailable: boolean | null;
  /** Groups a correction keeps as sent, because a count in them changed by 1 to k-1. */
  kept: string[];
}

export interface MonthReportOptions {
  month: string;
  /** Defaults to the month's k (its school year's, or the one it was sent with); another k is for a preview only. */
  threshold?: ReportThreshold;
  /** Make a correction of a month already sent, when its numbers changed; without it a month sent before comes out as it was sent. */
  correction?: boolean;
  /** Defaults to the vault's clock. */
  now?: Date;
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

/** The hidden paths of a document as sent, with why as the rule gives it now (or `group` where it no longer hides them). */
function hiddenOf(document: ServiceReportDocument, now: ReadonlyMap<string, HiddenWhy>): Map<string, HiddenWhy> {
  const hidden = new Map<string, HiddenWhy>();
  for (const metric of REPORT_METRICS) {
    const value = valueAtPath(document.metrics, metric.path);
    if (typeof value === 'object' && value !== null) hidden.set(metric.path, now.get(metric.path) ?? 'group');
  }
  return hidden;
}

const catalogueOrder = new Map(REPORT_METRICS.map((metric, index) => [metric.path, index]));

export function prepareMonthReport(data: VaultData, options: MonthReportOptions): MonthReport {
  const settings = data.settings.get();
  const monthThreshold = thresholdForMonth(data, options.month);
  const threshold = options.threshold ?? monthThreshold;
  const timeZone = settings.timeZone;
  const today = localDate(options.now ?? data.clock(), timeZone);
  const generated = today.slice(0, 7);
  if (options.month > generated) {
    throw new VaultError('INVALID_INPUT', `month: ${options.month} has not begun yet (today is ${today} in ${timeZone}).`);
  }

  const metrics = computeMonthMetrics(data, options.month);
  const guideline = readGuidelineList(data, options.month);
  const input = { metrics, threshold, timeZone, generated, fingerprint: fingerprint(data.keys.signingPublicKey().spki), guideline };
  const plain = plainReportMetrics(metrics, guideline);
  const fresh = publishMetrics(plain, threshold);
  const sent = options.threshold === undefined || options.threshold === monthThreshold ? exportedMonths(data).all(options.month) : [];
  const latest = sent.at(-1);
  let built: BuiltDocument;
  let bytes: Buffer;
  let publication: Publication;
  if (latest === undefined) {
    built = buildReportDocument({ ...input, published: fresh });
    bytes = canonicalBytes(built.document);
    publication = { correction: 0, basis: plain, sentBefore: false, correctionAvailable: null, kept: [] };
  } else {
    const latestDocument = ServiceReportDocument.parse(JSON.parse(latest.document));
    const plan = planCorrection({
      plain,
      fresh,
      earlierBases: sent.map((entry) => entry.basis),
      latestPublished: latestDocument.metrics,
      latestBasis: latest.basis,
      threshold,
    });
    const corrected = buildReportDocument({ ...input, correction: latest.correction + 1, published: plan.published });
    const correctable = 'document' in parseReportDocument(canonicalBytes(corrected.document));
    const correctionAvailable = correctable && whatReadersSee(corrected.document) !== whatReadersSee(latestDocument);
    if (options.correction === true && correctionAvailable) {
      built = corrected;
      bytes = canonicalBytes(built.document);
      publication = { correction: latest.correction + 1, basis: plan.basis, sentBefore: true, correctionAvailable, kept: plan.kept };
    } else {
      // The month as it was sent, to the byte: exporting it again never shows other numbers.
      built = { document: latestDocument, plain, hidden: hiddenOf(latestDocument, fresh.hidden) };
      bytes = Buffer.from(latest.document, 'utf8');
      publication = { correction: latest.correction, basis: latest.basis, sentBefore: true, correctionAvailable, kept: [] };
    }
  }
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

  return { metrics, publication, document, bytes, suppressed, charts };
}

/** Signs the canonical bytes with the vault's signing key. */
export function signMonthReport(data: VaultData, report: MonthReport): SignedMonthReport {
  const publicKey = data.keys.signingPublicKey().spki;
  const signature = signBytes(report.bytes, data.keys.signingPrivateKey());
  return { ...report, signature, publicKey, fingerprint: fingerprint(publicKey) };
}

/** A report's numbers and lists, without when it was made or which correction it is: a correction is offered only when these change. */
function whatReadersSee(document: ServiceReportDocument): string {
  const { metrics, administrativeResponsibilities, successStories } = document;
  return canonicalBytes({ metrics, administrativeResponsibilities, successStories }).toString();
}
