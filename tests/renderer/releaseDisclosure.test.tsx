// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../shared/api/schemas';
import { addDays, formatNumericDate, todayIso } from '../../src-renderer/lib/dates';
import { suggestedDisclosureName } from '../../src-renderer/screens/disclosure/DisclosureDialog';
import { NoteEditor } from '../../src-renderer/screens/NoteEditor';
import { Search } from '../../src-renderer/screens/Search';
import { StudentPage } from '../../src-renderer/screens/StudentPage';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { fakeId, makeStudent, type FakeChooseFile } from './fakeBridge';
import { installFake } from './setup';

const student = makeStudent('LE-1042');
const other = makeStudent('RM-3310', { school: 'Riverside Middle' });

function note(body: string, fields: Partial<Note> = {}): Note {
  return {
    id: fakeId(),
    studentId: student.id,
    serviceId: null,
    body,
    status: 'personal',
    findings: { diagnostic: 0, verbatim: 0, identifier: 0 },
    findingsAcknowledged: false,
    revision: 1,
    createdAt: '2026-02-10T15:00:00.000Z',
    updatedAt: '2026-02-10T15:00:00.000Z',
    ...fields,
  };
}

async function setUp(notes: Note[], chooseFile?: FakeChooseFile) {
  const fake = installFake({ state: { students: [{ ...student }, { ...other }], notes: notes.map((item) => ({ ...item })) }, chooseFile });
  await useStudentsStore.getState().load();
  return { fake, user: userEvent.setup() };
}

describe('releasing a note to an agency', () => {
  it('explains what release means, checks each field, then marks the note and shows who, when and why', async () => {
    const saved = note('Talked about the move to the new apartment; follow up Friday.');
    const { fake, user } = await setUp([saved]);
    render(<NoteEditor noteId={saved.id} studentId={student.id} />);
    // Not among the everyday buttons: in the one "Records requests" menu.
    expect(screen.queryByRole('button', { name: 'Release to an agency…' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Records requests' }));
    const menu = screen.getByRole('menu', { name: 'Records requests' });
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Release to an agency…', 'Disclose under a court order…']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Release to an agency…' }));
    expect(screen.queryByRole('menu')).toBeNull();

    const dialog = screen.getByRole('dialog', { name: 'Release this note to an agency' });
    expect(dialog.textContent).toContain('A released note is no longer a personal note.');
    expect(dialog.textContent).toContain('becomes part of a record');
    expect(dialog.textContent).toContain('Sole Notes sends nothing itself');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as released' }));
    expect(within(dialog).getByText('Name the agency you gave the note to.')).toBeTruthy();
    expect(within(dialog).getByText(/^Say why the note was released/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Released to' })));

    const on = within(dialog).getByRole('textbox', { name: 'Released on' });
    await user.clear(on);
    await user.type(on, formatNumericDate(addDays(todayIso(), 3)));
    expect(within(dialog).getByText('A release cannot be dated in the future.')).toBeTruthy();
    expect(fake.callsTo('notes.release')).toEqual([]);

    await user.clear(on);
    await user.type(on, formatNumericDate(addDays(todayIso(), -2)));
    await user.type(within(dialog).getByRole('textbox', { name: 'Released to' }), 'Riverside Family Clinic');
    await user.type(within(dialog).getByRole('textbox', { name: 'Why' }), 'Records request signed by the parent');
    useUiStore.setState({ status: null });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as released' }));

    const banner = await screen.findByRole('region', { name: 'Released note' });
    expect(banner.textContent).toContain('This note is now part of a record, not a personal note');
    // Editing it stays possible, and the banner says what that means.
    expect(banner.textContent).toContain('Each save is kept as a new version in its History; it does not change what the agency already received.');
    const releases = await within(banner).findByRole('list', { name: 'Releases of this note' });
    expect(releases.textContent).toContain('To Riverside Family Clinic on');
    expect(releases.textContent).toContain('Why: Records request signed by the parent');
    expect(fake.callsTo('notes.release')).toEqual([{ id: saved.id, agency: 'Riverside Family Clinic', reason: 'Records request signed by the parent', releasedOn: addDays(todayIso(), -2) }]);
    expect(fake.state.notes[0]?.status).toBe('released');
    expect(screen.queryByRole('dialog')).toBeNull();
    // The note shows who, when and why: no notice repeating the dialog.
    expect(useUiStore.getState().status).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Records requests' }));
    expect(screen.getByRole('menuitem', { name: 'Record another release…' })).toBeTruthy();
  });

  it('asks for unsaved changes to be saved first', async () => {
    const saved = note('Check-in about the bus.');
    const { fake, user } = await setUp([saved]);
    render(<NoteEditor noteId={saved.id} studentId={student.id} />);
    const textarea = (await screen.findByLabelText('Note', { selector: 'textarea' })) as HTMLTextAreaElement;
    await user.click(textarea);
    await user.paste(' More.');
    await user.click(screen.getByRole('button', { name: 'Records requests' }));
    await user.click(screen.getByRole('menuitem', { name: 'Release to an agency…' }));
    expect(screen.getByRole('alert').textContent).toBe('Save your changes first: a release is of the note as saved.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsTo('notes.release')).toEqual([]);
  });

  it('shows a released note distinctly on the timeline and in search', async () => {
    const released = note('Shared the attendance plan with the clinic.', { status: 'released', revision: 2 });
    const personal = note('Attendance is better this week.', { createdAt: '2026-02-11T15:00:00.000Z', updatedAt: '2026-02-11T15:00:00.000Z' });
    const { user } = await setUp([released, personal]);
    const { unmount } = render(<StudentPage studentId={student.id} />);
    const open = await screen.findByRole('button', { name: /Shared the attendance plan/ });
    const item = open.closest('li') as HTMLElement;
    expect(item.className).toContain('is-released');
    expect(within(item).getByText('Released')).toBeTruthy();
    const plain = screen.getByRole('button', { name: /Attendance is better/ }).closest('li') as HTMLElement;
    expect(plain.className).not.toContain('is-released');
    expect(within(plain).queryByText('Released')).toBeNull();
    unmount();

    render(<Search />);
    await user.type(screen.getByLabelText('Search notes and services'), 'attendance');
    const results = await screen.findByRole('list', { name: 'Matching notes and services' });
    await waitFor(() => expect(within(results).getAllByRole('button')).toHaveLength(2));
    const hits = within(results).getAllByRole('button');
    const releasedHit = hits.find((hit) => hit.textContent?.includes('clinic')) as HTMLElement;
    expect(releasedHit.className).toContain('is-released');
    expect(within(releasedHit).getByText('Released')).toBeTruthy();
    expect(hits.filter((hit) => hit.className.includes('is-released'))).toHaveLength(1);
  });
});

describe('the Records requests menu', () => {
  it('works by keyboard: arrows move, Escape closes and gives focus back, Enter chooses', async () => {
    const saved = note('Check-in about the bus.');
    const { user } = await setUp([saved]);
    render(<NoteEditor noteId={saved.id} studentId={student.id} />);
    const button = await screen.findByRole('button', { name: 'Records requests' });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    button.focus();
    await user.keyboard('{ArrowDown}');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Disclose under a court order…'));
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Disclose notes under a court order' })).toBeTruthy();
  });
});

describe('court-order disclosure', () => {
  it('checks the reference and the choice, lets notes be chosen student by student, saves and says where and that it was recorded', async () => {
    const first = note('Talked about the move.');
    const second = note('Follow-up on the move; the clinic called.', { status: 'released', createdAt: '2026-02-12T15:00:00.000Z', updatedAt: '2026-02-12T15:00:00.000Z' });
    const third = note('Lunch group went well.', { studentId: other.id });
    const general = note('Order more forms.', { studentId: null });
    const { fake, user } = await setUp([first, second, third, general]);
    render(<StudentPage studentId={student.id} />);
    await user.click(await screen.findByRole('button', { name: 'Records requests' }));
    await user.click(screen.getByRole('menuitem', { name: 'Disclose under a court order…' }));

    const dialog = screen.getByRole('dialog', { name: 'Disclose notes under a court order' });
    expect(dialog.textContent).toContain('Your notes in Sole Notes stay as they are.');
    const list = await within(dialog).findByRole('group', { name: 'Notes about LE-1042 to disclose' });
    const boxes = within(list).getAllByRole('checkbox');
    expect(boxes).toHaveLength(2);
    expect(within(list).getByText('Released')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Save the disclosure…' }));
    expect(within(dialog).getByText("Enter the court order's reference.")).toBeTruthy();
    expect(within(dialog).getByText('Choose at least one note the order covers.')).toBeTruthy();
    expect(fake.callsTo('system.chooseFile')).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: 'Court order reference' }), '2026-JV-0147');
    await user.click(within(list).getByRole('button', { name: 'Choose all 2' }));
    expect(boxes.every((box) => (box as HTMLInputElement).checked)).toBe(true);
    // Another student's notes, and the general ones, in the same disclosure.
    const group = within(dialog).getByRole('combobox', { name: 'Notes about' });
    expect(within(group).getAllByRole('option').map((option) => option.textContent)).toEqual(['LE-1042 (2 of 2 chosen)', 'RM-3310 (1 note)', 'General notes (no student) (1 note)']);
    await user.selectOptions(group, 'RM-3310 (1 note)');
    await user.click(within(dialog).getByRole('checkbox', { name: /Lunch group went well/ }));
    expect(within(dialog).getByText('3 notes chosen, about 2 students.')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Save the disclosure…' }));
    const done = await screen.findByRole('dialog', { name: 'Disclosure written' });
    expect(fake.callsTo('system.chooseFile')).toEqual([{ purpose: 'save-disclosure', suggestedName: 'court-order-2026-jv-0147.html' }]);
    const [input] = fake.callsTo('disclosure.courtOrder');
    expect(input?.orderReference).toBe('2026-JV-0147');
    expect(input?.file).toBe('/home/worker/Documents/court-order-2026-jv-0147.html');
    expect(input?.replace).toBe(true); // the save dialog asked before naming an existing file
    expect(input?.includeNames).toBe(false); // the names students are known by stay out unless the worker ticks them in
    expect([...(input?.noteIds ?? [])].sort()).toEqual([first.id, second.id, third.id].sort());
    expect(done.textContent).toContain('Saved as “court-order-2026-jv-0147.html”, where you chose.');
    // The whole path and the SHA-256 only under Details; the dialog says it was written, so no notice repeats it.
    expect(done.querySelector('details')?.textContent).toContain('/home/worker/Documents/court-order-2026-jv-0147.html');
    expect(useUiStore.getState().status).toBeNull();
    expect(done.textContent).toContain('It holds 3 notes');
    expect(done.textContent).toContain('“CONFIDENTIAL — disclosed under court order 2026-JV-0147”');
    expect(done.textContent).toContain('Recorded in your audit log');
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const only = note('Talked about the move.');
    const { fake, user } = await setUp([only], () => null);
    render(<StudentPage studentId={student.id} />);
    await user.click(await screen.findByRole('button', { name: 'Records requests' }));
    await user.click(screen.getByRole('menuitem', { name: 'Disclose under a court order…' }));
    const dialog = screen.getByRole('dialog', { name: 'Disclose notes under a court order' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Court order reference' }), 'CV-22-118');
    await user.click(await within(dialog).findByRole('checkbox', { name: /Talked about the move/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save the disclosure…' }));
    expect(await within(dialog).findByText('No file chosen, so nothing was written.')).toBeTruthy();
    expect(fake.callsTo('disclosure.courtOrder')).toEqual([]);
  });

  it('suggests a file name from the reference', () => {
    expect(suggestedDisclosureName('No. 2026/JV-0147 ')).toBe('court-order-no-2026-jv-0147.html');
    expect(suggestedDisclosureName('§§')).toBe('court-order-disclosure.html');
  });
});
