import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordCheck } from '../../shared/domain/wordCheck';
import type { CreateHandoverResult } from '../../shared/api/handoverSchemas';
import { withExtension } from '../../shared/api/systemSchemas';
import { makeTempDir, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';
import { callRouter } from './demoData';
import { COLLEAGUE_NOTES, dayFromToday, makeColleagueVault, makePackage, seedColleagueCaseload, type ColleagueCaseload, type ColleagueVault } from './handoverData';
import { startApp, type App } from './harness';
import { mainNav } from './ui';

// The substitute's side of a handover end to end: a colleague's real vault
// (made here, in the test process) makes two packages for the app's vault,
// one for its handover key (exported through the router first) and one for
// a one-time code. In Chromium, the worker opens each, sees the banner,
// opens a note, writes one and hands the package back; the colleague's vault
// then imports both hand-backs, with the substitute as author and every
// view in its audit log.

const SUBSTITUTE = 'Dana Whitfield';
const OWNER = 'Jordan Reyes';
const NEW_NOTE = 'Covered the Tuesday lunch check-in. Wants to keep meeting on Fridays.';
const CODE_NOTE = 'Quiet week; the new seat near the window helps.';

function banner(page: Page) {
  return page.getByRole('region', { name: 'Whose notes these are' });
}

describe('Handover, the substitute’s side (end to end)', () => {
  let root: string;
  let colleague: ColleagueVault;
  let caseload: ColleagueCaseload;
  let app: App;
  let page: Page;
  let keyPackage: CreateHandoverResult;
  let codePackage: CreateHandoverResult;
  let nextOpen: string | null = null;
  const saved: string[] = [];

  beforeAll(async () => {
    root = makeTempDir('sole-notes-e2e-substitute-');
    colleague = await makeColleagueVault(root, OWNER);
    caseload = await seedColleagueCaseload(colleague);
    const keyFile = path.join(root, 'dana.solekey');
    app = await startApp({
      chooseFile: (purpose, suggestedName) => {
        if (purpose.startsWith('open-')) return nextOpen;
        // As the system dialog would, never over a file already there: the worker gives another name.
        const name = withExtension(purpose, suggestedName ?? 'file');
        const taken = (candidate: string) => fs.existsSync(path.join(root, 'saved', candidate));
        const free = taken(name) ? name.replace(/(\.[a-z]+)$/, ` (${saved.length + 1})$1`) : name;
        const file = path.join(root, 'saved', free);
        saved.push(file);
        return file;
      },
      prepare: async ({ router }) => {
        await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
        // The app vault's key, as the worker would save it for the colleague.
        await callRouter(router, 'handover.exportKey', { file: keyFile, label: SUBSTITUTE });
        const dates = { substitute: SUBSTITUTE, ownerName: OWNER, validFrom: dayFromToday(-2), validUntil: dayFromToday(10) };
        keyPackage = await makePackage(colleague, { ...dates, file: path.join(root, 'key.solehandover'), students: caseload.handed.slice(0, 2), keyFile });
        codePackage = await makePackage(colleague, { ...dates, file: path.join(root, 'code.solehandover'), students: caseload.handed.slice(2) });
      },
    });
    fs.mkdirSync(path.join(root, 'saved'));
    page = app.page;
    page.setDefaultTimeout(15_000);
    // Today is the first screen after unlock; these steps start from the caseload.
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    colleague?.session.lock();
    if (root) removeDir(root);
  });

  it('shows the worker’s handover key, the same one the colleague made the package for', async () => {
    await mainNav(page, 'Handover').click();
    await page.getByRole('heading', { level: 2, name: 'Notes handed to you' }).waitFor();
    const info = await callRouter(app.router, 'handover.keyInfo', {});
    await page.getByLabel(`Your words: ${wordCheck(info.fingerprint).join(' ')}`).waitFor();
    await page.getByText('Details', { exact: true }).click();
    await page.getByLabel(`Your key in digits: ${info.fingerprint}`).waitFor();
    expect(keyPackage.recipient).toMatchObject({ kind: 'key', fingerprint: info.fingerprint });
    expect(await page.getByText('None yet. When a colleague gives you a handover file, open it above.').count()).toBe(1);
  });

  it('opens the key package after showing what it holds, under a banner naming whose notes they are', async () => {
    nextOpen = keyPackage.path;
    await page.getByRole('button', { name: 'Choose a handover file…' }).click();
    const inspection = page.getByRole('form', { name: 'The handover file you chose' });
    await inspection.getByRole('heading', { name: `${OWNER}’s notes` }).waitFor();
    expect(await inspection.locator('dl').innerText()).toMatch(/Your handover key \(nothing to type\)/);
    expect(await inspection.locator('dl').innerText()).toContain('2 students, 3 notes');
    await inspection.getByRole('button', { name: 'Open these notes' }).click();

    await banner(page).getByText(`${OWNER}’s notes, not your own`).waitFor();
    const text = await banner(page).innerText();
    expect(text).toContain(`You are ${OWNER}’s temporary substitute until`);
    expect(text).toContain('11 days left, today included');
    expect(text).toContain('Every note you open is recorded');
    expect(text).toContain('kept apart from your own');
    expect(await banner(page).getByRole('button').count()).toBe(0);
    const notes = page.getByRole('list', { name: 'Handed-over notes' });
    await notes.getByRole('listitem').first().waitFor();
    expect(await notes.getByRole('listitem').count()).toBe(3);
    // The note kept back by the colleague is not in the package.
    expect(await page.getByText('Kept back').count()).toBe(0);
  });

  it('opens a note, then writes a new one, all inside the package', async () => {
    await page.getByRole('button', { name: /Missed two mornings/ }).click();
    const note = page.getByRole('textbox', { name: 'Note', exact: true });
    await expect.poll(() => note.inputValue()).toBe(COLLEAGUE_NOTES.second);
    expect(await banner(page).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Back to the notes' }).click();

    await page.getByRole('button', { name: 'Write a note', exact: true }).click();
    await page.getByRole('combobox', { name: 'Student' }).selectOption({ label: 'RM-2048' });
    await page.getByRole('textbox', { name: 'Note', exact: true }).fill(NEW_NOTE);
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText(/^Saved today at/).waitFor();
    await page.getByRole('button', { name: 'Back to the notes' }).click();
    await page.getByRole('button', { name: /Covered the Tuesday lunch check-in/ }).waitFor();

    await page.getByRole('button', { name: 'Access log', exact: true }).click();
    const log = page.getByRole('table', { name: 'Access log, newest first' });
    await log.getByText('A note about RM-2048 was written').waitFor();
    expect(await log.getByText('A note about RM-2048 was opened').count()).toBe(1);
    // Nothing went into the worker's own vault.
    expect(await callRouter(app.router, 'notes.list', {})).toEqual([]);
  });

  it('hands the key package back: the file is saved, the copy here is deleted', async () => {
    await page.getByRole('button', { name: 'Hand back…' }).click();
    const dialog = page.getByRole('dialog', { name: `Hand these notes back to ${OWNER}?` });
    await dialog.getByRole('button', { name: 'Save the hand-back file…' }).click();
    const result = page.getByRole('region', { name: 'Handed back' });
    await result.waitFor();
    const file = path.join(root, 'saved', `hand-back to ${OWNER} (${dayFromToday(-2)} to ${dayFromToday(10)}).solehandback`);
    expect(saved).toEqual([file]);
    expect(await result.getByTestId('saved-path').textContent()).toBe(file);
    expect(await result.getByRole('list', { name: 'What the file holds' }).innerText()).toMatch(/1 note written/);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(path.join(app.vaultDir, 'handovers', keyPackage.packageId))).toBe(false);
    expect(await banner(page).innerText()).toContain(`You handed these notes back to ${OWNER}.`);
    expect(app.fileRequests.map((request) => request.purpose)).toEqual(['open-handover-package', 'save-handback']);
  });

  it('opens the code package only with the right code', async () => {
    await page.getByRole('button', { name: 'Back to Handover' }).click();
    const list = page.getByRole('list', { name: 'Handovers you have opened' });
    await list.getByText('Handed back', { exact: true }).waitFor();

    nextOpen = codePackage.path;
    await page.getByRole('button', { name: 'Choose a handover file…' }).click();
    const inspection = page.getByRole('form', { name: 'The handover file you chose' });
    expect(await inspection.locator('dl').innerText()).toContain(`The one-time handover code from ${OWNER}`);
    const code = inspection.getByRole('textbox', { name: 'Handover code' });
    const right = codePackage.code ?? '';
    // One character changed: still well formed, but not the code.
    const wrong = `${right.slice(0, -1)}${right.endsWith('2') ? '3' : '2'}`;
    await code.fill(wrong);
    await inspection.getByRole('button', { name: 'Open these notes' }).click();
    await inspection.getByText(/^That code does not open this handover file\./).waitFor();
    expect(fs.existsSync(path.join(app.vaultDir, 'handovers', codePackage.packageId))).toBe(false);

    await code.fill(right.toLowerCase().replace(/-/g, ' '));
    await inspection.getByRole('button', { name: 'Open these notes' }).click();
    await banner(page).getByText(`${OWNER}’s notes, not your own`).waitFor();
    await page.getByRole('button', { name: /Calm today/ }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Note', exact: true }).inputValue()).toBe(COLLEAGUE_NOTES.fourth);
    await page.getByRole('button', { name: 'Back to the notes' }).click();
    await page.getByRole('button', { name: 'Write a note', exact: true }).click();
    await page.getByRole('combobox', { name: 'Student' }).selectOption({ label: 'LE-1175' });
    await page.getByRole('textbox', { name: 'Note', exact: true }).fill(CODE_NOTE);
    await page.keyboard.press('ControlOrMeta+S');
    await page.getByText(/^Saved today at/).waitFor();
    await page.getByRole('button', { name: 'Back to the notes' }).click();

    await page.getByRole('button', { name: 'Hand back…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save the hand-back file…' }).click();
    await page.getByRole('region', { name: 'Handed back' }).waitFor();
    expect(saved).toHaveLength(2);
  });

  it('the colleague imports both hand-backs: the new notes are the substitute’s, and every view is in their audit log', async () => {
    const fromKey = await callRouter(colleague.router, 'handover.importHandBack', { file: saved[0] as string });
    expect(fromKey).toMatchObject({ packageId: keyPackage.packageId, substitute: SUBSTITUTE, newNotes: 1, changedNotes: 0, accessLogIntact: true, alreadyImported: false });
    const fromCode = await callRouter(colleague.router, 'handover.importHandBack', { file: saved[1] as string });
    expect(fromCode).toMatchObject({ packageId: codePackage.packageId, newNotes: 1, accessLogIntact: true });

    const owned = await callRouter(colleague.router, 'notes.list', { studentId: (caseload.handed[0] ?? { id: '' }).id });
    const written = owned.find((summary) => summary.preview.startsWith('Covered the Tuesday lunch check-in'));
    expect(written).toBeDefined();
    const history = await callRouter(colleague.router, 'notes.history', { id: written?.id ?? '' });
    expect(history.map((revision) => [revision.author, revision.body])).toEqual([[SUBSTITUTE, NEW_NOTE]]);

    const access = colleague.session.data.audit.listByAction('handover.access');
    expect(access).toHaveLength(fromKey.accessLogEntries + fromCode.accessLogEntries);
    const viewed = (packageId: string) =>
      access.filter((entry) => entry.details.packageId === packageId && entry.details.action === 'note.viewed').map((entry) => (entry.details.details as { noteId?: string }).noteId);
    const notesOf = async (studentIndex: number) => (await callRouter(colleague.router, 'notes.list', { studentId: (caseload.handed[studentIndex] ?? { id: '' }).id })).map((note) => [note.id, note.preview] as const);
    const missed = (await notesOf(0)).find(([, preview]) => preview.startsWith('Missed two mornings'))?.[0];
    const calm = (await notesOf(2)).find(([, preview]) => preview.startsWith('Calm today'))?.[0];
    expect(viewed(keyPackage.packageId)).toEqual([missed]);
    expect(viewed(codePackage.packageId)).toEqual([calm]);
    for (const packageId of [keyPackage.packageId, codePackage.packageId]) {
      const actions = access.filter((entry) => entry.details.packageId === packageId).map((entry) => entry.details.action);
      expect(actions).toEqual(expect.arrayContaining(['handover.opened', 'notes.listed', 'note.viewed', 'note.created', 'handover.handed_back']));
    }
    expect(await callRouter(colleague.router, 'handover.sent', {})).toMatchObject([{ status: 'closed' }, { status: 'closed' }]);
  });

  it('stayed inside the CSP, the network rule and the bridge', () => {
    expect(app.abortedRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.consoleProblems).toEqual([]);
    expect(app.bridgeProblems).toEqual([]);
    // The only refusal was the wrong code, on purpose.
    expect(app.invocations.filter((call) => !call.ok).map((call) => [call.name, call.code])).toEqual([['handover.open', 'WRONG_HANDOVER_CODE']]);
  });
});
