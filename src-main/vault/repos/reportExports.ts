import type { VaultDatabase } from '../connection';

/** One recorded export of a month (table report_exports, migration 11), its numbers' basis as stored (JSON). */
export interface ExportedMonthRow {
  period: string;
  /** 0 for the month's first report, N for its N-th correction. */
  correction: number;
  threshold: number;
  /** The canonical document exactly as signed. */
  document: string;
  /** The true numbers each published value stands for, as JSON (report/publish.ts reads it). */
  basis: string;
}

/** One recorded export of a school year (table school_year_exports, migration 15). */
export interface ExportedSchoolYear {
  schoolYear: string;
  threshold: number;
  /** The canonical document exactly as signed; null for an export recorded before documents were kept. */
  document: string | null;
  exportedAt: string;
}

interface SchoolYearRow {
  school_year: string;
  threshold: number;
  document: string | null;
  exported_at: string;
}

const fromSchoolYearRow = (row: SchoolYearRow): ExportedSchoolYear => ({
  schoolYear: row.school_year,
  threshold: row.threshold,
  document: row.document,
  exportedAt: row.exported_at,
});

/**
 * The reports the worker has exported, as the vault keeps them: each month's
 * exports (with their corrections), each school year's, and the k fixed for
 * a school year (report_thresholds, migration 11).
 */
export class ReportExportRepository {
  constructor(
    private readonly db: VaultDatabase,
    private readonly clock: () => Date,
  ) {}

  /** The month's latest export (its highest correction), or null. */
  latestMonth(period: string): ExportedMonthRow | null {
    return (
      this.db
        .prepare<[string], ExportedMonthRow>('SELECT period, correction, threshold, document, basis FROM report_exports WHERE period = ? ORDER BY correction DESC LIMIT 1')
        .get(period) ?? null
    );
  }

  /** Every export of the month, first to last. */
  allOfMonth(period: string): ExportedMonthRow[] {
    return this.db.prepare<[string], ExportedMonthRow>('SELECT period, correction, threshold, document, basis FROM report_exports WHERE period = ? ORDER BY correction').all(period);
  }

  /** Months with an export from `first` to `last` (YYYY-MM), in order. */
  monthsBetween(first: string, last: string): string[] {
    return this.db
      .prepare<[string, string], { period: string }>('SELECT DISTINCT period FROM report_exports WHERE period BETWEEN ? AND ? ORDER BY period')
      .all(first, last)
      .map((row) => row.period);
  }

  /** Records a month's export; the same correction of a month is recorded once. */
  recordMonth(entry: ExportedMonthRow): void {
    this.db
      .prepare(
        'INSERT INTO report_exports (period, correction, threshold, document, basis, exported_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (period, correction) DO NOTHING',
      )
      .run(entry.period, entry.correction, entry.threshold, entry.document, entry.basis, this.clock().toISOString());
  }

  /** The school year's latest export, or null. */
  latestSchoolYear(schoolYear: string): ExportedSchoolYear | null {
    const row = this.db
      .prepare<[string], SchoolYearRow>('SELECT school_year, threshold, document, exported_at FROM school_year_exports WHERE school_year = ? ORDER BY seq DESC LIMIT 1')
      .get(schoolYear);
    return row === undefined ? null : fromSchoolYearRow(row);
  }

  /** Every export of the school year, first to last. */
  allSchoolYear(schoolYear: string): ExportedSchoolYear[] {
    return this.db
      .prepare<[string], SchoolYearRow>('SELECT school_year, threshold, document, exported_at FROM school_year_exports WHERE school_year = ? ORDER BY seq')
      .all(schoolYear)
      .map(fromSchoolYearRow);
  }

  recordSchoolYear(entry: { schoolYear: string; threshold: number; document: string }): void {
    this.db
      .prepare('INSERT INTO school_year_exports (school_year, threshold, document, exported_at) VALUES (?, ?, ?, ?)')
      .run(entry.schoolYear, entry.threshold, entry.document, this.clock().toISOString());
  }

  /** The k recorded for a school year, or null when none is yet. */
  thresholdOf(schoolYear: string): number | null {
    const row = this.db.prepare<[string], { threshold: number }>('SELECT threshold FROM report_thresholds WHERE school_year = ?').get(schoolYear);
    return row?.threshold ?? null;
  }

  /** Records the school year's k; `replace` changes one already recorded, else the first stays. */
  recordThreshold(entry: { schoolYear: string; threshold: number; reason: string }, replace: boolean): void {
    this.db
      .prepare(
        `INSERT INTO report_thresholds (school_year, threshold, reason, set_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (school_year) DO ${replace ? 'UPDATE SET threshold = excluded.threshold, reason = excluded.reason, set_at = excluded.set_at' : 'NOTHING'}`,
      )
      .run(entry.schoolYear, entry.threshold, entry.reason, this.clock().toISOString());
  }
}
