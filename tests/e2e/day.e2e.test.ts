import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The auto-lock of the app (src-main/app/autoLock.ts) listens to Electron's powerMonitor; here, to an emitter.
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return { powerMonitor: new Emitter() };
});

import { CountedPage } from '../../bench/day';
import { startAutoLock } from '../../src-main/app/autoLock';
import { QUICK_UNLOCK_WINDOW_MS } from '../../src-main/vault/quickUnlock/quickUnlockKeeper';
import { cli } from '../helpers/cliHarness';
import { makeTempDir, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';
import { callRouter, localIsoDate } from './demoData';
import { startApp, type App } from './harness';
import { mainNav, ui, unlockThroughUi } from './ui';

/*
 * A social worker's day, end to end (issue 13): the built renderer in
 * Chromium over a real vault. The PIN after an idle lock that the app's own
 * auto-lock takes (its idle clock moved on, the check run by its timer), three
 * wrong PINs, the end of the working day on the vault's clock; a student's
 * private name found by every search and in no file any exporter writes;
 * a saved group, "Log again", and follow-ups on Today.
 */

const PIN = '480213';
const MINUTE = 60_000;

async function goTo(page: Page, screen: 'Today' | 'Caseload' | 'Settings' | 'Search'): Promise<void> {
  await mainNav(page, screen).click();
  await page.getByRole('heading', { level: 1, name: screen }).waitFor();
}

const serviceForm = (page: Page) => page.getByRole('form', { name: 'Log a service' });
const announced = (page: Page, text: string | RegExp) => page.locator('.toasts').getByRole('status').getByText(text);

function daysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return localIsoDate(date);
}

/** Every file under `folder`, recursively. */
function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the PIN after an idle lock (end to end)', () => {
  const DRAFT = 'Checked in after lunch. She is worried about moving schools in May and asked whether';
  /** The vault's clock runs this far ahead of the real one (the PIN's working day is measured on it). */
  let vaultAhead = 0;
  /** The auto-lock's idle clock runs this far ahead of the real one. */
  let idleAhead = 0;
  let app: App;
  let studentId: string;
  const contents = Object.assign(new EventEmitter(), { isDestroyed: () => false });
  const window = Object.assign(new EventEmitter(), { webContents: contents });
  let stopAutoLock: () => void = () => undefined;

  /** What Electron reports for the worker's keys in the window: the auto-lock's sign of activity. */
  const workerActs = () => contents.emit('input-event', {}, { type: 'keyDown' });

  async function pinScreen(page: Page): Promise<Locator> {
    const field = page.getByLabel('PIN', { exact: true });
    await field.waitFor();
    return field;
  }

  /** Unlocked: the app opens on Today (or the unfinished note), and only then takes the worker's clicks. */
  async function backOnToday(page: Page): Promise<void> {
    await ui(page).lock.waitFor();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  }

  async function typePin(page: Page, pin: string): Promise<void> {
    workerActs();
    await (await pinScreen(page)).fill(pin);
    await ui(page).unlock.click();
  }

  beforeAll(async () => {
    app = await startApp({
      open: false,
      clock: () => new Date(Date.now() + vaultAhead),
      prepare: async ({ router }) => {
        await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
        studentId = (await callRouter(router, 'students.create', { code: 'MV-3307', grade: 7, knownAs: 'Mia V.' })).id;
      },
    });
    app.page.setDefaultTimeout(15_000);
    await app.open();
    await app.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    // The app's auto-lock, as main.ts starts it for the window (its idle clock injectable).
    stopAutoLock = startAutoLock({ session: app.session, window: window as unknown as BrowserWindow, now: () => Date.now() + idleAhead });
  });
  afterAll(async () => {
    stopAutoLock();
    await app?.close();
  });

  it('keeps the note being typed through the idle lock the app takes itself, and the PIN brings it back, text and cursor', async () => {
    const page = app.page;
    // The PIN, set in Settings after the passphrase.
    await goTo(page, 'Settings');
    const panel = page.getByRole('region', { name: 'Unlock with a PIN after a short break' });
    await panel.getByLabel('PIN', { exact: true }).fill(PIN);
    await panel.getByLabel('The same PIN again').fill(PIN);
    await panel.getByRole('button', { name: 'Set PIN' }).click();
    await panel.getByText('A PIN is set for today.').waitFor();

    await goTo(page, 'Caseload');
    await page.getByRole('list', { name: 'Students' }).getByRole('button', { name: /^MV-3307/ }).click();
    await page.keyboard.press('ControlOrMeta+N');
    const note = page.getByRole('textbox', { name: 'Note', exact: true });
    await note.waitFor();
    await note.focus();
    await page.keyboard.type(DRAFT);
    for (let left = 0; left < 8; left += 1) await page.keyboard.press('ArrowLeft');
    workerActs();
    // What was typed has reached the main side (it writes it within seconds of the last key).
    await expect
      .poll(() => app.session.data.drafts.list().map((draft) => [draft.body, draft.cursor]), { timeout: 5_000 })
      .toEqual([[DRAFT, DRAFT.length - 8]]);
    expect(app.session.state()).toBe('unlocked');

    // The worker steps away: 11 minutes without a key or a click, past the 10-minute default. The app's own check locks.
    idleAhead += 11 * MINUTE;
    await expect.poll(() => app.session.state(), { timeout: 15_000 }).toBe('locked');
    await page.getByText(/locked itself after a while without activity\. Your unfinished note was kept\./).waitFor();
    expect(await ui(page).passphrase.count()).toBe(0);
    expect(await page.content()).not.toContain('moving schools');
    // Words a worker uses: Sole Notes locked, not "the vault".
    expect(await page.getByRole('main').innerText()).not.toMatch(/vault/i);

    await typePin(page, PIN);
    await page.getByRole('heading', { level: 1, name: 'New note about MV-3307' }).waitFor();
    await page.getByText(/Your unfinished note is back, as you left it\./).waitFor();
    const back = page.getByRole('textbox', { name: 'Note', exact: true });
    expect(await back.inputValue()).toBe(DRAFT);
    await expect.poll(() => back.evaluate((area: { selectionStart: number; selectionEnd: number }) => [area.selectionStart, area.selectionEnd])).toEqual([DRAFT.length - 8, DRAFT.length - 8]);
    expect(app.session.state()).toBe('unlocked');

    // Finished and saved: the unfinished note is gone, the note is there.
    await back.focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' she could keep her counselor.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText(/^Saved /).waitFor();
    await expect.poll(() => app.session.data.drafts.list().length).toBe(0);
    expect(app.session.data.notes.list({ studentId }).map((saved) => saved.preview)).toEqual([expect.stringContaining('moving schools')]);
  });

  it('after three wrong PINs asks for the passphrase, and the right PIN opens nothing any more', async () => {
    stopAutoLock(); // from here the locks are the test's
    const page = app.page;
    await app.lockFromMain('idle');
    for (const [wrong, left] of [
      ['000000', '2 more tries'],
      ['000001', '1 more try'],
    ] as const) {
      await typePin(page, wrong);
      await page.getByRole('alert').getByText(`That PIN is not right. ${left}, then Sole Notes asks for your passphrase.`).waitFor();
    }
    await typePin(page, '000002');
    await ui(page).passphrase.waitFor();
    await page.getByText('For your safety, Sole Notes now asks for your passphrase. Your notes are safe.').waitFor();
    expect(await page.getByLabel('PIN', { exact: true }).count()).toBe(0);

    // The right PIN, asked of the main side directly: refused, the vault stays locked.
    const right = await app.router.invoke('vault.unlockWithPin', { pin: PIN });
    expect(right).toMatchObject({ ok: false, error: { code: 'PIN_EXPIRED' } });
    expect(app.session.state()).toBe('locked');
    expect(app.session.quickUnlock.status()).toMatchObject({ available: false, pinSet: false });

    await unlockThroughUi(page, TEST_PASSPHRASE);
    await backOnToday(page);
    // The PIN went with the third wrong try: the next idle lock asks for the passphrase.
    await app.lockFromMain('idle');
    await ui(page).passphrase.waitFor();
    expect(await page.getByLabel('PIN', { exact: true }).count()).toBe(0);
    await unlockThroughUi(page, TEST_PASSPHRASE);
    await backOnToday(page);
  });

  it('stops at the end of the working day: the PIN works a minute before, the passphrase is needed after', async () => {
    const page = app.page;
    await goTo(page, 'Settings');
    const panel = page.getByRole('region', { name: 'Unlock with a PIN after a short break' });
    await panel.getByLabel('PIN', { exact: true }).fill(PIN);
    await panel.getByLabel('The same PIN again').fill(PIN);
    await panel.getByRole('button', { name: 'Set PIN' }).click();
    await panel.getByText('A PIN is set for today.').waitFor();
    const until = Date.parse(app.session.quickUnlock.status().until ?? '');
    // A working day from the passphrase typed a moment ago.
    expect(until).toBeLessThanOrEqual(Date.now() + vaultAhead + QUICK_UNLOCK_WINDOW_MS);
    expect(until).toBeGreaterThan(Date.now() + vaultAhead + QUICK_UNLOCK_WINDOW_MS - 5 * MINUTE);

    // A minute before the end of the day, on the vault's clock: the PIN still opens.
    vaultAhead = until - Date.now() - MINUTE;
    await app.lockFromMain('idle');
    await typePin(page, PIN);
    await backOnToday(page);
    expect(app.session.state()).toBe('unlocked');

    // Locked again just before the end; the PIN screen waits while the day ends.
    await app.lockFromMain('idle');
    await pinScreen(page);
    vaultAhead = until - Date.now() + 1000;
    expect(app.session.quickUnlock.status()).toMatchObject({ available: false, pinSet: false });
    await typePin(page, PIN);
    await ui(page).passphrase.waitFor();
    await page.getByText('For your safety, Sole Notes now asks for your passphrase. Your notes are safe.').waitFor();
    expect(app.session.state()).toBe('locked');

    await unlockThroughUi(page, TEST_PASSPHRASE);
    await backOnToday(page);
    await app.lockFromMain('idle');
    await ui(page).passphrase.waitFor();
    expect(await page.getByLabel('PIN', { exact: true }).count()).toBe(0);
    await unlockThroughUi(page, TEST_PASSPHRASE);
    await backOnToday(page);
  });

  it('reached nothing but the app, with no page errors', () => {
    expect(app.abortedRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.bridgeProblems).toEqual([]);
    expect(app.consoleProblems.filter((entry) => entry.type === 'error')).toEqual([]);
  });
});

describe("the day's routine work (end to end)", () => {
  /** The name the worker knows one student by: the canary, looked for in every file written. */
  const NAME = 'Zebediah Quillfeather';
  const KNOWN_AS = `${NAME} (Ms. Okonkwo, room 14)`;
  const CANARIES = [NAME, 'Zebediah', 'Quillfeather', 'Okonkwo'];
  const GROUP = ['Maya R.', 'Ava T.', 'Leo M.', 'Zoe W.'];
  let app: App;
  let exportRoot: string;
  let ids: Record<'zeb' | 'devon' | 'maya' | 'ava' | 'leo' | 'zoe', string>;
  let yesterdayServiceId: string;

  beforeAll(async () => {
    exportRoot = makeTempDir('sole-notes-e2e-day-exports-');
    app = await startApp({
      open: false,
      chooseFolder: () => {
        const folder = path.join(exportRoot, 'District reports');
        fs.mkdirSync(folder, { recursive: true });
        return folder;
      },
      prepare: async ({ router }) => {
        await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
        const student = async (code: string, knownAs: string, grade: number) =>
          (await callRouter(router, 'students.create', { code, knownAs, grade, school: 'Lincoln Elementary', tier: 2, openedOn: daysAgo(90) })).id;
        ids = {
          zeb: await student('QX-5501', KNOWN_AS, 4),
          devon: await student('NH-9021', 'Devon K.', 10),
          maya: await student('LE-3010', 'Maya R.', 3),
          ava: await student('LE-3022', 'Ava T.', 3),
          leo: await student('LE-3031', 'Leo M.', 3),
          zoe: await student('LE-3047', 'Zoe W.', 3),
        };
        // Last month, for the report: sessions with the named student among others.
        const now = new Date();
        const lastMonth = (day: number) => localIsoDate(new Date(now.getFullYear(), now.getMonth() - 1, day, 12));
        for (const [day, who] of [
          [3, ids.zeb],
          [5, ids.maya],
          [10, ids.zeb],
          [12, ids.devon],
          [17, ids.ava],
        ] as const) {
          await callRouter(router, 'services.create', { date: lastMonth(day), minutes: 30, kind: 'individual_session', studentIds: [who], issueCategoryIds: ['worry_stress'] });
        }
        await callRouter(router, 'services.create', { date: lastMonth(19), minutes: 45, kind: 'group_session', studentIds: [ids.zeb, ids.maya, ids.ava], issueCategoryIds: ['peer_bullying'] });
        // This week: a session with the named student and its note, to be found by search.
        const session = await callRouter(router, 'services.create', { date: daysAgo(2), minutes: 25, kind: 'individual_session', studentIds: [ids.zeb], issueCategoryIds: ['attendance'] });
        await callRouter(router, 'notes.create', { studentId: ids.zeb, serviceId: session.id, body: 'Talked about the bus in the mornings; the new route starts Monday.' });
        // Yesterday, with Devon: to be logged again today.
        yesterdayServiceId = (
          await callRouter(router, 'services.create', { date: daysAgo(1), minutes: 20, kind: 'individual_session', studentIds: [ids.devon], issueCategoryIds: ['attendance', 'academic'] })
        ).id;
      },
    });
    app.page.setDefaultTimeout(15_000);
    await app.open();
    await app.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    if (exportRoot) removeDir(exportRoot);
  });

  it("finds a student by their private name in the caseload, the service form's picker and the search, and no exported file holds it", async () => {
    const page = app.page;
    // The caseload filter.
    await goTo(page, 'Caseload');
    await page.getByRole('search', { name: 'Filter the caseload' }).getByLabel('Find a student').fill('Zebediah');
    const rows = page.getByRole('list', { name: 'Students' }).getByRole('button');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringMatching(/^QX-5501[\s\S]*Zebediah Quillfeather/)]);

    // The student picker of the service form.
    await page.keyboard.press('ControlOrMeta+Shift+N');
    const picker = serviceForm(page).getByRole('combobox', { name: 'Student' });
    await picker.fill('quillfeather');
    const options = serviceForm(page).getByRole('listbox').getByRole('option');
    await expect.poll(() => options.allInnerTexts()).toEqual([expect.stringMatching(/QX-5501[\s\S]*Zebediah Quillfeather/)]);
    await picker.fill('');

    // The search over notes and services.
    await page.keyboard.press('ControlOrMeta+F');
    await page.getByRole('searchbox', { name: 'Search notes and services' }).fill('Zebediah');
    const hits = page.getByRole('list', { name: 'Matching notes and services' }).getByRole('button');
    await hits.filter({ hasText: 'the new route starts Monday' }).first().waitFor();
    const found = await hits.allInnerTexts();
    // The note and services of that student (with the others of a group session), and nothing else.
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.filter((text) => !text.includes('QX-5501'))).toEqual([]);

    // Every exporter: the monthly report from the Reports screen (report, signature, key, CSV, printable page)…
    await mainNav(page, 'Reports').click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByRole('button', { name: 'Export report…' }).click();
    await page.getByText('Files written').waitFor();
    const reportFolder = path.join(exportRoot, 'District reports');
    const reportFiles = filesUnder(reportFolder);
    expect(reportFiles.map((file) => path.extname(file)).sort()).toEqual(['.csv', '.html', '.json', '.pem', '.sig']);
    // …and the district's summary of it (the CLI the district runs).
    const keys = path.join(exportRoot, 'district-keys');
    fs.mkdirSync(keys);
    fs.copyFileSync(path.join(reportFolder, 'worker-signing-key.pem'), path.join(keys, 'worker.pem'));
    const reportJson = reportFiles.find((file) => file.endsWith('.json')) ?? '';
    const district = await cli(['district-summary', '--keys', keys, '--out', path.join(exportRoot, 'district'), reportJson]);
    expect(district.code, district.stderr).toBe(0);
    expect(filesUnder(path.join(exportRoot, 'district'))).toHaveLength(2);

    // The report counts the named student's sessions, and no file names them.
    const report = JSON.parse(fs.readFileSync(reportJson, 'utf8')) as { metrics: { minutes: { direct: unknown } } };
    expect(report.metrics.minutes.direct).toBeDefined();
    const written = filesUnder(exportRoot);
    expect(written.length).toBe(8);
    const leaks = written.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8').toLowerCase();
      return CANARIES.filter((canary) => text.includes(canary.toLowerCase())).map((canary) => `${path.relative(exportRoot, file)}: ${canary}`);
    });
    expect(leaks).toEqual([]);
  });

  it('saves a group once, then logs a group session for it in four actions', async () => {
    const page = app.page;
    await goTo(page, 'Today');
    await page.keyboard.press('ControlOrMeta+Shift+N');
    const form = serviceForm(page);
    await form.getByRole('radio', { name: 'Group session' }).click();
    const picker = form.getByRole('combobox', { name: 'Students' });
    for (const name of GROUP) {
      await picker.fill(name.slice(0, 4));
      await form.getByRole('listbox').getByRole('option', { name: new RegExp(name.replace('.', '\\.')) }).waitFor();
      await picker.press('Enter');
    }
    await expect.poll(() => form.getByRole('list', { name: 'Chosen students' }).getByRole('listitem').count()).toBe(4);
    await form.getByRole('button', { name: 'Save these students as a group' }).click();
    await form.getByRole('textbox', { name: 'Group name' }).fill('Lunch bunch');
    await form.getByRole('textbox', { name: 'Group name' }).press('Enter');
    await announced(page, 'Saved the group Lunch bunch.').waitFor();
    expect((await callRouter(app.router, 'groups.list', {})).map((group) => [group.name, [...group.studentIds].sort()])).toEqual([
      ['Lunch bunch', [ids.maya, ids.ava, ids.leo, ids.zoe].sort()],
    ]);
    await goTo(page, 'Today');

    // Next week's session: from Today, the group, 30 minutes, save.
    const worker = new CountedPage(page);
    await worker.press('ControlOrMeta+Shift+N');
    await worker.click(form.getByRole('button', { name: 'Fill in the group Lunch bunch (4 students)' }));
    await worker.click(form.getByRole('button', { name: '30', exact: true }));
    await worker.click(form.getByRole('button', { name: 'Save service' }));
    await announced(page, /^Saved: Group session, 30 min, LE-/).waitFor();
    expect(worker.actions).toBeLessThanOrEqual(4);

    const today = localIsoDate(new Date());
    const logged = await callRouter(app.router, 'services.list', { from: today, to: today });
    expect(logged.map((service) => ({ kind: service.kind, minutes: service.minutes, students: [...service.studentIds].sort() }))).toEqual([
      { kind: 'group_session', minutes: 30, students: [ids.maya, ids.ava, ids.leo, ids.zoe].sort() },
    ]);
  });

  it("logs yesterday's service again for today from the service log: same kind, student, minutes and issues", async () => {
    const page = app.page;
    await mainNav(page, 'Service log').click();
    await page.getByRole('heading', { level: 1, name: /Service log/ }).waitFor();
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.getByRole('button', { name: 'Previous day' }).click();
    await page.getByRole('button', { name: 'Log again: Individual session, 20 min, today' }).click();
    const form = serviceForm(page);
    await expect.poll(() => form.getByRole('list', { name: 'Chosen student' }).innerText()).toContain('NH-9021');
    expect(await form.getByRole('textbox', { name: 'Minutes' }).inputValue()).toBe('20');
    await form.getByRole('button', { name: 'Save service' }).click();
    await announced(page, 'Saved: Individual session, 20 min, NH-9021 · Devon K.').waitFor();

    const today = localIsoDate(new Date());
    const again = (await callRouter(app.router, 'services.list', { from: today, to: today })).filter((service) => service.studentIds.includes(ids.devon));
    expect(again.map((service) => ({ kind: service.kind, minutes: service.minutes, students: service.studentIds, issues: [...service.issueCategoryIds].sort() }))).toEqual([
      { kind: 'individual_session', minutes: 20, students: [ids.devon], issues: ['academic', 'attendance'] },
    ]);
    expect(again[0]?.id).not.toBe(yesterdayServiceId);
    expect((await callRouter(app.router, 'services.get', { id: yesterdayServiceId })).date).toBe(daysAgo(1));
  });

  it('shows a follow-up day set on a note and on a service on Today, until each is marked done', async () => {
    const page = app.page;
    // A note about the named student, to follow up on today.
    await goTo(page, 'Caseload');
    await page.getByRole('search', { name: 'Filter the caseload' }).getByLabel('Find a student').fill('');
    await page.getByRole('list', { name: 'Students' }).getByRole('button', { name: /^QX-5501/ }).click();
    await page.keyboard.press('ControlOrMeta+N');
    const note = page.getByRole('textbox', { name: 'Note', exact: true });
    await note.fill('Asked to see me again about the bus; check whether the new route helped.');
    await page.getByRole('textbox', { name: 'Follow up on (optional)' }).fill('today');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText(/^Saved /).waitFor();

    // A service with Maya, to follow up on today too.
    await page.keyboard.press('ControlOrMeta+Shift+N');
    const form = serviceForm(page);
    await form.getByRole('radio', { name: 'Individual session' }).click();
    await form.getByRole('combobox', { name: 'Student' }).fill('Maya');
    await form.getByRole('listbox').getByRole('option', { name: /LE-3010/ }).waitFor();
    await form.getByRole('combobox', { name: 'Student' }).press('Enter');
    await form.getByRole('button', { name: '45', exact: true }).click();
    await form.getByRole('textbox', { name: 'Follow up on (optional)' }).fill('today');
    await form.getByRole('button', { name: 'Save service' }).click();
    await announced(page, 'Saved: Individual session, 45 min, LE-3010 · Maya R.').waitFor();

    await goTo(page, 'Today');
    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    const noteDone = followUps.getByRole('button', { name: /^Mark done: Note of .* with QX-5501 · Zebediah Quillfeather/ });
    const serviceDone = followUps.getByRole('button', { name: /^Mark done: Individual session, 45 min, on .* with LE-3010 · Maya R\.$/ });
    await noteDone.waitFor();
    await serviceDone.waitFor();
    expect(await followUps.innerText()).toContain('check whether the new route helped');

    // Still there after going elsewhere and back; gone once marked done, and for good.
    await goTo(page, 'Caseload');
    await goTo(page, 'Today');
    await noteDone.click();
    await announced(page, 'Follow-up marked done.').waitFor();
    await expect.poll(() => noteDone.count()).toBe(0);
    await goTo(page, 'Caseload');
    await goTo(page, 'Today');
    await serviceDone.waitFor();
    expect(await noteDone.count()).toBe(0);
    await serviceDone.click();
    await followUps.getByText('Nothing to follow up on today.').waitFor();
    await goTo(page, 'Caseload');
    await goTo(page, 'Today');
    await followUps.getByText('Nothing to follow up on today.').waitFor();
    expect((await callRouter(app.router, 'today.summary', {})).followUps).toEqual([]);
  });

  it('reached nothing but the app, with no page errors', () => {
    expect(app.abortedRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.bridgeProblems).toEqual([]);
    expect(app.consoleProblems.filter((entry) => entry.type === 'error')).toEqual([]);
  });
});
