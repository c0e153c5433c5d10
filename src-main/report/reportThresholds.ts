import { ReportThreshold } from '../../shared/api/schemas';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import { exportedMonths } from './exportedMonths';
import { schoolYearMonths, schoolYearOf } from '../../shared/domain/schoolYear';

/**
 * k is fixed per school year (July to June unless the worker set another start month): every month and every
 * correction of a year uses the same k, so no reader can set two exports of
 * one month side by side at different k (k = 10 and k = 11 of the same month
 * would show which counts are exactly 10). A year's k is its row in
 * `report_thresholds`, else the setting `reportThreshold` (default 10). It is
 * changed only with a reason, recorded in the audit log, and never for a
 * school year with a month already exported.
 */
export const THRESHOLD_CHANGED_ACTION = 'report.threshold_changed';

/** "2025-26" for any month from July 2025 to June 2026 (from the start month the worker set). */
export function schoolYearOfMonth(data: VaultData, month: string): string {
  return schoolYearOf(month, data.settings.get().schoolYearStartMonth);
}

/** The first and last month of a school year, from the start month the worker set. */
function monthsOf(data: VaultData, schoolYear: string): { first: string; last: string } {
  return schoolYearMonths(schoolYear, data.settings.get().schoolYearStartMonth);
}

function recordedThreshold(data: VaultData, schoolYear: string): ReportThreshold | null {
  const threshold = data.reportExports.thresholdOf(schoolYear);
  return threshold === null ? null : ReportThreshold.parse(threshold);
}

/** k for a month: the one it was exported with, else its school year's, else the setting. */
export function thresholdForMonth(data: VaultData, month: string): ReportThreshold {
  const exported = exportedMonths(data).latest(month);
  if (exported) return ReportThreshold.parse(exported.threshold);
  return recordedThreshold(data, schoolYearOfMonth(data, month)) ?? data.settings.get().reportThreshold;
}

/** Fixes the school year's k at its first export (inside the export's own write). */
export function fixThresholdAtExport(data: VaultData, month: string, threshold: ReportThreshold): void {
  const schoolYear = schoolYearOfMonth(data, month);
  if (recordedThreshold(data, schoolYear) !== null) return;
  data.reportExports.recordThreshold({ schoolYear, threshold, reason: `fixed by the first export of the school year (${month})` }, false);
}

export interface ThresholdChange {
  threshold: ReportThreshold;
  /** Why, in the worker's words; recorded in the audit log. */
  reason: string;
}

/**
 * Changes k from the current school year on (today in the worker's time
 * zone): refused (CONFLICT) once a month of this school year was exported,
 * and without a reason (INVALID_INPUT). Nothing is written when refused.
 */
export function changeReportThreshold(data: VaultData, change: ThresholdChange): { schoolYear: string; threshold: ReportThreshold } {
  const threshold = ReportThreshold.parse(change.threshold);
  const reason = change.reason.trim();
  if (reason.length < 3 || reason.length > 500) throw new VaultError('INVALID_INPUT', 'reason: say in a few words why the smallest number shown changes (3 to 500 characters).');
  const schoolYear = schoolYearOfMonth(data, data.today().slice(0, 7));
  return data.transaction(() => {
    const from = thresholdForMonth(data, data.today().slice(0, 7));
    const { first, last } = monthsOf(data, schoolYear);
    const exported = exportedMonths(data).periodsBetween(first, last);
    if (exported.length > 0 && from !== threshold) {
      throw new VaultError(
        'CONFLICT',
        `The smallest number shown stays ${from} for the ${schoolYear} school year: ${exported.join(', ')} ${exported.length === 1 ? 'was' : 'were'} already sent with it. It can change from the next school year.`,
      );
    }
    data.reportExports.recordThreshold({ schoolYear, threshold, reason }, true);
    data.settings.update({ reportThreshold: threshold });
    data.audit.append(THRESHOLD_CHANGED_ACTION, { schoolYear, from, to: threshold, reason });
    return { schoolYear, threshold };
  });
}

/** k of the current school year and the months of it already sent. */
export function reportThresholdInfo(data: VaultData): { schoolYear: string; threshold: ReportThreshold; sentMonths: string[] } {
  const month = data.today().slice(0, 7);
  const schoolYear = schoolYearOfMonth(data, month);
  const { first, last } = monthsOf(data, schoolYear);
  return { schoolYear, threshold: recordedThreshold(data, schoolYear) ?? data.settings.get().reportThreshold, sentMonths: exportedMonths(data).periodsBetween(first, last) };
}
