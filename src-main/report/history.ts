import { ReportHistoryEntry } from '../../shared/api/reportSchemas';
import type { VaultData } from '../vault/vaultData';
import { REPORT_EXPORT_ACTION, REPORT_EXPORT_FAILED_ACTION } from './exportFiles';

const Details = ReportHistoryEntry.omit({ seq: true, at: true });

/**
 * Past exports, newest first, read back from the audit log (entries that do
 * not parse are skipped, and so are exports recorded as failed right after).
 */
export function reportHistory(data: VaultData, limit = 1000): ReportHistoryEntry[] {
  const failed = new Set(data.audit.listByAction(REPORT_EXPORT_FAILED_ACTION, 10_000).map((entry) => entry.details.exportSeq));
  return data.audit.listByAction(REPORT_EXPORT_ACTION, limit).flatMap((entry) => {
    if (failed.has(entry.seq)) return [];
    const details = Details.safeParse(entry.details);
    return details.success ? [{ seq: entry.seq, at: entry.at, ...details.data }] : [];
  });
}
