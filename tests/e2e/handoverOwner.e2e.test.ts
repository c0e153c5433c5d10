import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordCheck } from '../../shared/domain/wordCheck';
import type { FilePurpose } from '../../shared/api/systemSchemas';
import type { HandbackResult, HandoverKeyInfo, HandoverPackageInfo, ReceivedHandover, SentHandover } from '../../shared/api/handoverSchemas';
import type { Note, NoteSummary } from '../../shared/api/schemas';
import { call, makeVault, type TestVault } from '../handover/fixtures';
import { makeTempDir, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';
import { callRouter, localIsoDate } from './demoData';
import { startApp, type App } from './harness';
import { mainNav } from './ui';

// The owner's side of issue 6 in Chromium, against the built renderer and a
// real vault: make a package for a substitute's real key (a second vault in
// this process exports it), and one for a one-time code (a third vault opens
// it with the code read off the screen); revoke one; the substitute opens the
// key package, edits a note, writes one and hands back with the backend; the
// owner imports the hand-back through the UI, and the router shows the merged
// notes' authorship and the audit log. A second import changes nothing.

const SUBSTITUTE = 'Dana Whitfield';
const CODE_SUBSTITUTE = 'Sam Ortiz';
const CODES = ['LE-1042', 'LE-2207', 'RM-3310'] as const;
const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/;

/** M/D/YYYY, as the date fields take it. */
/** The step shown is `title`, and the dialog's title and every button lie inside the 1280x800 window. */
async function expectStepFits(page: Page, dialog: Locator, title: string): Promise<void> {
  await dialog.getByRole('list', { name: 'Steps' }).locator('[aria-current="step"]').filter({ hasText: title }).waitFor();
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  expect(viewport).toEqual({ width: 1280, height: 800 });
  const boxes = [await dialog.getByRole('heading').first().boundingBox(), ...(await Promise.all((await dialog.getByRole('button').all()).map((button) => button.boundingBox())))];
  for (const box of boxes) {
    if (box == null) throw new Error(`A title or button of the step "${title}" is not shown.`);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  }
}

function typed(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${month}/${day}/${year}`;
}

function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localIsoDate(date);
}

describe('handing the vault to a substitute and taking it back: the owner (end to end)', () => {
  let root: string;
  let app: App;
  let page: Page;
  let substitute: TestVault;
  let codeSubstitute: TestVault;
  let keyFile: string;
  let handbackFile: string;
  const answers: Partial<Record<FilePurpose, string | null>> = {};
  const ids: Record<string, string> = {};
  const noteIds: Record<string, string> = {};
  let keyPackage: SentHandover;
  let handback: HandbackResult;
  const today = localIsoDate(new Date());
  const lastDay = daysFromToday(14);

  beforeAll(async () => {
    root = makeTempDir('sole-notes-e2e-handover-');
    keyFile = path.join(root, 'dana.solekey');
    handbackFile = path.join(root, 'from-dana.solehandback');
    // The substitutes' vaults on today's clock, in this computer's time zone (the owner's too), so "today" is the same day for all.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    [substitute, codeSubstitute] = await Promise.all([makeVault(root, 'substitute', new Date().toISOString()), makeVault(root, 'code-substitute', new Date().toISOString())]);
    for (const vault of [substitute, codeSubstitute]) vault.session.data.settings.update({ timeZone: zone });
    await call(substitute, 'handover.exportKey', { file: keyFile, label: SUBSTITUTE });

    app = await startApp({
      // Open dialogs answer what the test put in `answers`; save dialogs name the suggested file in the harness's folder.
      chooseFile: (purpose, suggestedName) => {
        if (purpose in answers) return answers[purpose] ?? null;
        if (purpose.startsWith('save-')) {
          fs.mkdirSync(app.chosenFolder, { recursive: true });
          return path.join(app.chosenFolder, suggestedName ?? 'file');
        }
        return null;
      },
      prepare: async ({ router }) => {
        await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
        for (const code of CODES) ids[code] = (await callRouter(router, 'students.create', { code, grade: 4 })).id;
        noteIds.bus = (await callRouter(router, 'notes.create', { studentId: ids['LE-1042'], body: 'Checked in about the bus schedule.' })).id;
        noteIds.lunch = (await callRouter(router, 'notes.create', { studentId: ids['LE-2207'], body: 'Lunch group went well today.' })).id;
        noteIds.kept = (await callRouter(router, 'notes.create', { studentId: ids['RM-3310'], body: 'Kept back: the science fair.' })).id;
        await callRouter(router, 'services.create', { date: today, minutes: 30, kind: 'individual_session', studentIds: [ids['LE-1042'] as string] });
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
    for (const vault of [substitute, codeSubstitute]) vault?.session.lock();
    if (root) removeDir(root);
  });

  it('makes a package for the substitute’s real key: chosen students, the fingerprint to compare, saved where the worker says', async () => {
    await mainNav(page, 'Handover').click();
    await page.getByRole('heading', { level: 1, name: 'Handover' }).waitFor();
    await page.getByText('You have not made a handover file yet.').waitFor();
    await page.getByRole('button', { name: 'Make a handover file…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a handover file' });

    // Step 1, who and for how long; Enter goes on.
    await expectStepFits(page, dialog, 'Who and for how long');
    await dialog.getByRole('textbox', { name: 'Your name (optional)' }).fill('Jordan Reyes');
    await dialog.getByRole('textbox', { name: 'Last day' }).fill(typed(lastDay));
    await dialog.getByRole('textbox', { name: 'Substitute’s name' }).fill(SUBSTITUTE);
    await dialog.getByRole('textbox', { name: 'Substitute’s name' }).press('Enter');

    // Step 2, which students.
    await expectStepFits(page, dialog, 'Which students');
    await dialog.getByRole('radio', { name: 'Only the students I choose' }).check();
    const picker = dialog.getByRole('combobox', { name: 'Students to hand over' });
    for (const code of ['LE-1042', 'LE-2207']) {
      await picker.fill(code);
      await dialog.getByRole('option', { name: new RegExp(`^${code}`) }).waitFor();
      await picker.press('Enter');
    }
    await expectStepFits(page, dialog, 'Which students');
    await dialog.getByRole('button', { name: 'Next' }).click();

    // Step 3, the file and what to give: the substitute's handover key, checked by its words.
    await expectStepFits(page, dialog, 'Save the file');
    answers['open-handover-key'] = keyFile;
    await dialog.getByRole('button', { name: 'Open the file they sent…' }).click();
    const substituteKey = await call<HandoverKeyInfo>(substitute, 'handover.keyInfo');
    await dialog.getByLabel(`Their words: ${wordCheck(substituteKey.fingerprint).join(' ')}`).waitFor();
    expect(await dialog.innerText()).toContain('They read out the words');
    await expectStepFits(page, dialog, 'Save the file');

    // Escape goes back a step, keeping what was chosen; Next comes back to the same words.
    await page.keyboard.press('Escape');
    await expectStepFits(page, dialog, 'Which students');
    expect(await dialog.getByRole('radio', { name: 'Only the students I choose' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByLabel(`Their words: ${wordCheck(substituteKey.fingerprint).join(' ')}`).waitFor();

    // Not compared yet: refused next to the box, nothing written.
    await dialog.getByRole('button', { name: 'Save the handover file…' }).click();
    await dialog.getByText('Read the ten words with the substitute, then tick this box.').waitFor();
    expect(app.fileRequests.map((request) => request.purpose)).toEqual(['open-handover-key']);

    await dialog.getByRole('checkbox', { name: 'We read all ten words together, and every word matches' }).check();
    await dialog.getByRole('button', { name: 'Save the handover file…' }).click();
    const done = page.getByRole('dialog', { name: `Handover file saved for ${SUBSTITUTE}` });
    await done.waitFor();
    const suggested = `handover-dana-whitfield-${today}.solehandover`;
    expect(app.fileRequests.at(-1)).toEqual({ purpose: 'save-handover-package', suggestedName: suggested });
    const packageFile = path.join(app.chosenFolder, suggested);
    expect(await done.getByTestId('saved-path').textContent()).toBe(packageFile);
    expect(await done.innerText()).toContain('2 students, 2 notes and 1 service');
    await done.getByLabel(`Their words: ${wordCheck(substituteKey.fingerprint).join(' ')}`).waitFor();
    expect(await done.getByTestId('handover-code').count()).toBe(0);
    expect(fs.existsSync(packageFile)).toBe(true);

    const [sent] = await callRouter(app.router, 'handover.sent', {});
    expect(sent).toMatchObject({ substitute: SUBSTITUTE, validFrom: today, validUntil: lastDay, status: 'open', recipient: { kind: 'key', fingerprint: substituteKey.fingerprint }, scope: { students: 2, notes: 2, services: 1 } });
    keyPackage = sent as SentHandover;
    const created = (await callRouter(app.router, 'audit.list', { limit: 1000 })).filter((entry) => entry.action === 'handover.created');
    expect(created).toHaveLength(1);
    expect(created[0]?.details).toMatchObject({ packageId: keyPackage.packageId, substitute: SUBSTITUTE, recipient: 'key', file: packageFile });
    // The substitute's app agrees: the package is for their key, from today.
    const info = await call<HandoverPackageInfo>(substitute, 'handover.inspect', { file: packageFile });
    expect(info).toMatchObject({ packageId: keyPackage.packageId, ownerName: 'Jordan Reyes', validity: 'active', recipient: { kind: 'key', forThisVault: true } });

    await done.getByRole('button', { name: 'Done' }).click();
    const list = page.getByRole('list', { name: 'Handovers you made' });
    await list.getByText(SUBSTITUTE, { exact: true }).waitFor();
    expect(await list.innerText()).toContain('With the substitute');
  });

  it('makes a package for a one-time code, shows the code once, and the code really opens it', async () => {
    await page.getByRole('button', { name: 'Make a handover file…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a handover file' });
    await dialog.getByRole('textbox', { name: 'Substitute’s name' }).fill(CODE_SUBSTITUTE);
    await dialog.getByRole('textbox', { name: 'Last day' }).fill(typed(daysFromToday(3)));
    await dialog.getByRole('button', { name: 'Next' }).click();
    expect(await dialog.getByRole('radio', { name: /Your whole open caseload \(3 students\)/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('radio', { name: /With a one-time code/ }).check();
    await expectStepFits(page, dialog, 'Save the file');
    await dialog.getByRole('button', { name: 'Save the handover file…' }).click();

    const done = page.getByRole('dialog', { name: `Handover file saved for ${CODE_SUBSTITUTE}` });
    await done.waitFor();
    const code = (await done.getByTestId('handover-code').innerText()).replace(/\s+/g, '');
    expect(code).toMatch(CODE_PATTERN);
    expect(await done.innerText()).toContain('3 students, 3 notes and 1 service');
    expect(await done.innerText()).toContain('Never send it in the same email as the file');
    const packageFile = path.join(app.chosenFolder, `handover-sam-ortiz-${today}.solehandover`);

    // Another vault opens it with the code as shown.
    const opened = await call<ReceivedHandover>(codeSubstitute, 'handover.open', { file: packageFile, code });
    expect(opened).toMatchObject({ substitute: CODE_SUBSTITUTE, status: 'open', scope: { students: 3 } });

    // Escape does not lose it; the worker's word does, for good.
    await page.keyboard.press('Escape');
    await done.waitFor();
    expect(await done.getByRole('button', { name: 'Done' }).isDisabled()).toBe(true);
    await done.getByRole('checkbox', { name: `I have given the code to ${CODE_SUBSTITUTE}, or written it down` }).check();
    await done.getByText('The code is no longer shown. Sole Notes does not keep it.').waitFor();
    expect(await page.content()).not.toContain(code.split('-')[2]);
    await done.getByRole('button', { name: 'Done' }).click();
    await done.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(code.split('-')[2]);
    // Stored nowhere in the owner's vault either.
    expect(JSON.stringify(await callRouter(app.router, 'audit.list', { limit: 1000 }))).not.toContain(code);
  });

  it('revokes the code package with a reason, saying plainly what revoking cannot do', async () => {
    const list = page.getByRole('list', { name: 'Handovers you made' });
    await list.getByText(CODE_SUBSTITUTE, { exact: true }).waitFor();
    await list.getByRole('button', { name: `Revoke the handover to ${CODE_SUBSTITUTE}…` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Revoke the handover to ${CODE_SUBSTITUTE}?` });
    expect(await confirm.innerText()).toContain('It cannot reach the handover file you already gave.');
    await confirm.getByRole('textbox', { name: 'Reason (optional)' }).fill('Back from leave early');
    await confirm.getByRole('button', { name: 'Revoke handover' }).click();
    const notice = page.getByRole('dialog', { name: `Handover to ${CODE_SUBSTITUTE} revoked` });
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`The handover file already given to ${CODE_SUBSTITUTE} is on their computer, and nothing can destroy it from here.`);
    await notice.getByRole('button', { name: 'Close' }).click();

    const item = list.getByRole('listitem').filter({ hasText: CODE_SUBSTITUTE });
    await item.getByText('Revoked', { exact: true }).waitFor();
    expect(await item.getByRole('button').count()).toBe(0);
    const revoked = (await callRouter(app.router, 'audit.list', { limit: 1000 })).filter((entry) => entry.action === 'handover.revoked');
    expect(revoked.map((entry) => entry.details)).toMatchObject([{ substitute: CODE_SUBSTITUTE, reason: 'Back from leave early' }]);
  });

  it('the substitute opens the key package, edits a note, writes one and hands back (their own Sole Notes)', async () => {
    const packageFile = path.join(app.chosenFolder, `handover-dana-whitfield-${today}.solehandover`);
    const { packageId } = await call<ReceivedHandover>(substitute, 'handover.open', { file: packageFile });
    const notes = await call<NoteSummary[]>(substitute, 'handover.notes.list', { packageId });
    expect(notes.map((note) => note.id).sort()).toEqual([noteIds.bus, noteIds.lunch].sort());
    await call<Note>(substitute, 'handover.notes.update', { packageId, id: noteIds.bus, body: 'Checked in about the bus schedule. Substitute: the new stop works.' });
    noteIds.added = (await call<Note>(substitute, 'handover.notes.create', { packageId, studentId: ids['LE-2207'], body: 'Covered the lunch group; all went well.' })).id;
    handback = await call<HandbackResult>(substitute, 'handover.handBack', { packageId, file: handbackFile });
    expect(handback).toMatchObject({ newNotes: 1, changedNotes: 1, packageDeleted: true });
  });

  it('imports the hand-back through the UI: a summary of what was merged, the substitute as author, the access log in the audit log', async () => {
    const auditBefore = await callRouter(app.router, 'audit.verify', {});
    answers['open-handback'] = handbackFile;
    await page.getByRole('button', { name: 'Import a hand-back…' }).click();
    const summary = page.getByRole('dialog', { name: `Hand-back from ${SUBSTITUTE} imported` });
    await summary.waitFor();
    const merged = await summary.getByRole('list', { name: 'What the hand-back brought in' }).getByRole('listitem').allInnerTexts();
    expect(merged).toEqual([
      `1 new note, written by ${SUBSTITUTE}.`,
      `1 note changed by ${SUBSTITUTE}. Each change is a new version under their name; your own text stays in the note’s history.`,
      `${handback.accessLogEntries} entries from the handover’s access log (every opening and every note viewed) added to your audit log.`,
    ]);
    await summary.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('list', { name: 'Handovers you made' }).getByRole('listitem').filter({ hasText: SUBSTITUTE }).getByText('Taken back', { exact: true }).waitFor();

    // Authorship: the owner's text stays, the substitute's comes after it under their name.
    const history = await callRouter(app.router, 'notes.history', { id: noteIds.bus as string });
    expect(history.map((revision) => [revision.author, revision.body])).toEqual([
      ['owner', 'Checked in about the bus schedule.'],
      [SUBSTITUTE, 'Checked in about the bus schedule. Substitute: the new stop works.'],
    ]);
    const added = await callRouter(app.router, 'notes.history', { id: noteIds.added as string });
    expect(added.map((revision) => revision.author)).toEqual([SUBSTITUTE]);
    expect((await callRouter(app.router, 'notes.get', { id: noteIds.added as string })).studentId).toBe(ids['LE-2207']);

    // The access log, appended to the owner's audit log; the handover closed.
    const audit = await callRouter(app.router, 'audit.list', { limit: 1000 });
    const access = audit.filter((entry) => entry.action === 'handover.access');
    expect(access).toHaveLength(handback.accessLogEntries);
    expect(access.every((entry) => entry.details.substitute === SUBSTITUTE && entry.details.packageId === keyPackage.packageId)).toBe(true);
    expect(access.map((entry) => entry.details.action)).toEqual(expect.arrayContaining(['handover.opened', 'note.edited', 'note.created', 'handover.handed_back']));
    expect(audit.filter((entry) => entry.action === 'handover.handback_imported')).toHaveLength(1);
    expect(audit.filter((entry) => entry.action === 'handover.closed')).toHaveLength(1);
    const auditAfter = await callRouter(app.router, 'audit.verify', {});
    expect(auditAfter).toMatchObject({ intact: true, entries: auditBefore.entries + handback.accessLogEntries + 2 });
    expect((await callRouter(app.router, 'handover.sent', {})).find((sent) => sent.packageId === keyPackage.packageId)?.status).toBe('closed');
  });

  it('shows the substitute’s version in the note’s history, under their name', async () => {
    await mainNav(page, 'Caseload').click();
    await page.getByRole('list', { name: 'Students' }).getByRole('button', { name: /^LE-1042/ }).click();
    await page.getByRole('button', { name: /the new stop works/ }).click();
    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'Note history' });
    await history.getByRole('button', { name: /^Version 2/ }).waitFor();
    expect(await history.getByRole('button', { name: /^Version 2/ }).innerText()).toContain(`by ${SUBSTITUTE}`);
    expect(await history.getByRole('button', { name: /^Version 1/ }).innerText()).toContain('by you');
    await page.keyboard.press('Escape');
  });

  it('changes nothing when the same hand-back is imported again, and says so', async () => {
    const before = await callRouter(app.router, 'audit.verify', {});
    await mainNav(page, 'Handover').click();
    await page.getByRole('button', { name: 'Import a hand-back…' }).click();
    const again = page.getByRole('dialog', { name: 'Already imported: nothing changed' });
    await again.waitFor();
    expect(await again.innerText()).toContain('Nothing was added or changed this time.');
    await again.getByRole('button', { name: 'Done' }).click();
    expect(await callRouter(app.router, 'audit.verify', {})).toEqual(before);
    expect((await callRouter(app.router, 'notes.history', { id: noteIds.bus as string })).length).toBe(2);
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
