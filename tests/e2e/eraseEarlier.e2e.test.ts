import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE } from '../helpers/tempVault';
import { callRouter } from './demoData';
import { startApp, type App } from './harness';
import { mainNav } from './ui';

// In Chromium over a real vault: the worker takes a flagged diagnosis out of a
// note and saves; the editor asks once whether to remove the flagged words
// from the earlier version; by keyboard the worker agrees; the earlier
// version's text is gone, its hash stays, and the history says so.

const STUDENT = 'EE-4410';
const FLAGGED = 'Mom says he was diagnosed with ADHD over the summer.';
const FIXED = 'Talked with him about the summer and the new class.';

describe('removing flagged words from earlier versions (end to end)', () => {
  let app: App;
  let page: Page;
  let noteId = '';

  beforeAll(async () => {
    app = await startApp({
      prepare: async ({ router }) => {
        await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
        const studentId = (await callRouter(router, 'students.create', { code: STUDENT, grade: 6 })).id;
        noteId = (await callRouter(router, 'notes.create', { studentId, body: FLAGGED, findingsAcknowledged: true })).id;
      },
    });
    page = app.page;
    page.setDefaultTimeout(20_000);
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await mainNav(page, 'Caseload').press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('asks once after the save that took the diagnosis out, and removes it from the earlier version', async () => {
    const before = await callRouter(app.router, 'notes.history', { id: noteId });
    await page.getByRole('list', { name: 'Students' }).getByRole('button', { name: new RegExp(`^${STUDENT}`) }).click();
    await page.getByRole('button', { name: /diagnosed with ADHD/ }).click();
    const note = page.getByRole('textbox', { name: 'Note', exact: true });
    await note.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(FIXED);
    await page.keyboard.press('ControlOrMeta+S');

    const dialog = page.getByRole('alertdialog', { name: 'Remove the flagged words from earlier versions?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('An earlier version of it still holds them');
    // "Keep" has the focus; one Shift+Tab reaches "Remove".
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // Then what backups still hold, with a fresh backup set in one step; "Done" has the focus.
    const erased = page.getByRole('dialog', { name: 'Flagged words removed from 1 earlier version' });
    await erased.getByRole('button', { name: 'Start a fresh backup set' }).waitFor();
    await page.keyboard.press('Enter');
    await erased.waitFor({ state: 'detached' });

    const after = await callRouter(app.router, 'notes.history', { id: noteId });
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ revision: 1, body: '', hash: before[0]?.hash });
    expect(after[0]?.erasedAt).toEqual(expect.any(String));
    expect(after[1]?.body).toBe(FIXED);

    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'Note history' });
    await history.getByRole('button', { name: /^Version 1/ }).click();
    expect(await history.getByLabel('Text of version 1').innerText()).toMatch(/The text of this version was removed .* because it held flagged words you later took out/);
    expect(await history.innerText()).not.toContain('ADHD');
    expect(app.pageErrors).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
