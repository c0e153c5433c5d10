import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceFields } from '../../shared/api/schemas';
import { ServiceReportDocument } from '../../shared/report/document';
import { exportReportFiles, reportFileNames } from '../../src-main/report/exportFiles';
import { prepareMonthReport, signMonthReport } from '../../src-main/report/monthReport';
import { renderReportHtml } from '../../src-main/report/reportHtml';
import { VaultSession } from '../../src-main/vault/vaultSession';
import type { VaultData } from '../../src-main/vault/vaultData';
import { TEST_KDF, TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';

/*
 * The guideline's list beyond the counts (issue 14), on a real vault and a
 * hand-built February 2026 (28 days: exactly 4 weeks), in Los Angeles:
 * standing duties, professional development provided within and outside the
 * district, team meetings per week, and success stories that reach the report
 * only once confirmed and never while they hold a flag or a student's name.
 */
const MONTH = '2026-02';
const NOW = new Date('2026-03-05T18:00:00.000Z');
const CANARY_NAME = 'Philippa Quenneville';
const CANARY_CODE = 'QX-4417';

describe('the guideline\'s list in the monthly report', () => {
  let root: string;
  let session: VaultSession;
  let data: VaultData;

  beforeAll(async () => {
    root = makeTempDir('sole-notes-guideline-');
    session = new VaultSession(path.join(root, 'vault'), { kdf: TEST_KDF, clock: () => NOW });
    await session.create(TEST_PASSPHRASE);
    data = session.data;
    data.settings.update({ timeZone: 'America/Los_Angeles' });
    const student = data.students.create({ code: CANARY_CODE, knownAs: `${CANARY_NAME} (Ms. Okafor's room)`, openedOn: '2026-01-05' });
    const service = (fields: Partial<ServiceFields> & Pick<ServiceFields, 'date' | 'kind' | 'minutes'>) => data.services.create(fields as ServiceFields);
    // Professional development provided: two within the district (one by default), one outside, one in March.
    service({ date: '2026-02-03', kind: 'pd_provided', minutes: 60 });
    service({ date: '2026-02-10', kind: 'pd_provided', minutes: 45, pdAudience: 'within_district' });
    service({ date: '2026-02-24', kind: 'pd_provided', minutes: 90, pdAudience: 'outside_district' });
    service({ date: '2026-03-02', kind: 'pd_provided', minutes: 30, pdAudience: 'outside_district' });
    // Team meetings: 4 IEP and 2 attendance in February's 4 weeks; one 504 in January.
    for (const date of ['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23']) service({ date, kind: 'team_meeting', teamType: 'iep', minutes: 40 });
    for (const date of ['2026-02-05', '2026-02-19']) service({ date, kind: 'team_meeting', teamType: 'attendance', minutes: 30 });
    service({ date: '2026-01-20', kind: 'team_meeting', teamType: '504', minutes: 30 });
    service({ date: '2026-02-12', kind: 'individual_session', minutes: 30, studentIds: [student.id] });
    // Duties: two standing in February, one ended in January, one from March.
    data.duties.create({ name: '504 coordinator', minutesPerMonth: 240, fromMonth: '2025-09' });
    data.duties.create({ name: 'Attendance committee', minutesPerMonth: 90, fromMonth: '2026-02' });
    const ended = data.duties.create({ name: 'Bus duty', minutesPerMonth: 300, fromMonth: '2025-09' });
    data.duties.end({ id: ended.id, untilMonth: '2026-01' });
    data.duties.create({ name: 'Lunch club', minutesPerMonth: 60, fromMonth: '2026-03' });
  });
  afterAll(() => {
    session.lock('user');
    removeDir(root);
  });

  it('computes the month\'s numbers by hand', () => {
    const { document } = prepareMonthReport(data, { month: MONTH });
    expect(document.metrics.professionalDevelopment.provided).toEqual({ count: 3, minutes: 195, hours: 3.25 });
    expect(document.metrics.professionalDevelopmentProvided).toEqual({ withinDistrict: { count: 2, minutes: 105 }, outsideDistrict: { count: 1, minutes: 90 } });
    expect(document.metrics.teamParticipationFrequency).toEqual({
      meetingsPerWeek: 1.5,
      byTeamType: { iep: 1, '504': 0, sst_mtss: 0, crisis: 0, attendance: 0.5, other: 0 },
    });
    expect(document.metrics.administrativeResponsibilities).toEqual({ duties: 2, minutesPerMonth: 330 });
    expect(document.administrativeResponsibilities).toEqual([
      { name: '504 coordinator', minutesPerMonth: 240 },
      { name: 'Attendance committee', minutesPerMonth: 90 },
    ]);
    expect(prepareMonthReport(data, { month: '2026-01' }).document.administrativeResponsibilities.map((duty) => duty.name)).toEqual(['504 coordinator', 'Bus duty']);
  });

  it('keeps where a training was given when it is edited without saying, and refuses it on another kind of service', () => {
    const outside = data.services.list({ from: '2026-02-24', to: '2026-02-24' })[0];
    if (outside === undefined) throw new Error('no service');
    expect(outside.pdAudience).toBe('outside_district');
    const edited = data.services.update(outside.id, { date: outside.date, kind: 'pd_provided', minutes: 100 });
    expect(edited.pdAudience).toBe('outside_district');
    data.services.update(outside.id, { date: outside.date, kind: 'pd_provided', minutes: 90 });
    expect(() => data.services.create({ date: '2026-02-25', kind: 'administrative', minutes: 10, pdAudience: 'outside_district' })).toThrow(/only professional development provided/);
  });

  it.each([
    ['a student\'s code', `Check-ins with ${CANARY_CODE}`, /student's code/],
    ['a word of a student\'s name', 'Mentoring Philippa at lunch', /name you know a student by/],
    ['a phone number', 'Attendance calls, 555-201-4433', /cannot go into a report/],
  ])('refuses a duty named with %s, and stores nothing', (_what, name, message) => {
    const before = data.duties.list();
    expect(() => data.duties.create({ name, minutesPerMonth: 30 })).toThrow(message);
    expect(data.duties.list()).toEqual(before);
  });

  it.each([
    ['a diagnosis', 'A student with ADHD learned to ask for a break and now stays in class all morning.', /cannot go into a report/],
    ['someone\'s quoted words', 'A fifth grader said "I hate this school" in September and now helps run the morning news.', /cannot go into a report/],
    ['a student\'s name', `${CANARY_NAME} came to school every day in February.`, /name you know a student by/],
    ['a student\'s code', `${CANARY_CODE.toLowerCase()} came to school every day in February.`, /student's code/],
  ])('refuses a success story with %s, and stores nothing', (_what, text, message) => {
    expect(() => data.stories.create({ month: MONTH, text })).toThrow(message);
    expect(data.stories.list(MONTH)).toEqual([]);
  });

  it('shows a success story in the report only once the worker confirms it, and again only after a changed text is confirmed', () => {
    const text = 'After six weeks of a friendship group, a fourth grader who had been missing school most Mondays came every day in February.';
    const story = data.stories.create({ month: MONTH, text });
    expect(story.confirmedAt).toBeNull();
    const unconfirmed = prepareMonthReport(data, { month: MONTH }).document;
    expect(unconfirmed.successStories).toEqual([]);
    expect(renderReportHtml(unconfirmed)).not.toContain('friendship group');

    expect(data.stories.confirm(story.id).confirmedAt).toBe(NOW.toISOString());
    const confirmed = prepareMonthReport(data, { month: MONTH }).document;
    expect(confirmed.successStories).toEqual([text]);
    expect(renderReportHtml(confirmed)).toContain('friendship group');
    expect(prepareMonthReport(data, { month: '2026-01' }).document.successStories).toEqual([]);

    const changed = data.stories.update({ id: story.id, text: `${text} Their teacher reports more work handed in.` });
    expect(changed.confirmedAt).toBeNull();
    expect(prepareMonthReport(data, { month: MONTH }).document.successStories).toEqual([]);
    data.stories.confirm(story.id);
  });

  it('refuses to confirm a story that names a student added after it was written', () => {
    const story = data.stories.create({ month: MONTH, text: 'Marisol Feathergill now eats lunch with classmates.' });
    data.students.create({ code: 'MF-1', knownAs: 'Marisol F.' });
    expect(() => data.stories.confirm(story.id)).toThrow(/name you know a student by/);
    expect(data.stories.list(MONTH).find((candidate) => candidate.id === story.id)?.confirmedAt).toBeNull();
    data.stories.delete(story.id);
  });

  it('writes no student\'s code or name into the exported files, and the JSON holds the new parts', () => {
    const folder = path.join(root, 'out');
    const report = signMonthReport(data, prepareMonthReport(data, { month: MONTH }));
    exportReportFiles(data, report, folder);
    const names = reportFileNames(MONTH);
    const json = JSON.parse(fs.readFileSync(path.join(folder, names.json), 'utf8')) as unknown;
    const parsed = ServiceReportDocument.parse(json);
    expect(parsed.successStories).toHaveLength(1);
    expect(parsed.administrativeResponsibilities).toHaveLength(2);
    const html = fs.readFileSync(path.join(folder, names.html), 'utf8');
    expect(html).toContain('504 coordinator');
    expect(html).toContain('240 minutes a month');
    expect(html).toContain('Examples of problem resolution');
    for (const file of fs.readdirSync(folder)) {
      const text = fs.readFileSync(path.join(folder, file), 'utf8').toLowerCase();
      for (const secret of [CANARY_CODE, 'Philippa', 'Quenneville', 'Okafor', 'Marisol']) expect(text, `${file} holds ${secret}`).not.toContain(secret.toLowerCase());
    }
  });
});
