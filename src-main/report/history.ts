import { ReportHistoryEntry } from '../../shared/api/reportSchemas';
import type { VaultData } from '../vault/vaultData';
import { REPORT_EXPORT_ACTION } from './exportFiles';

const Details = ReportHistoryEntry.omit({ seq: true, at: true });

/** Past exports, newest first, read back from the audit log (entries that do not parse are skipped). */
export function reportHistory(data: VaultData, limit = 1000): ReportHistoryEntry[] {
  return data.audit.listByAction(REPORT_EXPORT_ACTION, limit).flatMap((entry) => {
    const details = Details.safeParse(entry.details);
    return details.success ? [{ seq: entry.seq, at: entry.at, ...details.data }] : [];
  });
}
