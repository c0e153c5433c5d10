// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NoteSummary, Service } from '../../shared/api/schemas';
import { ServiceLog } from '../../src-renderer/screens/ServiceLog';
import { buildTimeline, StudentPage } from '../../src-renderer/screens/StudentPage';
import { formatNumericDate, todayIso } from '../../src-renderer/lib/dates';
import { useSettingsStore } from '../../src-renderer/state/settingsStore';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { makeStudent, type FakeState } from './fakeBridge';
import { installFake } from './setup';

/* Issue 13, §4 and §5: a session and its note in one step, and repeated work in few actions. */

const qx = makeStudent('QX-7781');
const qa = makeStudent('QA-1200');
const bt = makeStudent('BT-3301');
const lm = makeStudent('LM-4410');
const AT = '2026-01-05T15:00:00.000Z';

async function openServiceLog(state: Partial<FakeState> = {}, props: Parameters<typeof ServiceLog>[0] = { focusForm: true }) {
  const fake = installFake({ state: { students: [{ ...qx }, { ...qa }, { ...bt }, { ...lm }], ...state } });
  await useStudentsStore.getState().load();
  await useSettingsStore.getState().load();
  const user = userEvent.setup();
  render(<ServiceLog {...props} />);
  return { fake, user };
}

const chosen = () => within(screen.getByRole('list', { name: /^Chosen student/ })).getAllByRole('listitem').map((item) => item.textContent?.slice(0, 7));
const checkedKind = () => screen.getAllByRole('radio').find((radio) => radio.getAttribute('aria-checked') === 'true')?.getAttribute('aria-label');

describe('kinds of service as one-key choices', () => {
  it('is a radio group crossed with one Tab: a key picks a kind, the arrows move, Enter saves', async () => {
    const { fake, user } = await openServiceLog();
    const group = screen.getByRole('radiogroup', { name: 'Kind of service' });
    expect(within(group).getAllByRole('radio')).toHaveLength(15);
    expect(within(group).getAllByRole('radio').filter((radio) => radio.tabIndex === 0)).toHaveLength(1);
    screen.getByLabelText('Minutes').focus();
    await user.keyboard('20{Tab}');
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Individual session' }));
    await user.keyboard('2');
    expect([checkedKind(), document.activeElement?.getAttribute('aria-label')]).toEqual(['Group session', 'Group session']);
    await user.keyboard('{ArrowRight}');
    expect(checkedKind()).toBe('Classroom observation');
    await user.keyboard('{End}');
    expect(checkedKind()).toBe('Other');
    await user.keyboard('{ArrowRight}');
    expect(checkedKind()).toBe('Individual session');
    await user.keyboard('a');
    expect(checkedKind()).toBe('Administrative');
    expect(screen.getByRole('radio', { name: 'Administrative' }).getAttribute('aria-keyshortcuts')).toBe('a');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.callsTo('services.create')).toMatchObject([{ kind: 'administrative', minutes: 20 }]));
  });

  it('starts a new entry from the last kind and minutes, kept in the settings, and follows the one just saved', async () => {
    const { fake, user } = await openServiceLog({
      settings: { ...installFake().state.settings, lastServiceKind: 'staff_consultation', lastServiceMinutes: 25 },
    });
    await waitFor(() => expect(checkedKind()).toBe('Staff consultation'));
    expect((screen.getByLabelText('Minutes') as HTMLInputElement).value).toBe('25');
    await user.click(screen.getByRole('radio', { name: 'Home visit' }));
    await user.click(screen.getByRole('button', { name: '45' }));
    await user.click(screen.getByRole('button', { name: 'Save service' }));
    await waitFor(() => expect(fake.callsTo('services.create')).toMatchObject([{ kind: 'home_visit', minutes: 45 }]));
    await waitFor(() => expect(checkedKind()).toBe('Home visit'));
    expect((screen.getByLabelText('Minutes') as HTMLInputElement).value).toBe('45');
    expect(fake.state.settings).toMatchObject({ lastServiceKind: 'home_visit', lastServiceMinutes: 45 });
  });
});

describe('saved groups', () => {
  it('fills a saved group of four in one click, as a group session (T2: group, 30, Save)', async () => {
    const group = { id: '0b8f6a52-1111-4b6a-8c21-5e0f9a7b3d11', name: 'Lunch bunch', studentIds: [qa.id, bt.id, qx.id, lm.id], createdAt: AT, updatedAt: AT };
    const { fake, user } = await openServiceLog({ groups: [group] });
    await user.click(await screen.findByRole('button', { name: 'Fill in the group Lunch bunch (4 students)' }));
    expect(checkedKind()).toBe('Group session');
    expect(chosen()).toEqual(['QA-1200', 'BT-3301', 'QX-7781', 'LM-4410']);
    await user.click(screen.getByRole('button', { name: '30' }));
    await user.click(screen.getByRole('button', { name: 'Save service' }));
    await waitFor(() =>
      expect(fake.callsTo('services.create')).toEqual([
        { date: todayIso(), minutes: 30, kind: 'group_session', teamType: null, studentIds: [qa.id, bt.id, qx.id, lm.id], issueCategoryIds: [] },
      ]),
    );
  });

  it('saves the students chosen as a group, without saving the service', async () => {
    const { fake, user } = await openServiceLog();
    expect(screen.queryByRole('button', { name: 'Save these students as a group' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Group session' }));
    await user.click(screen.getByRole('combobox', { name: /^Students/ }));
    await user.keyboard('bt{Enter}lm{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save these students as a group' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Group name')));
    await user.keyboard('Thursday group{Enter}');
    await waitFor(() => expect(fake.callsTo('groups.create')).toEqual([{ name: 'Thursday group', studentIds: [bt.id, lm.id] }]));
    expect(fake.callsTo('services.create')).toEqual([]);
    expect(await screen.findByRole('button', { name: 'Fill in the group Thursday group (2 students)' })).toBeTruthy();
    // A taken name is refused beside the field.
    await user.click(screen.getByRole('button', { name: 'Save these students as a group' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Group name')));
    await user.keyboard('thursday GROUP{Enter}');
    expect(await screen.findByText(/already a group called/)).toBeTruthy();
  });
});

describe('log again', () => {
  it('fills the form from a past service with today\'s date, ready to save (T5: Log again, Save)', async () => {
    const past: Service = {
      id: '1c8f6a52-2222-4b6a-8c21-5e0f9a7b3d11',
      date: todayIso(),
      minutes: 40,
      kind: 'group_session',
      teamType: null,
      studentIds: [qx.id, bt.id],
      issueCategoryIds: ['attendance'],
      noteId: null,
      createdAt: AT,
      updatedAt: AT,
    };
    const { fake, user } = await openServiceLog({ services: [past] });
    await user.click(await screen.findByRole('button', { name: 'Log again: Group session, 40 min, today' }));
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toBe(formatNumericDate(todayIso()));
    expect((screen.getByLabelText('Minutes') as HTMLInputElement).value).toBe('40');
    expect(checkedKind()).toBe('Group session');
    expect(chosen()).toEqual(['QX-7781', 'BT-3301']);
    expect(screen.getByRole('checkbox', { name: 'Attendance' })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('button', { name: 'Save service' }));
    await waitFor(() =>
      expect(fake.callsTo('services.create')).toEqual([
        { date: todayIso(), minutes: 40, kind: 'group_session', teamType: null, studentIds: [qx.id, bt.id], issueCategoryIds: ['attendance'] },
      ]),
    );
  });
});

describe('a session and its note in one step', () => {
  it('saves the note written in the form as the service\'s note', async () => {
    const { fake, user } = await openServiceLog();
    await user.click(screen.getByRole('combobox', { name: 'Student' }));
    await user.keyboard('qx{Enter}');
    await user.click(screen.getByRole('button', { name: '30' }));
    await user.click(screen.getByLabelText('Note for this service (optional)'));
    await user.keyboard('Talked about the new bus route.');
    await user.click(screen.getByRole('button', { name: 'Save service' }));
    await waitFor(() => expect(fake.callsTo('services.update')).toHaveLength(1));
    const service = fake.state.services[0] as Service;
    expect(fake.callsTo('notes.create')).toMatchObject([{ studentId: qx.id, serviceId: service.id, body: 'Talked about the new bus route.' }]);
    expect(service.noteId).toBe(fake.state.notes[0]?.id);
  });

  it('shows a service and its note as one timeline entry, and a note of its own apart', () => {
    const service = { id: 'svc', date: '2026-01-05', createdAt: AT, noteId: 'n1' } as Service;
    const note = (id: string, serviceId: string | null) => ({ id, serviceId, createdAt: AT, updatedAt: AT, preview: id }) as NoteSummary;
    const items = buildTimeline([service], [note('n1', 'svc'), note('n2', null)], true);
    expect(items).toHaveLength(2);
    expect(items.map((item) => [item.type, item.type === 'service' ? item.note?.id : item.note.id])).toEqual(
      expect.arrayContaining([
        ['service', 'n1'],
        ['note', 'n2'],
      ]),
    );
  });

  it('"Log session" on a student\'s page opens the form with that student chosen', async () => {
    const fake = installFake({ state: { students: [{ ...qx }, { ...qa }] } });
    await useStudentsStore.getState().load();
    await useSettingsStore.getState().load();
    const user = userEvent.setup();
    const page = render(<StudentPage studentId={qa.id} />);
    await user.click(await screen.findByRole('button', { name: 'Log session' }));
    const route = useUiStore.getState().route;
    expect(route).toMatchObject({ name: 'services', prefill: { studentIds: [qa.id] } });
    page.unmount();
    render(<ServiceLog focusForm prefill={route.name === 'services' ? route.prefill : undefined} />);
    await waitFor(() => expect(chosen()).toEqual(['QA-1200']));
    expect(checkedKind()).toBe('Individual session');
    expect(fake.callsTo('services.create')).toEqual([]);
  });
});
