import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE } from '../helpers/tempVault';
import { callRouter, localIsoDate } from './demoData';
import { startApp, type App } from './harness';
import { mainNav } from './ui';

// Release and court-order disclosure in Chromium over a real vault: a note
// released to an agency through the note view (who, when, why), then shown as
// a record in the note, on the timeline and in search; then a court-order
// disclosure of chosen notes, written where the save dialog says, marked
// confidential with every revision's hash, and recorded in the audit log.

const STUDENT = 'LE-3318';
const AGENCY = 'Riverside Family Clinic';
const REASON = 'Records request signed by the parent';
const ORDER = '2026-JV-0147';

describe('releasing a note and disclosing notes under a court order (end to end)', () => {
  let app: App;
  let page: Page;
  const noteIds: Record<string, string> = {};
  let studentId = '';

  beforeAll(async () => {
    app = await startApp({
      prepare: async ({ router }) => {
        await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
        studentId = (await callRouter(router, 'students.create', { code: STUDENT, grade: 5 })).id;
        noteIds.move = (await callRouter(router, 'notes.create', { studentId, body: 'Talked about the move to the new apartment.' })).id;
        await callRouter(router, 'notes.update', { id: noteIds.move, body: 'Talked about the move to the new apartment; follow up Friday.' });
        noteIds.bus = (await callRouter(router, 'notes.create', { studentId, body: 'Checked in about the bus: the new stop works.' })).id;
        noteIds.lunch = (await callRouter(router, 'notes.create', { studentId, body: 'Lunch group went well.' })).id;
      },
    });
    page = app.page;
    page.setDefaultTimeout(20_000);
    // Today is the first screen after unlock; these steps start from the caseload.
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('releases a note through the note view, after saying what that means', async () => {
    await page.getByRole('list', { name: 'Students' }).getByRole('button', { name: new RegExp(`^${STUDENT}`) }).click();
    await page.getByRole('button', { name: /move to the new apartment/ }).click();
    await page.getByRole('button', { name: 'Records requests' }).click();
    await page.getByRole('menuitem', { name: 'Release to an agency…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Release this note to an agency' });
    expect(await dialog.innerText()).toContain('A released note is no longer a personal note.');
    await dialog.getByRole('textbox', { name: 'Released to' }).fill(AGENCY);
    await dialog.getByRole('textbox', { name: 'Why' }).fill(REASON);
    await dialog.getByRole('button', { name: 'Mark as released' }).click();
    await dialog.waitFor({ state: 'detached' });

    const banner = page.getByRole('region', { name: 'Released note' });
    await banner.getByRole('list', { name: 'Releases of this note' }).getByText(AGENCY).waitFor();
    expect(await banner.innerText()).toContain(`Why: ${REASON}`);
    expect(await banner.innerText()).toContain('This note is now part of a record, not a personal note');

    const releases = await callRouter(app.router, 'notes.releases', { id: noteIds.move as string });
    expect(releases).toMatchObject([{ agency: AGENCY, reason: REASON, releasedOn: localIsoDate(new Date()), revision: 3 }]);
    expect((await callRouter(app.router, 'notes.get', { id: noteIds.move as string })).status).toBe('released');
    const audit = (await callRouter(app.router, 'audit.list', { limit: 1000 })).filter((entry) => entry.action === 'note.released');
    expect(audit.map((entry) => entry.details)).toMatchObject([{ noteId: noteIds.move, agency: AGENCY, reason: REASON }]);
  });

  it('shows the released note as a record on the timeline and in search', async () => {
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: STUDENT }).waitFor();
    const released = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /move to the new apartment/ }) });
    await released.locator('.marker-released').waitFor();
    expect(await released.getAttribute('class')).toContain('is-released');
    const personal = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /Lunch group/ }) });
    expect(await personal.locator('.marker-released').count()).toBe(0);

    await mainNav(page, 'Search').click();
    await page.getByRole('searchbox', { name: 'Search notes and services' }).fill('apartment');
    const hit = page.getByRole('list', { name: 'Matching notes and services' }).getByRole('button');
    await hit.locator('.marker-released').waitFor();
    expect(await hit.innerText()).toContain('Released');
  });

  it('writes a court-order disclosure of the chosen notes, marked confidential, with every hash, and records it', async () => {
    await mainNav(page, 'Caseload').click();
    await page.getByRole('list', { name: 'Students' }).getByRole('button', { name: new RegExp(`^${STUDENT}`) }).click();
    await page.getByRole('button', { name: 'Records requests' }).click();
    await page.getByRole('menuitem', { name: 'Disclose under a court order…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disclose notes under a court order' });
    // By keyboard: the reference, then two of the three notes.
    await dialog.getByRole('textbox', { name: 'Court order reference' }).fill(ORDER);
    await dialog.getByRole('checkbox', { name: /move to the new apartment/ }).focus();
    await page.keyboard.press('Space');
    await dialog.getByRole('checkbox', { name: /the new stop works/ }).focus();
    await page.keyboard.press('Space');
    await dialog.getByText('2 notes chosen, about 1 student.').waitFor();
    await dialog.getByRole('button', { name: 'Save the disclosure…' }).click();

    const done = page.getByRole('dialog', { name: 'Disclosure written' });
    await done.waitFor();
    const file = path.join(app.chosenFolder, 'court-order-2026-jv-0147.html');
    expect(app.fileRequests).toEqual([{ purpose: 'save-disclosure', suggestedName: 'court-order-2026-jv-0147.html' }]);
    // The file by its name; the whole path under Details, for the district's IT person.
    expect(await done.innerText()).toContain('Saved as “court-order-2026-jv-0147.html”, where you chose.');
    expect(await done.locator('details').textContent()).toContain(file);
    expect(await done.innerText()).toContain(`CONFIDENTIAL — disclosed under court order ${ORDER}`);
    expect(await done.innerText()).toContain('Recorded in your audit log');

    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain(`CONFIDENTIAL — disclosed under court order ${ORDER}`);
    for (const id of [noteIds.move, noteIds.bus] as string[]) {
      for (const revision of await callRouter(app.router, 'notes.history', { id })) expect(html).toContain(revision.hash);
    }
    expect(html).toContain(`Released record (to ${AGENCY}`);
    expect(html).not.toContain('Lunch group went well');

    const [entry] = (await callRouter(app.router, 'audit.list', { limit: 1000 })).filter((candidate) => candidate.action === 'disclosure.court_order');
    expect(entry?.details).toMatchObject({ orderReference: ORDER, file, sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') });
    expect([...((entry?.details.noteIds as string[]) ?? [])].sort()).toEqual([noteIds.move, noteIds.bus].sort());
    await done.getByRole('button', { name: 'Done' }).click();
  });

  it('stayed inside the CSP, the network rule and the bridge', () => {
    expect(app.abortedRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.consoleProblems).toEqual([]);
    expect(app.bridgeProblems).toEqual([]);
    expect(app.invocations.filter((entry) => !entry.ok)).toEqual([]);
  });
});
