// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { checkNote, type Finding } from '../../shared/redaction/index';
import { NoteEditor } from '../../src-renderer/screens/NoteEditor';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { makeStudent } from './fakeBridge';
import { installFake } from './setup';

const student = makeStudent('JD-0415');

/** node:fs, reached at run time (the renderer's type checking has no Node types, on purpose). */
async function readText(pathFromRoot: string): Promise<string> {
  const fs = (await import(/* @vite-ignore */ ['node', 'fs'].join(':'))) as { readFileSync(path: string, encoding: 'utf8'): string };
  return fs.readFileSync(pathFromRoot, 'utf8');
}
const TEXT = 'Mom said he has ADHD. He said "I hate everyone here" after lunch. Call back at 555-201-3344.';

async function openNewNote(body = TEXT) {
  const fake = installFake({ state: { students: [{ ...student }] } });
  await useStudentsStore.getState().load();
  const user = userEvent.setup();
  render(<NoteEditor noteId={null} studentId={student.id} />);
  const textarea = screen.getByLabelText('Note', { selector: 'textarea' }) as HTMLTextAreaElement;
  if (body !== '') {
    // Paste rather than type: user-event would read quotes and braces as key names.
    await user.click(textarea);
    await user.paste(body);
  }
  return { fake, user, textarea };
}

/** Each finding's marks, joined in document order, with the offsets they carry. */
function highlights(): { index: number; kind: string | undefined; start: number; end: number; text: string }[] {
  const byIndex = new Map<number, { kind: string | undefined; start: number; end: number; text: string }>();
  for (const mark of document.querySelectorAll<HTMLElement>('.note-mirror mark[data-finding-index]')) {
    const index = Number(mark.dataset.findingIndex);
    const entry = byIndex.get(index) ?? { kind: mark.dataset.findingKind, start: Number(mark.dataset.start), end: Number(mark.dataset.end), text: '' };
    // A finding overlapped by another is split into several marks (one per stretch); join them.
    entry.text += mark.textContent ?? '';
    byIndex.set(index, entry);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, entry]) => ({ index, ...entry }));
}

function findingIn(findings: Finding[], kind: Finding['kind'], words: string): Finding {
  const found = findings.find((finding) => finding.kind === kind && TEXT.slice(finding.start, finding.end).includes(words));
  if (found == null) throw new Error(`the check found no ${kind} finding for “${words}” (the rest of this test relies on it)`);
  return found;
}

describe('note editor: highlighting', () => {
  it('draws one highlight per finding, at exactly the offsets the check reports, over the same text', async () => {
    const { textarea } = await openNewNote();
    const expected = checkNote(TEXT);
    findingIn(expected, 'diagnostic', 'ADHD');
    findingIn(expected, 'verbatim', 'I hate everyone here');
    findingIn(expected, 'identifier', '555-201-3344');

    expect(textarea.value).toBe(TEXT);
    // The mirror holds the very same characters as the textarea (plus the trailing line keeper).
    expect(document.querySelector('.note-mirror')?.textContent).toBe(`${TEXT} `);
    const shown = highlights();
    expect(shown).toHaveLength(expected.length);
    shown.forEach((highlight, i) => {
      const finding = expected[i] as Finding;
      expect(highlight.kind).toBe(finding.kind);
      expect([highlight.start, highlight.end]).toEqual([finding.start, finding.end]);
      expect(highlight.text).toBe(TEXT.slice(finding.start, finding.end));
    });
  });

  it('tells kinds apart by label, icon and underline style, not colour alone', async () => {
    await openNewNote();
    const panel = screen.getByRole('region', { name: /^Flags \(/ });
    const items = within(panel).getAllByRole('listitem');
    const labels = items.map((item) => within(item).getByText(/^(Diagnosis|Exact words|Identifying detail)$/).textContent);
    expect(new Set(labels)).toEqual(new Set(['Diagnosis', 'Exact words', 'Identifying detail']));
    for (const item of items) expect(item.querySelector('.finding-kind svg')).not.toBeNull();
    // Each kind has its own icon drawing.
    const drawings = new Set(items.map((item) => item.querySelector('.finding-kind svg')?.innerHTML));
    expect(drawings.size).toBe(3);
    // And its own underline style in the stylesheet (read from disk: Vitest empties imported CSS).
    const css = await readText('src-renderer/styles.css');
    const style = (kind: string) => new RegExp(`\\.hl-${kind} \\{[^}]*text-decoration-style: (\\w+)`).exec(css)?.[1];
    expect([style('diagnostic'), style('verbatim'), style('identifier')]).toEqual(['wavy', 'double', 'dotted']);
  });

  it('follows typing: a new finding is highlighted as soon as it is typed', async () => {
    const { user, textarea } = await openNewNote('Quiet morning.');
    expect(highlights()).toEqual([]);
    await user.type(textarea, ' Takes Adderall now.');
    const shown = highlights();
    expect(shown.map((highlight) => highlight.text)).toEqual(['Adderall']);
    expect(shown[0]?.kind).toBe('diagnostic');
  });

  it('explains the finding at the caret to screen readers', async () => {
    const { textarea } = await openNewNote();
    const finding = findingIn(checkNote(TEXT), 'identifier', '555');
    textarea.setSelectionRange(finding.start + 2, finding.start + 2);
    fireEvent.select(textarea);
    await waitFor(() => expect(document.querySelector('.note-field [aria-live]')?.textContent).toContain('Identifying detail.'));
    expect(document.querySelector('.note-field [aria-live]')?.textContent).toContain('Alt+Enter');
  });
});

describe('note editor: quick fixes', () => {
  it('replaces exactly the flagged words with the suggestion, then checks again', async () => {
    const { user, textarea } = await openNewNote();
    const before = checkNote(TEXT);
    const diagnosis = findingIn(before, 'diagnostic', 'ADHD');
    const replacement = diagnosis.suggestion?.replacement as string;
    expect(replacement).toBeTruthy();

    const panel = screen.getByRole('region', { name: /^Flags \(/ });
    const item = within(panel)
      .getAllByRole('listitem')
      .find((li) => li.classList.contains('finding-diagnostic')) as HTMLElement;
    await user.click(within(item).getByRole('button', { name: diagnosis.suggestion?.label }));

    const expected = TEXT.slice(0, diagnosis.start) + replacement + TEXT.slice(diagnosis.end);
    expect(textarea.value).toBe(expected);
    // Re-checked: the highlights now match a fresh check of the new text, and the diagnosis is gone.
    const after = checkNote(expected);
    expect(highlights().map((h) => [h.kind, h.start, h.end])).toEqual(after.map((f) => [f.kind, f.start, f.end]));
    expect(highlights().some((h) => h.text.includes('ADHD'))).toBe(false);
    expect(within(panel).getByRole('heading').textContent).toBe(`Flags in this note (${after.length})`);
  });

  it('applies the fix for the finding at the caret with Alt+Enter', async () => {
    const { user, textarea } = await openNewNote();
    const phone = findingIn(checkNote(TEXT), 'identifier', '555-201-3344');
    textarea.focus();
    textarea.setSelectionRange(phone.start + 3, phone.start + 3);
    await user.keyboard('{Alt>}{Enter}{/Alt}');
    expect(textarea.value).toBe(TEXT.slice(0, phone.start) + (phone.suggestion?.replacement ?? '') + TEXT.slice(phone.end));
    expect(textarea.value).not.toContain('555');
    expect(textarea.value).toContain('ADHD'); // nothing else touched
  });

  it('does nothing with Alt+Enter when the caret is outside every finding', async () => {
    const { user, textarea } = await openNewNote();
    textarea.focus();
    textarea.setSelectionRange(2, 2);
    await user.keyboard('{Alt>}{Enter}{/Alt}');
    expect(textarea.value).toBe(TEXT);
  });
});

describe('note editor: saving with findings left', () => {
  it('asks once, and saves with findingsAcknowledged only after “Save anyway”', async () => {
    const { fake, user, textarea } = await openNewNote();
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toMatch(/record/);
    expect(fake.callsTo('notes.create')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(fake.callsTo('notes.create')).toHaveLength(1));
    expect(fake.callsTo('notes.create')[0]).toEqual({ studentId: student.id, serviceId: null, body: TEXT, findingsAcknowledged: true });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.state.notes[0]?.findingsAcknowledged).toBe(true);

    // Editing elsewhere and saving again does not ask again about the same words.
    await user.type(textarea, ' Follow up Friday.');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(fake.callsTo('notes.update')).toHaveLength(1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsTo('notes.update')[0]).toMatchObject({ body: `${TEXT} Follow up Friday.`, findingsAcknowledged: true });
  });

  it('asks again when new flagged words appear after the choice', async () => {
    const { fake, user, textarea } = await openNewNote();
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(fake.callsTo('notes.create')).toHaveLength(1));
    await user.type(textarea, ' Started Ritalin.');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(fake.callsTo('notes.update')).toEqual([]);
    // The dialog counts the flags as the panel does: all of them, those kept earlier and the new one.
    const all = checkNote(textarea.value).length;
    expect(screen.getByRole('region', { name: `Flags (${all})` })).toBeTruthy();
    expect(within(dialog).getByRole('heading').textContent).toBe(`Save with ${all} flags left?`);
    expect(dialog.textContent).toContain(`${all} flags: ${all - 1} kept earlier, 1 new (1 diagnosis).`);
  });

  it('“Edit the note” saves nothing and puts the cursor on the first flag', async () => {
    const { fake, user, textarea } = await openNewNote();
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Edit the note' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsTo('notes.create')).toEqual([]);
    const first = checkNote(TEXT)[0] as Finding;
    await waitFor(() => expect(document.activeElement).toBe(textarea));
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([first.start, first.end]);
  });

  it('saves a clean note straight away, not acknowledging anything', async () => {
    const { fake, user } = await openNewNote('Good week. Attendance better; keep the morning greeting going.');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(fake.callsTo('notes.create')).toHaveLength(1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsTo('notes.create')[0]).toMatchObject({ findingsAcknowledged: false });
  });
});
