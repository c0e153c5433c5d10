import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pauseAnnouncement } from '../../src-renderer/state/unlockDelayStore';
import { TEST_PASSPHRASE } from '../helpers/tempVault';
import { callRouter } from './demoData';
import { startApp, type App } from './harness';
import { expectNothingWentWrong } from './nothingWentWrong';
import { mainNav, ui, unlockThroughUi } from './ui';

// Backups and restore in Chromium over a real vault: back up now, write a
// note, restore the backup through the UI and see the note gone, go back and
// see it again; restore once more and keep it, and the vault set aside is
// deleted. Then the pause after repeated wrong passphrases, with the vault's
// clock and the page's clock both in the test's hands (no real waiting).

const STUDENT = 'MB-1204';
const BEFORE = 'Met at lunch to plan the week.';
const AFTER = 'Walked to class with a friend this morning.';
const WRONG_PASSPHRASE = 'quiet harbor lantern eighteen';

describe('back up, restore, go back, keep (end to end)', () => {
  let app: App;
  let page: Page;
  let studentId = '';

  const notice = () => page.getByRole('region', { name: /^You are looking at your notes as they were/ });
  const timelineNote = (text: string) => page.getByRole('button', { name: new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  const backupsPanel = () => page.getByRole('region', { name: 'Backups' });

  async function openStudent(): Promise<void> {
    await mainNav(page, 'Caseload').click();
    await page.getByRole('list', { name: 'Students' }).getByRole('button', { name: new RegExp(`^${STUDENT}`) }).click();
    await page.getByRole('heading', { level: 1, name: STUDENT }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await timelineNote(BEFORE).waitFor();
  }

  async function restoreTheBackup(): Promise<void> {
    await mainNav(page, 'Settings').click();
    await backupsPanel().getByRole('button', { name: /^Restore the backup made / }).click();
    const dialog = page.getByRole('dialog', { name: /^Restore the backup made / });
    await dialog.getByText('Your notes as they are now are set aside, not deleted.').waitFor();
    await dialog.getByRole('button', { name: 'Check and restore' }).click();
    await notice().waitFor();
  }

  beforeAll(async () => {
    app = await startApp({
      prepare: async ({ router }) => {
        await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
        studentId = (await callRouter(router, 'students.create', { code: STUDENT, grade: 6 })).id;
        await callRouter(router, 'notes.create', { studentId, body: BEFORE });
      },
    });
    page = app.page;
    page.setDefaultTimeout(15_000);
    // Today is the first screen after unlock; these steps start from the caseload.
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('backs up now from Settings, and the backup is listed', async () => {
    await mainNav(page, 'Settings').click();
    await backupsPanel().getByText('No backups in this folder yet.').waitFor();
    await backupsPanel().getByRole('button', { name: 'Back up now' }).click();
    const list = backupsPanel().getByRole('list', { name: 'Backups in this folder' });
    await list.getByRole('listitem').first().waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    expect(await list.getByRole('listitem').innerText()).toMatch(/^Today at .+\nMade with Back up now · \d+ KB\nRestore…$/);

    const listing = await callRouter(app.router, 'backups.list', {});
    expect(listing.backups).toMatchObject([{ reason: 'manual', sameVault: true }]);
    expect(fs.readdirSync(listing.settings.folder)).toEqual([listing.backups[0]?.id]);
  });

  it('writes a note after the backup', async () => {
    await openStudent();
    await page.getByRole('button', { name: 'Write a note' }).click();
    await page.getByRole('heading', { level: 1, name: `New note about ${STUDENT}` }).waitFor();
    await page.getByRole('textbox', { name: 'Note', exact: true }).fill(AFTER);
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText(/^Saved today at/).waitFor();
    await openStudent();
    await timelineNote(AFTER).waitFor();
  });

  it('restores the backup through the UI: the note written since is gone, and the notice says which day this is', async () => {
    await restoreTheBackup();
    expect(await notice().innerText()).toMatch(/^You are looking at your notes as they were today at .+\.\n+Keep it, or go back to how it was before\./);
    expect(fs.existsSync(path.join(app.vaultDir, 'before-restore'))).toBe(true);
    await openStudent();
    expect(await timelineNote(AFTER).count()).toBe(0);
    // The notice stays on every screen until the worker chooses.
    await notice().waitFor();
  });

  it('goes back: the vault locks, says it is back as it was, and after unlocking the note is there again', async () => {
    await notice().getByRole('button', { name: 'Go back to how it was before' }).click();
    await page.getByRole('alertdialog', { name: 'Go back to how it was before the restore?' }).getByRole('button', { name: 'Go back', exact: true }).click();
    await ui(page).unlock.waitFor();
    await page.getByText('Your notes are back as they were before the restore. Unlock them with the passphrase you used then.').waitFor();
    expect(app.session.state()).toBe('locked');

    await unlockThroughUi(page, TEST_PASSPHRASE);
    await ui(page).lock.waitFor();
    await openStudent();
    await timelineNote(AFTER).waitFor();
    expect(await notice().count()).toBe(0);
    expect(fs.existsSync(path.join(app.vaultDir, 'before-restore'))).toBe(false);
  });

  it('restores again and keeps it: the vault set aside is deleted, and the note stays gone', async () => {
    await restoreTheBackup();
    expect(fs.existsSync(path.join(app.vaultDir, 'before-restore'))).toBe(true);
    await notice().getByRole('button', { name: 'Keep these notes' }).click();
    await page.getByRole('alertdialog', { name: /^Keep your notes as they were / }).getByRole('button', { name: 'Keep the restored notes' }).click();
    await notice().waitFor({ state: 'detached' });
    expect(fs.existsSync(path.join(app.vaultDir, 'before-restore'))).toBe(false);
    expect((await callRouter(app.router, 'backups.list', {})).pendingRestore).toBeNull();

    await openStudent();
    expect(await timelineNote(AFTER).count()).toBe(0);
    const notes = await callRouter(app.router, 'notes.list', { studentId });
    expect(notes.map((note) => note.preview)).toEqual([BEFORE]);
  });

  it('asked nothing of the network, and nothing went wrong in the page', () => {
    expect(app.invocations.filter((call) => call.name.startsWith('backups.')).every((call) => call.ok)).toBe(true);
    expectNothingWentWrong(app);
  });
});

describe('the pause after repeated wrong passphrases (end to end)', () => {
  let app: App;
  let page: Page;
  /** The vault's clock: it only moves when the test moves it. */
  let now = new Date('2026-11-23T15:00:00.000Z');
  const advance = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };
  const unlockCalls = () => app.invocations.filter((call) => call.name === 'vault.unlock');

  async function tryPassphrase(passphrase: string): Promise<void> {
    const before = unlockCalls().length;
    await unlockThroughUi(page, passphrase);
    await expect.poll(() => unlockCalls().length).toBe(before + 1);
  }

  beforeAll(async () => {
    app = await startApp({
      clock: () => now,
      open: false,
      prepare: async ({ router, session }) => {
        await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
        session.lock('window-closed');
      },
    });
    page = app.page;
    page.setDefaultTimeout(15_000);
    // The page's clock too, so the countdown moves only when the test says.
    await page.clock.install({ time: new Date('2026-11-23T15:00:00.000Z') });
    await app.open();
    await page.clock.pauseAt(new Date('2026-11-23T15:01:00.000Z'));
    await ui(page).unlock.waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('counts down after too many wrong passphrases, keeps the field typeable, and unlocks once the pause is over', async () => {
    // The schedule: no wait after the first two, then 1, 2, 4… seconds, shown by the wrong try that starts it.
    // Both clocks (the vault's and the page's) move just enough between tries.
    const waitNotice = (seconds: number) => page.getByText(`Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} before trying again.`, { exact: true });
    await tryPassphrase(WRONG_PASSPHRASE);
    await tryPassphrase(WRONG_PASSPHRASE);
    expect(await page.locator('.pause-notice').count()).toBe(0);
    for (const seconds of [1, 2]) {
      await tryPassphrase(WRONG_PASSPHRASE);
      await waitNotice(seconds).waitFor();
      await page.clock.runFor(seconds * 1000);
      await page.locator('.pause-notice').waitFor({ state: 'detached' });
      advance(seconds);
    }
    await tryPassphrase(WRONG_PASSPHRASE);
    expect(unlockCalls().map((call) => call.code)).toEqual(Array(5).fill('WRONG_PASSPHRASE'));

    // After five wrong ones, 4 seconds, counted down at once beside the message that the passphrase was wrong.
    await ui(page).alert.filter({ hasText: 'That passphrase did not open your notes.' }).waitFor();
    await waitNotice(4).waitFor();
    expect(await ui(page).unlock.isDisabled()).toBe(true);
    const status = page.getByTestId('pause-announcement');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toBe(pauseAnnouncement(4));
    // The vault holds the brake whatever the page does: even the right passphrase is refused until the wait is over.
    expect(await app.router.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: 4 } },
    });

    // The field stays typeable, and Enter does not try again.
    await ui(page).passphrase.fill(TEST_PASSPHRASE);
    await ui(page).passphrase.press('Enter');
    expect(await ui(page).passphrase.inputValue()).toBe(TEST_PASSPHRASE);
    expect(unlockCalls()).toHaveLength(5);

    await page.clock.runFor(1000);
    await page.getByText('Wait 3 seconds before trying again.', { exact: true }).waitFor();
    expect(await status.textContent()).toBe(pauseAnnouncement(4));

    // The recovery-key screen and back rebuilds the form; the pause carries on.
    await page.getByRole('button', { name: /Use your recovery key/ }).click();
    await page.getByRole('button', { name: 'Back to passphrase' }).click();
    await page.getByText('Wait 3 seconds before trying again.', { exact: true }).waitFor();
    expect(await ui(page).unlock.isDisabled()).toBe(true);

    await page.clock.runFor(3000);
    await page.locator('.pause-notice').waitFor({ state: 'detached' });
    expect(await status.textContent()).toBe('You can try your passphrase again now.');

    advance(4);
    await page.clock.resume();
    await ui(page).passphrase.fill(TEST_PASSPHRASE);
    await ui(page).unlock.click();
    await ui(page).lock.waitFor();
    expect(app.session.state()).toBe('unlocked');
    expect(unlockCalls().map((call) => call.code)).toEqual([...Array(5).fill('WRONG_PASSPHRASE'), null]);
    // The brake is off after a success, and the failed attempts went into the audit log.
    expect(fs.existsSync(path.join(app.vaultDir, 'vault.attempts.json'))).toBe(false);
    const audit = await callRouter(app.router, 'audit.list', {});
    expect(audit.filter((entry) => entry.action === 'vault.unlock_failed')).toHaveLength(5);
  });

  it('asked nothing of the network, and nothing went wrong in the page', () => {
    expectNothingWentWrong(app);
  });
});
