import type { ReportExportResult } from '../../shared/api/reportSchemas';
import { rulesWithoutVault, type OutputRules } from '../files/outputPath';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import type { SignedMonthReport } from './monthReport';
import { exportedMonths } from './exportedMonths';
import { fixThresholdAtExport, schoolYearOfMonth, thresholdForMonth } from './reportThresholds';
import { renderReportCsv } from './reportCsv';
import { renderReportHtml } from './reportHtml';
import { writeReportFolder } from './reportFolderWriter';

export { PUBLIC_KEY_FILE, refuseForeignKeyFile, refuseToReplaceMonth, reportFileNames, sha256Hex } from './reportFolderWriter';

/** The five files of a monthly report, and the audit action that records their export. */
export const REPORT_EXPORT_ACTION = 'report.exported';
/** Follows a `report.exported` entry whose files could not be swapped in (`exportSeq` names it). */
export const REPORT_EXPORT_FAILED_ACTION = 'report.export_failed';

/**
 * Writes a signed month's five files into `folder` (reportFolderWriter.ts),
 * replacing a month already there only when `rules.replace`. The export is
 * recorded in the audit log, with every file's SHA-256, and the month's
 * numbers in the vault (exportedMonths.ts), before the files are swapped in;
 * from then on its school year's k is fixed.
 */
export function exportReportFiles(data: VaultData, report: SignedMonthReport, folder: string, rules: OutputRules = rulesWithoutVault(false)): ReportExportResult {
  const period = report.document.period;
  const monthThreshold = thresholdForMonth(data, period);
  if (report.document.threshold !== monthThreshold) {
    throw new VaultError(
      'INVALID_INPUT',
      `threshold: ${period} is reported with k = ${monthThreshold}, the smallest number shown for the ${schoolYearOfMonth(data, period)} school year` +
        `${exportedMonths(data).latest(period) ? ' and the k it was already sent with' : ''}; one month is never sent at two different k. Nothing was written.`,
    );
  }
  return writeReportFolder(
    data,
    {
      period,
      what: `the ${period} report`,
      json: report.bytes,
      signature: report.signature,
      csv: renderReportCsv(report.document),
      html: renderReportHtml(report.document),
      publicKey: report.publicKey,
      fingerprint: report.fingerprint,
      failedAction: REPORT_EXPORT_FAILED_ACTION,
      record: (target, files) => {
        fixThresholdAtExport(data, period, report.document.threshold);
        exportedMonths(data).record({
          period,
          correction: report.publication.correction,
          threshold: report.document.threshold,
          document: report.bytes.toString('utf8'),
          basis: report.publication.basis,
        });
        return data.audit.append(REPORT_EXPORT_ACTION, {
          period,
          threshold: report.document.threshold,
          ...(report.publication.correction > 0 ? { correction: report.publication.correction } : {}),
          fingerprint: report.fingerprint,
          folder: target,
          files,
        });
      },
    },
    folder,
    rules,
  );
}
