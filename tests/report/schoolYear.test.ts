import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueAtPath } from '../../shared/report/catalog';
import { createRouter, type Router } from '../../src-main/api/router';
import { SchoolYearReportDocument } from '../../shared/report/schoolYearDocument';
import { summarizeReports } from '../../src-main/report/districtSummary';
import { reportFileNames } from '../../src-main/report/exportFiles';
import { prepareMonthReport } from '../../src-main/report/monthReport';
import { SCHOOL_YEAR_EXPORT_ACTION } from '../../src-main/report/schoolYearFiles';
import { prepareSchoolYearReport } from '../../src-main/report/schoolYearReport';
import { verifyReportFiles } from '../../src-main/report/verify';
import type { VaultData } from '../../src-main/vault/vaultData';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { cli } from '../helpers/cliHarness';
import { TEST_PASSPHRASE, createdVault, removeDir } from '../helpers/tempVault';
import { openTestVault, type TestDatabase } from '../vault/testVault';
import { manualClock } from './knownMonth';
import { buildKnownSchoolYear, EXPECTED_YEAR, KNOWN_SCHOOL_YEAR } from './knownSchoolYear';

const HIDDEN = { suppressed: true };
/** The command line runs on the computer's clock: the same year two years earlier, surely over (see buildKnownSchoolYear). */
const CLI_YEAR = '2024-25';
const names = reportFileNames(CLI_YEAR);
const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

describe('the school-year report: a hand-built year', () => {
  let vault: TestDatabase & { data: VaultData };
  beforeAll(() => {
    const clock = manualClock();
    vault = openTestVault(clock);
    buildKnownSchoolYear(vault.data, clock);
  });
  afterAll(() => vault.dispose());

  it('computes every number of the year over its days, students distinct over the year', () => {
    const { metrics } = prepareSchoolYearReport(vault.data, { schoolYear: KNOWN_SCHOOL_YEAR });
    expect(metrics.period).toBe(KNOWN_SCHOOL_YEAR);
    expect(metrics.bounds).toEqual({ first: '2026-07-01', last: '2027-06-30' });
    expect(metrics.byKind).toEqual(EXPECTED_YEAR.byKind);
    expect(metrics.byTeamType).toEqual(EXPECTED_YEAR.byTeamType);
    expect(metrics.minutes).toEqual(EXPECTED_YEAR.minutes);
    expect(metrics.studentsSeen).toBe(EXPECTED_YEAR.studentsSeen);
    expect(metrics.medianSessionsSoFar).toBe(EXPECTED_YEAR.medianSessionsSoFar);
    expect(metrics.medianWeeksOpen).toBe(EXPECTED_YEAR.medianWeeksOpen);
    expect(metrics.meanSessionsPerStudent).toBe(EXPECTED_YEAR.meanSessionsPerStudent);
    expect(metrics.cases).toEqual(EXPECTED_YEAR.cases);
    expect(metrics.studentsByIssueCategory).toEqual(EXPECTED_YEAR.studentsByIssueCategory);
  });

  it('publishes them by the month\'s rule at the year\'s k, with supervision, professional development hours and duties', () => {
    const { document, hiddenWithMonths } = prepareSchoolYearReport(vault.data, { schoolYear: KNOWN_SCHOOL_YEAR });
    expect(SchoolYearReportDocument.parse(document)).toEqual(document);
    // What the months cost the year: cells the month's rule alone would show over the year's numbers.
    expect([...hiddenWithMonths]).toEqual(['studentsByIssueCategory.attendance']);
    expect(document).toMatchObject({
      schema: 'sole-notes/school-year-report/1',
      kind: 'school-year',
      period: '2026-27',
      months: { first: '2026-07', last: '2027-06' },
      generated: '2027-07',
      timeZone: 'America/New_York',
      threshold: 10,
    });
    const m = document.metrics;
    // September (6), October (1) and March (6) each hid their individual sessions, held without a group session. The year's 13 is their sum,
    // and 13 lets any one of them be 1 (the other two 12) or 9 (the others 4): shown (crossReportSuppression.ts, rule 1b).
    expect(m.sessions).toEqual({ individual: { count: 13, minutes: 390 }, group: { count: 1, minutes: 45 } });
    expect(m.studentsSeen).toBe(12);
    expect(m.lengthOfTreatment).toEqual({ medianSessionsSoFar: 1, medianWeeksOpen: 44.9 });
    // 16 student-sessions less 13 individual ones give the one group session's 3 students: hidden.
    expect(m.frequency.meanSessionsPerStudent).toEqual(HIDDEN);
    // Cases closed: 2 (1 to 9), so its whole group is hidden; opened 12 stands alone.
    expect(m.cases).toEqual({
      opened: 12,
      closed: HIDDEN,
      resolved: HIDDEN,
      closedByOutcome: { goals_met: HIDDEN, improved: HIDDEN, referred_out: HIDDEN, moved: HIDDEN, other: HIDDEN },
    });
    // One student under "behavior" over the year, in two sessions: a small count of distinct students is hidden.
    expect(m.studentsByIssueCategory.behavior).toEqual(HIDDEN);
    // Attendance: September and March hid theirs (6 each) and no month shows one; 12 would tell each of them is at least 3. Hidden.
    // Students seen, 12, stays: four months hid theirs, and 12 is within the 3 × 9 the other three could hold beside any one of them.
    expect(m.studentsByIssueCategory.attendance).toEqual(HIDDEN);
    expect(m.studentsByIssueCategory.academic).toBe(0);
    expect(m.staffConsultations).toEqual({ count: 2, minutes: 45 });
    expect(m.teamParticipation.iep).toEqual({ count: 1, minutes: 60 });
    expect(m.homeVisits).toEqual({ count: 1, minutes: 90 });
    expect(m.administrative).toEqual({ count: 1, minutes: 60 });
    expect(m.professionalDevelopment).toEqual({ provided: { count: 2, minutes: 150, hours: 2.5 }, attended: { count: 2, minutes: 300, contactHours: 5 } });
    expect(m.professionalDevelopmentProvided).toEqual({ withinDistrict: { count: 1, minutes: 90 }, outsideDistrict: { count: 1, minutes: 60 } });
    expect(m.minutes).toEqual(EXPECTED_YEAR.minutes);
    expect(m.teamParticipationFrequency).toEqual({ meetingsPerWeek: EXPECTED_YEAR.meetingsPerWeek, byTeamType: EXPECTED_YEAR.meetingsPerWeekByType });
    expect(m.administrativeResponsibilities).toEqual({ duties: 2, minutesPerMonth: 180 });
    expect(document.supervision).toEqual(EXPECTED_YEAR.supervision);
    expect(document.professionalDevelopmentHours).toEqual(EXPECTED_YEAR.professionalDevelopmentHours);
    expect(document.administrativeResponsibilities).toEqual(EXPECTED_YEAR.duties);
    expect(document.suppressionRule).toContain('distinct students over the whole school year');
    expect(reportFileNames(KNOWN_SCHOOL_YEAR)).toMatchObject({ json: 'service-report-2026-27.json', signature: 'service-report-2026-27.json.sig', csv: 'service-report-2026-27.csv' });
  });

  it('counts students over the year, not as a sum of months: each month alone hides what the year shows', () => {
    const september = prepareMonthReport(vault.data, { month: '2026-09' }).document.metrics;
    const march = prepareMonthReport(vault.data, { month: '2027-03' }).document.metrics;
    expect(september.studentsSeen).toEqual(HIDDEN); // S01-S06
    expect(march.studentsSeen).toEqual(HIDDEN); // S07-S12
    expect(prepareSchoolYearReport(vault.data, { schoolYear: KNOWN_SCHOOL_YEAR }).document.metrics.studentsSeen).toBe(12);
  });

  it('refuses a year not begun, a malformed year and another k, writing nothing', () => {
    expect(() => prepareSchoolYearReport(vault.data, { schoolYear: '2028-29' })).toThrow(/has not begun/);
    expect(() => prepareSchoolYearReport(vault.data, { schoolYear: '2026-28' })).toThrow(/school year/);
    expect(() => prepareSchoolYearReport(vault.data, { schoolYear: KNOWN_SCHOOL_YEAR, threshold: 16 })).toThrow(/k = 10/);
  });
});

describe('year-report, verify and district-summary on the command line', () => {
  let root: string;
  let vault: string;
  let out: string;
  let canaries: ReturnType<typeof buildKnownSchoolYear>;
  let knownAs: string[];
  const file = (name: string) => path.join(out, name);

  beforeAll(async () => {
    const clock = manualClock();
    const created = await createdVault();
    root = created.root;
    vault = created.session.folder;
    const data = created.session.data;
    canaries = buildKnownSchoolYear(data, clock, { canaryTag: 'QZXCANARY', firstYear: 2024 });
    knownAs = [];
    for (const [index, student] of data.students.list({ includeClosed: true }).entries()) {
      const name = `Quillfeather${index} Marchbanks`;
      data.students.update(student.id, { knownAs: name });
      knownAs.push(name);
    }
    created.session.lock();
    out = path.join(root, 'out');
  });
  afterAll(() => removeDir(root));

  it('writes the five files, which OpenSSL alone and verify check, and records the export', async () => {
    const run = await cli(['year-report', '--vault', vault, '--school-year', CLI_YEAR, '--out', out], { env });
    expect(run.stderr).toContain('Wrote the 2024-25 school-year report (k = 10,');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([names.json, names.signature, names.publicKey, names.csv, names.html].map(file));
    expect(names.json).toBe('service-report-2024-25.json');
    const openssl = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', file(names.publicKey), '-rawin', '-in', file(names.json), '-sigfile', file(names.signature)], { encoding: 'utf8' });
    expect(openssl.status, openssl.stderr).toBe(0);
    expect(openssl.stdout).toContain('Signature Verified Successfully');

    const verdict = verifyReportFiles({ report: file(names.json) });
    expect(verdict.failures).toEqual([]);
    expect(verdict.document?.period).toBe('2024-25');
    const verify = await cli(['verify', file(names.json)]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('2024-25 (school year), k = 10');
    // The district's minimum k is enforced as for months.
    const strict = await cli(['verify', file(names.json), '--min-threshold', '11']);
    expect(strict.code).toBe(5);
    expect(strict.stdout + strict.stderr).toContain('threshold');
    // Node.js alone, with the script the format page gives the district.
    const script = path.resolve(__dirname, '../../docs/verify-report.mjs');
    const node = spawnSync(process.execPath, [script, file(names.json), file(names.publicKey), verdict.keyFingerprint ?? ''], { encoding: 'utf8' });
    expect(node.status, node.stderr).toBe(0);
    expect(node.stdout).toContain('valid: sole-notes/school-year-report/1 for 2024-25, k = 10');
    // One changed byte breaks the signature for OpenSSL too.
    const tampered = path.join(root, 'tampered.json');
    fs.writeFileSync(tampered, fs.readFileSync(file(names.json), 'utf8').replace('"studentsSeen":12', '"studentsSeen":13'));
    const bad = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', file(names.publicKey), '-rawin', '-in', tampered, '-sigfile', file(names.signature)], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);

    const csv = fs.readFileSync(file(names.csv), 'utf8');
    expect(csv).toContain('studentsSeen,');
    expect(csv).toContain('supervision.clinical.minutes,Supervision received, clinical: minutes,90,shown'.replace('Supervision received, clinical: minutes', '"Supervision received, clinical: minutes"'));
    const html = fs.readFileSync(file(names.html), 'utf8');
    expect(html).toContain('Aggregate statistics — contains no student identifiers');
    expect(html).toContain('2024–25 school year');
    expect(html).toContain('504 coordinator');

    const audit = await cli(['audit', 'verify', '--vault', vault], { env });
    expect(audit.code).toBe(0);
  });

  it('no file written holds a student code, a school, a name the worker knows a student by, or a note', () => {
    const written = fs.readdirSync(out).filter((name) => !name.startsWith('.'));
    expect(written.sort()).toEqual([names.csv, names.html, names.json, names.signature, names.publicKey].sort());
    const needles = [...canaries.codes, ...canaries.schools, ...canaries.notes, ...knownAs, 'QZXCANARY', 'Quillfeather', 'Marchbanks'];
    expect(needles.length).toBeGreaterThan(30);
    for (const name of written) {
      const text = fs.readFileSync(path.join(out, name)).toString('latin1');
      for (const needle of needles) expect(text.includes(needle), `${needle} in ${name}`).toBe(false);
    }
  });

  it('refuses another k and a year already in the folder without --replace', async () => {
    const k16 = await cli(['year-report', '--vault', vault, '--school-year', CLI_YEAR, '--out', path.join(root, 'k16'), '--threshold', '16'], { env });
    expect(k16.code).toBe(1);
    expect(fs.existsSync(path.join(root, 'k16'))).toBe(false);
    const again = await cli(['year-report', '--vault', vault, '--school-year', CLI_YEAR, '--out', out], { env });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('already saved');
    for (const args of [['--school-year', '2026-2027', '--out', out], ['--out', out], ['--school-year', CLI_YEAR]]) {
      expect((await cli(['year-report', '--vault', vault, ...args], { env })).code, args.join(' ')).toBe(1);
    }
  });

  it('district-summary takes school years and months and totals them apart', async () => {
    const months = path.join(root, 'months');
    expect((await cli(['report', '--vault', vault, '--month', '2024-09', '--out', months], { env })).code).toBe(0);
    expect((await cli(['report', '--vault', vault, '--month', '2025-03', '--out', months], { env })).code).toBe(0);
    const keys = path.join(root, 'keys');
    fs.mkdirSync(keys);
    fs.copyFileSync(file(names.publicKey), path.join(keys, 'worker.pem'));
    const reports = [path.join(months, 'service-report-2024-09.json'), file(names.json), path.join(months, 'service-report-2025-03.json')];

    const summary = summarizeReports(reports, keys);
    expect(summary.rejected).toEqual([]);
    expect(summary.mixedThresholds).toBeNull();
    expect(summary.accepted.map((report) => [report.kind, report.period])).toEqual([
      ['month', '2024-09'],
      ['school-year', '2024-25'],
      ['month', '2025-03'],
    ]);
    expect(summary.periods).toEqual(['2024-09', '2025-03']);
    expect(summary.schoolYears).toEqual(['2024-25']);
    const total = (list: typeof summary.totals, metric: string) => list.find((row) => row.metric === metric);
    // The year's 12 distinct students are never added to the months' hidden counts (each 1 to 9).
    expect(total(summary.schoolYearTotals, 'studentsSeen')).toMatchObject({ min: 12, max: 12, exact: true, label: expect.stringContaining('sum of school-year counts') });
    expect(total(summary.totals, 'studentsSeen')).toMatchObject({ min: 2, max: 18, exact: false, suppressedIn: 2 });
    // Services: the months' own (six individual sessions each and no group session: hidden, 1 to 9 each), and the year's own.
    expect(total(summary.totals, 'sessions.individual.count')).toMatchObject({ min: 2, max: 18, suppressedIn: 2 });
    expect(total(summary.totals, 'staffConsultations.count')).toMatchObject({ min: 1, max: 1 });
    expect(total(summary.schoolYearTotals, 'staffConsultations.count')).toMatchObject({ min: 2, max: 2 });
    expect(total(summary.schoolYearTotals, 'sessions.individual.count')).toMatchObject({ min: 13, max: 13 });
    expect(valueAtPath(JSON.parse(fs.readFileSync(file(names.json), 'utf8')).metrics, 'sessions.individual.count')).toBe(13);

    const summaryOut = path.join(root, 'summary');
    const run = await cli(['district-summary', '--keys', keys, '--out', summaryOut, ...reports]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').map((line) => path.basename(line))).toEqual(['district-summary.json', 'district-summary.csv', 'district-summary-school-years.csv']);
    expect(fs.readFileSync(path.join(summaryOut, 'district-summary-school-years.csv'), 'utf8')).toContain('studentsSeen,Individual students seen in sessions: sum of school-year counts,students,12,12,yes,0');
  });

  it('the export is in the audit log under its own action', async () => {
    const run = await cli(['audit', 'verify', '--vault', vault], { env });
    expect(run.code).toBe(0);
    expect(SCHOOL_YEAR_EXPORT_ACTION).toBe('report.school_year_exported');
  });
});

describe('reports.exportSchoolYear through the router', () => {
  let session: VaultSession;
  let root: string;
  let router: Router;

  beforeAll(async () => {
    ({ session, root } = await createdVault());
    buildKnownSchoolYear(session.data, manualClock(), { firstYear: 2024 });
    router = createRouter(session, { reportInternalError: (name, error) => console.error(name, error) });
  });
  afterAll(() => {
    session.lock();
    removeDir(root);
  });

  it('writes the five files of the year, refuses a relative folder and asks before replacing', async () => {
    const folder = path.join(root, 'years');
    expect(await router.invoke('reports.exportSchoolYear', { schoolYear: '2024-25', folder: 'relative/folder' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('reports.exportSchoolYear', { schoolYear: '2024-2025', folder })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const result = await router.invoke('reports.exportSchoolYear', { schoolYear: '2024-25', folder });
    expect(result).toMatchObject({ ok: true, value: { folder, period: '2024-25' } });
    if (!result.ok) return;
    const files = (result.value as { files: { name: string; path: string }[] }).files;
    expect(files.map((file) => file.name)).toEqual(['service-report-2024-25.json', 'service-report-2024-25.json.sig', 'worker-signing-key.pem', 'service-report-2024-25.csv', 'service-report-2024-25.html']);
    for (const file of files) expect(fs.existsSync(file.path)).toBe(true);
    expect(await router.invoke('reports.exportSchoolYear', { schoolYear: '2024-25', folder })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await router.invoke('reports.exportSchoolYear', { schoolYear: '2024-25', folder, replace: true })).toMatchObject({ ok: true });
  });

  it('records each export: the same numbers go out as the very report sent, other numbers only when asked, and district-summary refuses two different copies', async () => {
    const first = path.join(root, 'years', 'service-report-2024-25.json');
    const same = path.join(root, 'same');
    // Another folder, the same numbers: the same bytes, so the district counts one copy once.
    expect(await router.invoke('reports.exportSchoolYear', { schoolYear: '2024-25', folder: same })).toMatchObject({ ok: true });
    expect(fs.readFileSync(path.join(same, 'service-report-2024-25.json')).equals(fs.readFileSync(first))).toBe(true);

    // A service logged late in the year changes its numbers: asked first, nothing written until then.
    session.data.services.create({ date: '2025-05-12', minutes: 20, kind: 'staff_consultation', studentIds: [] });
    const changed = path.join(root, 'changed');
    const refused = await router.invoke('reports.exportSchoolYear', { schoolYear: '2024-25', folder: changed });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('2024-25 school year was already exported on') } });
    expect(fs.existsSync(changed)).toBe(false);
    expect(await router.invoke('reports.exportSchoolYear', { schoolYear: '2024-25', folder: changed, replace: true })).toMatchObject({ ok: true });
    const second = path.join(changed, 'service-report-2024-25.json');
    expect(fs.readFileSync(second).equals(fs.readFileSync(first))).toBe(false);
    const rows = session.data.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM school_year_exports WHERE school_year = '2024-25'").get();
    expect(rows?.n).toBe(4);
    // Past exports list each, as a school year, newest first.
    const history = await router.invoke('reports.history', {});
    expect(history.ok && (history.value as { kind: string; period: string; folder: string }[]).map(({ kind, period, folder }) => [kind, period, folder])).toEqual([
      ['school-year', '2024-25', changed],
      ['school-year', '2024-25', same],
      ['school-year', '2024-25', path.join(root, 'years')],
      ['school-year', '2024-25', path.join(root, 'years')],
    ]);

    // As two different reports of one worker's month: both refused; identical copies count once.
    const keys = path.join(root, 'keys');
    fs.mkdirSync(keys);
    fs.copyFileSync(path.join(same, 'worker-signing-key.pem'), path.join(keys, 'worker.pem'));
    const both = summarizeReports([first, second], keys, { minThreshold: 10 });
    expect(both.accepted).toEqual([]);
    expect(both.rejected.map((report) => report.reason)).toEqual(['duplicate', 'duplicate']);
    expect(both.rejected[0]?.message).toContain('2 different reports of 2024-25');
    const copies = summarizeReports([first, path.join(same, 'service-report-2024-25.json')], keys, { minThreshold: 10 });
    expect(copies.accepted.map((report) => report.period)).toEqual(['2024-25']);
    expect(copies.rejected.map((report) => report.reason)).toEqual(['duplicate']);
  });
});

