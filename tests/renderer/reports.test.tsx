// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SoleNotesBridge } from '../../shared/api/bridge';
import type { CommandName } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import type { CeuSummary, ReportExportResult, ReportHistoryEntry, ReportPreview, SuppressedCellInfo } from '../../shared/api/reportSchemas';
import { REPORT_THRESHOLDS } from '../../shared/api/schemas';
import { DEFAULT_ISSUE_CATEGORIES } from '../../shared/domain/issueCategories';
import { SERVICE_KINDS } from '../../shared/domain/serviceKinds';
import { REPORT_METRICS } from '../../shared/report/catalog';
import { REPORT_CATEGORY_IDS } from '../../shared/report/document';
import { todayIso } from '../../src-renderer/lib/dates';
import { addMonths, monthLabel, monthOf } from '../../src-renderer/lib/months';
import { Reports } from '../../src-renderer/screens/Reports';
import { recentSchoolYears, SchoolYearExport } from '../../src-renderer/screens/SchoolYearExport';
import { Settings } from '../../src-renderer/screens/Settings';
import { useSettingsStore } from '../../src-renderer/state/settingsStore';
import { installFake } from './setup';

// The Reports screen over a fake main side: what is suppressed and why, the
// charts' words and tables, and the export flow (folder dialog, export, the
// files and the OpenSSL command, past exports).

const FINGERPRINT = '3F2A 9C01 77AB 0C4D 1E2F 3A4B 5C6D 7E8F 9012 3456 789A BCDE F012 3456 789A BCDE';
const P = { suppressed: true } as const;
const C = P;
const SESSIONS_EXPLANATION = 'There were no group sessions this month, and each individual session is with exactly one student, so a count of 1 to 9 individual sessions would tell at most how many students you saw. It is hidden so that the suppressed count of students stays hidden.';

function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
}

/** A quiet month at k = 10, as the main side would preview it: 4 students seen, individual sessions hidden with them. */
function quietMonth(month: string): ReportPreview {
  const metrics: Record<string, unknown> = {};
  for (const metric of REPORT_METRICS) setPath(metrics, metric.path, metric.unit === 'statistic' ? P : 0);
  const values: Record<string, unknown> = {
    'sessions.individual.count': C,
    'sessions.individual.minutes': C,
    'minutes.direct': C,
    studentsSeen: P,
    'cases.opened': 12,
    'studentsByIssueCategory.attendance': 12,
    'studentsByIssueCategory.behavior': P,
    'staffConsultations.count': 3,
    'staffConsultations.minutes': 45,
    'minutes.indirect': 45,
  };
  for (const [path, value] of Object.entries(values)) setPath(metrics, path, value);
  const label = (path: string) => REPORT_METRICS.find((metric) => metric.path === path)?.label ?? path;
  const suppressed: SuppressedCellInfo[] = [
    { path: 'sessions.individual.count', label: label('sessions.individual.count'), reason: 'services', explanation: SESSIONS_EXPLANATION },
    { path: 'sessions.individual.minutes', label: label('sessions.individual.minutes'), reason: 'services', explanation: 'Every session lasts at least a minute, so these minutes would tell at most how many individual sessions there were.' },
    { path: 'studentsSeen', label: label('studentsSeen'), reason: 'small', explanation: 'Fewer than 10 students (1 to 9).' },
    { path: 'studentsByIssueCategory.behavior', label: label('studentsByIssueCategory.behavior'), reason: 'small', explanation: 'Fewer than 10 students (1 to 9).' },
    { path: 'minutes.direct', label: label('minutes.direct'), reason: 'services', explanation: 'The direct minutes less the other direct services would give back the individual-session minutes.' },
  ];
  const categoryLabel = (id: string) => DEFAULT_ISSUE_CATEGORIES.find((category) => category.id === id)?.label ?? 'Categories the worker added';
  return {
    document: {
      schema: 'sole-notes/service-report/2',
      period: month,
      generated: month,
      timeZone: 'America/Chicago',
      threshold: 10,
      suppressionRule: 'Counts of students from 1 to 9 are suppressed (primary); zero is shown.',
      signingKey: { algorithm: 'Ed25519', fingerprint: FINGERPRINT },
      metrics: metrics as ReportPreview['document']['metrics'],
      administrativeResponsibilities: [],
      successStories: [],
    },
    suppressed,
    sent: null,
    charts: {
      minutesByServiceKind: SERVICE_KINDS.map((kind) => ({
        kind: kind.id,
        label: kind.label,
        minutes: kind.id === 'individual_session' ? 150 : kind.id === 'staff_consultation' ? 45 : 0,
        suppressed: kind.id === 'individual_session' ? ('services' as const) : null,
      })),
      sessionsPerWeek: [
        { weekStart: `${month}-01`, weekEnd: `${month}-07`, individual: 2, group: 0 },
        { weekStart: `${month}-08`, weekEnd: `${month}-14`, individual: 3, group: 0 },
        { weekStart: `${month}-15`, weekEnd: `${month}-21`, individual: 0, group: 0 },
      ],
      studentsPerIssueCategory: REPORT_CATEGORY_IDS.map((id) => ({
        category: id,
        label: categoryLabel(id),
        value: id === 'attendance' ? 12 : id === 'behavior' ? null : 0,
        suppressed: id === 'behavior' ? ('small' as const) : null,
      })),
    },
  };
}

const FILES = (month: string) =>
  [`service-report-${month}.json`, `service-report-${month}.json.sig`, 'worker-signing-key.pem', `service-report-${month}.csv`, `service-report-${month}.html`].map((name, index) => ({
    name,
    sha256: String(index).repeat(64),
    bytes: 1000 + index,
  }));

interface ReportsFakeOptions {
  /** What the folder dialog answers. */
  folder?: string | null;
  exportError?: ApiError;
  /** The month is already saved in the chosen folder: the main side answers CONFLICT unless told to replace it. */
  alreadySaved?: boolean;
  ceu?: CeuSummary;
  /** The month was sent before, and its numbers changed since. */
  sentAndChanged?: boolean;
}

/** The renderer's fake main side, with the report commands answered here. */
function installReportsFake(options: ReportsFakeOptions = {}) {
  const fake = installFake();
  const history: ReportHistoryEntry[] = [];
  const calls: { name: string; input: unknown }[] = [];
  let thresholdNow: 5 | 10 | 11 | 16 = 10;
  let ceu: CeuSummary = options.ceu ?? {
    status: 'not-set',
    today: '2026-11-22',
    cycleStart: null,
    cycleEnd: null,
    sessions: 0,
    minutes: 0,
    contactHours: 0,
    ceus: 0,
    requiredHours: 90,
    requiredCeus: 9,
    remainingHours: 90,
  };
  const handlers: Partial<Record<CommandName, (input: never) => unknown>> = {
    'reports.preview': ({ month }: { month: string }) => ({ ...quietMonth(month), sent: options.sentAndChanged === true ? { correction: 0, correctionAvailable: true } : null }),
    'reports.history': () => history,
    'reports.thresholdInfo': () => ({ schoolYear: '2026-27', threshold: thresholdNow, sentMonths: [] }),
    'reports.changeThreshold': ({ threshold }: { threshold: 5 | 10 | 11 | 16 }) => {
      thresholdNow = threshold;
      return { schoolYear: '2026-27', threshold, sentMonths: [] };
    },
    'keys.signingFingerprint': () => ({ algorithm: 'Ed25519', fingerprint: FINGERPRINT, createdAt: '2026-09-01T12:00:00.000Z' }),
    'ceu.summary': () => ceu,
    'system.chooseFolder': () => ({ folder: options.folder === undefined ? '/home/worker/District reports' : options.folder }),
    'reports.export': ({ month, folder, replace }: { month: string; folder: string; replace?: boolean }): ReportExportResult => {
      if (options.exportError) throw options.exportError;
      if (options.alreadySaved && replace !== true) {
        throw { code: 'CONFLICT', message: `The ${month} report is already saved in ${folder}; nothing was written. Replace it only if you mean to: the district may already have the copy you sent.`, details: { alreadySaved: true } };
      }
      const files = FILES(month);
      history.unshift({ seq: history.length + 1, at: '2026-11-22T15:04:00.000Z', kind: 'month', period: month, threshold: 10, fingerprint: FINGERPRINT, folder, files });
      return { folder, period: month, fingerprint: FINGERPRINT, files: files.map((file) => ({ ...file, path: `${folder}/${file.name}` })) };
    },
    'reports.exportSchoolYear': ({ schoolYear, folder }: { schoolYear: string; folder: string }) => {
      const files = FILES(schoolYear);
      history.unshift({ seq: history.length + 1, at: '2026-11-22T15:09:00.000Z', kind: 'school-year', period: schoolYear, threshold: 10, fingerprint: FINGERPRINT, folder, files });
      return { folder, period: schoolYear, fingerprint: FINGERPRINT, files: files.map((file) => ({ ...file, path: `${folder}/${file.name}` })) };
    },
    'settings.update': (patch: { ceuCycleStart?: string }) => {
      fake.state.settings = { ...fake.state.settings, ...patch };
      if (patch.ceuCycleStart != null) {
        ceu = { ...ceu, status: 'current', cycleStart: patch.ceuCycleStart, cycleEnd: '2029-06-30', sessions: 2, minutes: 360, contactHours: 6, ceus: 0.6, remainingHours: 84 };
      }
      return fake.state.settings;
    },
  };
  const inner = fake.bridge.invoke.bind(fake.bridge);
  const bridge: SoleNotesBridge = {
    invoke: (async (name: CommandName, input: unknown) => {
      calls.push({ name, input: structuredClone(input) });
      const handler = handlers[name];
      if (handler == null) return inner(name, input as never);
      try {
        return { ok: true, value: structuredClone(handler(input as never)) };
      } catch (error) {
        return { ok: false, error: error as ApiError };
      }
    }) as SoleNotesBridge['invoke'],
    onLocked: (callback) => fake.bridge.onLocked(callback),
  };
  Object.defineProperty(window, 'soleNotes', { value: bridge, configurable: true, writable: true });
  return { fake, calls, callsTo: (name: CommandName) => calls.filter((call) => call.name === name).map((call) => call.input) };
}

const lastMonth = () => addMonths(monthOf(todayIso()), -1);

async function openReports(options: ReportsFakeOptions = {}) {
  const fake = installReportsFake(options);
  const user = userEvent.setup();
  render(<Reports />);
  await screen.findByRole('heading', { level: 2, name: `Service report for ${monthLabel(lastMonth())}` });
  await screen.findByRole('heading', { name: 'What is hidden, and why' });
  return { ...fake, user };
}

describe('Reports screen: what is suppressed, and why', () => {
  it('previews last month and says in words, not colour, which numbers are hidden and why', async () => {
    const { callsTo } = await openReports();
    expect(callsTo('reports.preview')).toEqual([{ month: lastMonth() }]);

    // At a glance: hidden numbers say "Hidden", all alike as in the report, beside the numbers that are shown (the list below says why).
    const glance = within(document.querySelector('dl.glance') as HTMLElement);
    const tile = (name: string) => glance.getByText(name).closest('div') as HTMLElement;
    expect(tile('Students seen in sessions').textContent).toBe('Students seen in sessionsHidden');
    expect(tile('Individual sessions').textContent).toContain('Hidden');
    expect(tile('Group sessions').textContent).toBe('Group sessions0');
    expect(tile('New cases').textContent).toBe('New cases12');
    expect(tile('Indirect minutes').textContent).toBe('Indirect minutes45 min');
    expect(screen.getByText(/Smallest number shown: 10\. Counts of 1 to 9 students are hidden/)).toBeTruthy();

    // The list groups hidden numbers by their reason, each reason written out.
    const list = screen.getByRole('list', { name: 'Hidden numbers, by reason' });
    const fewer = within(list).getByRole('list', { name: 'Fewer than 10 students (1 to 9).' });
    expect(within(fewer).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Individual students seen in sessions (each counted once)', 'Students: behavior']);
    const sessions = within(list).getByRole('list', { name: SESSIONS_EXPLANATION });
    expect(within(sessions).getByText('Individual sessions held')).toBeTruthy();
    expect(within(list).getAllByText('Would tell students seen').length).toBe(3);
    expect(within(list).getAllByText('Fewer than 10')).toHaveLength(1);
  });

  it('draws the charts with words and patterns, and gives their numbers as tables', async () => {
    await openReports();
    const figures = screen.getAllByRole('figure');
    expect(figures.map((figure) => within(figure).getByRole('heading').textContent)).toEqual([
      'Minutes by kind of service',
      'Sessions per week',
      'Students per issue category, as the report shows them',
    ]);
    const [minutes, weeks, categories] = figures as [HTMLElement, HTMLElement, HTMLElement];
    // Each chart is one image with a spoken summary; its SVG carries the numbers as text, next to a key.
    expect(within(minutes).getByRole('img').getAttribute('aria-label')).toMatch(/^Minutes by kind of service\. 3 h 15 min in all\. Individual session: 2 h 30 min; Staff consultation: 45 min\.$/);
    expect(minutes.querySelector('svg.chart-svg')?.textContent).toContain('2 h 30 min · hidden in report');
    expect(within(minutes).getByRole('list', { name: 'Key' }).textContent).toContain('Direct (with students and families)');
    expect(within(weeks).getByRole('img').getAttribute('aria-label')).toContain('5 individual and 0 group sessions over 3 weeks');
    expect(weeks.textContent).toContain('The report hides how many individual sessions there were this month');
    expect(within(categories).getByRole('list', { name: 'Key' }).textContent).toContain('Hidden: somewhere from 1 to 9');
    // A hidden count is drawn as its range, never as a bar of a guessed length.
    expect(categories.querySelector('svg.chart-svg')?.textContent).toContain('1 to 9, hidden');
    expect(categories.querySelector('svg.chart-svg')?.querySelectorAll('rect.chart-range')).toHaveLength(1);
    const table = within(categories).getByRole('table');
    const behaviorRow = within(table).getByRole('row', { name: /Behavior/ });
    expect(behaviorRow.textContent).toContain('Hidden (1 to 9)');
    expect(within(table).getByRole('row', { name: /Attendance/ }).textContent).toContain('12');
    // No inline styles: colours and patterns come from the stylesheet (the CSP allows no style attributes).
    for (const figure of figures) expect(figure.querySelector('[style]')).toBeNull();
  });

  it('shows the check code in its 16 groups, the technical words only under Details', async () => {
    await openReports();
    const code = await screen.findByLabelText(`Check code: ${FINGERPRINT}`);
    expect([...code.querySelectorAll('.fingerprint-group')].map((group) => group.textContent)).toEqual(FINGERPRINT.split(' '));
    const panel = code.closest('section') as HTMLElement;
    const details = panel.querySelector('details') as HTMLElement;
    expect(within(details).getByText('Details for the district’s IT person')).toBeTruthy();
    expect(details.textContent).toMatch(/SHA-256 fingerprint/);
    details.remove();
    expect(panel.textContent).not.toMatch(/fingerprint|SHA-256|signing key|signature/i);
  });

  it('previews another month when one is picked', async () => {
    const { user, callsTo } = await openReports();
    const earlier = addMonths(lastMonth(), -2);
    await user.selectOptions(screen.getByLabelText('Month', { selector: 'select' }), earlier);
    await screen.findByRole('heading', { level: 2, name: `Service report for ${monthLabel(earlier)}` });
    await waitFor(() => expect(callsTo('reports.preview').at(-1)).toEqual({ month: earlier }));
    await user.click(screen.getByRole('button', { name: 'Next month' }));
    await waitFor(() => expect(callsTo('reports.preview').at(-1)).toEqual({ month: addMonths(earlier, 1) }));
  });
});

describe('Reports screen: export', () => {
  it('a month sent before comes out as sent, unless the worker ticks a correction', async () => {
    const { user, callsTo } = await openReports({ sentAndChanged: true });
    const month = lastMonth();
    expect(await screen.findByText(/Exporting it again gives exactly the same report/)).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /Send a correction/ }));
    await user.click(screen.getByRole('button', { name: 'Export report…' }));
    await screen.findByText('Files written');
    expect(callsTo('reports.export')).toEqual([{ month, folder: '/home/worker/District reports', replace: false, correction: true }]);
  });

  it('asks for a folder, exports there, then lists the files and the OpenSSL command, and the export joins past exports', async () => {
    const { user, callsTo } = await openReports();
    const month = lastMonth();
    expect(await screen.findByText('Nothing exported yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Export report…' }));

    await screen.findByText('Files written');
    expect(callsTo('system.chooseFolder')).toEqual([{ purpose: 'report-export' }]);
    expect(callsTo('reports.export')).toEqual([{ month, folder: '/home/worker/District reports', replace: false }]);
    // The folder by its name; the whole path only under Details.
    expect(screen.getByText(`Exported ${monthLabel(month)} to the folder “District reports”.`)).toBeTruthy();
    const result = document.querySelector('.export-result') as HTMLElement;
    expect(result.querySelector('details')?.textContent).toContain('/home/worker/District reports');
    const files = screen.getByRole('list', { name: 'Files written' });
    expect(within(files).getAllByRole('listitem').map((item) => item.querySelector('.file-name')?.textContent)).toEqual(FILES(month).map((file) => file.name));
    const command = document.querySelector('pre.command')?.textContent;
    expect(command).toBe(`openssl pkeyutl -verify -pubin -inkey worker-signing-key.pem -rawin -in service-report-${month}.json -sigfile service-report-${month}.json.sig`);

    const past = await screen.findByRole('list', { name: 'Past exports' });
    expect(within(past).getByText(monthLabel(month))).toBeTruthy();
    expect(past.textContent).toContain('In the folder “District reports”');
    expect(past.textContent).toContain('smallest number shown: 10');
    expect(past.textContent).not.toContain('k = 10');
  });

  it('lists a school year exported under past exports as "School year 2025-26", beside the months', async () => {
    const { user } = await openReports();
    const month = lastMonth();
    await user.click(screen.getByRole('button', { name: 'Export report…' }));
    await screen.findByText('Files written');
    const panel = screen.getByRole('region', { name: 'School year' });
    const year = (within(panel).getByRole('combobox', { name: 'School year' }) as HTMLSelectElement).value;
    await user.click(within(panel).getByRole('button', { name: 'Export school year…' }));
    const past = await screen.findByRole('list', { name: 'Past exports' });
    await within(past).findByText(`School year ${year}`);
    // Newest first: the school year, then the month.
    expect(within(past).getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent)).toEqual([`School year ${year}`, monthLabel(month)]);
  });

  it('writes nothing when the worker cancels the folder dialog', async () => {
    const { user, callsTo } = await openReports({ folder: null });
    await user.click(screen.getByRole('button', { name: 'Export report…' }));
    expect(await screen.findByText('No folder chosen, so nothing was written.')).toBeTruthy();
    expect(callsTo('reports.export')).toEqual([]);
  });

  it('asks once before replacing a month already saved in the folder, and replaces it when told to', async () => {
    const { user, callsTo } = await openReports({ alreadySaved: true });
    const month = lastMonth();
    await user.click(screen.getByRole('button', { name: 'Export report…' }));
    const dialog = await screen.findByRole('alertdialog', { name: `The ${monthLabel(month)} report is already saved in this folder. Replace it?` });
    expect(dialog.textContent).toContain('The district may already have the copy you sent.');
    expect(screen.queryByText('Files written')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Replace it' }));
    await screen.findByText('Files written');
    expect(callsTo('reports.export')).toEqual([
      { month, folder: '/home/worker/District reports', replace: false },
      { month, folder: '/home/worker/District reports', replace: true },
    ]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('keeps the saved month, writing nothing, when the worker says keep', async () => {
    const { user, callsTo } = await openReports({ alreadySaved: true });
    await user.click(screen.getByRole('button', { name: 'Export report…' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Keep the saved one' }));
    expect(await screen.findByText('The report already in that folder was kept; nothing was written.')).toBeTruthy();
    expect(callsTo('reports.export')).toHaveLength(1);
    expect(screen.queryByText('Files written')).toBeNull();
    expect(await screen.findByText('Nothing exported yet.')).toBeTruthy();
  });

  it('says why when the main side refuses the export', async () => {
    const message = 'The folder already holds a worker-signing-key.pem that is not this vault\u2019s signing key; choose another folder.';
    const { user } = await openReports({ exportError: { code: 'CONFLICT', message } });
    await user.click(screen.getByRole('button', { name: 'Export report…' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.queryByText('Files written')).toBeNull();
  });
});

describe('CEU view and report settings', () => {
  it('asks for the cycle start, then shows contact hours against 90 (9.0 CEUs)', async () => {
    const { user, callsTo } = await openReports();
    await useSettingsStore.getState().load();
    const field = await screen.findByLabelText('First day of your current cycle');
    await user.type(field, '7/1/2024');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('of 90 contact hours')).toBeTruthy();
    expect(callsTo('settings.update')).toEqual([{ ceuCycleStart: '2024-07-01' }]);
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('6');
    expect(screen.getByText(/0\.6 of 9\.0 CEUs from 2 sessions attended\. 84 hours to go/)).toBeTruthy();
  });

  it('shows contact hours without the 90-hour requirement when the worker said it does not apply to them', async () => {
    const { fake } = await openReports({ ceu: { status: 'current', today: '2026-11-22', cycleStart: '2024-07-01', cycleEnd: '2029-06-30', sessions: 2, minutes: 360, contactHours: 6, ceus: 0.6, requiredHours: 90, requiredCeus: 9, remainingHours: 84 } });
    fake.state.settings = { ...fake.state.settings, ceuRequirementApplies: false };
    await useSettingsStore.getState().load();
    expect(await screen.findByText(/contact hours this cycle, from 2 sessions attended/)).toBeTruthy();
    expect(screen.queryByText('of 90 contact hours')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('offers k = 5, 10, 11 and 16 with what each hides, and the time zone, in Settings', async () => {
    const { callsTo } = installReportsFake();
    await useSettingsStore.getState().load();
    const person = userEvent.setup();
    render(<Settings />);
    const group = await screen.findByRole('group', { name: 'Smallest count of students shown' });
    const choices = within(group).getAllByRole('radio');
    expect(choices.map((choice) => Number((choice as HTMLInputElement).value))).toEqual([...REPORT_THRESHOLDS]);
    expect((within(group).getByRole('radio', { name: /^10/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(group).getByRole('radio', { name: /^16/ }).getAttribute('aria-describedby')).toBeTruthy();
    expect(group.textContent).toContain('Hides counts of 1 to 15.');
    expect(await screen.findByText(/Smallest number shown:/)).toBeTruthy();
    await person.click(within(group).getByRole('radio', { name: /^16/ }));
    // A change needs a reason, kept with the worker's records.
    const change = screen.getByRole('button', { name: 'Change to 16' });
    expect((change as HTMLButtonElement).disabled).toBe(true);
    await person.type(screen.getByLabelText('Why are you changing it to 16?'), 'the district asked for 16');
    await person.click(change);
    await waitFor(() => expect(callsTo('reports.changeThreshold')).toEqual([{ threshold: 16, reason: 'the district asked for 16' }]));
    expect(callsTo('settings.update')).toEqual([]);
    const zone = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.value).toBe('America/Chicago');
    await person.selectOptions(zone, 'America/New_York');
    await waitFor(() => expect(callsTo('settings.update')).toContainEqual({ timeZone: 'America/New_York' }));
  });

  it('sets the month the school year starts in, July until changed, and the school-year panel follows it at once', async () => {
    const { callsTo } = installReportsFake();
    await useSettingsStore.getState().load();
    const person = userEvent.setup();
    render(
      <>
        <Settings />
        <SchoolYearExport />
      </>,
    );
    const start = (await screen.findByLabelText('School year starts in')) as HTMLSelectElement;
    expect(start.value).toBe('7');
    expect(screen.getByText(/Your school year runs July to June\./)).toBeTruthy();
    expect(screen.getByText(/whole school year, July to June,/)).toBeTruthy();
    await person.selectOptions(start, 'September');
    await waitFor(() => expect(callsTo('settings.update')).toContainEqual({ schoolYearStartMonth: 9 }));
    await screen.findByText(/whole school year, September to August,/);
    expect(screen.getByText(/Your school year runs September to August\./)).toBeTruthy();
    // The years offered are named by the start month: this school year is the one that began last September.
    const years = within(screen.getByRole('combobox', { name: 'School year' })).getAllByRole('option').map((option) => (option as HTMLOptionElement).value);
    expect(years).toEqual(recentSchoolYears(todayIso(), 9));
  });
});
