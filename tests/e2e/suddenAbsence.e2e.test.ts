import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilePurpose } from '../../shared/api/systemSchemas';
import { wordCheck } from '../../shared/domain/wordCheck';
import { call, makeVault, type TestVault } from '../handover/fixtures';
import { makeTempDir, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';
import { callRouter, localIsoDate } from './demoData';
import { startApp, type App } from './harness';
import { createVaultThroughUi, mainNav } from './ui';

// Issue 18, a sudden absence, in Chromium at 1280x800 with real vaults: Jordan
// (the owner) and Dana (the cover colleague) each run the app on a vault of
// their own. While both are well they name each other as cover colleague:
// each opens the other's key file, and the ten words on one screen match the
// words on the other; a stranger's key file shows other words. Then Jordan
// hands over to Dana in one screen with one file; Dana, on her own screens,
// opens it (Jordan's words, nothing to type), writes a note and hands back;
// Jordan imports the returned notes. Last, a substitute with no Sole Notes yet
// opens a handover file from the first screen of a fresh install, which fits
// 1280x800 without scrolling.

const OWNER = 'Jordan Reyes';
const COLLEAGUE = 'Dana Whitfield';

/** The words a screen shows under a label, as read aloud. */
async function wordsOn(scope: Page | Locator, label: string): Promise<string[]> {
  const list = scope.getByLabel(new RegExp(`^${label}: `));
  await list.waitFor();
  return (await list.locator('li').allInnerTexts()).map((word) => word.trim());
}

/** The dialog's title and its buttons lie inside the 1280x800 window. */
async function expectFits(page: Page, dialog: Locator): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  expect(viewport).toEqual({ width: 1280, height: 800 });
  const boxes = [await dialog.getByRole('heading').first().boundingBox(), ...(await Promise.all((await dialog.getByRole('button').all()).map((button) => button.boundingBox())))];
  for (const box of boxes) {
    if (box == null) throw new Error('A title or button of the dialog is not shown.');
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  }
}

describe('a sudden absence: a cover colleague named ahead, a handover in one screen (end to end)', () => {
  let root: string;
  let jordan: App;
  let dana: App;
  let stranger: TestVault;
  const opens: { jordan: Partial<Record<FilePurpose, string>>; dana: Partial<Record<FilePurpose, string>> } = { jordan: {}, dana: {} };
  const today = localIsoDate(new Date());
  let forgedKey: string;
  let danaKeyFile: string;
  let jordanKeyFile: string;
  let handoverFile: string;
  let handbackFile: string;
  let jordanWords: string[];

  const chooser = (who: 'jordan' | 'dana') => (purpose: FilePurpose, suggestedName: string | undefined) => {
    if (purpose.startsWith('open-')) return opens[who][purpose] ?? null;
    const folder = path.join(root, `${who}-saved`);
    fs.mkdirSync(folder, { recursive: true });
    return path.join(folder, suggestedName ?? 'file');
  };

  beforeAll(async () => {
    root = makeTempDir('sole-notes-e2e-absence-');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    stranger = await makeVault(root, 'stranger', new Date().toISOString());
    forgedKey = path.join(root, 'forged.solekey');
    await call(stranger, 'handover.exportKey', { file: forgedKey, label: COLLEAGUE });

    jordan = await startApp({
      chooseFile: chooser('jordan'),
      prepare: async ({ router }) => {
        await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
        await callRouter(router, 'settings.update', { timeZone: zone });
        const student = await callRouter(router, 'students.create', { code: 'LE-1042', grade: 4 });
        await callRouter(router, 'notes.create', { studentId: student.id, body: 'Checked in about the bus schedule.' });
      },
    });
    dana = await startApp({
      chooseFile: chooser('dana'),
      prepare: async ({ router }) => {
        await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
        await callRouter(router, 'settings.update', { timeZone: zone });
      },
    });
    for (const app of [jordan, dana]) {
      app.page.setDefaultTimeout(20_000);
      await app.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await mainNav(app.page, 'Handover').click();
      await app.page.getByRole('heading', { level: 1, name: 'Handover' }).waitFor();
    }
  });
  afterAll(async () => {
    await jordan?.close();
    await dana?.close();
    stranger?.session.lock();
    if (root) removeDir(root);
  });

  async function saveOwnKey(app: App, name: string): Promise<string> {
    await app.page.getByRole('textbox', { name: /Your name on the file/ }).fill(name);
    await app.page.getByRole('button', { name: 'Save your handover key…' }).click();
    const saved = app.fileRequests.at(-1);
    expect(saved?.purpose).toBe('save-handover-key');
    const file = path.join(root, `${app === jordan ? 'jordan' : 'dana'}-saved`, saved?.suggestedName ?? '');
    // The full path is behind Details; the screen names the file.
    await app.page.getByTestId('saved-path').filter({ hasText: file }).waitFor({ state: 'attached' });
    return file;
  }

  it('names a cover colleague in both vaults: the words match on both screens, and a forged key shows other words', async () => {
    const danaWords = await wordsOn(dana.page, 'Your words');
    jordanWords = await wordsOn(jordan.page, 'Your words');
    expect(danaWords).toHaveLength(10);
    expect(danaWords).toEqual(wordCheck((await callRouter(dana.router, 'handover.keyInfo', {})).fingerprint));
    danaKeyFile = await saveOwnKey(dana, COLLEAGUE);
    jordanKeyFile = await saveOwnKey(jordan, OWNER);

    // Jordan first opens a file someone else made in Dana's name: other words, so it is not saved.
    await jordan.page.getByRole('button', { name: 'Name a cover colleague…' }).click();
    const naming = jordan.page.getByRole('dialog', { name: 'Name your cover colleague' });
    await expectFits(jordan.page, naming);
    opens.jordan['open-handover-key'] = forgedKey;
    await naming.getByRole('button', { name: 'Open the file they sent…' }).click();
    const forgedWords = await wordsOn(naming, 'Their words');
    expect(forgedWords).not.toEqual(danaWords);
    await naming.getByRole('button', { name: 'Cancel' }).click();
    expect(await callRouter(jordan.router, 'handover.colleague', {})).toBeNull();

    // Dana's real file: the same ten words as on Dana's screen.
    await jordan.page.getByRole('button', { name: 'Name a cover colleague…' }).click();
    opens.jordan['open-handover-key'] = danaKeyFile;
    await naming.getByRole('button', { name: 'Open the file they sent…' }).click();
    expect(await wordsOn(naming, 'Their words')).toEqual(danaWords);
    expect(await naming.getByRole('textbox', { name: 'Their name' }).inputValue()).toBe(COLLEAGUE);
    await expectFits(jordan.page, naming);
    expect(await naming.innerText()).not.toMatch(/fingerprint|package|key file/i);
    await naming.getByRole('checkbox', { name: 'We read all ten words together, and every word matches' }).check();
    await naming.getByRole('button', { name: 'Save as my cover colleague' }).click();
    await jordan.page.getByRole('button', { name: `Hand over to ${COLLEAGUE}…` }).waitFor();

    // And the other way round: Dana names Jordan.
    await dana.page.getByRole('button', { name: 'Name a cover colleague…' }).click();
    const danaNaming = dana.page.getByRole('dialog', { name: 'Name your cover colleague' });
    opens.dana['open-handover-key'] = jordanKeyFile;
    await danaNaming.getByRole('button', { name: 'Open the file they sent…' }).click();
    expect(await wordsOn(danaNaming, 'Their words')).toEqual(jordanWords);
    await danaNaming.getByRole('checkbox', { name: 'We read all ten words together, and every word matches' }).check();
    await danaNaming.getByRole('button', { name: 'Save as my cover colleague' }).click();
    await dana.page.getByRole('button', { name: `Hand over to ${OWNER}…` }).waitFor();

    expect(await callRouter(jordan.router, 'handover.colleague', {})).toMatchObject({ name: COLLEAGUE, fingerprint: (await callRouter(dana.router, 'handover.keyInfo', {})).fingerprint });
    expect(await callRouter(dana.router, 'handover.colleague', {})).toMatchObject({ name: OWNER, fingerprint: (await callRouter(jordan.router, 'handover.keyInfo', {})).fingerprint });
  });

  it('hands over to the colleague from Today in one screen and one file, with no code', async () => {
    await mainNav(jordan.page, 'Today').click();
    await jordan.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await jordan.page.getByRole('button', { name: `Hand over to ${COLLEAGUE}…` }).click();
    const dialog = jordan.page.getByRole('dialog', { name: `Hand over to ${COLLEAGUE}` });
    await expectFits(jordan.page, dialog);
    expect(await dialog.innerText()).not.toMatch(/fingerprint|package|key file/i);
    await dialog.getByRole('spinbutton', { name: 'For how many days' }).fill('5');
    await dialog.getByRole('button', { name: 'Save the handover file…' }).click();
    const done = jordan.page.getByRole('dialog', { name: `Ready for ${COLLEAGUE}` });
    await done.waitFor();
    await expectFits(jordan.page, done);
    expect(await done.innerText()).toContain('There is no code to pass on.');
    const request = jordan.fileRequests.at(-1);
    expect(request?.purpose).toBe('save-handover-package');
    handoverFile = path.join(root, 'jordan-saved', request?.suggestedName ?? '');
    expect(fs.existsSync(handoverFile)).toBe(true);
    await done.getByRole('button', { name: 'Done' }).click();
    await mainNav(jordan.page, 'Handover').click();
    await jordan.page.getByRole('heading', { level: 1, name: 'Handover' }).waitFor();
    const [sent] = await callRouter(jordan.router, 'handover.sent', {});
    expect(sent).toMatchObject({ substitute: COLLEAGUE, validFrom: today, status: 'open', recipient: { kind: 'key', label: COLLEAGUE } });
  });

  it('the colleague opens it on their own screens: Jordan’s words, nothing to type, the notes under their banner', async () => {
    const page = dana.page;
    opens.dana['open-handover-package'] = handoverFile;
    await page.getByRole('button', { name: 'Choose a handover file…' }).click();
    const inspection = page.getByRole('form', { name: 'The handover file you chose' });
    await inspection.waitFor();
    // The words under "Their words" are the ones Jordan's screen shows as "Your words".
    expect(await wordsOn(inspection, 'Their words')).toEqual(jordanWords);
    expect(await inspection.innerText()).toContain('Your handover key (nothing to type)');
    expect(await inspection.getByRole('textbox', { name: 'Handover code' }).count()).toBe(0);
    expect(await inspection.innerText()).not.toMatch(/fingerprint|package|key file|\.sole/i);
    await inspection.getByRole('button', { name: 'Open these notes' }).click();
    const banner = page.getByRole('region', { name: 'Whose notes these are' });
    await banner.waitFor();
    // The file carries no name; Dana's screen names Jordan as she named him.
    await banner.getByText(`${OWNER}’s notes, not your own`).waitFor();
    await page.getByRole('list', { name: 'Handed-over notes' }).getByText('Checked in about the bus schedule.').waitFor();

    // Dana writes a note about the student, through the screen.
    await page.getByRole('button', { name: 'Write a note', exact: true }).click();
    await page.getByRole('textbox', { name: 'Note', exact: true }).fill('Covered the Tuesday lunch check-in.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText(/^Saved today at/).waitFor();
  });

  it('the colleague hands back through the screen: one file for Jordan, and the copy on Dana’s laptop is gone', async () => {
    const page = dana.page;
    await page.getByRole('button', { name: 'Back to the notes' }).click();
    await page.getByRole('button', { name: 'Hand back…' }).click();
    const dialog = page.getByRole('dialog');
    await expectFits(page, dialog);
    await dialog.getByRole('button', { name: 'Save the hand-back file…' }).click();
    const result = page.getByRole('region', { name: 'Handed back' });
    await result.waitFor();
    const request = dana.fileRequests.at(-1);
    expect(request?.purpose).toBe('save-handback');
    handbackFile = (await result.getByTestId('saved-path').textContent()) ?? '';
    expect(handbackFile.startsWith(path.join(root, 'dana-saved'))).toBe(true);
    expect(fs.existsSync(handbackFile)).toBe(true);
    expect(await result.innerText()).not.toMatch(/fingerprint|package|key file|\.sole/i);
    expect(await callRouter(dana.router, 'handover.received', {})).toMatchObject([{ status: 'handed_back' }]);
  });

  it('the owner imports the returned notes', async () => {
    opens.jordan['open-handback'] = handbackFile;
    await jordan.page.getByRole('button', { name: 'Import a hand-back…' }).click();
    await jordan.page.getByText(`Hand-back from ${COLLEAGUE}`, { exact: false }).first().waitFor();
    const [closed] = await callRouter(jordan.router, 'handover.sent', {});
    expect(closed?.status).toBe('closed');
    const notes = await callRouter(jordan.router, 'notes.list', {});
    expect(notes.some((note) => note.preview.includes('Covered the Tuesday lunch check-in.'))).toBe(true);
  });

  it('a substitute with no Sole Notes yet opens a handover file from the first screen of a fresh install', async () => {
    // Without a cover colleague the handover is sealed to a one-time code (a fresh install has no key yet).
    const codeFile = path.join(root, 'for-sam.solehandover');
    const created = await callRouter(jordan.router, 'handover.create', {
      students: 'caseload',
      substitute: 'Sam Ortiz',
      validFrom: today,
      validUntil: today,
      recipient: { kind: 'code' },
      file: codeFile,
    });
    const fresh = await startApp({ chooseFile: (purpose) => (purpose === 'open-handover-package' ? codeFile : null) });
    try {
      const page = fresh.page;
      page.setDefaultTimeout(20_000);
      await page.getByRole('heading', { level: 1, name: 'Welcome to Sole Notes' }).waitFor();
      // The first screen fits the 1280x800 window: nothing to scroll to, the offer included.
      expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });
      expect(await page.evaluate('document.scrollingElement.scrollHeight')).toBeLessThanOrEqual(800);
      await expectFits(page, page.getByRole('main'));
      await page.getByRole('button', { name: 'Open a handover file…' }).click();
      await page.getByText('Handover file chosen: “for-sam”.', { exact: false }).waitFor();
      const recoveryKey = await createVaultThroughUi(page, TEST_PASSPHRASE);
      await page.getByRole('button', { name: 'I have kept a copy' }).click();
      const groupField = page.getByRole('textbox', { name: /^The \w+ group$/ });
      const asked = Number(await groupField.getAttribute('data-group'));
      await groupField.fill(recoveryKey.split('-')[asked - 1] ?? '');
      await page.getByRole('button', { name: 'Continue to Sole Notes' }).click();

      // Straight to the file, ready to open: no second search for it.
      const inspection = page.getByRole('form', { name: 'The handover file you chose' });
      await inspection.waitFor();
      await inspection.getByRole('textbox', { name: 'Handover code' }).fill(created.code ?? '');
      await inspection.getByRole('button', { name: 'Open these notes' }).click();
      await page.getByRole('region', { name: 'Whose notes these are' }).waitFor();
      expect(await callRouter(fresh.router, 'handover.received', {})).toMatchObject([{ packageId: created.packageId }]);
    } finally {
      await fresh.close();
    }
  });
});
