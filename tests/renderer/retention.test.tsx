// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NoteRetention, RetentionDue } from '../../shared/api/retentionSchemas';
import { RetentionNotice } from '../../src-renderer/screens/retention/RetentionNotice';
import { RetentionSettings } from '../../src-renderer/screens/retention/RetentionSettings';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { installFake } from './setup';

/* Retention on screen: the notice lists codes and counts only, destroys nothing until confirmed, and says what backups keep. */

const A = '00000000-0000-4000-8000-00000000f001';
const B = '00000000-0000-4000-8000-00000000f002';

function fakeRetention(students: RetentionDue['students']) {
  let rule: NoteRetention = { rule: 'school_year_end' };
  let due: RetentionDue = { retention: rule, students, notes: students.reduce((sum, student) => sum + student.notes, 0) };
  return installFake({
    handlers: {
      'retention.get': () => rule,
      'retention.set': (input) => (rule = input),
      'retention.due': () => due,
      'retention.destroy': ({ studentIds }) => {
        const gone = due.students.filter((student) => studentIds.includes(student.studentId));
        due = { ...due, students: [], notes: 0 };
        return { students: gone.length, notes: gone.reduce((sum, student) => sum + student.notes, 0), versions: 9, drafts: 1, at: '2026-07-01T09:00:00.000Z' };
      },
    },
  });
}

describe('the notice of notes due to be destroyed', () => {
  it('lists the students and how many notes, destroys only once confirmed, then says what backups keep', async () => {
    const fake = fakeRetention([
      { studentId: A, code: 'RT-1', closedOn: '2026-01-15', dueOn: '2026-07-01', notes: 3, drafts: 1 },
      { studentId: B, code: 'RT-2', closedOn: '2025-11-02', dueOn: '2026-07-01', notes: 1, drafts: 0 },
    ]);
    const user = userEvent.setup();
    let openedBackups = 0;
    render(<RetentionNotice onOpenBackups={() => (openedBackups += 1)} />);
    const notice = await screen.findByRole('region', { name: 'Notes of closed cases to destroy' });
    expect(within(notice).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'RT-1: 3 notes and 1 unfinished, case closed Jan 15, 2026',
      'RT-2: 1 note, case closed Nov 2, 2025',
    ]);
    expect(notice.textContent).toContain('Nothing goes until you say so.');

    await user.click(within(notice).getByRole('button', { name: 'Review and destroy…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Destroy 4 notes of closed cases?' });
    expect(dialog.textContent).toMatch(/Backups made before today still hold copies of these notes until newer backups replace them/);
    expect(dialog.textContent).not.toMatch(/vault|hash/i);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Not now' }));
    await user.click(within(dialog).getByRole('button', { name: 'Not now' }));
    expect(fake.callsTo('retention.destroy')).toEqual([]);

    await user.click(within(notice).getByRole('button', { name: 'Review and destroy…' }));
    useUiStore.setState({ status: null });
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Destroy these notes' }));
    await waitFor(() => expect(fake.callsTo('retention.destroy')).toEqual([{ studentIds: [A, B] }]));
    const after = await screen.findByRole('region', { name: 'Notes of closed cases' });
    expect(after.textContent).toContain('4 notes of closed cases were destroyed.');
    // The panel says it: no notice besides.
    expect(useUiStore.getState().status).toBeNull();
    expect(after.textContent).toContain('To remove them now, start a fresh backup set: one new backup, then the older ones removed.');
    expect(within(after).getByRole('button', { name: 'Start a fresh backup set' })).toBeTruthy();
    await user.click(within(after).getByRole('button', { name: 'Open Backups' }));
    expect(openedBackups).toBe(1);
  });

  it('shows nothing when no case is due', async () => {
    const fake = fakeRetention([]);
    const { container } = render(<RetentionNotice />);
    await waitFor(() => expect(fake.callsTo('retention.due')).toHaveLength(1));
    expect(container.textContent).toBe('');
  });
});

describe('the retention setting', () => {
  it('applies a choice at once, like every other setting, with no Save button', async () => {
    const fake = fakeRetention([]);
    const user = userEvent.setup();
    render(<RetentionSettings />);
    const section = await screen.findByRole('region', { name: 'Notes of closed cases' });
    await waitFor(() => expect(within(section).getByRole('radio', { name: /end of the school year/ })).toHaveProperty('checked', true));
    expect(within(section).queryByRole('button')).toBeNull();
    await user.click(within(section).getByRole('radio', { name: /^Never/ }));
    await waitFor(() => expect(fake.callsTo('retention.set')).toEqual([{ rule: 'off' }]));
    expect(await within(section).findByText('Notes of closed cases are kept until you delete them.')).toBeTruthy();
  });

  it('saves "months after closing" with its number when the worker leaves the field or presses Enter, and refuses a number out of range', async () => {
    const fake = fakeRetention([]);
    const user = userEvent.setup();
    render(<RetentionSettings />);
    const section = await screen.findByRole('region', { name: 'Notes of closed cases' });
    await waitFor(() => expect(within(section).getByRole('radio', { name: /end of the school year/ })).toHaveProperty('checked', true));
    await user.click(within(section).getByRole('radio', { name: 'Some months after the case closed' }));
    // The number offered (12) applies with the choice.
    await waitFor(() => expect(fake.callsTo('retention.set')).toEqual([{ rule: 'months_after_closing', months: 12 }]));
    const months = within(section).getByLabelText('Months after closing');
    await user.clear(months);
    await user.type(months, '0');
    await user.tab();
    expect(within(section).getByRole('alert').textContent).toBe('Enter a whole number of months from 1 to 120.');
    expect(months.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('retention.set')).toHaveLength(1);
    await user.clear(months);
    await user.type(months, '18{Enter}');
    await waitFor(() => expect(fake.callsTo('retention.set')).toEqual([{ rule: 'months_after_closing', months: 12 }, { rule: 'months_after_closing', months: 18 }]));
    expect(await within(section).findByText('Notes of a closed case are destroyed 18 months after it closed.')).toBeTruthy();
    expect(within(section).queryByRole('alert')).toBeNull();
    // Typing "18" saved nothing on the way ("1"), and leaving the field unchanged saves nothing again.
    await user.tab();
    expect(fake.callsTo('retention.set')).toHaveLength(2);
  });
});
