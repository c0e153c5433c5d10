// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { Service } from '../../shared/api/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchStudents, StudentPicker } from '../../src-renderer/components/StudentPicker';
import { todayIso } from '../../src-renderer/lib/dates';
import { Caseload } from '../../src-renderer/screens/Caseload';
import { ServiceLog } from '../../src-renderer/screens/ServiceLog';
import { StudentFormDialog } from '../../src-renderer/screens/StudentDialogs';
import { useSettingsStore } from '../../src-renderer/state/settingsStore';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { makeStudent } from './fakeBridge';
import { giveElementsASize, installFake } from './setup';

/* Students by name, privately (issue 13 §2): found by the name the worker knows them by, shown beside the code, recent first. */

const ana = makeStudent('7B-014', { knownAs: 'Ana Rivera (Ms. Lee)' });
const andre = makeStudent('8C-220', { knownAs: 'Andre M.' });
const coded = makeStudent('AN-300');
const ben = makeStudent('9A-101', { knownAs: 'Ben, room 12' });
const students = [ana, andre, coded, ben];

describe('matchStudents', () => {
  it('matches the name as well as the code: code first, then a word of the name, then anywhere', () => {
    expect(matchStudents(students, 'an', new Set()).map((s) => s.code)).toEqual(['AN-300', '7B-014', '8C-220']);
    expect(matchStudents(students, 'lee', new Set()).map((s) => s.code)).toEqual(['7B-014']);
    expect(matchStudents(students, 'room 12', new Set()).map((s) => s.code)).toEqual(['9A-101']);
    expect(matchStudents(students, 'ivera', new Set()).map((s) => s.code)).toEqual(['7B-014']);
  });

  it('lists the students seen most recently first among equal matches', () => {
    const lastSeen = { [andre.id]: '2026-03-10', [ana.id]: '2026-02-01' };
    expect(matchStudents(students, 'an', new Set(), lastSeen).map((s) => s.code)).toEqual(['AN-300', '8C-220', '7B-014']);
    expect(matchStudents(students, 'a', new Set(), { [ben.id]: '2026-03-11', ...lastSeen }).map((s) => s.code).slice(0, 2)).toEqual(['AN-300', '8C-220']);
  });
});

function Picker() {
  const [selected, setSelected] = useState<string[]>([]);
  return <StudentPicker id="p" label="Students" students={students} selected={selected} onChange={setSelected} single={false} />;
}

describe('StudentPicker', () => {
  it('finds a student by name, shows the name beside the code, and chooses them', async () => {
    installFake({ state: { students: students.map((s) => ({ ...s })), lastSeen: { [andre.id]: '2026-03-10' } } });
    await useStudentsStore.getState().load();
    const user = userEvent.setup();
    render(<Picker />);
    await user.type(screen.getByRole('combobox', { name: 'Students' }), 'an');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['AN-300Lincoln Elementary', '8C-220Andre M.Lincoln Elementary', '7B-014Ana Rivera (Ms. Lee)Lincoln Elementary']);
    await user.clear(screen.getByRole('combobox', { name: 'Students' }));
    await user.type(screen.getByRole('combobox', { name: 'Students' }), 'rivera{Enter}');
    expect(within(screen.getByRole('list', { name: 'Chosen students' })).getByText('7B-014 · Ana Rivera (Ms. Lee)')).toBeTruthy();
  });
});

describe('Caseload and the student dialog', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = giveElementsASize();
  });
  afterAll(() => restore());

  it('filters the caseload by name and shows each name beside its code', async () => {
    installFake({ state: { students: students.map((s) => ({ ...s })) } });
    await useStudentsStore.getState().load();
    const user = userEvent.setup();
    render(<Caseload />);
    await user.type(screen.getByLabelText('Find a student'), 'ms. lee');
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Students' })).getAllByRole('button')).toHaveLength(1));
    const row = within(screen.getByRole('list', { name: 'Students' })).getByRole('button');
    expect(row.querySelector('.cell-code')?.textContent).toBe('7B-014Ana Rivera (Ms. Lee)');
  });

  it("shows each student's name beside the code in the service log", async () => {
    const at = '2026-01-05T15:00:00.000Z';
    const session: Service = { id: '1c8f6a52-3333-4b6a-8c21-5e0f9a7b3d11', date: todayIso(), minutes: 30, kind: 'group_session', teamType: null, studentIds: [ana.id, coded.id], issueCategoryIds: [], noteId: null, createdAt: at, updatedAt: at };
    installFake({ state: { students: students.map((s) => ({ ...s })), services: [session] } });
    await useStudentsStore.getState().load();
    await useSettingsStore.getState().load();
    render(<ServiceLog />);
    expect(await screen.findByText('7B-014 · Ana Rivera (Ms. Lee), AN-300')).toBeTruthy();
  });

  it('adds a student with the name the worker knows them by, and changes it', async () => {
    const fake = installFake({ state: { students: [] } });
    await useStudentsStore.getState().load();
    const user = userEvent.setup();
    const view = render(<StudentFormDialog student={null} onClose={() => undefined} />);
    await user.type(screen.getByLabelText('Student code'), 'Q-1');
    await user.type(screen.getByLabelText('Name or how you know them (only on this computer)'), 'Quinn, Mr. Park’s homeroom');
    await user.click(screen.getByRole('button', { name: 'Save student' }));
    await waitFor(() => expect(fake.callsTo('students.create')).toEqual([expect.objectContaining({ code: 'Q-1', knownAs: 'Quinn, Mr. Park’s homeroom' })]));
    view.unmount();

    const saved = useStudentsStore.getState().students[0];
    if (saved == null) throw new Error('not saved');
    render(<StudentFormDialog student={saved} onClose={() => undefined} />);
    const field = screen.getByLabelText('Name or how you know them (only on this computer)');
    expect((field as HTMLInputElement).value).toBe('Quinn, Mr. Park’s homeroom');
    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Save student' }));
    await waitFor(() => expect(fake.callsTo('students.update')).toEqual([expect.objectContaining({ id: saved.id, knownAs: null })]));
    expect(useStudentsStore.getState().students[0]?.knownAs).toBeNull();
  });
});
