// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { FollowUp } from '../../shared/api/followUpSchemas';
import type { Service } from '../../shared/api/schemas';
import { followUpDueInWords, lastContactInWords } from '../../shared/domain/lastContact';
import { AppShell } from '../../src-renderer/screens/AppShell';
import { Today } from '../../src-renderer/screens/Today';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { fakeId, makeStudent } from './fakeBridge';
import { newNote, serviceFrom } from './fakeRecords';
import { giveElementsASize, installFake } from './setup';

/*
 * Today, the home screen: services logged today with totals, follow-ups due
 * and overdue (marked done, they leave), unfinished notes, students seen
 * recently by name and code, and the one-key actions with their keys shown.
 * The fake's clock is fixed: nothing depends on the day the test runs.
 */
const NOW = '2026-03-10T15:00:00.000Z'; // 10 a.m. in Chicago
const TODAY = '2026-03-10';
const clock = () => new Date(NOW);

const ana = makeStudent('AN-101', { knownAs: 'Ana R.' });
const ben = makeStudent('BE-202');
const closed = makeStudent('CL-303', { closedOn: '2026-02-01', outcome: 'moved' });
const stamps = { createdAt: NOW, updatedAt: NOW };
const service = (date: string, minutes: number, studentIds: string[], kind: Service['kind'] = 'individual_session') =>
  serviceFrom(fakeId(), { date, minutes, kind, teamType: null, studentIds, issueCategoryIds: [] }, stamps);

function followUp(fields: Partial<FollowUp> & { dueOn: string }): FollowUp {
  return { id: fakeId(), noteId: null, serviceId: null, doneAt: null, createdAt: NOW, updatedAt: NOW, ...fields };
}

function seeded() {
  const morning = service(TODAY, 30, [ana.id]);
  const group = service(TODAY, 45, [ana.id, ben.id], 'group_session');
  const lastWeek = service('2026-03-03', 20, [ben.id]);
  const note = newNote(fakeId(), '2026-03-09T16:00:00.000Z', { studentId: ana.id, body: 'Call her grandmother about\nthe bus pass.' });
  const overdue = followUp({ serviceId: lastWeek.id, dueOn: '2026-03-06' });
  const dueToday = followUp({ noteId: note.id, dueOn: TODAY });
  const later = followUp({ serviceId: group.id, dueOn: '2026-03-20' });
  const done = followUp({ serviceId: morning.id, dueOn: '2026-03-09', doneAt: NOW });
  return {
    fake: installFake({
      clock,
      state: {
        students: [{ ...ana }, { ...ben }, { ...closed }],
        services: [morning, group, lastWeek],
        notes: [note],
        followUps: [overdue, dueToday, later, done],
        lastSeen: { [ana.id]: TODAY, [ben.id]: '2026-03-03', [closed.id]: '2026-01-20' },
      },
    }),
    overdue,
    dueToday,
    note,
  };
}

describe('last contact in plain words', () => {
  it('says today, yesterday, days, weeks and months ago, and when there was none', () => {
    expect(lastContactInWords('2026-03-10', TODAY)).toBe('today');
    expect(lastContactInWords('2026-03-09', TODAY)).toBe('yesterday');
    expect(lastContactInWords('2026-03-07', TODAY)).toBe('3 days ago');
    expect(lastContactInWords('2026-02-24', TODAY)).toBe('2 weeks ago');
    expect(lastContactInWords('2025-12-01', TODAY)).toBe('3 months ago');
    expect(lastContactInWords(undefined, TODAY)).toBe('none yet');
    expect(followUpDueInWords('2026-03-06', TODAY)).toEqual({ overdue: true, text: 'overdue by 4 days' });
    expect(followUpDueInWords(TODAY, TODAY)).toEqual({ overdue: false, text: 'due today' });
  });
});

describe('Today', () => {
  it('shows what was logged today with its totals, follow-ups due (overdue marked), and students seen recently', async () => {
    const { fake } = seeded();
    await useStudentsStore.getState().load();
    render(<Today />);

    const logged = await screen.findByRole('region', { name: 'Logged today' });
    expect(within(logged).getByText('2 services, 1 h 15 min')).toBeTruthy();
    expect(within(logged).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Individual session, 30 min with AN-101 · Ana R.',
      'Group session, 45 min with AN-101 · Ana R., BE-202',
    ]);

    const followUps = screen.getByRole('region', { name: 'Follow-ups' });
    const items = within(followUps).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.className).toContain('is-overdue');
    expect(items[0]?.textContent).toContain('Individual session, 20 min, on Mar 3, 2026 with BE-202');
    expect(items[0]?.textContent).toContain('overdue by 4 days');
    expect(items[1]?.className).not.toContain('is-overdue');
    expect(items[1]?.textContent).toContain('due today');
    expect(items[1]?.textContent).toContain('Call her grandmother about the bus pass.');
    expect(within(followUps).getByText('1 more follow-up is due later.')).toBeTruthy();

    const recent = screen.getByRole('region', { name: 'Seen recently' });
    expect(within(recent).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'AN-101 · Ana R.last contact today',
      'BE-202last contact 7 days ago',
    ]);
    expect(fake.callsTo('today.summary')).toHaveLength(1);
  });

  it('marking a follow-up done takes it off Today; Open goes to its note', async () => {
    const { fake, overdue, note } = seeded();
    await useStudentsStore.getState().load();
    const user = userEvent.setup();
    render(<Today />);
    const followUps = await screen.findByRole('region', { name: 'Follow-ups' });
    await user.click(within(followUps).getByRole('button', { name: /^Mark done: Individual session, 20 min/ }));
    await waitFor(() => expect(within(followUps).getAllByRole('listitem')).toHaveLength(1));
    expect(fake.callsTo('followUps.done')).toEqual([{ id: overdue.id }]);
    expect(fake.state.followUps.find((item) => item.id === overdue.id)?.doneAt).not.toBeNull();

    await user.click(within(followUps).getByRole('button', { name: /^Open: Note of Mar 9, 2026 with AN-101/ }));
    expect(useUiStore.getState().route).toEqual({ name: 'note', noteId: note.id, studentId: ana.id });
  });

  it('says so calmly when the day is empty', async () => {
    installFake({ clock, state: { students: [{ ...ben }] } });
    await useStudentsStore.getState().load();
    render(<Today />);
    expect(await screen.findByText('Nothing logged yet today.')).toBeTruthy();
    expect(screen.getByText('Nothing to follow up on today.')).toBeTruthy();
    expect(screen.getByText('No student seen yet.')).toBeTruthy();
  });

  it('is the first screen after unlock, first in the sidebar, with the keys of its actions shown and working', async () => {
    seeded();
    const restore = giveElementsASize();
    onTestFinished(restore);
    const user = userEvent.setup();
    render(<AppShell />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const first = within(nav).getAllByRole('link')[0];
    expect(first?.textContent).toBe('Today');
    expect(first?.getAttribute('aria-current')).toBe('page');
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(expect.arrayContaining(['Follow-ups', 'Logged today', 'Seen recently']));

    const main = screen.getByRole('main');
    const newNoteButton = within(main).getByRole('button', { name: /New note/ });
    expect(newNoteButton.querySelector('kbd')?.textContent).toMatch(/^(Ctrl|Cmd)\+N$/);
    expect(within(main).getByRole('button', { name: /Log service/ }).querySelector('kbd')?.textContent).toMatch(/^(Ctrl|Cmd)\+Shift\+N$/);
    await user.click(newNoteButton);
    expect(useUiStore.getState().route).toMatchObject({ name: 'note', noteId: null });
    await user.click(within(nav).getByRole('link', { name: 'Today' }));
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    await user.keyboard('{Control>}{Shift>}n{/Shift}{/Control}');
    expect(useUiStore.getState().route).toMatchObject({ name: 'services', focusForm: true });
  });
});

describe('"Follow up on" in the note editor and the service form', () => {
  it('a new note saved with a day carries a follow-up, without a word of it in the note', async () => {
    const fake = installFake({ clock, state: { students: [{ ...ana }] } });
    await useStudentsStore.getState().load();
    const user = userEvent.setup();
    useUiStore.setState({ route: { name: 'note', noteId: null, studentId: ana.id } });
    render(<AppShell />);
    const textarea = await screen.findByLabelText('Note', { selector: 'textarea' });
    await user.click(textarea);
    await user.paste('Ask about the new schedule.');
    await user.type(screen.getByLabelText('Follow up on (optional)'), '2026-03-13');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(fake.state.followUps).toHaveLength(1));
    const [saved] = fake.state.notes;
    expect(fake.state.followUps[0]).toMatchObject({ noteId: saved?.id, serviceId: null, dueOn: '2026-03-13', doneAt: null });
    expect(saved?.body).toBe('Ask about the new schedule.');
  });

  it('a service logged with a day carries a follow-up; the field is one compact line under the note', async () => {
    const fake = installFake({ clock, state: { students: [{ ...ana }] } });
    await useStudentsStore.getState().load();
    const user = userEvent.setup();
    useUiStore.setState({ route: { name: 'services', focusForm: true } });
    render(<AppShell />);
    const minutes = await screen.findByLabelText('Minutes');
    await user.clear(minutes);
    await user.type(minutes, '20');
    await user.click(screen.getByRole('radio', { name: 'Administrative' }));
    const field = screen.getByLabelText('Follow up on (optional)');
    const note = screen.getByLabelText('Note for this service (optional)');
    expect(note.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.type(field, '2026-03-17');
    await user.click(screen.getByRole('button', { name: 'Save service' }));
    await waitFor(() => expect(fake.state.services).toHaveLength(1));
    await waitFor(() => expect(fake.state.followUps).toMatchObject([{ serviceId: fake.state.services[0]?.id, noteId: null, dueOn: '2026-03-17' }]));
    expect((screen.getByLabelText('Follow up on (optional)') as HTMLInputElement).value).toBe('');
  });
});
