import { ReportHistoryEntry } from '../../shared/api/reportSchemas';
import type { VaultData } from '../vault/vaultData';
import { REPORT_EXPORT_ACTION, REPORT_EXPORT_FAILED_ACTION } from './exportFiles';
import { SCHOOL_YEAR_EXPORT_ACTION, SCHOOL_YEAR_EXPORT_FAILED_ACTION } from './schoolYearFiles';

const Details = ReportHistoryEntry.omit({ seq: true, at: true, kind: true });

const KINDS = [
  { kind: 'month', action: REPORT_EXPORT_ACTION, failedAction: REPORT_EXPORT_FAILED_ACTION },
  { kind: 'school-year', action: SCHOOL_YEAR_EXPORT_ACTION, failedAction: SCHOOL_YEAR_EXPORT_FAILED_ACTION },
] as const;

/**
 * Past exports of months and school years, newest first, read back from the
 * audit log (entries that do not parse are skipped, and so are exports
 * recorded as failed right after).
 */
export function reportHistory(data: VaultData, limit = 1000): ReportHistoryEntry[] {
  const entries = KINDS.flatMap(({ kind, action, failedAction }) => {
    const failed = new Set(data.audit.listByAction(failedAction, 10_000).map((entry) => entry.details.exportSeq));
    return data.audit.listByAction(action, limit).flatMap((entry) => {
      if (failed.has(entry.seq)) return [];
      const details = Details.safeParse(entry.details);
      return details.success ? [{ seq: entry.seq, at: entry.at, kind, ...details.data }] : [];
    });
  });
  return entries.sort((a, b) => b.seq - a.seq).slice(0, limit);
}
