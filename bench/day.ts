import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import type { Router } from '../src-main/api/router';
import { callRouter, localIsoDate } from '../tests/e2e/demoData';
import { ensureRendererBuilt } from '../tests/e2e/buildRenderer';
import { startApp, type App } from '../tests/e2e/harness';
import { TEST_PASSPHRASE } from '../tests/helpers/tempVault';

/**
 * A social worker's day, counted (issue 13, "Measured: actions per routine
 * task"). Five routine tasks are done in Chromium against the built renderer
 * and a real vault, through a wrapper that counts the worker's actions: a
 * click, a key chord, or typing into one field is one action. Each task
 * starts on the home screen (Today) and ends by checking the vault: the
 * service saved, the note found, the unfinished note back after the lock.
 * Counts, not timings: the same build gives the same numbers.
 *
 * `npm run --silent bench:day -- --json` prints one JSON object; without
 * `--json`, a table. Progress goes to stderr.
 */

export const DAY_PIN = '271828';

/** The students of the day, each with the name the worker knows them by. */
export const DAY_STUDENTS = {
  /** T1: an individual session, picked by name. */
  maya: { code: 'LE-3010', knownAs: 'Maya R.', grade: 3, school: 'Lincoln Elementary' },
  /** T3: last week's note is about him. */
  jonah: { code: 'RM-4100', knownAs: 'Jonah P.', grade: 7, school: 'Riverside Middle' },
  /** T5: seen yesterday, seen again today the same way. */
  devon: { code: 'NH-9021', knownAs: 'Devon K.', grade: 10, school: 'Northgate High' },
  /** The lunch group (T2), with Maya's classmates. */
  ava: { code: 'LE-3022', knownAs: 'Ava T.', grade: 3, school: 'Lincoln Elementary' },
  leo: { code: 'LE-3031', knownAs: 'Leo M.', grade: 3, school: 'Lincoln Elementary' },
  zoe: { code: 'LE-3047', knownAs: 'Zoe W.', grade: 3, school: 'Lincoln Elementary' },
  /** T4: the note being written when the idle lock comes. */
  sam: { code: 'RM-4133', knownAs: 'Sam B.', grade: 8, school: 'Riverside Middle' },
} as const;
type DayStudent = keyof typeof DAY_STUDENTS;

export const DAY_GROUP = 'Lunch bunch';
export const LAST_WEEK_NOTE = 'Talked through the argument at recess; he wants to apologise to his friend on Monday.';
const T1_NOTE = 'Worked on the feelings thermometer; calmer after lunch.';
const T4_NOTE = 'Checked in after lunch. She is worried about moving schools in May and asked whether';

export interface DayTask {
  id: 'T1' | 'T2' | 'T3' | 'T4' | 'T5';
  description: string;
  actions: number;
  target: number;
}

export interface DayResult {
  tasks: DayTask[];
  draftKeptAcrossLock: boolean;
}

export interface DaySeed {
  ids: Record<DayStudent, string>;
  groupId: string;
  lastWeekNoteId: string;
  yesterdayServiceId: string;
}

/**
 * Playwright's page, counting what the worker does: every click, every key
 * chord and every field typed into adds one.
 */
export class CountedPage {
  actions = 0;
  constructor(readonly page: Page) {}

  async click(target: Locator): Promise<void> {
    this.actions += 1;
    await target.click();
  }

  /** A key or a chord, such as "ControlOrMeta+Shift+N". */
  async press(chord: string): Promise<void> {
    this.actions += 1;
    await this.page.keyboard.press(chord);
  }

  /** Typing one field's text. */
  async fill(target: Locator, text: string): Promise<void> {
    this.actions += 1;
    await target.fill(text);
  }

  /** Typing one field's text where the focus is, key by key. */
  async type(text: string): Promise<void> {
    this.actions += 1;
    await this.page.keyboard.type(text);
  }
}

function daysAgo(days: number, from = new Date()): Date {
  const date = new Date(from);
  date.setDate(date.getDate() - days);
  return date;
}

/**
 * The day's vault, through the router: students with their private names, a
 * saved group of four, a note written last week about Jonah, a service with
 * Devon yesterday, and a PIN for quick unlock. `setClock` moves the vault's
 * clock while the note is written, so that it is last week's.
 */
export async function seedDay(router: Router, setClock: (date: Date | null) => void): Promise<DaySeed> {
  await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
  const ids = {} as Record<DayStudent, string>;
  for (const [key, student] of Object.entries(DAY_STUDENTS) as Array<[DayStudent, (typeof DAY_STUDENTS)[DayStudent]]>) {
    const row = await callRouter(router, 'students.create', { ...student, tier: 2, openedOn: localIsoDate(daysAgo(60)) });
    ids[key] = row.id;
  }
  const group = await callRouter(router, 'groups.create', { name: DAY_GROUP, studentIds: [ids.maya, ids.ava, ids.leo, ids.zoe] });

  setClock(daysAgo(7));
  const note = await callRouter(router, 'notes.create', { studentId: ids.jonah, body: LAST_WEEK_NOTE });
  setClock(null);

  const yesterday = await callRouter(router, 'services.create', {
    date: localIsoDate(daysAgo(1)),
    minutes: 20,
    kind: 'individual_session',
    teamType: null,
    studentIds: [ids.devon],
    issueCategoryIds: ['attendance'],
  });
  await callRouter(router, 'quickUnlock.set', { pin: DAY_PIN });
  return { ids, groupId: group.id, lastWeekNoteId: note.id, yesterdayServiceId: yesterday.id };
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`The task did not reach its end state: ${what}`);
}

/** Back to the home screen between tasks (not counted: every task starts there). */
async function toToday(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
}

const serviceForm = (page: Page) => page.getByRole('form', { name: 'Log a service' });
const savedToast = (page: Page, text: string | RegExp) => page.locator('.toasts').getByRole('status').getByText(text);

/** T1: log 30 minutes with Maya, picked by her name, and write the session's note. */
export async function taskIndividualSession(app: App, seed: DaySeed): Promise<DayTask> {
  const worker = new CountedPage(app.page);
  const form = serviceForm(app.page);
  await worker.press('ControlOrMeta+Shift+N');
  await worker.fill(form.getByRole('combobox', { name: 'Student' }), 'Maya');
  await worker.press('Enter'); // takes the highlighted match
  await worker.click(form.getByRole('button', { name: '30', exact: true }));
  await worker.fill(form.getByRole('textbox', { name: 'Note for this service (optional)' }), T1_NOTE);
  await worker.click(form.getByRole('button', { name: 'Save service' }));
  await savedToast(app.page, 'Saved: Individual session, 30 min, LE-3010').first().waitFor();

  const today = localIsoDate(new Date());
  const services = await callRouter(app.router, 'services.list', { from: today, to: today });
  const saved = services.find((service) => service.studentIds.length === 1 && service.studentIds[0] === seed.ids.maya);
  check(saved?.minutes === 30 && saved.kind === 'individual_session', 'a 30-minute individual session with Maya today');
  check(saved?.noteId != null, "the session's note linked to it");
  const note = await callRouter(app.router, 'notes.get', { id: saved?.noteId as string });
  check(note.body === T1_NOTE, "the note's text as typed");
  return { id: 'T1', description: 'after an individual session with a student known by name: log 30 min and write a short note', actions: worker.actions, target: 6 };
}

/** T2: a 30-minute session with the saved group of four. */
export async function taskGroupSession(app: App, seed: DaySeed): Promise<DayTask> {
  const worker = new CountedPage(app.page);
  const form = serviceForm(app.page);
  await worker.press('ControlOrMeta+Shift+N');
  await worker.click(form.getByRole('button', { name: `Fill in the group ${DAY_GROUP} (4 students)` }));
  await worker.click(form.getByRole('button', { name: '30', exact: true }));
  await worker.click(form.getByRole('button', { name: 'Save service' }));
  await savedToast(app.page, /^Saved: Group session, 30 min/).first().waitFor();

  const today = localIsoDate(new Date());
  const services = await callRouter(app.router, 'services.list', { from: today, to: today });
  const group = [seed.ids.maya, seed.ids.ava, seed.ids.leo, seed.ids.zoe].sort();
  const saved = services.find((service) => service.kind === 'group_session' && service.minutes === 30 && JSON.stringify([...service.studentIds].sort()) === JSON.stringify(group));
  check(saved != null, 'a 30-minute group session with the four students of the group today');
  return { id: 'T2', description: 'log a 30-minute group session for a saved group of 4', actions: worker.actions, target: 5 };
}

/** T3: last week's note about Jonah, found by his name and opened. */
export async function taskFindNote(app: App): Promise<DayTask> {
  const worker = new CountedPage(app.page);
  await worker.press('ControlOrMeta+F');
  await worker.fill(app.page.getByRole('searchbox', { name: 'Search notes and services' }), 'Jonah');
  const hit = app.page
    .getByRole('list', { name: 'Matching notes and services' })
    .getByRole('button', { name: new RegExp(`^${DAY_STUDENTS.jonah.code}`) })
    .filter({ hasText: 'apologise' });
  await worker.click(hit.first());
  const body = app.page.getByRole('textbox', { name: 'Note', exact: true });
  await body.waitFor();
  check((await body.inputValue()) === LAST_WEEK_NOTE, "last week's note open in the editor");
  return { id: 'T3', description: "find last week's note about a student, by name", actions: worker.actions, target: 4 };
}

/**
 * T4: a note half written when the idle lock comes (main side, as the
 * timer does); back with the PIN. Writing the note is not counted.
 */
export async function taskBackAfterIdleLock(app: App): Promise<{ task: DayTask; draftKept: boolean }> {
  const page = app.page;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload', exact: true }).click();
  await page.getByRole('list', { name: 'Students' }).getByRole('button', { name: new RegExp(`^${DAY_STUDENTS.sam.code}`) }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(DAY_STUDENTS.sam.code) }).waitFor();
  await page.keyboard.press('ControlOrMeta+N');
  const note = page.getByRole('textbox', { name: 'Note', exact: true });
  await note.waitFor();
  await note.focus();
  await page.keyboard.type(T4_NOTE);
  // The last keys reach the main side before the lock, as they would while the worker stepped away.
  await page.waitForTimeout(400);
  await app.lockFromMain('idle');
  const pin = page.getByLabel('PIN', { exact: true });
  await pin.waitFor();

  const worker = new CountedPage(page);
  await worker.fill(pin, DAY_PIN);
  await worker.press('Enter');
  await page.getByRole('heading', { level: 1, name: `New note about ${DAY_STUDENTS.sam.code}` }).waitFor();
  const back = page.getByRole('textbox', { name: 'Note', exact: true });
  const draftKept = (await back.inputValue()) === T4_NOTE;
  check(app.session.state() === 'unlocked', 'unlocked with the PIN');
  check(draftKept, 'the unfinished note back with its text');
  // Save it, so that the day goes on without an unfinished note (not counted: the task was coming back).
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.getByText(/^Saved /).waitFor();
  return { task: { id: 'T4', description: 'come back after an idle lock to the note being written (quick unlock set)', actions: worker.actions, target: 2 }, draftKept };
}

/** T5: yesterday's session with Devon, logged again for today. */
export async function taskLogAgain(app: App, seed: DaySeed): Promise<DayTask> {
  const worker = new CountedPage(app.page);
  await worker.click(app.page.getByRole('button', { name: new RegExp(`^${DAY_STUDENTS.devon.code}`) }).first());
  await worker.click(app.page.getByRole('button', { name: /^Log again: Individual session, 20 min/ }).first());
  await worker.click(serviceForm(app.page).getByRole('button', { name: 'Save service' }));
  await savedToast(app.page, /^Saved: Individual session, 20 min/).first().waitFor();

  const today = localIsoDate(new Date());
  const services = await callRouter(app.router, 'services.list', { from: today, to: today });
  const saved = services.find((service) => service.id !== seed.yesterdayServiceId && service.studentIds.length === 1 && service.studentIds[0] === seed.ids.devon);
  check(
    saved?.kind === 'individual_session' && saved.minutes === 20 && JSON.stringify(saved.issueCategoryIds) === JSON.stringify(['attendance']),
    "yesterday's service logged again today: same kind, student, minutes and issues",
  );
  return { id: 'T5', description: 'log the same service as yesterday', actions: worker.actions, target: 3 };
}

/** Seeds a vault, opens the app on Today, and does the five tasks in turn, each from the home screen. */
export async function runDay(options: { log?: (line: string) => void } = {}): Promise<DayResult> {
  const log = options.log ?? (() => undefined);
  await ensureRendererBuilt({ log });
  let fixed: Date | null = null;
  let seed: DaySeed | null = null;
  const app = await startApp({
    open: false,
    log,
    clock: () => fixed ?? new Date(),
    prepare: async ({ router }) => {
      seed = await seedDay(router, (date) => (fixed = date));
    },
  });
  try {
    const day = seed as DaySeed | null;
    if (day == null) throw new Error('The day was not seeded.');
    app.page.setDefaultTimeout(15_000);
    await app.open();
    await app.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    return await runDayTasks(app, day, log);
  } finally {
    await app.close();
  }
}

/** The five tasks on an open app over a seeded vault (see `seedDay`). */
export async function runDayTasks(app: App, seed: DaySeed, log: (line: string) => void = () => undefined): Promise<DayResult> {
  const tasks: DayTask[] = [];
  const done = (task: DayTask) => {
    log(`  ${task.id}: ${task.actions} actions (target ≤ ${task.target})`);
    tasks.push(task);
  };
  // T5 first: yesterday's student is on Today's "Seen recently" as the day begins.
  const logAgain = await taskLogAgain(app, seed);
  await toToday(app.page);
  done(await taskIndividualSession(app, seed));
  await toToday(app.page);
  done(await taskGroupSession(app, seed));
  await toToday(app.page);
  done(await taskFindNote(app));
  await toToday(app.page);
  const back = await taskBackAfterIdleLock(app);
  done(back.task);
  done(logAgain);
  return { tasks, draftKeptAcrossLock: back.draftKept };
}

export function formatDayTable(result: DayResult): string {
  const lines = ['| id | task | actions | target |', '| --- | --- | ---: | ---: |'];
  for (const task of result.tasks) lines.push(`| ${task.id} | ${task.description} | ${task.actions} | ≤ ${task.target} |`);
  lines.push('', `Unfinished note kept across the idle lock: ${result.draftKeptAcrossLock ? 'yes' : 'no'}`);
  return lines.join('\n');
}

// `npm run --silent bench:day [-- --json]`
if (process.argv[1] != null && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const json = process.argv.includes('--json');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  runDay({ log })
    .then((result) => process.stdout.write(`${json ? JSON.stringify(result) : formatDayTable(result)}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
