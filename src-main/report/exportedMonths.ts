import type { ExportedMonthRow } from '../vault/repos/reportExports';
import type { VaultData } from '../vault/vaultData';
import type { PlainReportMetrics } from './publish';

/** One recorded export of a month (table report_exports, migration 11). */
export interface ExportedMonth {
  period: string;
  /** 0 for the month's first report, N for its N-th correction. */
  correction: number;
  threshold: number;
  /** The canonical document exactly as signed. */
  document: string;
  /** The true numbers each published value stands for. */
  basis: PlainReportMetrics;
}

const fromRow = (row: ExportedMonthRow): ExportedMonth => ({ ...row, basis: JSON.parse(row.basis) as PlainReportMetrics });

/** The months the worker has exported (vault/repos/reportExports.ts), their numbers' basis read back. */
export function exportedMonths(data: VaultData) {
  const exports = data.reportExports;
  return {
    /** The month's latest export (its highest correction), or null. */
    latest(period: string): ExportedMonth | null {
      const row = exports.latestMonth(period);
      return row === null ? null : fromRow(row);
    },
    /** Every export of the month, first to last. */
    all(period: string): ExportedMonth[] {
      return exports.allOfMonth(period).map(fromRow);
    },
    /** Months with an export from `first` to `last` (YYYY-MM), in order. */
    periodsBetween(first: string, last: string): string[] {
      return exports.monthsBetween(first, last);
    },
    /** Records an export; the same correction of a month is recorded once. */
    record(entry: ExportedMonth): void {
      exports.recordMonth({ ...entry, basis: JSON.stringify(entry.basis) });
    },
  };
}
