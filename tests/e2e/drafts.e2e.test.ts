import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE } from '../helpers/tempVault';
import { startApp, type App } from './harness';
import { setUpAndUnlockThroughUi, ui, unlockThroughUi } from './ui';

/*
 * Nothing typed is lost to an idle lock, in Chromium against the built
 * renderer and a real vault: the worker types half a note, the main side
 * locks (as the idle timer does), the unlock screen says the note was kept,
 * and after unlocking the worker is back in it, text and cursor as they were.
 */

const TYPED = 'Checked in after lunch. She is worried about moving schools in May and asked whether';

describe('an unfinished note across an idle lock (end to end)', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp();
    await setUpAndUnlockThroughUi(app, TEST_PASSPHRASE, () => app.session.data.students.create({ code: 'MV-3307', grade: 7 }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps the note through a main-side idle lock and brings the worker back to it, cursor and all', async () => {
    const page = app.page;
    // The first screen is Today; the student is opened from the caseload.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
    await page.getByRole('list', { name: 'Students' }).getByRole('button', { name: /^MV-3307/ }).click();
    await page.keyboard.press('ControlOrMeta+N');
    const note = page.getByRole('textbox', { name: 'Note', exact: true });
    await note.waitFor();
    await note.focus();
    await page.keyboard.type(TYPED);
    for (let left = 0; left < 8; left += 1) await page.keyboard.press('ArrowLeft');
    // Locked at once, while the last keys may still be on their way: the lock writes what the main side holds.
    await page.waitForTimeout(400);
    await app.lockFromMain('idle');

    await ui(page).unlock.waitFor();
    await page.getByText(/Your unfinished note was kept\./).waitFor();
    expect(await page.content()).not.toContain('moving schools');

    await unlockThroughUi(page, TEST_PASSPHRASE);
    await page.getByText(/Your unfinished note is back, as you left it\./).waitFor();
    await page.getByRole('heading', { level: 1, name: 'New note about MV-3307' }).waitFor();
    const back = page.getByRole('textbox', { name: 'Note', exact: true });
    expect(await back.inputValue()).toBe(TYPED);
    await expect.poll(() => back.evaluate((area: { selectionStart: number; selectionEnd: number }) => [area.selectionStart, area.selectionEnd])).toEqual([TYPED.length - 8, TYPED.length - 8]);

    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText(/^Saved /).waitFor();
    await expect.poll(() => app.session.data.drafts.list().length).toBe(0);
    expect(app.session.data.notes.list({}).map((saved) => saved.preview ?? '')).toHaveLength(1);
  });

  it('reached nothing but the app, with no console errors or page errors', () => {
    expect(app.abortedRequests).toEqual([]);
    expect(app.consoleProblems.filter((entry) => entry.type === 'error')).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.bridgeProblems).toEqual([]);
  });
});
