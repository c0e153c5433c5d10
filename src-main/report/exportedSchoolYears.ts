import type { VaultData } from '../vault/vaultData';

export type { ExportedSchoolYear } from '../vault/repos/reportExports';

/** The school years the worker has exported (vault/repos/reportExports.ts). */
export function exportedSchoolYears(data: VaultData) {
  const exports = data.reportExports;
  return {
    /** The year's latest export, or null. */
    latest: (schoolYear: string) => exports.latestSchoolYear(schoolYear),
    /** Every export of the year, first to last. */
    all: (schoolYear: string) => exports.allSchoolYear(schoolYear),
    record: (entry: { schoolYear: string; threshold: number; document: string }) => exports.recordSchoolYear(entry),
  };
}
