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

interface Row {
  period: string;
  correction: number;
  threshold: number;
  document: string;
  basis: string;
}

const fromRow = (row: Row): ExportedMonth => ({ ...row, basis: JSON.parse(row.basis) as PlainReportMetrics });

/** The months the worker has exported, read and written inside the vault. */
export function exportedMonths(data: VaultData) {
  const db = data.db;
  return {
    /** The month's latest export (its highest correction), or null. */
    latest(period: string): ExportedMonth | null {
      const row = db
        .prepare<[string], Row>('SELECT period, correction, threshold, document, basis FROM report_exports WHERE period = ? ORDER BY correction DESC LIMIT 1')
        .get(period);
      return row === undefined ? null : fromRow(row);
    },
    /** Every export of the month, first to last. */
    all(period: string): ExportedMonth[] {
      return db.prepare<[string], Row>('SELECT period, correction, threshold, document, basis FROM report_exports WHERE period = ? ORDER BY correction').all(period).map(fromRow);
    },
    /** Months with an export from `first` to `last` (YYYY-MM), in order. */
    periodsBetween(first: string, last: string): string[] {
      return db.prepare<[string, string], { period: string }>('SELECT DISTINCT period FROM report_exports WHERE period BETWEEN ? AND ? ORDER BY period').all(first, last).map((row) => row.period);
    },
    /** Records an export; the same correction of a month is recorded once. */
    record(entry: ExportedMonth): void {
      db.prepare(
        'INSERT INTO report_exports (period, correction, threshold, document, basis, exported_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (period, correction) DO NOTHING',
      ).run(entry.period, entry.correction, entry.threshold, entry.document, JSON.stringify(entry.basis), data.clock().toISOString());
    },
  };
}
