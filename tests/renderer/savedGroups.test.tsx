// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StudentGroup } from '../../shared/api/groupSchemas';
import { SavedGroupsPanel } from '../../src-renderer/screens/SavedGroups';
import { ServiceLog } from '../../src-renderer/screens/ServiceLog';
import { useSettingsStore } from '../../src-renderer/state/settingsStore';
import { useStudentsStore } from '../../src-renderer/state/studentsStore';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { makeStudent } from './fakeBridge';
import { installFake } from './setup';

/*
 * Saved groups, looked after (issue 13 §5): renamed, their students changed,
 * or deleted after one question, by keyboard, from Settings and from the
 * service form where groups are chosen.
 */
const bt = makeStudent('BT-3301', { knownAs: 'Bea T.' });
const lm = makeStudent('LM-4410');
const qa = makeStudent('QA-1200', { knownAs: 'Quinn A.' });
const AT = '2026-01-05T15:00:00.000Z';
const group = (name: string, studentIds: string[]): StudentGroup => ({ id: `00000000-0000-4000-8000-${String(name.length).padStart(12, '0')}`, name, studentIds, createdAt: AT, updatedAt: AT });

async function seeded(groups: StudentGroup[]) {
  const fake = installFake({ state: { students: [{ ...bt }, { ...lm }, { ...qa }], groups } });
  await useStudentsStore.getState().load();
  await useSettingsStore.getState().load();
  return fake;
}

const rows = () => within(screen.getByRole('list', { name: 'Saved groups' })).getAllByRole('listitem');

describe('saved groups', () => {
  it('in Settings: renames a group and changes its students by keyboard alone', async () => {
    const thursday = group('Thursday', [bt.id, lm.id]);
    const fake = await seeded([thursday]);
    const user = userEvent.setup();
    render(<SavedGroupsPanel />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.textContent).toContain('BT-3301 · Bea T., LM-4410');

    screen.getByRole('button', { name: 'Change the group Thursday' }).focus();
    await user.keyboard('{Enter}');
    const name = screen.getByLabelText('Group name');
    expect(document.activeElement).toBe(name);
    await user.keyboard('Thursday lunch bunch');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Students in the group'));
    await user.keyboard('{Backspace}quinn{Enter}');
    await user.click(screen.getByLabelText('Group name'));
    await user.keyboard('{Enter}');

    await waitFor(() => expect(fake.callsTo('groups.update')).toEqual([{ id: thursday.id, name: 'Thursday lunch bunch', studentIds: [bt.id, qa.id] }]));
    await waitFor(() => expect(rows()[0]?.textContent).toContain('Thursday lunch bunch'));
    expect(rows()[0]?.textContent).toContain('BT-3301 · Bea T., QA-1200 · Quinn A.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change the group Thursday lunch bunch' })));
  });

  it('says what is wrong before saving a group with no students or a name already used, and Escape leaves it as it was', async () => {
    const fake = await seeded([group('Monday', [bt.id]), group('Thursday', [lm.id])]);
    const user = userEvent.setup();
    render(<SavedGroupsPanel />);
    await user.click(await screen.findByRole('button', { name: 'Change the group Thursday' }));
    await user.clear(screen.getByLabelText('Group name'));
    await user.type(screen.getByLabelText('Group name'), 'monday{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('There is already a group called “monday”. Choose another name.');
    await user.clear(screen.getByLabelText('Group name'));
    await user.type(screen.getByLabelText('Group name'), 'Thursday');
    await user.click(screen.getByLabelText('Students in the group'));
    await user.keyboard('{Backspace}');
    await user.click(screen.getByRole('button', { name: 'Save group' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose at least one student. To remove the group altogether, delete it.');
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('Group name')).toBeNull();
    expect(fake.callsTo('groups.update')).toEqual([]);
  });

  it('asks once before deleting; "Keep it" keeps the group, "Delete group" deletes it', async () => {
    const monday = group('Monday', [bt.id]);
    const fake = await seeded([monday, group('Thursday', [lm.id])]);
    const user = userEvent.setup();
    render(<SavedGroupsPanel />);
    await user.click(await screen.findByRole('button', { name: 'Delete the group Monday' }));
    const question = screen.getByRole('group', { name: 'Delete the group Monday?' });
    expect(question.textContent).toContain('The students and the sessions you logged with them stay');
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Keep it' }));
    await user.keyboard('{Enter}');
    expect(fake.callsTo('groups.delete')).toEqual([]);
    expect(rows()).toHaveLength(2);

    useUiStore.setState({ status: null });
    await user.click(screen.getByRole('button', { name: 'Delete the group Monday' }));
    await user.click(screen.getByRole('button', { name: 'Delete group' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(fake.callsTo('groups.delete')).toEqual([{ id: monday.id }]);
    expect(fake.state.groups.map((kept) => kept.name)).toEqual(['Thursday']);
    // The question was asked and the row is gone: no notice repeating it.
    expect(useUiStore.getState().status).toBeNull();
  });

  it('from the service form: "Change groups…" opens them, and the form offers the groups as changed', async () => {
    await seeded([group('Monday', [bt.id]), group('Thursday', [bt.id, lm.id])]);
    const user = userEvent.setup();
    render(<ServiceLog focusForm />);
    const choices = await screen.findByRole('group', { name: 'Saved groups' });
    await waitFor(() => expect(within(choices).getByRole('button', { name: 'Fill in the group Monday (1 student)' })).toBeTruthy());
    await user.click(within(choices).getByRole('button', { name: 'Change groups…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Saved groups' });
    await user.click(await within(dialog).findByRole('button', { name: 'Delete the group Monday' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete group' }));
    await waitFor(() => expect(within(dialog).getAllByRole('listitem')).toHaveLength(1));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(screen.getByRole('group', { name: 'Saved groups' })).queryByRole('button', { name: /Monday/ })).toBeNull();
    expect(within(screen.getByRole('group', { name: 'Saved groups' })).getByRole('button', { name: 'Fill in the group Thursday (2 students)' })).toBeTruthy();
  });
});
