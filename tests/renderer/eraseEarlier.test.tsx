// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Note, NoteRevision } from '../../shared/api/schemas';
import { checkNote } from '../../shared/redaction/index';
import { NoteEditor } from '../../src-renderer/screens/NoteEditor';
import { NoteHistory } from '../../src-renderer/screens/NoteHistory';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { makeStudent, type FakeState } from './fakeBridge';
import { newNote } from './fakeRecords';
import { installFake } from './setup';

/* After a save that took flagged words out, the editor asks once whether to clear them from earlier versions. */

const student = makeStudent('ER-0301');
const FLAGGED = 'Mom said he has ADHD and called from 555-201-3344.';
const CLEAN = 'Talked with him about lunchtime; he is settling in.';
const AT = '2026-03-02T15:00:00.000Z';

/** The fake's answers to the two commands, over its own notes and versions (as the main side answers them). */
function eraseHandlers(state: () => FakeState) {
  const earlierFlagged = (id: string): NoteRevision[] => {
    const versions = state().revisions.filter((revision) => revision.noteId === id);
    const current = Math.max(...versions.map((revision) => revision.revision));
    return versions.filter((revision) => revision.revision < current && revision.erasedAt == null && checkNote(revision.body).length > 0);
  };
  return {
    'notes.flaggedEarlier': ({ id }: { id: string }) => ({ versions: earlierFlagged(id).length }),
    'notes.eraseEarlier': ({ id }: { id: string }) => {
      const erased = earlierFlagged(id);
      for (const revision of erased) Object.assign(revision, { body: '', erasedAt: AT });
      return { noteId: id, erased: erased.map((revision) => ({ revision: revision.revision, hash: revision.hash })), at: erased.length === 0 ? null : AT };
    },
  };
}

async function openSavedNote(body: string) {
  const note: Note = newNote('00000000-0000-4000-8000-00000000e001', '2026-03-01T10:00:00.000Z', { studentId: student.id, body, findingsAcknowledged: true });
  const revision: NoteRevision = { noteId: note.id, revision: 1, body, status: 'personal', author: 'owner', at: note.updatedAt, prevHash: '', hash: 'a'.repeat(64) };
  let fakeState: FakeState | null = null;
  const fake = installFake({ state: { students: [{ ...student }], notes: [note], revisions: [revision] }, handlers: eraseHandlers(() => fakeState as FakeState) });
  fakeState = fake.state;
  await useStudentsStore.getState().load();
  const user = userEvent.setup();
  render(<NoteEditor noteId={note.id} studentId={student.id} />);
  const textarea = (await screen.findByLabelText('Note', { selector: 'textarea' })) as HTMLTextAreaElement;
  await waitFor(() => expect(textarea.value).toBe(body));
  async function saveAs(text: string) {
    await user.clear(textarea);
    await user.paste(text);
    await user.click(screen.getByRole('button', { name: 'Save note' }));
  }
  return { fake, user, note, saveAs };
}

describe('removing flagged words from earlier versions', () => {
  it('is offered after a save that took the flags out, in plain words, and removes them when the worker agrees', async () => {
    const { fake, user, note, saveAs } = await openSavedNote(FLAGGED);
    await saveAs(CLEAN);
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove the flagged words from earlier versions?' });
    expect(dialog.textContent).toContain('An earlier version of it still holds them');
    expect(dialog.textContent).toMatch(/backups made before today/);
    expect(dialog.textContent).not.toMatch(/hash|vault|fingerprint/i);
    // The safe answer has the focus.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep earlier versions' }));

    useUiStore.setState({ status: null }); // the save's own notice came before the dialog
    await user.click(within(dialog).getByRole('button', { name: 'Remove from earlier versions' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    // Then what backups still hold, with a fresh backup set in one step; Done has the focus.
    const after = screen.getByRole('dialog', { name: 'Flagged words removed from 1 earlier version' });
    expect(after.textContent).toContain('Backups made before today still hold them');
    expect(within(after).getByRole('button', { name: 'Start a fresh backup set' })).toBeTruthy();
    expect(document.activeElement).toBe(within(after).getByRole('button', { name: 'Done' }));
    await user.click(within(after).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsTo('notes.eraseEarlier')).toEqual([{ id: note.id }]);
    // The dialog said how many versions: no notice repeating it.
    expect(useUiStore.getState().status).toBeNull();
    expect(fake.state.revisions[0]).toMatchObject({ body: '', erasedAt: AT });
  });

  it('asks once: kept means kept, and a later save with no flags taken out does not ask again', async () => {
    const { fake, user, saveAs } = await openSavedNote(FLAGGED);
    await saveAs(CLEAN);
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove the flagged words from earlier versions?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep earlier versions' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await saveAs(`${CLEAN} Check in next week.`);
    await waitFor(() => expect(fake.state.revisions).toHaveLength(3));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsTo('notes.eraseEarlier')).toEqual([]);
    expect(fake.callsTo('notes.flaggedEarlier')).toHaveLength(1);
  });

  it('is not offered when a save took no flag out', async () => {
    const { fake, saveAs } = await openSavedNote(CLEAN);
    await saveAs(`${CLEAN} More later.`);
    await waitFor(() => expect(fake.state.revisions).toHaveLength(2));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsTo('notes.flaggedEarlier')).toEqual([]);
  });

  it('shows a removed version in the history as removed, with no text', async () => {
    const { user, note, saveAs } = await openSavedNote(FLAGGED);
    await saveAs(CLEAN);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove from earlier versions' }));
    await user.click(within(await screen.findByRole('dialog', { name: /^Flagged words removed/ })).getByRole('button', { name: 'Done' }));
    render(<NoteHistory noteId={note.id} onClose={() => undefined} />);
    const version1 = await screen.findByRole('button', { name: /Version 1/ });
    expect(version1.textContent).toContain('Flagged words removed');
    await user.click(version1);
    const body = screen.getByLabelText('Text of version 1');
    expect(body.textContent).toMatch(/^The text of this version was removed .*because it held flagged words you later took out/);
    expect(body.textContent).not.toContain('ADHD');
  });
});
