// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/api/draftSchemas';
import { NoteEditor } from '../../src-renderer/screens/NoteEditor';
import { ServiceLog } from '../../src-renderer/screens/ServiceLog';
import { useSettingsStore } from '../../src-renderer/state/settingsStore';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { makeStudent } from './fakeBridge';
import { installFake } from './setup';

/*
 * An unfinished note keeps the "Follow up on" day typed beside it, so that
 * after a lock it comes back with the text; and while the text is not saved,
 * the editor's status line says plainly that the draft is kept.
 */
const student = makeStudent('FU-3100', { knownAs: 'Mia K.' });
const AT = '2026-03-02T15:04:00.000Z';
const followUpField = () => screen.getByLabelText('Follow up on (optional)') as HTMLInputElement;
const statusLine = () => document.querySelector('.save-state')?.textContent;

describe('the follow-up day in an unfinished note', () => {
  it('is sent with the text of a new note, and the status line says the draft is kept', async () => {
    const fake = installFake({ state: { students: [{ ...student }] } });
    await useStudentsStore.getState().load();
    const user = userEvent.setup();
    render(<NoteEditor noteId={null} studentId={student.id} />);
    expect(statusLine()).toBe('');
    await user.click(screen.getByLabelText('Note', { selector: 'textarea' }));
    await user.paste('Check on the new seat.');
    await user.type(followUpField(), '3/9/2026');
    await waitFor(() => expect(fake.state.drafts).toMatchObject([{ body: 'Check on the new seat.', followUp: '3/9/2026' }]));
    expect(statusLine()).toBe('Not saved yet — your draft is kept');
  });

  it('comes back with the text of a new note after a lock', async () => {
    const kept: Draft = {
      context: { kind: 'note', noteId: null, studentId: student.id, serviceId: null },
      body: 'Check on the new seat.',
      cursor: 5,
      form: null,
      followUp: '3/9/2026',
      resume: true,
      updatedAt: AT,
    };
    installFake({ state: { students: [{ ...student }], drafts: [kept] } });
    await useStudentsStore.getState().load();
    render(<NoteEditor noteId={null} studentId={student.id} />);
    const textarea = screen.getByLabelText('Note', { selector: 'textarea' }) as HTMLTextAreaElement;
    await waitFor(() => expect(textarea.value).toBe('Check on the new seat.'));
    expect(followUpField().value).toBe('3/9/2026');
    expect(statusLine()).toBe('Not saved yet — your draft is kept');
  });

  it('on a saved note being changed, wins over the day loaded for the note, and the line says the changes are kept', async () => {
    const fake = installFake({ state: { students: [{ ...student }] } });
    const created = await fake.bridge.invoke('notes.create', { studentId: student.id, body: 'Saved text.' });
    if (!created.ok) throw new Error('no note');
    await fake.bridge.invoke('followUps.set', { noteId: created.value.id, dueOn: '2026-03-20' });
    fake.state.drafts = [
      { context: { kind: 'note', noteId: created.value.id, studentId: student.id, serviceId: null }, body: 'Saved text. And more.', cursor: 3, form: null, followUp: '3/11/2026', resume: true, updatedAt: AT },
    ];
    await useStudentsStore.getState().load();
    render(<NoteEditor noteId={created.value.id} studentId={student.id} />);
    const textarea = (await screen.findByLabelText('Note', { selector: 'textarea' })) as HTMLTextAreaElement;
    await waitFor(() => expect(textarea.value).toBe('Saved text. And more.'));
    await waitFor(() => expect(followUpField().value).toBe('3/11/2026'));
    expect(statusLine()).toBe('Changes not saved yet — your draft is kept');
  });

  it('is kept with the service form and comes back with it', async () => {
    const fake = installFake({ state: { students: [{ ...student }] } });
    await useStudentsStore.getState().load();
    await useSettingsStore.getState().load();
    const user = userEvent.setup();
    const first = render(<ServiceLog focusForm />);
    await user.click(screen.getByLabelText('Note for this service (optional)'));
    await user.paste('Talked about lunch.');
    await user.type(followUpField(), '3/16/2026');
    await waitFor(() => expect(fake.state.drafts).toMatchObject([{ context: { kind: 'service' }, body: 'Talked about lunch.', followUp: '3/16/2026' }]));
    first.unmount();

    render(<ServiceLog focusForm />);
    const note = screen.getByLabelText('Note for this service (optional)') as HTMLTextAreaElement;
    await waitFor(() => expect(note.value).toBe('Talked about lunch.'));
    expect(followUpField().value).toBe('3/16/2026');
  });
});
