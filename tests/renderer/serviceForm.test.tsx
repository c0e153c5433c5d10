// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ServiceLog } from '../../src-renderer/screens/ServiceLog';
import { parseMinutes, validateDraft, emptyDraft } from '../../src-renderer/screens/ServiceForm';
import { useSettingsStore } from '../../src-renderer/state/settingsStore';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { addDays, formatNumericDate, todayIso } from '../../src-renderer/lib/dates';
import { Failure, makeStudent, type FakeHandlers } from './fakeBridge';
import { installFake } from './setup';

const qx = makeStudent('QX-7781');
const qa = makeStudent('QA-1200');
const bt = makeStudent('BT-3301');

async function openServiceLog(handlers: FakeHandlers = {}) {
  const fake = installFake({ state: { students: [{ ...qx }, { ...qa }, { ...bt }] }, handlers });
  await useStudentsStore.getState().load();
  await useSettingsStore.getState().load();
  const user = userEvent.setup();
  render(<ServiceLog focusForm />);
  const date = screen.getByLabelText('Date');
  await waitFor(() => expect(document.activeElement).toBe(date));
  return { fake, user, date };
}

const focused = () => document.activeElement as HTMLElement;
const nameOf = (element: HTMLElement) =>
  element.getAttribute('role') === 'radio'
    ? document.getElementById(element.closest('[role="radiogroup"]')?.getAttribute('aria-labelledby') ?? '')?.textContent
    : element.id !== '' && document.querySelector(`label[for="${element.id}"]`) != null ? document.querySelector(`label[for="${element.id}"]`)?.textContent : element.closest('label')?.textContent ?? element.textContent;

describe('service form, by keyboard alone', () => {
  it('logs a full entry: date, minutes, kind, student, two issues, Enter', async () => {
    const { fake, user } = await openServiceLog();
    await user.keyboard('3/4/2025');
    await user.keyboard('{Tab}30');
    await user.keyboard('{Tab}'); // kind: Individual session, the default
    expect(nameOf(focused())).toBe('Kind of service');
    expect(focused().getAttribute('aria-label')).toBe('Individual session');
    await user.keyboard('{Tab}qx');
    expect(screen.getByRole('option', { name: /QX-7781/ }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('list', { name: 'Chosen student' }).textContent).toContain('QX-7781');
    expect(fake.callsTo('services.create')).toEqual([]); // Enter in the list chose the student, it did not save
    await user.keyboard('{Tab}{Tab}{Tab}'); // past the note and its follow-up day, to the issues: one Tab stop
    expect(nameOf(focused())).toBe('Attendance');
    await user.keyboard(' {ArrowRight}{ArrowRight} ');
    expect(nameOf(focused())).toBe('Academic');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(fake.callsTo('services.create')).toHaveLength(1));
    expect(fake.callsTo('services.create')[0]).toEqual({
      date: '2025-03-04',
      minutes: 30,
      kind: 'individual_session',
      teamType: null,
      studentIds: [qx.id],
      issueCategoryIds: ['attendance', 'academic'],
    });
    // Ready for the next entry: same date, the same kind and minutes, the rest cleared, the cursor back on the date.
    await waitFor(() => expect(focused()).toBe(screen.getByLabelText('Date')));
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toBe('3/4/2025');
    expect((screen.getByLabelText('Minutes') as HTMLInputElement).value).toBe('30');
    expect(screen.getByRole('radio', { name: 'Individual session' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByRole('list', { name: 'Chosen student' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Attendance' })).toHaveProperty('checked', false);
  });

  it('goes date → minutes → kind → students → note → follow-up day → issues → Save with Tab', async () => {
    const { user } = await openServiceLog();
    const order: (string | null | undefined)[] = [nameOf(focused())];
    for (let i = 0; i < 7; i += 1) {
      await user.keyboard('{Tab}');
      order.push(nameOf(focused()));
    }
    expect(order).toEqual(['Date', 'Minutes', 'Kind of service', 'Student', 'Note for this service (optional)', 'Follow up on (optional)', 'Attendance', 'Save service']);
  });

  it('logs a group with several students, chosen by typing', async () => {
    const { fake, user } = await openServiceLog();
    await user.click(screen.getByRole('radio', { name: 'Group session' }));
    screen.getByLabelText('Minutes').focus();
    await user.keyboard('45{Tab}{Tab}q');
    // Two codes start with Q: the list shows both; ArrowDown moves to the second.
    expect(within(screen.getByRole('listbox')).getAllByRole('option').map((option) => option.textContent?.slice(0, 7))).toEqual(['QA-1200', 'QX-7781']);
    await user.keyboard('{ArrowDown}{Enter}bt{Enter}q{Enter}');
    // Chosen students are no longer offered: the last "q" could only mean QA-1200.
    expect(screen.getByRole('list', { name: 'Chosen students' }).textContent).toBe('QX-7781BT-3301QA-1200');
    await user.keyboard('{Backspace}'); // removes the last one
    expect(screen.getByRole('list', { name: 'Chosen students' }).textContent).toBe('QX-7781BT-3301');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.callsTo('services.create')).toHaveLength(1));
    expect(fake.callsTo('services.create')[0]).toMatchObject({ kind: 'group_session', minutes: 45, studentIds: [qx.id, bt.id] });
  });

  it('asks for a team only for team meetings, and will not save without one', async () => {
    const { fake, user } = await openServiceLog();
    expect(screen.queryByLabelText('Team')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Team meeting' }));
    const team = screen.getByLabelText('Team');
    screen.getByLabelText('Minutes').focus();
    await user.keyboard('60{Enter}');
    expect(fake.callsTo('services.create')).toEqual([]);
    expect(focused()).toBe(team);
    expect(screen.getByText('Choose which team met.')).toBeTruthy();
    await user.selectOptions(team, 'iep');
    team.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.callsTo('services.create')).toHaveLength(1));
    expect(fake.callsTo('services.create')[0]).toMatchObject({ kind: 'team_meeting', teamType: 'iep', studentIds: [] });
  });

  it('shows what is missing and saves nothing when Enter comes too early', async () => {
    const { fake, user } = await openServiceLog();
    await user.keyboard('{Enter}');
    expect(fake.callsTo('services.create')).toEqual([]);
    expect(screen.getByText('Enter how many minutes, for example 30.')).toBeTruthy();
    expect(screen.getByText('An individual session is with one student. Choose the student.')).toBeTruthy();
    expect(focused()).toBe(screen.getByLabelText('Minutes'));
  });

  it('refuses a date more than a day ahead beside the date field, before asking the vault', async () => {
    const { fake, user } = await openServiceLog();
    await user.keyboard(formatNumericDate(addDays(todayIso(), 2)));
    await user.keyboard('{Tab}30{Tab}a'); // A: Administrative
    await user.keyboard('{Enter}');
    const message = screen.getByText('That date is more than a day ahead. Log a service on the day it was given, or the day before for a planned one.');
    expect(screen.getByLabelText('Date').getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(fake.callsTo('services.create')).toEqual([]);
  });

  it('shows the vault\'s refusal of the date beside the date field', async () => {
    const { user } = await openServiceLog({
      'services.create': () => {
        throw new Failure('INVALID_INPUT', 'date: 2026-12-09 is more than 1 day after today (2026-12-07). Log a service on the day it was given, or at most the day before for a planned one.');
      },
    });
    await user.keyboard('{Tab}30{Tab}a'); // A: Administrative
    await user.keyboard('{Enter}');
    const message = await screen.findByText(/^2026-12-09 is more than 1 day after today \(2026-12-07\)/);
    expect(message.closest('.date-field')).not.toBeNull();
    expect(screen.getByLabelText('Date').getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    await waitFor(() => expect(focused()).toBe(screen.getByLabelText('Date')));
  });
});

describe('service form helpers', () => {
  it('reads minutes as people write them', () => {
    expect(['30', '45 min', '1:15', '1h', '1h 30', 'abc', ''].map(parseMinutes)).toEqual([30, 45, 75, 60, 90, null, null]);
  });

  it('checks the draft the way the vault will', () => {
    const draft = { ...emptyDraft('3/4/2025'), minutes: '20', kind: 'administrative' as const, studentIds: ['x'] };
    expect(validateDraft(draft).fields).toEqual({ date: '2025-03-04', minutes: 20, kind: 'administrative', teamType: null, studentIds: [], issueCategoryIds: [] });
    expect(validateDraft({ ...draft, minutes: '2000' }).errors.minutes).toMatch(/1,440/);
    expect(validateDraft({ ...draft, date: '2/30/2025' }).errors.date).toBeTruthy();
    expect(validateDraft({ ...draft, date: '3/6/2025' }, '2025-03-04').errors.date).toMatch(/more than a day ahead/);
    expect(validateDraft({ ...draft, date: '3/5/2025' }, '2025-03-04').errors.date).toBeUndefined();
    expect(validateDraft({ ...draft, date: '12/31/1999' }, '2025-03-04').errors.date).toBe('That date is before 2000. Check the year.');
  });
});
