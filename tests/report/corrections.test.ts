import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rulesWithoutVault } from '../../src-main/files/outputPath';
import { exportReportFiles, reportFileNames } from '../../src-main/report/exportFiles';
import { prepareMonthReport, signMonthReport } from '../../src-main/report/monthReport';
import { changeReportThreshold, reportThresholdInfo, THRESHOLD_CHANGED_ACTION } from '../../src-main/report/reportThresholds';
import { schoolYearOf } from '../../shared/domain/schoolYear';
import { parseReportDocument } from '../../src-main/report/verify';
import type { VaultData } from '../../src-main/vault/vaultData';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { openTestVault, type TestDatabase } from '../vault/testVault';
import { manualClock } from './knownMonth';

const MONTH = '2026-03';
const NOW = new Date('2026-04-06T14:00:00.000Z');

let vault: TestDatabase & { data: VaultData };
let out: string;
let exports = 0;
let seen = 0;

/** Another student seen once, individually, in March. */
function seeStudents(data: VaultData, count: number): void {
  for (let index = 0; index < count; index += 1) {
    seen += 1;
    const student = data.students.create({ code: `S${String(seen).padStart(3, '0')}`, openedOn: '2026-01-05' });
    data.services.create({ date: '2026-03-10', minutes: 30, kind: 'individual_session', studentIds: [student.id] });
  }
}

/** Exports March into a fresh folder; returns the document as written. */
function exportMarch(options: { threshold?: 5 | 10 | 11 | 16; correction?: boolean } = {}): Record<string, unknown> {
  exports += 1;
  const folder = path.join(out, `export-${exports}`);
  const report = prepareMonthReport(vault.data, { month: MONTH, now: NOW, ...options });
  exportReportFiles(vault.data, signMonthReport(vault.data, report), folder, rulesWithoutVault(false));
  const bytes = fs.readFileSync(path.join(folder, reportFileNames(MONTH).json));
  expect(parseReportDocument(bytes)).toHaveProperty('document');
  return JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
}

const metricsOf = (document: Record<string, unknown>) => document.metrics as Record<string, unknown>;

beforeEach(() => {
  const clock = manualClock('2026-03-20T15:00:00.000Z');
  vault = openTestVault(clock);
  out = makeTempDir('sole-notes-corrections-');
  exports = 0;
  seen = 0;
});
afterEach(() => {
  vault.dispose();
  removeDir(out);
});

describe('k is fixed per school year', () => {
  it('school years run July to June', () => {
    expect([schoolYearOf('2025-07'), schoolYearOf('2026-03'), schoolYearOf('2026-06'), schoolYearOf('2026-07'), schoolYearOf('1999-12')]).toEqual(['2025-26', '2025-26', '2025-26', '2026-27', '1999-00']);
  });

  it('changes only with a reason, recorded in the audit log, and never once a month of the year was sent', () => {
    expect(() => changeReportThreshold(vault.data, { threshold: 16, reason: ' ' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(changeReportThreshold(vault.data, { threshold: 16, reason: 'district policy: fewer than 16' })).toEqual({ schoolYear: '2025-26', threshold: 16 });
    expect(vault.data.audit.listByAction(THRESHOLD_CHANGED_ACTION, 10).map((entry) => entry.details)).toEqual([
      { schoolYear: '2025-26', from: 10, to: 16, reason: 'district policy: fewer than 16' },
    ]);
    seeStudents(vault.data, 20);
    expect(exportMarch().threshold).toBe(16);
    expect(() => changeReportThreshold(vault.data, { threshold: 10, reason: 'back to the usual' })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('stays 16 for the 2025-26 school year') }));
    expect(reportThresholdInfo(vault.data)).toEqual({ schoolYear: '2025-26', threshold: 16, sentMonths: [MONTH] });
  });

  it('the two-threshold attack: a month sent at k = 10 is never sent at k = 11 (nor is any month of its year)', () => {
    seeStudents(vault.data, 10);
    const first = exportMarch();
    expect(first.threshold).toBe(10);
    const before = fs.readdirSync(out).length;
    expect(() => exportMarch({ threshold: 11 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('never sent at two different k') }));
    expect(fs.readdirSync(out).length).toBe(before); // nothing written
    // A preview at another k is the worker's own view and is never recorded.
    expect(prepareMonthReport(vault.data, { month: MONTH, now: NOW, threshold: 11 }).document.threshold).toBe(11);
    expect(() => prepareMonthReport(vault.data, { month: '2026-02', now: NOW, threshold: 16 })).not.toThrow();
    expect(() => exportReportFiles(vault.data, signMonthReport(vault.data, prepareMonthReport(vault.data, { month: '2026-02', now: NOW, threshold: 16 })), path.join(out, 'feb'))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('exporting a month again', () => {
  it('the re-export attack: 23 students seen, then 24 after a late entry, never shows the change of one', () => {
    seeStudents(vault.data, 23);
    const first = exportMarch();
    expect(metricsOf(first).studentsSeen).toBe(23);
    expect(first.correction).toBeUndefined();

    seeStudents(vault.data, 1); // the late entry
    // Without the worker's confirmation, the same report, to the byte.
    const again = exportMarch();
    expect(again).toEqual(first);
    const preview = prepareMonthReport(vault.data, { month: MONTH, now: NOW });
    expect(preview.publication).toMatchObject({ sentBefore: true, correction: 0 });
    // A correction of one student shows nothing changed among the students: nothing a correction would show.
    expect(preview.publication.correctionAvailable).toBe(true); // the individual sessions (24) are services, and do show
    const corrected = exportMarch({ correction: true });
    expect(corrected.correction).toBe(1);
    expect(metricsOf(corrected).studentsSeen).toBe(23);
    expect((metricsOf(corrected).sessions as { individual: { count: number } }).individual.count).toBe(24);

    // Nine more students (33 in all): 10 more than the 23 first sent, so the correction shows it.
    seeStudents(vault.data, 9);
    const second = exportMarch({ correction: true });
    expect(second.correction).toBe(2);
    expect(metricsOf(second).studentsSeen).toBe(33);
  });

  it('a correction never shows a count changed by 1 to k-1 against ANY earlier report of the month', () => {
    seeStudents(vault.data, 12);
    expect(metricsOf(exportMarch()).studentsSeen).toBe(12);
    seeStudents(vault.data, 10);
    expect(metricsOf(exportMarch({ correction: true })).studentsSeen).toBe(22);
    // 25 is 3 from 22 and 13 from 12: kept at 22.
    seeStudents(vault.data, 3);
    expect(metricsOf(exportMarch({ correction: true })).studentsSeen).toBe(22);
  });

  it('every report of a month is refused by verify if it breaks the rule, and a correction verifies', () => {
    seeStudents(vault.data, 15);
    exportMarch();
    seeStudents(vault.data, 10);
    const corrected = exportMarch({ correction: true });
    expect(corrected).toMatchObject({ correction: 1, threshold: 10 });
  });
});
