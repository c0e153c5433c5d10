import type { VaultData } from '../vault/vaultData';

/** One recorded export of a school year (table school_year_exports, migration 15). */
export interface ExportedSchoolYear {
  schoolYear: string;
  threshold: number;
  /** The canonical document exactly as signed; null for an export recorded before documents were kept. */
  document: string | null;
  exportedAt: string;
}

interface Row {
  school_year: string;
  threshold: number;
  document: string | null;
  exported_at: string;
}

const fromRow = (row: Row): ExportedSchoolYear => ({ schoolYear: row.school_year, threshold: row.threshold, document: row.document, exportedAt: row.exported_at });

/** The school years the worker has exported, read and written inside the vault. */
export function exportedSchoolYears(data: VaultData) {
  const db = data.db;
  return {
    /** The year's latest export, or null. */
    latest(schoolYear: string): ExportedSchoolYear | null {
      const row = db
        .prepare<[string], Row>('SELECT school_year, threshold, document, exported_at FROM school_year_exports WHERE school_year = ? ORDER BY seq DESC LIMIT 1')
        .get(schoolYear);
      return row === undefined ? null : fromRow(row);
    },
    record(entry: { schoolYear: string; threshold: number; document: string }): void {
      db.prepare('INSERT INTO school_year_exports (school_year, threshold, document, exported_at) VALUES (?, ?, ?, ?)').run(
        entry.schoolYear,
        entry.threshold,
        entry.document,
        data.clock().toISOString(),
      );
    },
  };
}
