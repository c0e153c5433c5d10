// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { Caseload } from '../../src-renderer/screens/Caseload';
import { DEFAULT_FILTERS, filterStudents, useStudentsStore } from '../../src-renderer/state/studentsStore';
import { makeStudent } from './fakeBridge';
import { giveElementsASize, installFake } from './setup';

const students = [
  makeStudent('AB-101', { grade: 3, tier: 1, school: 'Lincoln Elementary' }),
  makeStudent('AB-102', { grade: 3, tier: 3, iep: true, school: 'Lincoln Elementary' }),
  makeStudent('CD-201', { grade: 7, tier: 2, plan504: true, school: 'Roosevelt Middle' }),
  makeStudent('CD-202', { grade: 7, tier: 3, iep: true, plan504: true, school: 'Roosevelt Middle' }),
  makeStudent('EF-301', { grade: 10, tier: 1, school: 'Washington High', closedOn: '2025-10-01', outcome: 'moved' }),
];

function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

/** The codes of the rows the list shows, in order. */
function shownCodes(): string[] {
  const list = screen.queryByRole('list', { name: 'Students' });
  if (list == null) return [];
  return within(list)
    .queryAllByRole('button')
    .map((row) => row.querySelector('.cell-code')?.textContent ?? '');
}

describe('filterStudents', () => {
  it('keeps open cases by default and matches code or school, any case', () => {
    expect(filterStudents(students, DEFAULT_FILTERS).map((s) => s.code)).toEqual(['AB-101', 'AB-102', 'CD-201', 'CD-202']);
    expect(filterStudents(students, { ...DEFAULT_FILTERS, text: 'roosevelt' }).map((s) => s.code)).toEqual(['CD-201', 'CD-202']);
    expect(filterStudents(students, { ...DEFAULT_FILTERS, text: 'ab-10' }).map((s) => s.code)).toEqual(['AB-101', 'AB-102']);
  });

  it('combines grade, tier, plans, status and flagged notes', () => {
    expect(filterStudents(students, { ...DEFAULT_FILTERS, grade: 7, tier: 3 }).map((s) => s.code)).toEqual(['CD-202']);
    expect(filterStudents(students, { ...DEFAULT_FILTERS, iep: true, plan504: true }).map((s) => s.code)).toEqual(['CD-202']);
    expect(filterStudents(students, { ...DEFAULT_FILTERS, status: 'closed' }).map((s) => s.code)).toEqual(['EF-301']);
    expect(filterStudents(students, { ...DEFAULT_FILTERS, status: 'all' })).toHaveLength(5);
    const flagged = { [nth(students, 2).id]: 2 };
    expect(filterStudents(students, { ...DEFAULT_FILTERS, flaggedOnly: true }, flagged).map((s) => s.code)).toEqual(['CD-201']);
  });
});

describe('Caseload screen', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = giveElementsASize();
  });
  afterAll(() => restore());

  it("shows each student's last contact in plain words", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T12:00:00.000Z'));
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const lastSeen = { [nth(students, 0).id]: '2026-03-10', [nth(students, 1).id]: '2026-03-07', [nth(students, 2).id]: '2026-02-20' };
    installFake({ state: { students: students.map((s) => ({ ...s })), lastSeen } });
    await useStudentsStore.getState().load();
    render(<Caseload />);
    const list = await screen.findByRole('list', { name: 'Students' });
    const lastContacts = within(list)
      .getAllByRole('button')
      .map((row) => row.querySelector('.cell-last-contact')?.textContent);
    expect(lastContacts).toEqual(['Last contact today', 'Last contact 3 days ago', 'Last contact 2 weeks ago', 'Last contact none yet']);
  });

  it('filters the list as the worker types and chooses', async () => {
    installFake({ state: { students: students.map((s) => ({ ...s })) } });
    await useStudentsStore.getState().load();
    const user = userEvent.setup();
    render(<Caseload />);

    await waitFor(() => expect(shownCodes()).toEqual(['AB-101', 'AB-102', 'CD-201', 'CD-202']));
    expect(screen.getByText('Showing 4 of 5 students')).toBeTruthy();

    await user.type(screen.getByLabelText('Find a student'), 'cd');
    await waitFor(() => expect(shownCodes()).toEqual(['CD-201', 'CD-202']));

    await user.selectOptions(screen.getByLabelText('Tier'), '3');
    await waitFor(() => expect(shownCodes()).toEqual(['CD-202']));
    expect(screen.getByText('Showing 1 of 5 students')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByLabelText('Cases'), 'closed');
    await waitFor(() => expect(shownCodes()).toEqual(['EF-301']));
    expect(within(screen.getByRole('list', { name: 'Students' })).getByText('Closed: Moved')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Cases'), 'open');
    await user.click(screen.getByRole('checkbox', { name: 'IEP' }));
    await waitFor(() => expect(shownCodes()).toEqual(['AB-102', 'CD-202']));
  });

  it('shows which students have flagged notes, with words and an icon', async () => {
    const fake = installFake({ state: { students: students.map((s) => ({ ...s })) } });
    await useStudentsStore.getState().load();
    await fake.bridge.invoke('notes.create', { studentId: nth(students, 1).id, body: 'Mom said he has ADHD.' });
    await fake.bridge.invoke('notes.create', { studentId: nth(students, 1).id, body: 'He said "leave me alone" at lunch.' });
    await fake.bridge.invoke('notes.create', { studentId: nth(students, 0).id, body: 'Good week; attendance better.' });
    await useStudentsStore.getState().loadFlagged();
    render(<Caseload />);

    const row = await screen.findByRole('button', { name: /^AB-102/ });
    const marker = within(row).getByText('2 flagged notes');
    expect(marker.closest('.marker')?.querySelector('svg')).not.toBeNull();
    expect(within(screen.getByRole('button', { name: /^AB-101/ })).queryByText(/flagged/)).toBeNull();
  });

  it('moves between rows with the arrow keys, one Tab stop for the list', async () => {
    installFake({ state: { students: students.map((s) => ({ ...s })) } });
    await useStudentsStore.getState().load();
    const user = userEvent.setup();
    render(<Caseload />);
    const first = await screen.findByRole('button', { name: /^AB-101/ });
    expect(first.tabIndex).toBe(0);
    expect(screen.getByRole('button', { name: /^AB-102/ }).tabIndex).toBe(-1);
    first.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.querySelector('.cell-code')?.textContent).toBe('CD-201'));
    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.querySelector('.cell-code')?.textContent).toBe('CD-202'));
  });
});
