// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Draft } from '../../shared/api/draftSchemas';
import { App } from '../../src-renderer/App';
import { AppShell } from '../../src-renderer/screens/AppShell';
import { Caseload } from '../../src-renderer/screens/Caseload';
import { NoteEditor } from '../../src-renderer/screens/NoteEditor';
import { ServiceForm } from '../../src-renderer/screens/ServiceForm';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { makeStudent } from './fakeBridge';
import { giveElementsASize, installFake } from './setup';

/*
 * Unfinished notes in the renderer: what is typed goes to the main side as
 * it is typed and goes when the note is saved; after the main side locks,
 * the unlock screen says the note was kept, and unlocking brings the worker
 * back to it with the text and the cursor where they were; the list on the
 * caseload opens and discards them, asking once before discarding.
 */

const student = makeStudent('RV-2210');
const TEXT = 'Talked about the move and the new bus route; she was worried about';

function newNoteDraft(fields: Partial<Draft> = {}): Draft {
  return {
    context: { kind: 'note', noteId: null, studentId: student.id, serviceId: null },
    body: TEXT,
    cursor: 12,
    form: null,
    resume: true,
    updatedAt: '2026-03-02T15:04:00.000Z',
    ...fields,
  };
}

describe('unfinished notes', () => {
  it('keeps what is typed in a new note as it is typed, and lets it go once the note is saved', async () => {
    const fake = installFake({ state: { students: [{ ...student }] } });
    await useStudentsStore.getState().load();
    const user = userEvent.setup();
    render(<NoteEditor noteId={null} studentId={student.id} />);
    const textarea = screen.getByLabelText('Note', { selector: 'textarea' });
    await user.click(textarea);
    await user.paste(TEXT);
    await waitFor(() => expect(fake.state.drafts).toMatchObject([{ body: TEXT, cursor: TEXT.length, resume: true, context: { kind: 'note', noteId: null, studentId: student.id } }]));

    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(fake.state.notes).toHaveLength(1));
    await waitFor(() => expect(fake.state.drafts).toEqual([]));
    expect(fake.callsTo('drafts.discard')).toHaveLength(1);
  });

  it('after the main side locks: the unlock screen says the note was kept, and unlocking brings the worker back to it, cursor and all', async () => {
    const fake = installFake({ state: { students: [{ ...student }] } });
    const restore = giveElementsASize();
    onTestFinished(restore);
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'Today' });
    act(() => useUiStore.getState().navigate({ name: 'note', noteId: null, studentId: student.id }));
    const textarea = await screen.findByLabelText('Note', { selector: 'textarea' });
    await user.click(textarea);
    await user.paste(TEXT);
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    await waitFor(() => expect(fake.state.drafts[0]?.cursor).toBe(TEXT.length - 5));

    // The main side writes what it holds as the lock begins, and counts it.
    fake.state.draftsKept = 1;
    act(() => fake.lockFromMain('idle'));
    await screen.findByRole('button', { name: 'Unlock' });
    expect(await screen.findByText(/Your unfinished note was kept\./)).toBeTruthy();
    expect(document.body.textContent).not.toContain('bus route');

    await user.type(screen.getByLabelText('Passphrase'), fake.state.passphrase);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    const back = (await screen.findByLabelText('Note', { selector: 'textarea' })) as HTMLTextAreaElement;
    await waitFor(() => expect(back.value).toBe(TEXT));
    expect(screen.getByRole('heading', { name: 'New note about RV-2210' })).toBeTruthy();
    expect(screen.getByText(/Your unfinished note is back, as you left it\./)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(back));
    expect([back.selectionStart, back.selectionEnd]).toEqual([TEXT.length - 5, TEXT.length - 5]);
  });

  it('closing the window sends the last keystrokes still waiting to be sent, before the lock', async () => {
    const fake = installFake({ state: { students: [{ ...student }] } });
    const restore = giveElementsASize();
    onTestFinished(restore);
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'Today' });
    act(() => useUiStore.getState().navigate({ name: 'note', noteId: null, studentId: student.id }));
    const textarea = await screen.findByLabelText('Note', { selector: 'textarea' });
    await user.click(textarea);
    await user.paste(TEXT);
    await waitFor(() => expect(fake.state.drafts[0]?.body).toBe(TEXT));
    // Typed just before the close: still waiting in the page (sent at most every 250 ms).
    await user.paste(' the bus');
    expect(fake.state.drafts[0]?.body).toBe(TEXT);

    await act(() => fake.closeWindow());
    expect(fake.state.drafts).toMatchObject([{ body: `${TEXT} the bus`, resume: true }]);
    expect(fake.state.vault).toBe('locked');
  });

  it('says nothing about an unfinished note when the lock kept none', async () => {
    const fake = installFake({ state: { students: [{ ...student }] } });
    const restore = giveElementsASize();
    onTestFinished(restore);
    render(<App />);
    await screen.findByRole('heading', { name: 'Today' });
    act(() => fake.lockFromMain('screen-lock'));
    await screen.findByRole('button', { name: 'Unlock' });
    await waitFor(() => expect(fake.callsTo('drafts.atLock')).toHaveLength(1));
    expect(document.body.textContent).not.toContain('unfinished');
  });

  it('lists unfinished notes on the caseload; discarding asks once, and "Keep it" keeps it', async () => {
    const other = newNoteDraft({ context: { kind: 'note', noteId: null, studentId: null, serviceId: null }, body: 'General reminder about the forms', updatedAt: '2026-03-02T14:00:00.000Z' });
    const fake = installFake({ state: { students: [{ ...student }], drafts: [other, newNoteDraft()] } });
    await useStudentsStore.getState().load();
    const user = userEvent.setup();
    render(<Caseload />);
    const list = await screen.findByRole('region', { name: 'Unfinished notes' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual(['New note about RV-2210', 'New general note']);
    expect(items[0]?.textContent).toContain('Talked about the move');

    await user.click(within(list).getByRole('button', { name: 'Discard: New note about RV-2210' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Discard this unfinished note?' });
    expect(within(dialog).getByText('Its text will be gone.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(fake.callsTo('drafts.discard')).toEqual([]);
    expect(fake.state.drafts).toHaveLength(2);

    await user.click(within(list).getByRole('button', { name: 'Discard: New note about RV-2210' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Discard this unfinished note?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(fake.state.drafts).toEqual([other]);
    expect(fake.callsTo('drafts.discard')).toHaveLength(1);
  });

  it('opens an unfinished note from the list in its editor, with its text', async () => {
    installFake({ state: { students: [{ ...student }], drafts: [newNoteDraft({ resume: false })] } });
    const restore = giveElementsASize();
    onTestFinished(restore);
    const user = userEvent.setup();
    render(<AppShell />);
    const list = await screen.findByRole('region', { name: 'Unfinished notes' });
    // Left for later: not opened by itself.
    expect(useUiStore.getState().route).toEqual({ name: 'today' });
    await user.click(within(list).getByRole('button', { name: 'Open: New note about RV-2210' }));
    const textarea = (await screen.findByLabelText('Note', { selector: 'textarea' })) as HTMLTextAreaElement;
    await waitFor(() => expect(textarea.value).toBe(TEXT));
  });

  it('leaving a note with unsaved changes can keep them as an unfinished note for later', async () => {
    const fake = installFake({ state: { students: [{ ...student }] } });
    const restore = giveElementsASize();
    onTestFinished(restore);
    const user = userEvent.setup();
    render(<AppShell />);
    await screen.findByRole('heading', { name: 'Today' });
    act(() => useUiStore.getState().navigate({ name: 'note', noteId: null, studentId: student.id }));
    const textarea = await screen.findByLabelText('Note', { selector: 'textarea' });
    await user.click(textarea);
    await user.paste(TEXT);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep as unfinished note' }));
    await waitFor(() => expect(fake.state.drafts).toMatchObject([{ body: TEXT, resume: false }]));
    expect(useUiStore.getState().route).toEqual({ name: 'student', studentId: student.id });
  });

  it('the service form brings back its note and fields, and keeps them for later when the worker moves on without saving', async () => {
    const kept = newNoteDraft({
      context: { kind: 'service', serviceId: null, packageId: null },
      body: 'Group went well; two new members',
      cursor: 9,
      form: { date: '3/4/2025', minutes: '45', kind: 'group_session', teamType: '', studentIds: [student.id], categoryIds: ['attendance'] },
    });
    const fake = installFake({ state: { students: [{ ...student }], drafts: [kept] } });
    const view = render(<ServiceForm students={[student]} categories={fake.state.categories} editing={null} onDoneEditing={() => undefined} focusSignal={0} />);
    const note = (await screen.findByLabelText('Note for this service (optional)')) as HTMLTextAreaElement;
    await waitFor(() => expect(note.value).toBe('Group went well; two new members'));
    expect((screen.getByLabelText('Minutes') as HTMLInputElement).value).toBe('45');
    expect(screen.getByRole('radio', { name: 'Group session' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText(/Your unfinished note is back/)).toBeTruthy();
    await waitFor(() => expect([note.selectionStart, document.activeElement]).toEqual([9, note]));

    view.unmount();
    await waitFor(() => expect(fake.state.drafts).toMatchObject([{ body: 'Group went well; two new members', resume: false, form: { minutes: '45' } }]));
  });
});
