import { TEAM_TYPE_IDS } from '../../shared/domain/serviceKinds';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../src-main/common/canonical';
import { summarizeReports, type DistrictSummary } from '../../src-main/report/districtSummary';
import { exportReportFiles, reportFileNames } from '../../src-main/report/exportFiles';
import { prepareMonthReport, signMonthReport } from '../../src-main/report/monthReport';
import { signBytes, spkiPem } from '../../src-main/common/signing';
import { changeReportThreshold } from '../../src-main/report/reportThresholds';
import type { VaultData } from '../../src-main/vault/vaultData';
import { cli } from '../helpers/cliHarness';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { openTestVault, type TestDatabase } from '../vault/testVault';
import { buildKnownMonth, KNOWN_MONTH, manualClock } from './knownMonth';

const NOW = new Date('2026-04-06T14:00:00.000Z');
const names = reportFileNames(KNOWN_MONTH);

/**
 * Five workers' vaults, each with the hand-built month:
 *   alice, bob   registered, valid, k = 10
 *   wendy        registered, valid, k = 5: below the district's minimum of 10
 *   trudy        registered, but her report is changed after signing
 *   uma          valid, but her key is not registered
 *   sam          registered, signs a document that does not match the schema
 * plus a second copy of alice's report (a duplicate).
 */
describe('district summary', () => {
  let root: string;
  const vaults: (TestDatabase & { data: VaultData })[] = [];
  const report = (name: string) => path.join(root, name, names.json);
  let keysFolder: string;
  let summary: DistrictSummary;

  function worker(name: string, threshold: 5 | 10 = 10, register = true): VaultData {
    const clock = manualClock();
    const vault = openTestVault(clock);
    vaults.push(vault);
    if (threshold !== 10) changeReportThreshold(vault.data, { threshold, reason: 'the district asked for it' });
    buildKnownMonth(vault.data, clock);
    exportReportFiles(vault.data, signMonthReport(vault.data, prepareMonthReport(vault.data, { month: KNOWN_MONTH, threshold, now: NOW })), path.join(root, name));
    if (register) fs.writeFileSync(path.join(keysFolder, `${name}.pem`), spkiPem(vault.data.keys.signingPublicKey().spki));
    return vault.data;
  }

  beforeAll(() => {
    root = makeTempDir('sole-notes-district-');
    keysFolder = path.join(root, 'keys');
    fs.mkdirSync(keysFolder);
    worker('alice');
    worker('bob');
    worker('wendy', 5);
    worker('trudy');
    worker('uma', 10, false);
    const sam = worker('sam');

    const tampered = fs.readFileSync(report('trudy'), 'utf8').replace('"individual":{"count":8,"minutes":240}', '"individual":{"count":9,"minutes":240}');
    expect(tampered).toContain('"count":9');
    fs.writeFileSync(report('trudy'), tampered);

    const broken = JSON.parse(fs.readFileSync(report('sam'), 'utf8')) as { metrics: Record<string, unknown> };
    delete broken.metrics.homeVisits;
    const bytes = canonicalBytes(broken);
    fs.writeFileSync(report('sam'), bytes);
    fs.writeFileSync(`${report('sam')}.sig`, signBytes(bytes, sam.keys.signingPrivateKey()));

    fs.mkdirSync(path.join(root, 'again'));
    fs.copyFileSync(report('alice'), report('again'));
    fs.copyFileSync(`${report('alice')}.sig`, `${report('again')}.sig`);
    fs.writeFileSync(path.join(keysFolder, 'notes.pem'), 'not a key');

    summary = summarizeReports(['alice', 'bob', 'wendy', 'trudy', 'uma', 'sam', 'again', 'nobody'].map(report), keysFolder, { label: (file) => path.relative(root, file) });
  });
  afterAll(() => {
    for (const vault of vaults) vault.dispose();
    removeDir(root);
  });

  it('accepts the valid reports and rejects the rest, each with its reason', () => {
    expect(summary.accepted.map((accepted) => [accepted.file, accepted.keyFile, accepted.threshold])).toEqual([
      [path.join('alice', names.json), 'alice.pem', 10],
      [path.join('bob', names.json), 'bob.pem', 10],
    ]);
    expect(summary.rejected.map((rejected) => [rejected.file.split(path.sep)[0], rejected.reason])).toEqual([
      ['wendy', 'threshold'],
      ['trudy', 'bad-signature'],
      ['uma', 'unknown-key'],
      ['sam', 'schema'],
      ['again', 'duplicate'],
      ['nobody', 'unreadable'],
    ]);
    expect(summary.rejected.find((rejected) => rejected.reason === 'schema')?.message).toMatch(/homeVisits/);
    expect(summary.keyProblems).toEqual([{ file: 'notes.pem', message: 'not a PEM public key' }]);
    expect(summary.periods).toEqual([KNOWN_MONTH]);
  });

  it('totals shown numbers exactly and carries suppressed cells as ranges, never guesses', () => {
    const total = (metric: string) => summary.totals.find((row) => row.metric === metric);
    expect(total('studentsSeen')).toMatchObject({ min: 20, max: 20, exact: true, suppressedIn: 0, label: 'Individual students seen in sessions: sum of monthly counts' });
    expect(summary.totals.filter((row) => row.unit === 'students').every((row) => row.label.endsWith(': sum of monthly counts') && !/distinct/i.test(row.label))).toBe(true);
    expect(total('minutes.direct')).toMatchObject({ min: 2 * 575, max: 2 * 575, exact: true });
    expect(total('professionalDevelopment.attended.contactHours')).toMatchObject({ min: 7.5, max: 7.5 });
    // Alice and Bob: 5 new cases, hidden, each in [1, 9].
    expect(total('cases.opened')).toMatchObject({ min: 1 + 1, max: 9 + 9, exact: false, suppressedIn: 2 });
    // Cases closed (4): a hidden total, in [1, 9]; each outcome under it in [0, 9].
    expect(total('cases.closed')).toMatchObject({ min: 2, max: 18, exact: false, suppressedIn: 2 });
    expect(total('cases.closedByOutcome.goals_met')).toMatchObject({ min: 0, max: 18 });
    expect(total('studentsByIssueCategory.peer_bullying')).toMatchObject({ min: 1 + 1, max: 9 + 9 });
    expect(total('studentsByIssueCategory.substance_use')).toMatchObject({ min: 0, max: 0, exact: true });
    expect(summary.notTotalled).toEqual([
      'lengthOfTreatment.medianSessionsSoFar',
      'lengthOfTreatment.medianWeeksOpen',
      'frequency.meanSessionsPerStudent',
      'teamParticipationFrequency.meetingsPerWeek',
      ...TEAM_TYPE_IDS.map((id) => `teamParticipationFrequency.byTeamType.${id}`),
    ]);
  });

  it('runs as a command: writes JSON and CSV, lists the rejected, exits 5 when any was rejected', async () => {
    const out = path.join(root, 'district');
    const run = await cli(['district-summary', '--keys', 'keys', '--out', 'district', ...['alice', 'bob', 'trudy', 'uma'].map((name) => path.join(name, names.json))], { cwd: root });
    expect(run.code).toBe(5);
    expect(run.stdout.trim().split('\n')).toEqual([path.join(out, 'district-summary.json'), path.join(out, 'district-summary.csv')]);
    expect(run.stderr).toContain(`rejected: ${path.join('trudy', names.json)} — bad-signature`);
    expect(run.stderr).toContain(`rejected: ${path.join('uma', names.json)} — unknown-key`);
    expect(run.stderr).toContain('2 accepted, 2 rejected.');
    const written = JSON.parse(fs.readFileSync(path.join(out, 'district-summary.json'), 'utf8')) as DistrictSummary;
    expect(written.schema).toBe('sole-notes/district-summary/1');
    expect(written.accepted).toHaveLength(2);
    const csv = fs.readFileSync(path.join(out, 'district-summary.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('metric,label,unit,min,max,exact,reports_with_cell_suppressed');
    expect(csv).toContain('cases.closed,Cases closed: sum of monthly counts,students,2,18,no,2');
    expect(csv).toContain('studentsSeen,Individual students seen in sessions: sum of monthly counts,students,20,20,yes,0');

    const clean = await cli(['district-summary', '--keys', 'keys', '--out', 'district2', path.join('alice', names.json)], { cwd: root });
    expect(clean.code).toBe(0);
    expect((await cli(['district-summary', '--out', 'x', path.join('alice', names.json)], { cwd: root })).code).toBe(1);
  });
});

describe('district summary of a quiet month (individual sessions suppressed)', () => {
  it('carries the hidden sessions and minutes as ranges: 1 to k-1 sessions of 1 to 1,440 minutes', () => {
    const root = makeTempDir('sole-notes-district-quiet-');
    const keysFolder = path.join(root, 'keys');
    fs.mkdirSync(keysFolder);
    const vaults: (TestDatabase & { data: VaultData })[] = [];
    try {
      const exportFor = (name: string, fill: (data: VaultData, clock: ReturnType<typeof manualClock>) => void) => {
        const clock = manualClock();
        const vault = openTestVault(clock);
        vaults.push(vault);
        fill(vault.data, clock);
        exportReportFiles(vault.data, signMonthReport(vault.data, prepareMonthReport(vault.data, { month: KNOWN_MONTH, now: NOW })), path.join(root, name));
        fs.writeFileSync(path.join(keysFolder, `${name}.pem`), spkiPem(vault.data.keys.signingPublicKey().spki));
        return path.join(root, name, names.json);
      };
      const busy = exportFor('busy', (data, clock) => buildKnownMonth(data, clock));
      const quiet = exportFor('quiet', (data, clock) => {
        data.settings.update({ timeZone: 'America/New_York' });
        clock.set('2026-03-31T16:00:00.000Z'); // logged at the end of the month
        const student = data.students.create({ code: 'Q-1', openedOn: '2026-01-05' });
        data.services.create({ date: '2026-03-05', minutes: 30, kind: 'individual_session', studentIds: [student.id] });
        data.services.create({ date: '2026-03-12', minutes: 40, kind: 'home_visit', studentIds: [student.id] });
      });
      const quietDocument = JSON.parse(fs.readFileSync(quiet, 'utf8')) as { metrics: { sessions: unknown; minutes: unknown } };
      const C = { suppressed: true };
      expect(quietDocument.metrics.sessions).toEqual({ individual: { count: C, minutes: C }, group: { count: 0, minutes: 0 } });

      const summary = summarizeReports([busy, quiet], keysFolder);
      expect(summary.rejected).toEqual([]);
      const total = (metric: string) => summary.totals.find((row) => row.metric === metric);
      expect(total('sessions.individual.count')).toMatchObject({ min: 8 + 1, max: 8 + 9, exact: false, suppressedIn: 1 });
      expect(total('sessions.individual.minutes')).toMatchObject({ min: 240 + 1, max: 240 + 9 * 1440, suppressedIn: 1 });
      expect(total('minutes.direct')).toMatchObject({ min: 575 + 40 + 1, max: 575 + 40 + 9 * 1440, suppressedIn: 1 });
      expect(total('sessions.group.count')).toMatchObject({ min: 3, max: 3, exact: true });
      expect(total('homeVisits.minutes')).toMatchObject({ min: 130, max: 130, exact: true });
      expect(total('studentsSeen')).toMatchObject({ min: 11, max: 19, suppressedIn: 1 });
    } finally {
      for (const vault of vaults) vault.dispose();
      removeDir(root);
    }
  });
});

describe('district summary: thresholds and corrections', () => {
  it('refuses mixed thresholds, counts the latest correction whatever the file order, and refuses counts below the minimum', async () => {
    const root = makeTempDir('sole-notes-district-k-');
    const keysFolder = path.join(root, 'keys');
    fs.mkdirSync(keysFolder);
    const vaults: (TestDatabase & { data: VaultData })[] = [];
    try {
      const clock = manualClock();
      const vault = openTestVault(clock);
      vaults.push(vault);
      buildKnownMonth(vault.data, clock);
      fs.writeFileSync(path.join(keysFolder, 'carol.pem'), spkiPem(vault.data.keys.signingPublicKey().spki));
      const exportTo = (name: string, correction = false) => {
        exportReportFiles(vault.data, signMonthReport(vault.data, prepareMonthReport(vault.data, { month: KNOWN_MONTH, now: NOW, correction })), path.join(root, name));
        return path.join(root, name, names.json);
      };
      const first = exportTo('first');
      // Ten more students seen (a late batch of entries): a correction shows them.
      for (let index = 0; index < 10; index += 1) {
        const student = vault.data.students.create({ code: `L${index}`, openedOn: '2026-01-05' });
        vault.data.services.create({ date: '2026-03-25', minutes: 20, kind: 'individual_session', studentIds: [student.id] });
      }
      const corrected = exportTo('corrected', true);
      expect(JSON.parse(fs.readFileSync(corrected, 'utf8'))).toMatchObject({ correction: 1, metrics: { studentsSeen: 20 } });
      for (const order of [[first, corrected], [corrected, first]]) {
        const summary = summarizeReports(order, keysFolder, { label: (file) => path.relative(root, file) });
        expect(summary.accepted.map((report) => [report.file, report.correction])).toEqual([[path.join('corrected', names.json), 1]]);
        expect(summary.rejected).toEqual([expect.objectContaining({ file: path.join('first', names.json), reason: 'superseded' })]);
        expect(summary.totals.find((row) => row.metric === 'studentsSeen')).toMatchObject({ min: 20, max: 20 });
      }
      // A district minimum of 11: the report's k of 10 is below it.
      const strict = summarizeReports([corrected], keysFolder, { minThreshold: 11 });
      expect(strict.rejected).toEqual([expect.objectContaining({ reason: 'threshold', message: expect.stringContaining('below the minimum of 11') })]);
      expect((await cli(['verify', corrected, '--min-threshold', '11'])).code).toBe(5);
      expect((await cli(['verify', corrected])).code).toBe(0);

      // Another worker at k = 16: the district cannot add the two up.
      const clock2 = manualClock();
      const other = openTestVault(clock2);
      vaults.push(other);
      changeReportThreshold(other.data, { threshold: 16, reason: 'district rule' });
      buildKnownMonth(other.data, clock2);
      fs.writeFileSync(path.join(keysFolder, 'dan.pem'), spkiPem(other.data.keys.signingPublicKey().spki));
      exportReportFiles(other.data, signMonthReport(other.data, prepareMonthReport(other.data, { month: KNOWN_MONTH, now: NOW })), path.join(root, 'dan'));
      const mixed = summarizeReports([corrected, path.join(root, 'dan', names.json)], keysFolder);
      expect(mixed.mixedThresholds?.map((group) => group.threshold)).toEqual([10, 16]);
      expect(mixed.totals).toEqual([]);
      const run = await cli(['district-summary', '--keys', keysFolder, '--out', path.join(root, 'out'), corrected, path.join(root, 'dan', names.json)]);
      expect(run.code).toBe(5);
      expect(run.stderr).toContain('the reports use different thresholds');
      expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
    } finally {
      for (const vault of vaults) vault.dispose();
      removeDir(root);
    }
  });
});
