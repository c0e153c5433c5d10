// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/api/draftSchemas';
import { todayIso } from '../../src-renderer/lib/dates';
import { NoteEditor } from '../../src-renderer/screens/NoteEditor';
import { ServiceLog } from '../../src-renderer/screens/ServiceLog';
import { StudentPage } from '../../src-renderer/screens/StudentPage';
import { describeDraft } from '../../src-renderer/screens/UnfinishedNotes';
import { useSettingsStore } from '../../src-renderer/state/settingsStore';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { makeStudent } from './fakeBridge';
import { installFake } from './setup';

/*
 * Students by name, privately (issue 13 §2): wherever a student is listed the
 * worker sees the name they know them by beside the code — the timeline on a
 * student's page, the service log, the note editor's student list and title,
 * the list of unfinished notes — and the code alone where no name was given.
 */
const ana = makeStudent('7B-014', { knownAs: 'Ana Ruiz' });
const ben = makeStudent('8C-220', { knownAs: 'Ben Ortiz' });
const coded = makeStudent('9A-300');

async function seeded() {
  const fake = installFake({ state: { students: [{ ...ana }, { ...ben }, { ...coded }] } });
  const today = todayIso();
  await fake.bridge.invoke('services.create', { date: today, minutes: 45, kind: 'group_session', studentIds: [ana.id, ben.id, coded.id] });
  await useStudentsStore.getState().load();
  await useSettingsStore.getState().load();
  return fake;
}

describe('names beside codes', () => {
  it("on a student's timeline, the others in a group session are named beside their codes", async () => {
    await seeded();
    render(<StudentPage studentId={ana.id} />);
    await waitFor(() => expect(screen.getByText(/^With /).textContent).toBe('With 8C-220 · Ben Ortiz, 9A-300'));
  });

  it('in the service log, each entry names its students beside their codes', async () => {
    await seeded();
    render(<ServiceLog />);
    await waitFor(() => expect(screen.getByText('7B-014 · Ana Ruiz, 8C-220 · Ben Ortiz, 9A-300')).toBeTruthy());
  });

  it("in the note editor, the student list and the title carry the student's name", async () => {
    await seeded();
    render(<NoteEditor noteId={null} studentId={ana.id} />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('New note about 7B-014 · Ana Ruiz');
    const options = within(screen.getByLabelText('Student')).getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['No student (a general note)', '7B-014 · Ana Ruiz', '8C-220 · Ben Ortiz', '9A-300']);
  });

  it('in the list of unfinished notes, a draft says whom it is about by name', () => {
    const draft = (studentId: string): Draft => ({
      context: { kind: 'note', noteId: null, studentId, serviceId: null },
      body: 'Half a thought',
      cursor: 4,
      form: null,
      resume: true,
      updatedAt: '2026-03-10T15:00:00.000Z',
    });
    expect(describeDraft(draft(ben.id), [ana, ben, coded])).toBe('New note about 8C-220 · Ben Ortiz');
    expect(describeDraft(draft(coded.id), [ana, ben, coded])).toBe('New note about 9A-300');
  });
});
