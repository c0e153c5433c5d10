// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished } from 'vitest';
import { App } from '../../src-renderer/App';
import { QuickUnlockSettings } from '../../src-renderer/screens/QuickUnlockSettings';
import type { FakeState } from './fakeBridge';
import { fakeQuickUnlock } from './fakeQuickUnlock';
import { giveElementsASize, installFake } from './setup';

/* The PIN after a short break: the unlock screen's PIN mode and the settings panel, over the fake main side. */

function withQuickUnlock(initial: Parameters<typeof fakeQuickUnlock>[0], state: Partial<FakeState> = {}) {
  const { quick, handlers } = fakeQuickUnlock(initial);
  let current: FakeState | null = null;
  const fake = installFake({ state, handlers: handlers(() => current as FakeState) });
  current = fake.state;
  return { fake, quick };
}

describe('unlock screen with a PIN waiting', () => {
  it('asks for the PIN first (focused, numeric) and unlocks with it', async () => {
    const restore = giveElementsASize();
    onTestFinished(restore);
    const { fake } = withQuickUnlock({ pin: '246810', available: true, attemptsLeft: 3 }, { vault: 'locked' });
    const user = userEvent.setup();
    render(<App />);
    const field = (await screen.findByLabelText('PIN')) as HTMLInputElement;
    expect(field.inputMode).toBe('numeric');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    await user.type(field, '246810');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(fake.state.vault).toBe('unlocked'));
    expect(fake.callsTo('vault.unlockWithPin')).toEqual([{ pin: '246810' }]);
    await waitFor(() => expect(screen.queryByLabelText('PIN')).toBeNull());
  });

  it('says how many tries are left, and after the third wrong PIN shows the passphrase with a calm sentence', async () => {
    withQuickUnlock({ pin: '246810', available: true, attemptsLeft: 3 }, { vault: 'locked' });
    const user = userEvent.setup();
    render(<App />);
    const field = await screen.findByLabelText('PIN');
    await user.type(field, '111111{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('That PIN is not right. 2 more tries, then Sole Notes asks for your passphrase.');
    await user.type(screen.getByLabelText('PIN'), '111112{Enter}');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('1 more try,'));
    await user.type(screen.getByLabelText('PIN'), '111113{Enter}');
    expect(await screen.findByLabelText('Passphrase')).toBeTruthy();
    expect(screen.queryByLabelText('PIN')).toBeNull();
    expect(screen.getByText('For your safety, Sole Notes now asks for your passphrase. Your notes are safe.')).toBeTruthy();
  });

  it('"Use passphrase instead" leads to the passphrase field', async () => {
    withQuickUnlock({ pin: '246810', available: true, attemptsLeft: 3 }, { vault: 'locked' });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Use passphrase instead' }));
    expect(await screen.findByLabelText('Passphrase')).toBeTruthy();
  });

  it('shows the passphrase alone when no PIN unlock is possible', async () => {
    const { fake } = withQuickUnlock({ pin: null, available: false }, { vault: 'locked' });
    render(<App />);
    expect(await screen.findByLabelText('Passphrase')).toBeTruthy();
    expect(screen.queryByLabelText('PIN')).toBeNull();
    expect(fake.callsTo('quickUnlock.status').length).toBeGreaterThan(0);
  });
});

describe('settings: unlock with a PIN after a short break', () => {
  it('sets a PIN of six digits or more, typed twice, and explains it lasts the working day', async () => {
    const { fake, quick } = withQuickUnlock({ passphraseThisRun: true });
    const user = userEvent.setup();
    render(<QuickUnlockSettings />);
    expect(await screen.findByText(/until the end of your working day/)).toBeTruthy();
    expect(screen.getByText(/when Sole Notes is closed, it asks for your passphrase/)).toBeTruthy();

    await user.type(await screen.findByLabelText('PIN'), '12345');
    await user.type(screen.getByLabelText('The same PIN again'), '12345');
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Use at least 6 digits.');
    expect(fake.callsTo('quickUnlock.set')).toEqual([]);

    await user.type(screen.getByLabelText('PIN'), '123456');
    await user.type(screen.getByLabelText('The same PIN again'), '123465');
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not the same');

    await user.clear(screen.getByLabelText('PIN'));
    await user.clear(screen.getByLabelText('The same PIN again'));
    await user.type(screen.getByLabelText('PIN'), '246810');
    await user.type(screen.getByLabelText('The same PIN again'), '246810');
    await user.click(screen.getByLabelText('Also after the laptop’s screen locks'));
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));
    expect(await screen.findByText('A PIN is set for today.')).toBeTruthy();
    expect(fake.callsTo('quickUnlock.set')).toEqual([{ pin: '246810', afterScreenLock: false }]);
    expect(quick.pin).toBe('246810');

    // Change, then turn off.
    await user.click(screen.getByRole('button', { name: 'Change PIN' }));
    expect(screen.getByLabelText('New PIN')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(quick.pin).toBeNull());
    expect(await screen.findByRole('button', { name: 'Set PIN' })).toBeTruthy();
  });

  it('before the passphrase was typed in this run, says to unlock with it first', async () => {
    withQuickUnlock({ passphraseThisRun: false });
    render(<QuickUnlockSettings />);
    expect(await screen.findByText('Unlock with your passphrase first; then you can set a PIN.')).toBeTruthy();
    expect(screen.queryByLabelText('PIN')).toBeNull();
    act(() => undefined);
  });
});
