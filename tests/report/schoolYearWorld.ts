import fs from 'node:fs';
import path from 'node:path';
import type { CaseOutcome } from '../../shared/domain/caseOutcomes';
import { rulesWithoutVault } from '../../src-main/files/outputPath';
import { exportReportFiles, reportFileNames } from '../../src-main/report/exportFiles';
import { prepareMonthReport, signMonthReport } from '../../src-main/report/monthReport';
import type { VaultData } from '../../src-main/vault/vaultData';

/**
 * Building a school year of students and cases on a real vault, for the tests
 * that attack the year's report beside its months.
 */

export type Metrics = Record<string, unknown>;

/** Students with codes `PREFIX0001`…, counted from one for each test (`reset`). */
export function caseload(prefix: string) {
  let codes = 0;
  const newStudent = (data: VaultData, openedOn = '2026-06-01'): string => {
    codes += 1;
    return data.students.create({ code: `${prefix}${String(codes).padStart(4, '0')}`, openedOn }).id;
  };
  /** `count` cases opened before the year, closed on `date` with `outcome`. */
  const closeCases = (data: VaultData, date: string, outcome: CaseOutcome, count: number): void => {
    for (let index = 0; index < count; index += 1) data.students.close(newStudent(data), date, outcome);
  };
  return {
    newStudent,
    closeCases,
    reset: () => {
      codes = 0;
    },
  };
}

/** Sends a month (or its correction) into `folder`, as the district receives it; its metrics as sent. */
export function sendMonthInto(data: VaultData, folder: string, month: string, correction = false): Metrics {
  exportReportFiles(data, signMonthReport(data, prepareMonthReport(data, { month, correction })), folder, rulesWithoutVault(false));
  return JSON.parse(fs.readFileSync(path.join(folder, reportFileNames(month).json), 'utf8')).metrics as Metrics;
}
