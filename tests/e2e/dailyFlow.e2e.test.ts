import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE } from '../helpers/tempVault';
import { callRouter } from './demoData';
import { evaluateInPage, startApp, type App } from './harness';
import { createVaultThroughUi, hasFocus, RECOVERY_KEY_PATTERN, tabTo, ui, unlockThroughUi } from './ui';

// Issue 4's everyday flow in Chromium, against the built renderer and a real
// vault: first run → recovery key → retype the asked group → add a student →
// write a note naming a diagnosis and quoting the student → both flags, their
// explanations reached by keyboard → both quick fixes → save → search → lock →
// wrong passphrase → right passphrase → the note is there, fixed. The steps
// share one app, in order; each finds the controls by role and accessible name.

const STUDENT = 'LE-2041';
const DIAGNOSIS = 'diagnosed with ADHD';
const QUOTE = '"I hate coming to school"';
const NOTE = `Check-in about mornings. Mom mentioned she was ${DIAGNOSIS} last spring. She said ${QUOTE} when we talked about the bus. Plan: check in Friday.`;
const WRONG_PASSPHRASE = 'quiet harbor lantern eighteen';

/** Runs in the page: the accessible description of the focused element (its aria-describedby text). */
function focusedDescription(): { tag: string; description: string } {
  const doc = (globalThis as unknown as { document: { activeElement: { tagName: string; getAttribute(name: string): string | null } | null; getElementById(id: string): { textContent: string | null } | null } }).document;
  const active = doc.activeElement;
  const ids = active?.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return {
    tag: active?.tagName ?? '',
    description: ids
      .map((id) => doc.getElementById(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

/** Runs in the page: the textarea's caret and selection. */
function textareaSelection(selector: string): { start: number; end: number; focused: boolean } {
  const doc = (globalThis as unknown as { document: { querySelector(selector: string): { selectionStart: number; selectionEnd: number } | null; activeElement: unknown } }).document;
  const area = doc.querySelector(selector);
  return { start: area?.selectionStart ?? -1, end: area?.selectionEnd ?? -1, focused: area != null && doc.activeElement === area };
}

/** The polite announcement toast (saves, fixes). */
function toast(page: Page): Locator {
  return page.locator('.toasts').getByRole('status');
}

/** The drawn highlights: the kind of each <mark> in the layer under the note, with its words. */
async function highlights(page: Page): Promise<{ kind: string | null; text: string }[]> {
  const marks = page.locator('.note-mirror mark[data-finding-kind]');
  const out: { kind: string | null; text: string }[] = [];
  for (const mark of await marks.all()) out.push({ kind: await mark.getAttribute('data-finding-kind'), text: await mark.innerText() });
  return out;
}

describe('a social worker’s day, end to end', () => {
  let app: App;
  let page: Page;
  let fixedText = '';
  let noteId = '';

  beforeAll(async () => {
    app = await startApp();
    page = app.page;
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await app?.close();
  });

  const noteField = () => page.getByRole('textbox', { name: 'Note', exact: true });

  it('first run: chooses a passphrase, is shown the recovery key and retypes the group it asks for', async () => {
    await page.getByRole('heading', { level: 1, name: 'Welcome to Sole Notes' }).waitFor();
    const recoveryKey = await createVaultThroughUi(page, TEST_PASSPHRASE);
    expect(recoveryKey).toMatch(RECOVERY_KEY_PATTERN);
    await page.getByRole('heading', { level: 1, name: 'Your recovery key' }).waitFor();
    await page.getByRole('button', { name: 'Copy', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Print', exact: true }).waitFor();

    await page.getByRole('button', { name: 'I have kept a copy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your copy' }).waitFor();
    const groupField = page.getByRole('textbox', { name: /^The \w+ group$/ });
    const asked = Number(await groupField.getAttribute('data-group'));
    const groups = recoveryKey.split('-');
    expect(asked).toBeGreaterThanOrEqual(1);
    expect(asked).toBeLessThanOrEqual(groups.length);
    // The key is no longer on screen while it is being checked.
    expect(await page.content()).not.toContain(recoveryKey);

    // A wrong group is refused, the right one lets the worker in.
    const wrong = groups[asked % groups.length] === groups[asked - 1] ? 'ZZZZZ' : (groups[asked % groups.length] as string);
    await groupField.fill(wrong);
    await page.getByRole('button', { name: 'Continue to Sole Notes' }).click();
    expect(await groupField.getAttribute('aria-invalid')).toBe('true');
    await groupField.fill(groups[asked - 1] as string);
    await page.getByRole('button', { name: 'Continue to Sole Notes' }).click();

    // Today is the first screen after unlock; these steps start from the caseload.
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
    await ui(page).lock.waitFor();
    expect(app.session.state()).toBe('unlocked');
  });

  it('adds a student by code and lands on their page', async () => {
    await page.getByRole('button', { name: 'Add student' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a student' });
    await dialog.getByRole('textbox', { name: 'Student code' }).fill(STUDENT);
    await dialog.getByRole('combobox', { name: 'Grade' }).selectOption({ label: 'Grade 3' });
    await dialog.getByRole('combobox', { name: 'Tier' }).selectOption({ label: 'Tier 2' });
    await dialog.getByRole('textbox', { name: 'School' }).fill('Lincoln Elementary');
    await dialog.getByRole('checkbox', { name: 'Has an IEP' }).check();
    await dialog.getByRole('button', { name: 'Save student' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('heading', { level: 1, name: STUDENT }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    const students = await callRouter(app.router, 'students.list', {});
    expect(students).toMatchObject([{ code: STUDENT, grade: 3, tier: 2, school: 'Lincoln Elementary', iep: true, plan504: false, closedOn: null }]);
  });

  it('writes a note naming a diagnosis and quoting the student, and sees both flagged as it is typed', async () => {
    await page.getByRole('button', { name: 'Write a note' }).click();
    await page.getByRole('heading', { level: 1, name: `New note about ${STUDENT}` }).waitFor();
    await expect.poll(() => hasFocus(page, noteField())).toBe(true);
    // Typed key by key, as the worker would: the check runs on every keystroke.
    await page.keyboard.type(NOTE);
    expect(await noteField().inputValue()).toBe(NOTE);

    await page.getByRole('region', { name: 'Flags (2)' }).waitFor();
    const drawn = await highlights(page);
    expect(drawn).toEqual([
      { kind: 'diagnostic', text: DIAGNOSIS },
      { kind: 'verbatim', text: QUOTE },
    ]);
    // Not colour alone: the panel names each kind in words, beside its icon.
    const panel = page.getByRole('region', { name: 'Flags (2)' });
    await panel.getByRole('button', { name: /Diagnosis.*diagnosed with ADHD/ }).waitFor();
    await panel.getByRole('button', { name: /Exact words.*I hate coming to school/ }).waitFor();
    await panel.getByRole('button', { name: 'Replace with what you observed' }).waitFor();
    await panel.getByRole('button', { name: 'Replace with a paraphrase' }).waitFor();
  });

  it('reaches each flag’s explanation by keyboard: in the note with F8, and in the list with Tab', async () => {
    const tooltip = page.getByRole('tooltip');
    // F8 from the end of the note wraps to the first flag and selects its words; the explanation opens under them.
    await noteField().focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('F8');
    const selection = await evaluateInPage(page, textareaSelection, '.note-field textarea');
    expect(NOTE.slice(selection.start, selection.end)).toBe(DIAGNOSIS);
    await tooltip.waitFor();
    // Above the note box: never over a line of the note, nor over a control (the fields and buttons are below it).
    const tipBox = await tooltip.boundingBox();
    const noteBox = await noteField().boundingBox();
    expect(tipBox != null && noteBox != null && tipBox.y + tipBox.height <= noteBox.y).toBe(true);
    const saveBox = await page.getByRole('button', { name: 'Save note' }).boundingBox();
    expect(tipBox != null && saveBox != null && tipBox.y + tipBox.height <= saveBox.y).toBe(true);
    expect(await tooltip.innerText()).toMatch(/^Diagnosis/);
    expect(await tooltip.innerText()).toContain('states a diagnosis');
    expect(await tooltip.innerText()).toMatch(/Suggested fix: “\[describe what you observed\]”/);
    // The same words are announced to a screen reader from the live region.
    await expect.poll(() => page.locator('.note-field [aria-live="polite"]').innerText()).toMatch(/^Diagnosis\. .*states a diagnosis.*Press Alt\+Enter to replace with what you observed\.$/);
    expect(await page.locator('.note-mirror mark.hl-active').innerText()).toBe(DIAGNOSIS);

    await page.keyboard.press('F8');
    const next = await evaluateInPage(page, textareaSelection, '.note-field textarea');
    expect(NOTE.slice(next.start, next.end)).toBe(QUOTE);
    await expect.poll(() => tooltip.innerText()).toMatch(/^Exact words/);
    expect(await tooltip.innerText()).toContain('exact words in quotation marks');

    // Escape hides the explanation, leaving the words selected.
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'detached' });

    // In the flags list, each flag is a button whose description is its message; focusing it marks the words in the note.
    const panel = page.getByRole('region', { name: 'Flags (2)' });
    const diagnosisItem = panel.getByRole('button', { name: /Diagnosis.*diagnosed with ADHD/ });
    await tabTo(page, diagnosisItem);
    const described = await evaluateInPage(page, focusedDescription, null);
    expect(described.tag).toBe('BUTTON');
    expect(described.description).toContain('states a diagnosis');
    expect(await page.locator('.note-mirror mark.hl-active').innerText()).toBe(DIAGNOSIS);

    const quoteItem = panel.getByRole('button', { name: /Exact words.*I hate coming to school/ });
    await tabTo(page, quoteItem);
    expect((await evaluateInPage(page, focusedDescription, null)).description).toContain('exact words in quotation marks');
    expect(await page.locator('.note-mirror mark.hl-active').innerText()).toBe(QUOTE);

    // "Why?" opens the whole explanation, by keyboard too.
    const why = panel.getByRole('listitem').filter({ hasText: 'I hate coming to school' }).getByRole('button', { name: /^(Why\?|Less)$/ });
    await tabTo(page, why);
    await page.keyboard.press('Enter');
    expect(await why.getAttribute('aria-expanded')).toBe('true');
    await panel.getByText(/Write the gist in your own words/).waitFor();
    await page.keyboard.press('Enter');
    expect(await why.getAttribute('aria-expanded')).toBe('false');
  });

  it('applies both quick fixes with Alt+Enter at each flag, leaving nothing flagged', async () => {
    await noteField().focus();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('F8'); // the diagnosis
    await page.keyboard.press('Alt+Enter');
    await expect.poll(() => noteField().inputValue()).not.toContain(DIAGNOSIS);
    await page.getByRole('region', { name: 'Flags (1)' }).waitFor();
    expect(await toast(page).innerText()).toContain('Replaced with “[describe what you observed]”');

    await page.keyboard.press('F8'); // the quote, the only flag left
    expect(await page.locator('.note-mirror mark.hl-active').innerText()).toBe(QUOTE);
    await page.keyboard.press('Alt+Enter');
    await page.getByRole('region', { name: 'Check' }).getByText('Nothing flagged.').waitFor();

    fixedText = await noteField().inputValue();
    expect(fixedText).toBe(
      'Check-in about mornings. Mom mentioned she was [describe what you observed] last spring. She said [paraphrase: what was said] when we talked about the bus. Plan: check in Friday.',
    );
    expect(await page.locator('.note-mirror mark').count()).toBe(0);
  });

  it('saves with Ctrl+S, without being asked about flags', async () => {
    await page.keyboard.press('ControlOrMeta+S');
    await page.getByText(/^Saved today at /).waitFor();
    await page.getByRole('heading', { level: 1, name: `Note about ${STUDENT}` }).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await toast(page).innerText()).toBe('Note saved.');
    await page.getByRole('button', { name: 'History' }).waitFor();

    const notes = await callRouter(app.router, 'notes.list', {});
    expect(notes).toHaveLength(1);
    noteId = (notes[0] as (typeof notes)[number]).id;
  });

  it('finds the note by search, with the words highlighted in the snippet, and opens it', async () => {
    await page.keyboard.press('ControlOrMeta+F');
    const query = page.getByRole('searchbox', { name: 'Search notes and services' });
    await query.waitFor();
    await expect.poll(() => hasFocus(page, query)).toBe(true);
    await page.keyboard.type('mornings');
    const results = page.getByRole('list', { name: 'Matching notes and services' });
    const hit = results.getByRole('button', { name: new RegExp(`^${STUDENT}`) });
    await hit.waitFor();
    expect(await results.getByRole('listitem').count()).toBe(1);
    expect(await page.getByText('1 note found').count()).toBe(1);
    expect(await hit.locator('mark').allInnerTexts()).toEqual(['mornings']);
    expect(await hit.innerText()).toContain('Check-in about');

    await hit.click();
    await page.getByRole('heading', { level: 1, name: `Note about ${STUDENT}` }).waitFor();
    expect(await noteField().inputValue()).toBe(fixedText);
  });

  it('locks with Ctrl+Shift+L, dropping the note from the page', async () => {
    await page.keyboard.press('ControlOrMeta+Shift+L');
    await ui(page).unlock.waitFor();
    await page.getByRole('heading', { level: 1, name: 'Sole Notes is locked' }).waitFor();
    await page.getByText('You locked Sole Notes.', { exact: false }).waitFor();
    expect(app.session.state()).toBe('locked');
    const html = await page.content();
    expect(html).not.toContain('mornings');
    expect(html).not.toContain(STUDENT);
  });

  it('says so plainly when the passphrase is wrong', async () => {
    await unlockThroughUi(page, WRONG_PASSPHRASE);
    await ui(page).alert.waitFor();
    expect(await ui(page).alert.innerText()).toBe('That passphrase did not open your notes. Check Caps Lock and the keyboard layout, then try again.');
    expect(await ui(page).passphrase.getAttribute('aria-invalid')).toBe('true');
    expect(app.session.state()).toBe('locked');
  });

  it('unlocks with the right one, and the note is there with the fixed text', async () => {
    await unlockThroughUi(page, TEST_PASSPHRASE);
    // Today is the first screen after unlock; these steps start from the caseload.
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
    const row = page.getByRole('list', { name: 'Students' }).getByRole('button', { name: new RegExp(`^${STUDENT}`) });
    await row.click();
    await page.getByRole('heading', { level: 1, name: STUDENT }).waitFor();
    const entry = page.getByRole('button', { name: /^Note\s*Check-in about mornings/ });
    await entry.waitFor();
    // No flag marker on the timeline entry: nothing was left flagged.
    expect(await page.getByText(/^Flagged/).count()).toBe(0);
    await entry.click();
    await page.getByRole('heading', { level: 1, name: `Note about ${STUDENT}` }).waitFor();
    expect(await noteField().inputValue()).toBe(fixedText);
    await page.getByRole('region', { name: 'Check' }).getByText('Nothing flagged.').waitFor();
    expect(app.invocations.filter((call) => call.name === 'vault.unlock').map((call) => call.code)).toEqual(['WRONG_PASSPHRASE', null]);
  });

  it('stored the note in the vault with no findings and a revision history', async () => {
    const note = await callRouter(app.router, 'notes.get', { id: noteId });
    expect(note.body).toBe(fixedText);
    expect(note.findings).toEqual({ diagnostic: 0, verbatim: 0, identifier: 0 });
    expect(note.findingsAcknowledged).toBe(false);
    expect(note.status).toBe('personal');
    const students = await callRouter(app.router, 'students.list', {});
    expect(note.studentId).toBe(students[0]?.id);

    const history = await callRouter(app.router, 'notes.history', { id: noteId });
    expect(history.length).toBeGreaterThanOrEqual(1);
    expect(history.at(-1)).toMatchObject({ noteId, revision: note.revision, body: fixedText, status: 'personal' });
    expect(history.at(-1)?.hash).toMatch(/^[0-9a-f]{16,}$/);
    // Neither the diagnosis nor the quote was ever saved: the fixes came first.
    for (const revision of history) {
      expect(revision.body).not.toContain('ADHD');
      expect(revision.body).not.toContain('I hate coming to school');
    }
    const search = await callRouter(app.router, 'notes.search', { query: 'ADHD' });
    expect(search).toEqual([]);
  });

  it('opens the note history from the editor', async () => {
    await page.getByRole('button', { name: 'History' }).click();
    const dialog = page.getByRole('dialog', { name: 'Note history' });
    await dialog.getByRole('list', { name: 'Versions' }).getByRole('button', { name: /^Version 1/ }).waitFor();
    expect(await dialog.getByLabel('Text of version 1').innerText()).toBe(fixedText);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('reached nothing but the app, with no console errors, page errors or CSP violations', () => {
    expect(app.abortedRequests).toEqual([]);
    expect(app.consoleProblems.filter((entry) => entry.type === 'error' || /Content Security Policy/i.test(entry.text))).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.cspViolations).toEqual([]);
    expect(app.bridgeProblems).toEqual([]);
    expect(app.invocations.filter((call) => !call.ok && call.code !== 'WRONG_PASSPHRASE')).toEqual([]);
  });
});
