import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionDueOn, retentionRuleWords } from '../../shared/domain/noteRetention';
import { monthsOfSchoolYear, schoolYearLastDayWords, schoolYearMonths, schoolYearOf, schoolYearRange, schoolYearSpanWords } from '../../shared/domain/schoolYear';
import { createRouter } from '../../src-main/api/router';
import { evidenceSummary } from '../../src-main/growth/evidence';
import { SupervisionLog } from '../../src-main/growth/supervisionLog';
import { reportThresholdInfo } from '../../src-main/report/reportThresholds';
import { prepareSchoolYearReport } from '../../src-main/report/schoolYearReport';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { cli } from '../helpers/cliHarness';
import { TEST_PASSPHRASE, createdVault, removeDir } from '../helpers/tempVault';

/*
 * The school year's start month is a setting (July unless the worker sets
 * another). With September: the bounds, a service in August in the year
 * before, the report's numbers and words, k per school year, the self-
 * evaluation's counts, supervision, retention's "end of the school year",
 * and `year-report --school-year 2024-25` on the command line.
 */

describe('school-year bounds from the start month', () => {
  it('computes July to June by default, and September to August, January to December when set', () => {
    expect(schoolYearRange('2026-27')).toEqual({ from: '2026-07-01', to: '2027-06-30' });
    expect(schoolYearRange('2026-27', 9)).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(schoolYearRange('2027-28', 3)).toEqual({ from: '2027-03-01', to: '2028-02-29' });
    expect(schoolYearRange('2026-27', 1)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(schoolYearMonths('2026-27', 9)).toEqual({ first: '2026-09', last: '2027-08' });
    expect(monthsOfSchoolYear('2026-27', 9)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08']);
    // A service in August falls in the year before; September opens the next.
    expect([schoolYearOf('2026-08-31', 9), schoolYearOf('2026-09-01', 9), schoolYearOf('2026-08-31'), schoolYearOf('2026-07', 9)]).toEqual(['2025-26', '2026-27', '2026-27', '2025-26']);
    expect([schoolYearSpanWords(), schoolYearSpanWords(9), schoolYearSpanWords(1)]).toEqual(['July to June', 'September to August', 'January to December']);
    expect([schoolYearLastDayWords(), schoolYearLastDayWords(9), schoolYearLastDayWords(3)]).toEqual(['June 30', 'August 31', 'February 28']);
  });

  it('retention at the end of the school year follows it', () => {
    const rule = { rule: 'school_year_end' } as const;
    expect([retentionDueOn('2026-06-30', rule), retentionDueOn('2026-07-01', rule)]).toEqual(['2026-07-01', '2027-07-01']);
    expect([retentionDueOn('2026-08-31', rule, 9), retentionDueOn('2026-09-01', rule, 9)]).toEqual(['2026-09-01', '2027-09-01']);
    expect(retentionRuleWords(rule, 9)).toContain('(August 31)');
  });
});

describe('a vault whose school year starts in September', () => {
  let session: VaultSession;
  let root: string;
  const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

  beforeAll(async () => {
    ({ session, root } = await createdVault());
    const data = session.data;
    data.settings.update({ schoolYearStartMonth: 9, timeZone: 'America/New_York' });
    const consult = (date: string) => data.services.create({ date, minutes: 15, kind: 'staff_consultation', studentIds: [] });
    // Three in August 2024 (the 2023-24 school year from September), two in September 2024 and one in August 2025 (2024-25).
    for (const date of ['2024-08-05', '2024-08-12', '2024-08-19', '2024-09-03', '2024-09-10', '2025-08-25']) consult(date);
    new SupervisionLog(data.supervision).add({ date: '2024-08-20', minutes: 60, kind: 'clinical', credential: null });
    new SupervisionLog(data.supervision).add({ date: '2024-09-20', minutes: 45, kind: 'clinical', credential: null });
  });
  afterAll(() => {
    if (session.state() === 'unlocked') session.lock();
    removeDir(root);
  });

  it('reports each school year over September to August: an August service in the year before', () => {
    const data = session.data;
    const year = prepareSchoolYearReport(data, { schoolYear: '2024-25' });
    expect(year.document.months).toEqual({ first: '2024-09', last: '2025-08' });
    expect(year.document.metrics.staffConsultations).toEqual({ count: 3, minutes: 45 });
    expect(year.document.supervision.clinical).toEqual({ count: 1, minutes: 45 });
    expect(year.document.suppressionRule).toContain('(September to August)');
    const before = prepareSchoolYearReport(data, { schoolYear: '2023-24' });
    expect(before.document.months).toEqual({ first: '2023-09', last: '2024-08' });
    expect(before.document.metrics.staffConsultations).toEqual({ count: 3, minutes: 45 });
    expect(before.document.supervision.clinical).toEqual({ count: 1, minutes: 60 });
    // The self-evaluation's counts follow the same year.
    expect(evidenceSummary(data, '2024-25', 9)).toMatchObject({ from: '2024-09-01', to: '2025-08-31', counts: { staffConsultations: { count: 3 } } });
    expect(evidenceSummary(data, '2024-25')).toMatchObject({ from: '2024-07-01', to: '2025-06-30', counts: { staffConsultations: { count: 5 } } });
  });

  it('names the current school year and its k by the start month', async () => {
    const router = createRouter(session, { reportInternalError: (name, error) => console.error(name, error) });
    const info = reportThresholdInfo(session.data);
    const today = session.data.today();
    expect(info.schoolYear).toBe(schoolYearOf(today, 9));
    const overview = await router.invoke('supervision.overview', {});
    expect(overview).toMatchObject({ ok: true, value: { schoolYear: schoolYearOf(today, 9) } });
    expect(await router.invoke('settings.update', { schoolYearStartMonth: 13 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(session.data.settings.get().schoolYearStartMonth).toBe(9);
  });

  it('keeps the start month while a month already sent would move to another school year, and changes it when none would', async () => {
    const router = createRouter(session, { reportInternalError: (name, error) => console.error(name, error) });
    const sent = { correction: 0, threshold: 10, document: '{}', basis: '{}' };
    // August 2024 went out in the 2023-24 school year (from September); from July it would be 2024-25.
    session.data.reportExports.recordMonth({ ...sent, period: '2024-08' });
    const refused = await router.invoke('settings.update', { schoolYearStartMonth: 7 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('the 2024-08 report was already sent as part of the 2023-24 school year') } });
    expect(session.data.settings.get().schoolYearStartMonth).toBe(9);
    // From August, August 2024 opens 2024-25 and moves too; from October it stays in 2023-24, as do all the months sent.
    expect(await router.invoke('settings.update', { schoolYearStartMonth: 8 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await router.invoke('settings.update', { schoolYearStartMonth: 10 })).toMatchObject({ ok: true, value: { schoolYearStartMonth: 10 } });
    expect(await router.invoke('settings.update', { schoolYearStartMonth: 9 })).toMatchObject({ ok: true, value: { schoolYearStartMonth: 9 } });
  });

  it('year-report --school-year 2024-25 is the year starting in September 2024', async () => {
    session.lock();
    const out = path.join(root, 'out');
    const run = await cli(['year-report', '--vault', session.folder, '--school-year', '2024-25', '--out', out], { env });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'service-report-2024-25.json'), 'utf8')) as { months: unknown; metrics: { staffConsultations: unknown } };
    expect(report.months).toEqual({ first: '2024-09', last: '2025-08' });
    expect(report.metrics.staffConsultations).toEqual({ count: 3, minutes: 45 });
  });
});
