import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { FILE_PURPOSES, withExtension, type FilePurpose, type FolderPurpose } from '../shared/api/systemSchemas';
import { VaultSession } from '../src-main/vault/vaultSession';
import { TEST_KDF, TEST_PASSPHRASE } from '../tests/helpers/tempVault';
import { callRouter, seedDemoData, type DemoSummary } from '../tests/e2e/demoData';
import { pageScript, startApp, type App } from '../tests/e2e/harness';
import { ui, unlockThroughUi } from '../tests/e2e/ui';
import { GROWTH_STEPS } from './growthShots';
import { SCHOOL_YEAR_START_STEP, SCHOOL_YEAR_STEPS } from './schoolYearShots';
import { OWNER_HANDOVER_STEPS } from './ownerHandoverShots';
import { SUBSTITUTE_STEPS } from './screenshotsSubstitute';

/**
 * `npm run screenshots -- --out DIR`: walks the built renderer through every
 * screen, over a real vault with demo data (about 25 students, three weeks of
 * services, a note with flags left), and writes each in light and dark at
 * 1280×800 as DIR/NN-screen-theme.png; Today, the caseload, a student, the note editor,
 * the service log, the report and settings also
 * at 1920×1080 (DIR/NN-screen-theme-1920x1080.png).
 *
 * The walk, in order: first run, recovery key, its check; unlock, a wrong
 * passphrase, the recovery-key path; the caseload, adding a student, a
 * student's timeline; the flagged note (highlights, flags panel, an
 * explanation open), saving with a flag left, the note's history; the service
 * log by week, and by day with a group session half typed; search; the monthly report; the school year
 * (scripts/schoolYearShots.ts: exported, asked before it goes again with other numbers, under past exports); professional growth
 * (scripts/growthShots.ts: the self-evaluation, an evidence note with flags, the plan and CEUs, supervision); settings;
 * the owner's handovers (scripts/ownerHandoverShots.ts: the three steps of a handover file for a
 * key, their checks, a code shown once, the handovers made, revoking, a hand-back imported, naming a
 * cover colleague by their words and handing over to them in one screen), releasing a note and a
 * court-order disclosure; the substitute's side (scripts/screenshotsSubstitute.ts: the worker's
 * handover key, packages before opening, a package under its banner, the hand-back, a package past
 * its dates); the keyboard shortcuts; a note being written when the vault locks, the unlock
 * screen saying it was kept, the note back after unlock, the list of unfinished notes and
 * discarding one; the unlock screen after an idle lock; backups in
 * settings, a backup to a USB drive that is not plugged in, restoring one, the
 * notice while a restore waits, going back; the pause after too many wrong
 * passphrases; a damaged vault and its latest backup offered. Before the first
 * run, restoring from a backup on a new laptop.
 *
 * To add a screen, add a step: `go` brings the app from the previous step's
 * screen to this one (use roles and accessible names). `optional` steps that
 * cannot find their screen are reported and skipped; the others stop the walk.
 */

export interface StepContext {
  app: App;
  /** Moves the vault's clock (null: real time), to date demo notes in the past. */
  setClock: (now: Date | null) => void;
  /** Set once the demo data is in the vault. */
  demo: DemoSummary | null;
  /** The recovery key shown on first run (the recovery-key unlock path types it). */
  recoveryKey: string;
  /** What an open-file dialog answers, by purpose (others are cancelled); a save dialog names the suggested file in `app.chosenFolder`. */
  openFiles: Partial<Record<FilePurpose, string>>;
  /** What the folder dialog answers, by purpose (made if missing); others answer `app.chosenFolder`. */
  folders: Partial<Record<FolderPurpose, string>>;
}

export interface ScreenshotStep {
  name: string;
  go: (page: Page, context: StepContext) => Promise<void>;
  optional?: boolean;
  /** A step that only prepares (seeds data, say) and takes no picture. */
  screenshot?: false;
  /** Also taken at these sizes (light and dark), besides 1280×800. */
  alsoAt?: readonly Viewport[];
}

export interface Viewport {
  width: number;
  height: number;
}

const THEMES = ['light', 'dark'] as const;
const VIEWPORT: Viewport = { width: 1280, height: 800 };
const LARGE: Viewport = { width: 1920, height: 1080 };
const WRONG_PASSPHRASE = 'quiet harbor lantern eighteen';
/** Added to the flagged note so that saving asks about a flag not yet acknowledged. */
const PHONE_SENTENCE = ' Grandmother asked me to call her back at 555-201-3344.';

/** Today, or the last weekday before it (noon, local time), and how many days back that is. */
function lastSchoolDay(now: Date): { day: Date; daysBack: number } {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 12);
  let daysBack = 0;
  while (day.getDay() === 0 || day.getDay() === 6) {
    day.setDate(day.getDate() - 1);
    daysBack += 1;
  }
  return { day, daysBack };
}

function mainNav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

function servicePanel(page: Page) {
  return page.getByRole('form', { name: 'Log a service' });
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A backup folder on a USB drive that is not plugged in. */
const MISSING_USB_FOLDER = '/media/worker/SOLE USB/Sole Notes backups';

function pinPanel(page: Page) {
  return page.getByRole('region', { name: 'Unlock with a PIN after a short break' });
}

function backupsPanel(page: Page) {
  return page.getByRole('region', { name: 'Backups' });
}

/** Damages the locked vault's database: one byte in a few pages in use (page 1, the header, is left alone). */
/** Damages the first page (the schema), which unlocking reads: the vault does not open. */
function damageDatabase(vaultDir: string): void {
  const file = path.join(vaultDir, 'vault.db');
  const bytes = fs.readFileSync(file);
  bytes[200] = (bytes[200] ?? 0) ^ 0x40;
  fs.writeFileSync(file, bytes);
}

/** The names the worker knows some students by, a saved group, and follow-ups due today, overdue and later: the day as Today shows it. */
const KNOWN_AS = ['Maya R.', 'Jonah P. (Mr. Diaz, 7B)', 'Ava T.', 'Devon K.', 'Leo M.', 'Sofia G. (room 12)', 'Zoe W.', 'Eli S.'];
const PIN = '271828';

async function seedDay(app: App): Promise<void> {
  const students = await callRouter(app.router, 'students.list', {});
  for (const [index, knownAs] of KNOWN_AS.entries()) {
    const student = students[index];
    if (student != null) await callRouter(app.router, 'students.update', { id: student.id, knownAs });
  }
  const lincoln = students.filter((student) => student.school === 'Lincoln Elementary').slice(0, 4);
  if (lincoln.length >= 2) await callRouter(app.router, 'groups.create', { name: 'Lunch bunch', studentIds: lincoln.map((student) => student.id) });
  const day = (offset: number) => {
    const date = new Date();
    date.setDate(date.getDate() + offset);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  };
  const notes = await callRouter(app.router, 'notes.list', {});
  const services = (await callRouter(app.router, 'services.list', { from: day(-6), to: day(-2) })).filter((service) => service.studentIds.length > 0 && service.noteId == null);
  if (notes[0] != null) await callRouter(app.router, 'followUps.set', { noteId: notes[0].id, dueOn: day(0) });
  if (services[0] != null) await callRouter(app.router, 'followUps.set', { serviceId: services[0].id, dueOn: day(-1) });
  if (notes[1] != null) await callRouter(app.router, 'followUps.set', { noteId: notes[1].id, dueOn: day(4) });
}

/** Steps for backups and restore, once the demo data is in and the vault locked. */
const BACKUP_STEPS: ScreenshotStep[] = [
  {
    name: 'backups',
    go: async (page, { app, setClock }) => {
      await unlockThroughUi(page, TEST_PASSPHRASE);
      await ui(page).lock.waitFor();
      // A few days of backups: one by hand three days ago, one made as the vault locked yesterday, and one now.
      const now = Date.now();
      setClock(new Date(now - 3 * DAY_MS));
      await callRouter(app.router, 'backups.create', {});
      await callRouter(app.router, 'backups.updateSettings', { automatic: true });
      setClock(new Date(now - DAY_MS));
      await app.lockFromMain('idle');
      setClock(null);
      await unlockThroughUi(page, TEST_PASSPHRASE);
      await ui(page).lock.waitFor();
      await mainNav(page, 'Settings').click();
      await backupsPanel(page).getByRole('button', { name: 'Back up now' }).click();
      await backupsPanel(page).getByRole('list', { name: 'Backups in this folder' }).getByRole('listitem').nth(2).waitFor();
      await page.getByRole('status').filter({ hasText: 'Backup made.' }).waitFor();
      await backupsPanel(page).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'backups-drive-missing',
    go: async (page, { app }) => {
      await callRouter(app.router, 'backups.updateSettings', { folder: MISSING_USB_FOLDER });
      await mainNav(page, 'Caseload').click();
      await mainNav(page, 'Settings').click();
      await backupsPanel(page).getByText(MISSING_USB_FOLDER).waitFor();
      await backupsPanel(page).getByRole('button', { name: 'Back up now' }).click();
      await backupsPanel(page).getByRole('alert').waitFor();
      await backupsPanel(page).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'restore-confirm',
    go: async (page) => {
      await backupsPanel(page).getByRole('button', { name: 'Use the standard folder' }).click();
      // A good backup clears the failure.
      await backupsPanel(page).getByRole('button', { name: 'Back up now' }).click();
      await backupsPanel(page).getByRole('alert').waitFor({ state: 'detached' });
      await backupsPanel(page).getByRole('listitem').filter({ hasText: 'Automatic' }).getByRole('button', { name: /^Restore the backup made / }).click();
      await page.getByRole('dialog', { name: /^Restore the backup made / }).waitFor();
    },
  },
  {
    name: 'restore-pending',
    go: async (page) => {
      await page.getByRole('dialog').getByRole('button', { name: 'Check and restore' }).click();
      await page.getByRole('region', { name: /^You are looking at your notes as they were/ }).waitFor();
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    },
  },
  {
    name: 'restore-undone',
    go: async (page) => {
      await page.getByRole('button', { name: 'Go back to how it was before' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Go back', exact: true }).click();
      await ui(page).unlock.waitFor();
      await page.getByText(/^Your notes are back as they were before the restore/).waitFor();
    },
  },
  {
    name: 'unlock-countdown',
    go: async (page, { app, setClock }) => {
      // Eight wrong passphrases, each after the wait the one before imposed (0, 0, 1, 2, 4, 8, 16 s): the next waits 30 s.
      let at = Date.now();
      for (const wait of [0, 0, 0, 1, 2, 4, 8, 16]) {
        at += wait * 1000;
        setClock(new Date(at));
        await app.router.invoke('vault.unlock', { passphrase: WRONG_PASSPHRASE });
      }
      await unlockThroughUi(page, TEST_PASSPHRASE);
      await page.locator('.pause-notice').waitFor();
      // The vault's clock past the pause, for the steps after this one.
      setClock(new Date(at + 31_000));
    },
  },
  {
    name: 'unlock-damaged-vault',
    go: async (page, { app }) => {
      await app.open(); // a fresh start, without the countdown
      damageDatabase(app.vaultDir);
      await unlockThroughUi(page, TEST_PASSPHRASE);
      await page.getByRole('heading', { level: 1, name: 'Your notes could not be opened' }).waitFor();
    },
  },
  {
    name: 'restore-damaged-vault',
    go: async (page) => {
      await page.getByRole('button', { name: 'Restore this backup…' }).click();
      await page.getByRole('dialog').getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE);
    },
  },
  {
    name: 'restored-damaged-vault',
    screenshot: false,
    go: async (page, { setClock }) => {
      await page.getByRole('dialog').getByRole('button', { name: 'Check and restore' }).click();
      await page.getByRole('region', { name: /^You are looking at your notes as they were/ }).waitFor();
      setClock(null);
    },
  },
  {
    name: 'integrity-damaged',
    optional: true,
    go: async (page, { app }) => {
      // Keep the restored notes, then damage a page in the middle of the file (not one read to unlock):
      // the vault opens, and the check that runs after unlock finds the damage.
      await page.getByRole('button', { name: 'Keep these notes' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Keep the restored notes' }).click();
      await app.lockFromMain('user');
      await ui(page).unlock.waitFor();
      const file = path.join(app.vaultDir, 'vault.db');
      const bytes = fs.readFileSync(file);
      const middle = Math.floor(bytes.length / 4096 / 2) * 4096 + 600;
      bytes[middle] = (bytes[middle] ?? 0) ^ 0x40;
      fs.writeFileSync(file, bytes);
      await unlockThroughUi(page, TEST_PASSPHRASE);
      await page.getByText('Part of the file that holds your notes is damaged.').waitFor({ timeout: 20_000 });
    },
  },
];

/** Before the first run: a new laptop, and backups of the worker's vault from the old one in a folder (a USB drive). */
const NEW_LAPTOP_STEPS: ScreenshotStep[] = [
  {
    name: 'first-run-restore-choose',
    go: async (page, { app }) => {
      await page.getByRole('heading', { level: 1, name: 'Welcome to Sole Notes' }).waitFor();
      // The old laptop's vault, backed up to the USB drive a week ago and yesterday.
      let then = new Date(Date.now() - 7 * DAY_MS);
      const oldLaptop = new VaultSession(path.join(path.dirname(app.vaultDir), 'old-laptop', 'vault'), {
        kdf: TEST_KDF,
        clock: () => then,
        backups: { defaultFolder: app.chosenFolder },
      });
      await oldLaptop.create(TEST_PASSPHRASE);
      oldLaptop.data.notes.create({ body: 'Check in with the new fourth grader on Friday.' });
      await oldLaptop.createBackup();
      then = new Date(Date.now() - DAY_MS);
      oldLaptop.data.notes.create({ body: 'Bus plan agreed with the family.' });
      await oldLaptop.createBackup();
      oldLaptop.lock();
      await page.getByRole('button', { name: 'Restore from a backup…' }).click();
      await page.getByRole('dialog', { name: 'Choose a backup' }).waitFor();
    },
  },
  {
    name: 'first-run-restore',
    go: async (page) => {
      await page.getByRole('dialog').getByRole('button', { name: 'Continue' }).click();
      const dialog = page.getByRole('dialog', { name: /^Restore the backup made / });
      await dialog.getByRole('radio', { name: 'The recovery key' }).check();
      await dialog.getByLabel('Recovery key', { exact: true }).waitFor();
    },
  },
  {
    name: 'first-run-restore-closed',
    screenshot: false,
    go: async (page) => {
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },
  },
];

export const STEPS: ScreenshotStep[] = [
  ...NEW_LAPTOP_STEPS,
  {
    name: 'first-run',
    go: async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Welcome to Sole Notes' }).waitFor();
      const screen = ui(page);
      await screen.passphrase.fill(TEST_PASSPHRASE);
      await screen.confirmPassphrase.fill(TEST_PASSPHRASE);
      // The strength check answers after a pause; the button is enabled once it says the passphrase will do.
      await screen.createVault.and(page.locator(':enabled')).waitFor();
    },
  },
  {
    name: 'recovery-key',
    go: async (page, context) => {
      await ui(page).createVault.click();
      await ui(page).recoveryKey.waitFor();
      context.recoveryKey = (await ui(page).recoveryKey.innerText()).trim();
    },
  },
  {
    name: 'recovery-key-check',
    go: async (page, { recoveryKey }) => {
      await page.getByRole('button', { name: 'I have kept a copy' }).click();
      await page.getByRole('heading', { name: 'Check your copy' }).waitFor();
      const field = page.getByRole('textbox', { name: /^The \w+ group$/ });
      const group = Number(await field.getAttribute('data-group'));
      // Half typed, as the worker would be.
      await field.fill((recoveryKey.split('-')[group - 1] ?? '').slice(0, 3));
    },
  },
  {
    name: 'seed-demo-data',
    screenshot: false,
    go: async (page, context) => {
      const field = page.getByRole('textbox', { name: /^The \w+ group$/ });
      const group = Number(await field.getAttribute('data-group'));
      await field.fill(context.recoveryKey.split('-')[group - 1] ?? '');
      await page.getByRole('button', { name: 'Continue to Sole Notes' }).click();
      await ui(page).lock.waitFor();
      context.demo = await seedDemoData(context.app.router, { setClock: context.setClock });
      await seedDay(context.app);
      // Start again as on a new morning: the vault locked, the app just opened.
      context.app.session.lock('window-closed');
      await context.app.open();
    },
  },
  {
    name: 'unlock',
    go: async (page) => {
      await ui(page).unlock.waitFor();
    },
  },
  {
    name: 'unlock-wrong-passphrase',
    go: async (page) => {
      await unlockThroughUi(page, WRONG_PASSPHRASE);
      await ui(page).alert.waitFor();
    },
  },
  {
    name: 'unlock-recovery-key',
    go: async (page, { recoveryKey }) => {
      await page.getByRole('button', { name: /Use your recovery key/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Unlock with your recovery key' }).waitFor();
      await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey.toLowerCase());
      await page.getByLabel('New passphrase', { exact: true }).fill('maple ');
      await page.getByText(/Very weak|Weak|Fair/).first().waitFor();
    },
  },
  {
    name: 'today',
    alsoAt: [LARGE],
    go: async (page) => {
      await page.getByRole('button', { name: 'Back to passphrase' }).click();
      await unlockThroughUi(page, TEST_PASSPHRASE);
      await ui(page).lock.waitFor();
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await page.getByRole('heading', { name: 'Seen recently' }).waitFor();
    },
  },
  {
    name: 'service-form',
    go: async (page) => {
      // From Today, as after a session: the student picked by the name the worker knows them by, 30 minutes, the note begun.
      await page.keyboard.press('ControlOrMeta+Shift+N');
      const form = servicePanel(page);
      await form.getByRole('radio', { name: 'Individual session' }).click();
      const picker = form.getByRole('combobox', { name: 'Student' });
      await picker.fill(KNOWN_AS[0]?.slice(0, 4) ?? '');
      await form.getByRole('listbox').getByRole('option').first().waitFor();
      await picker.press('Enter');
      await form.getByRole('button', { name: '30', exact: true }).click();
      await form.getByRole('textbox', { name: 'Note for this service (optional)' }).fill('Worked on the feelings thermometer; calmer after lunch.');
    },
  },
  {
    name: 'service-form-saved',
    screenshot: false,
    go: async (page) => {
      await servicePanel(page).getByRole('button', { name: 'Save service' }).click();
      await page.locator('.toasts').getByRole('status').getByText(/^Saved: Individual session, 30 min/).waitFor();
    },
  },
  {
    name: 'caseload',
    alsoAt: [LARGE],
    go: async (page) => {
      await mainNav(page, 'Caseload').click();
      await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
      await page.getByRole('list', { name: 'Students' }).getByRole('listitem').first().waitFor();
      // The flagged-notes markers arrive just after the list.
      await page.locator('.marker-flag').first().waitFor();
    },
  },
  {
    name: 'retention-due',
    optional: true,
    go: async (page, { app, setClock }) => {
      // A school year on, under "at the end of the school year after closing": the demo's closed cases, each with a note, are due.
      const closed = (await callRouter(app.router, 'students.list', { includeClosed: true })).filter((student) => student.closedOn != null);
      for (const student of closed) await callRouter(app.router, 'notes.create', { studentId: student.id, body: 'Last check-in before the case closed; all set.' });
      await callRouter(app.router, 'retention.set', { rule: 'school_year_end' });
      setClock(new Date(Date.now() + 366 * DAY_MS));
      await mainNav(page, 'Today').click();
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await page.getByRole('region', { name: 'Notes of closed cases to destroy' }).waitFor();
    },
  },
  {
    name: 'retention-confirm',
    optional: true,
    go: async (page) => {
      await page.getByRole('button', { name: 'Review and destroy…' }).click();
      await page.getByRole('alertdialog', { name: /^Destroy \d+ notes? of closed cases\?$/ }).waitFor();
    },
  },
  {
    name: 'retention-destroyed',
    optional: true,
    go: async (page) => {
      await page.getByRole('alertdialog').getByRole('button', { name: 'Destroy these notes' }).click();
      await page.getByRole('region', { name: 'Notes of closed cases' }).getByRole('button', { name: 'Open Backups' }).waitFor();
    },
  },
  {
    name: 'retention-fresh-backup-set',
    optional: true,
    go: async (page) => {
      // The question only: a backup made here, a year ahead on the clock, would head the backups screenshots (the next step closes it).
      await page.getByRole('region', { name: 'Notes of closed cases' }).getByRole('button', { name: 'Start a fresh backup set' }).click();
      await page.getByRole('alertdialog', { name: 'Start a fresh backup set?' }).waitFor();
    },
  },
  {
    name: 'retention-back-to-caseload',
    screenshot: false,
    go: async (page, { app, setClock }) => {
      if (await page.getByRole('alertdialog').count()) await page.keyboard.press('Escape');
      setClock(null);
      await callRouter(app.router, 'retention.set', { rule: 'off' });
      await mainNav(page, 'Caseload').click();
      await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
      await page.getByRole('list', { name: 'Students' }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'add-student',
    go: async (page) => {
      await page.getByRole('button', { name: 'Add student' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a student' });
      await dialog.getByRole('textbox', { name: 'Student code' }).fill('NH-2214');
      await dialog.getByRole('combobox', { name: 'Grade' }).selectOption({ label: 'Grade 10' });
      await dialog.getByRole('combobox', { name: 'Tier' }).selectOption({ label: 'Tier 2' });
      await dialog.getByRole('textbox', { name: 'School' }).fill('Northgate High');
      await dialog.getByRole('checkbox', { name: 'Has a 504 plan' }).check();
    },
  },
  {
    name: 'student-timeline',
    alsoAt: [LARGE],
    go: async (page, { demo }) => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      const code = demo?.flaggedStudentCode ?? '';
      await page.getByRole('list', { name: 'Students' }).getByRole('button', { name: new RegExp(`^${code}`) }).click();
      await page.getByRole('heading', { level: 1, name: code }).waitFor();
      await page.getByRole('button', { name: /left out at recess/ }).waitFor();
    },
  },
  {
    name: 'note-flagged',
    alsoAt: [LARGE],
    go: async (page) => {
      await page.getByRole('button', { name: /left out at recess/ }).click();
      const note = page.getByRole('textbox', { name: 'Note', exact: true });
      await note.waitFor();
      await page.locator('.note-mirror mark').first().waitFor();
      // One explanation opened in the list (the quote's), and the caret in the diagnosis, which opens its explanation under the words.
      const quote = page.getByRole('listitem').filter({ hasText: 'nobody ever wants me' });
      await quote.getByRole('button', { name: 'Why?' }).click();
      await note.focus();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.keyboard.press('F8'); // the quote
      await page.keyboard.press('F8'); // the diagnosis
      await page.keyboard.press('ArrowLeft'); // a caret at its start rather than the words selected, so the highlight shows
      await page.getByRole('tooltip').filter({ hasText: 'Diagnosis' }).waitFor();
    },
  },
  {
    name: 'save-with-findings',
    go: async (page) => {
      const note = page.getByRole('textbox', { name: 'Note', exact: true });
      await note.focus();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type(PHONE_SENTENCE);
      await page.keyboard.press('ControlOrMeta+S');
      await page.getByRole('alertdialog', { name: /^Save with \d+ flags? left\?$/ }).waitFor();
    },
  },
  {
    name: 'note-history',
    go: async (page) => {
      await page.getByRole('button', { name: 'Save anyway' }).click();
      await page.getByRole('alertdialog').waitFor({ state: 'detached' });
      await page.getByText(/^Saved today at/).waitFor();
      await page.getByRole('button', { name: 'History' }).click();
      const dialog = page.getByRole('dialog', { name: 'Note history' });
      await dialog.getByRole('button', { name: /^Version 2/ }).waitFor();
    },
  },
  {
    name: 'erase-earlier-offer',
    go: async (page) => {
      // The worker takes the phone number out again and saves: earlier versions still hold flagged words, and the editor asks once.
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      const note = page.getByRole('textbox', { name: 'Note', exact: true });
      await note.focus();
      await page.keyboard.press('ControlOrMeta+End');
      for (let i = 0; i < PHONE_SENTENCE.length; i += 1) await page.keyboard.press('Backspace');
      await page.keyboard.press('ControlOrMeta+S');
      await page.getByRole('alertdialog', { name: 'Remove the flagged words from earlier versions?' }).waitFor();
    },
  },
  {
    name: 'service-log-week',
    alsoAt: [LARGE],
    go: async (page) => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await mainNav(page, 'Service log').click();
      await page.getByRole('heading', { level: 1, name: /Service log/ }).waitFor();
      await page.getByRole('button', { name: 'Week', exact: true, pressed: true }).waitFor();
      await page.locator('.period-panel .entry').first().waitFor();
    },
  },
  {
    name: 'service-log-day',
    go: async (page, { demo }) => {
      await page.getByRole('button', { name: 'Day', exact: true }).click();
      await page.getByRole('button', { name: 'Day', exact: true, pressed: true }).waitFor();
      // On a weekend, go back to the last school day, where the demo data has entries.
      const { day, daysBack } = lastSchoolDay(new Date());
      for (let back = 0; back < daysBack; back += 1) await page.getByRole('button', { name: 'Previous day' }).click();
      await page.locator('.period-panel .entry').first().waitFor();
      // A group session half logged, by keyboard as the worker would: date, minutes, kind, two students.
      const code = demo?.flaggedStudentCode ?? '';
      await page.keyboard.press('ControlOrMeta+Shift+N');
      await servicePanel(page).getByRole('textbox', { name: 'Date', exact: true }).and(page.locator(':focus')).waitFor();
      await page.keyboard.type(`${day.getMonth() + 1}/${day.getDate()}`);
      await page.keyboard.press('Tab');
      await page.keyboard.type('45');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Group');
      await page.keyboard.press('Tab');
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
      await page.keyboard.type(code.slice(0, 3));
      await servicePanel(page).getByRole('listbox').getByRole('option').first().waitFor();
    },
  },
  {
    name: 'search',
    go: async (page) => {
      await page.keyboard.press('Escape');
      await mainNav(page, 'Search').click();
      const field = page.getByRole('searchbox', { name: 'Search notes and services' });
      await field.fill('check');
      await page.getByRole('list', { name: 'Matching notes and services' }).getByRole('listitem').first().waitFor();
      await page.getByText(/ found$/).waitFor();
    },
  },
  {
    name: 'reports',
    alsoAt: [LARGE],
    go: async (page) => {
      await mainNav(page, 'Reports').click();
      await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
      // The month holding most of the demo's three weeks of services: the one ten days ago.
      const middle = new Date();
      middle.setDate(middle.getDate() - 10);
      await page.getByLabel('Month', { exact: true }).selectOption(`${middle.getFullYear()}-${String(middle.getMonth() + 1).padStart(2, '0')}`);
      await page.getByRole('list', { name: 'Hidden numbers, by reason' }).or(page.getByText(/^Nothing is hidden this month/)).waitFor();
      await page.getByRole('figure').first().waitFor();
    },
  },
  {
    name: 'reports-success-story',
    go: async (page) => {
      await page.getByLabel('New story').fill('A fourth grader who had missed most Mondays came every day for the last three weeks, and now asks for a calm-down pass instead of leaving class.');
      await page.getByRole('button', { name: 'Save story' }).click();
      const stories = page.getByRole('list', { name: /^Stories for / });
      await stories.waitFor();
      await stories.scrollIntoViewIfNeeded();
    },
  },
  {
    // The month's report written to a folder: its name, "Show in folder" and "Open to print"; the path under Details.
    name: 'reports-exported',
    optional: true,
    alsoAt: [LARGE],
    go: async (page) => {
      await page.getByRole('button', { name: 'Export report…' }).click();
      const actions = page.getByRole('group', { name: 'The exported report' });
      await actions.waitFor();
      await page.getByText(/^Exported .+ to the folder/).scrollIntoViewIfNeeded();
    },
  },
  ...SCHOOL_YEAR_STEPS,
  ...GROWTH_STEPS,
  {
    name: 'settings',
    alsoAt: [LARGE],
    go: async (page) => {
      await mainNav(page, 'Settings').click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Issue categories' }).waitFor();
    },
  },
  SCHOOL_YEAR_START_STEP,
  {
    // The longest notice the app shows, in the sidebar beside Lock and Keyboard shortcuts.
    name: 'settings-retention-applied',
    go: async (page) => {
      const retention = page.getByRole('region', { name: 'Notes of closed cases' });
      await retention.scrollIntoViewIfNeeded();
      await retention.getByRole('radio', { name: /end of the school year/ }).check();
      await page.locator('.sidebar .toast[role="status"]').filter({ hasText: 'June 30' }).waitFor();
    },
  },
  {
    name: 'settings-retention-back',
    screenshot: false,
    go: async (page) => {
      const retention = page.getByRole('region', { name: 'Notes of closed cases' });
      await retention.getByRole('radio', { name: /^Never/ }).check();
      // Applied (its notice shown at the same moment), then the later pictures start once that notice has gone.
      await retention.getByText('Notes of closed cases are kept until you delete them.').waitFor();
      await page.locator('.sidebar .toast.is-empty').waitFor({ state: 'attached', timeout: 10_000 });
    },
  },
  {
    name: 'settings-standing-duties',
    go: async (page) => {
      await page.getByLabel('Duty', { exact: true }).fill('504 coordinator');
      await page.getByLabel('Minutes a month').fill('240');
      await page.getByRole('button', { name: 'Add duty' }).click();
      const duties = page.getByRole('list', { name: 'Standing duties' });
      await duties.waitFor();
      await page.getByRole('heading', { level: 2, name: 'Standing duties' }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'settings-saved-group-change',
    go: async (page) => {
      await page.getByRole('list', { name: 'Saved groups' }).scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: 'Change the group Lunch bunch' }).click();
      await page.getByRole('form', { name: 'Change the group Lunch bunch' }).getByLabel('Group name').waitFor();
    },
  },
  {
    name: 'settings-saved-group-delete',
    go: async (page) => {
      await page.getByRole('form', { name: 'Change the group Lunch bunch' }).getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Delete the group Lunch bunch' }).click();
      await page.getByRole('group', { name: 'Delete the group Lunch bunch?' }).waitFor();
    },
  },
  {
    name: 'settings-saved-group-kept',
    screenshot: false,
    go: async (page) => {
      await page.keyboard.press('Escape');
      await page.getByRole('group', { name: 'Delete the group Lunch bunch?' }).waitFor({ state: 'hidden' });
    },
  },
  ...OWNER_HANDOVER_STEPS,
  ...SUBSTITUTE_STEPS,
  {
    name: 'keyboard-shortcuts',
    go: async (page) => {
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    },
  },
  {
    name: 'unfinished-note-typing',
    screenshot: false,
    go: async (page) => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await mainNav(page, 'Caseload').click();
      await page.getByRole('list', { name: 'Students' }).getByRole('button').first().click();
      await page.keyboard.press('ControlOrMeta+N');
      const note = page.getByRole('textbox', { name: 'Note', exact: true });
      await note.waitFor();
      await note.focus();
      await page.keyboard.type('Checked in after lunch. She is worried about moving schools in May and asked whether her counselor');
      // What is typed reaches the main side within a quarter of a second.
      await page.waitForTimeout(600);
    },
  },
  {
    name: 'locked-with-unfinished-note',
    go: async (page, { app }) => {
      await app.lockFromMain('idle');
      await ui(page).unlock.waitFor();
      await page.getByText(/unfinished notes? (was|were) kept\./).waitFor();
    },
  },
  {
    name: 'unfinished-note-back',
    go: async (page) => {
      await unlockThroughUi(page, TEST_PASSPHRASE);
      await page.getByText(/Your unfinished note is back, as you left it\./).waitFor();
    },
  },
  {
    name: 'unfinished-notes-list',
    go: async (page) => {
      await page.getByRole('button', { name: 'Close', exact: true }).click();
      await page.getByRole('alertdialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Keep as unfinished note' }).click();
      await mainNav(page, 'Caseload').click();
      await page.getByRole('region', { name: 'Unfinished notes' }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'unfinished-note-discard',
    go: async (page) => {
      await page.getByRole('region', { name: 'Unfinished notes' }).getByRole('button', { name: /^Discard:/ }).first().click();
      await page.getByRole('alertdialog', { name: 'Discard this unfinished note?' }).waitFor();
    },
  },
  {
    name: 'pin-settings',
    go: async (page) => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await mainNav(page, 'Settings').click();
      const panel = pinPanel(page);
      await panel.scrollIntoViewIfNeeded();
      await panel.getByLabel('PIN', { exact: true }).fill(PIN);
      await panel.getByLabel('The same PIN again').fill(PIN);
    },
  },
  {
    name: 'pin-settings-set',
    go: async (page) => {
      const panel = pinPanel(page);
      await panel.getByRole('button', { name: 'Set PIN' }).click();
      await panel.getByText('A PIN is set for today.').waitFor();
      await panel.scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'pin-settings-change',
    go: async (page) => {
      const panel = pinPanel(page);
      await panel.getByRole('button', { name: 'Change PIN' }).click();
      await panel.getByLabel('New PIN', { exact: true }).fill('1357');
      await panel.scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'unlock-pin',
    go: async (page, { app }) => {
      await pinPanel(page).getByRole('button', { name: 'Cancel' }).click();
      await app.lockFromMain('idle');
      await page.getByLabel('PIN', { exact: true }).waitFor();
      await page.getByText(/locked itself after a while/).waitFor();
    },
  },
  {
    name: 'unlock-pin-wrong',
    go: async (page) => {
      await page.getByLabel('PIN', { exact: true }).fill('271822');
      await ui(page).unlock.click();
      await ui(page).alert.waitFor();
    },
  },
  {
    name: 'pin-settings-off',
    go: async (page) => {
      await page.getByLabel('PIN', { exact: true }).fill(PIN);
      await ui(page).unlock.click();
      await ui(page).lock.waitFor();
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await mainNav(page, 'Settings').click();
      const panel = pinPanel(page);
      await panel.getByRole('button', { name: 'Turn off' }).click();
      await panel.getByRole('button', { name: 'Set PIN' }).waitFor();
      await panel.scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'locked-by-idle',
    go: async (page, { app }) => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await app.lockFromMain('idle');
      await ui(page).unlock.waitFor();
      await page.getByText(/locked itself after a while/).waitFor();
    },
  },
  ...BACKUP_STEPS,
];

/** Waits until nothing says it is busy, web fonts are in and two frames have been drawn. */
async function settle(page: Page): Promise<void> {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.evaluate(
    pageScript(async () => {
      const doc = (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document;
      const frame = (globalThis as unknown as { requestAnimationFrame(callback: () => void): void }).requestAnimationFrame;
      await doc.fonts.ready;
      await new Promise<void>((resolve) => frame(() => frame(() => resolve())));
    }, null),
  );
}

/** Where save dialogs put files: not the chosen folder itself, where backups are made (nothing may be saved inside a backup folder). */
export function savedFilesFolder(app: Pick<App, 'chosenFolder'>): string {
  return path.join(path.dirname(app.chosenFolder), 'saved-files');
}

/** One state of the walk: a step's screen at one size, in one theme. */
export interface ScreenState {
  step: ScreenshotStep;
  /** The screen's number among those pictured (01, 02…). */
  number: number;
  viewport: Viewport;
  theme: (typeof THEMES)[number];
}

export interface WalkOptions {
  steps?: readonly ScreenshotStep[];
  /** 'all' (default): also the larger sizes a step asks for (`alsoAt`); 'standard': 1280×800 only. */
  sizes?: 'all' | 'standard';
  log?: (line: string) => void;
}

/**
 * Walks the app through every step over a real vault with demo data and calls
 * `visit` on each screen a step pictures, at each size, in light and in dark,
 * once the page has settled. The screenshots and the accessibility test
 * (tests/e2e/accessibility.e2e.test.ts) both use it, so the states are listed once.
 */
export async function walkScreens(
  visit: (page: Page, state: ScreenState) => Promise<void>,
  options: WalkOptions = {},
): Promise<{ skipped: string[]; problems: string[] }> {
  const steps = options.steps ?? STEPS;
  let clock: Date | null = null;
  const openFiles: StepContext['openFiles'] = {};
  const folders: StepContext['folders'] = {};
  const app: App = await startApp({
    viewport: VIEWPORT,
    clock: () => clock ?? new Date(),
    log: options.log,
    // Reports go beside the saved files (the harness's own folder is where the walk keeps backups), unless a step chose a folder.
    chooseFolder: (purpose) => {
      const folder = folders[purpose] ?? (purpose === 'report-export' ? path.join(savedFilesFolder(app), 'reports') : app.chosenFolder);
      fs.mkdirSync(folder, { recursive: true });
      return folder;
    },
    chooseFile: (purpose, suggestedName) => {
      if (FILE_PURPOSES[purpose].mode === 'open') return openFiles[purpose] ?? null;
      const saved = savedFilesFolder(app);
      fs.mkdirSync(saved, { recursive: true });
      return path.join(saved, withExtension(purpose, suggestedName ?? 'file'));
    },
  });
  const context: StepContext = { app, demo: null, recoveryKey: '', setClock: (now) => (clock = now), openFiles, folders };
  const skipped: string[] = [];
  let number = 0;
  try {
    for (const step of steps) {
      app.page.setDefaultTimeout(step.optional ? 5_000 : 20_000);
      try {
        await step.go(app.page, context);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        if (!step.optional) throw new Error(`Step "${step.name}" failed: ${reason}`, { cause: error });
        skipped.push(`${step.name}: ${reason}`);
        continue;
      }
      if (step.screenshot === false) continue;
      number += 1;
      const viewports = options.sizes === 'standard' ? [VIEWPORT] : [VIEWPORT, ...(step.alsoAt ?? [])];
      for (const viewport of viewports) {
        if (viewport !== VIEWPORT) await app.page.setViewportSize(viewport);
        // The pointer out of the way (bottom left, below the sidebar), so no row or button shows its hover colour.
        await app.page.mouse.move(1, viewport.height - 1);
        for (const theme of THEMES) {
          await app.page.emulateMedia({ colorScheme: theme });
          await settle(app.page);
          await visit(app.page, { step, number, viewport, theme });
        }
        if (viewport !== VIEWPORT) await app.page.setViewportSize(VIEWPORT);
      }
      await app.page.emulateMedia({ colorScheme: 'light' });
    }
  } finally {
    await app.close();
  }
  const problems = [
    ...app.abortedRequests.map((url) => `request aborted: ${url}`),
    ...app.consoleProblems.map((entry) => `console ${entry.type}: ${entry.text}`),
    ...app.pageErrors.map((text) => `page error: ${text}`),
    ...app.cspViolations.map((violation) => `CSP violation: ${violation.directive} ${violation.blockedURI}`),
  ];
  return { skipped, problems };
}

/** The file name of a state's picture: NN-screen-theme.png, with -WxH for the larger sizes. */
export function screenshotName({ step, number, viewport, theme }: ScreenState): string {
  const suffix = viewport === VIEWPORT ? '' : `-${viewport.width}x${viewport.height}`;
  return `${String(number).padStart(2, '0')}-${step.name}-${theme}${suffix}.png`;
}

export async function takeScreenshots(outDir: string, steps: readonly ScreenshotStep[] = STEPS): Promise<{ written: string[]; skipped: string[] }> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const { skipped, problems } = await walkScreens(
    async (page, state) => {
      const file = path.join(outDir, screenshotName(state));
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      written.push(file);
    },
    { steps, log: (line) => console.error(line) },
  );
  for (const problem of problems) console.error(`warning: ${problem}`);
  return { written, skipped };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: false });
  if (values.out == null || values.out === '') {
    console.error('Usage: npm run screenshots -- --out DIR');
    process.exitCode = 2;
    return;
  }
  const outDir = path.resolve(values.out);
  const { written, skipped } = await takeScreenshots(outDir);
  for (const file of written) console.log(file);
  for (const reason of skipped) console.error(`skipped ${reason}`);
  console.error(`${written.length} screenshots in ${outDir}${skipped.length > 0 ? `; ${skipped.length} optional screens not reached` : ''}.`);
}

if (process.argv[1] != null && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
