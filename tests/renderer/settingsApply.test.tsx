// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../src-renderer/screens/Settings';
import { useSettingsStore } from '../../src-renderer/state/settingsStore';
import { installFake } from './setup';

describe('settings apply as soon as they are chosen', () => {
  it('changes the automatic lock at once, with no Save button, as the appearance choices do', async () => {
    const fake = installFake();
    await useSettingsStore.getState().load();
    const user = userEvent.setup();
    render(<Settings />);
    const lock = await screen.findByRole('region', { name: 'Automatic lock' });
    const appearance = screen.getByRole('region', { name: 'Appearance' });
    for (const panel of [lock, appearance]) expect(within(panel).queryByRole('button', { name: /^Save/ })).toBeNull();

    const after = within(lock).getByRole('combobox', { name: 'Lock after' }) as HTMLSelectElement;
    expect(after.selectedOptions[0]?.textContent).toBe('5 minutes');
    await user.selectOptions(after, '15 minutes');
    await waitFor(() => expect(fake.callsTo('settings.update')).toEqual([{ autoLockMinutes: 15 }]));
    expect(fake.state.settings.autoLockMinutes).toBe(15);
    expect(within(after).getAllByRole('option').map((option) => option.textContent)).toContain('4 hours');
  });
});
