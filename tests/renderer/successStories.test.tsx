// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SuccessStories } from '../../src-renderer/screens/SuccessStories';
import { StandingDuties } from '../../src-renderer/screens/StandingDuties';
import { todayIso } from '../../src-renderer/lib/dates';
import { addMonths, monthLabel, monthOf } from '../../src-renderer/lib/months';
import { installFake } from './setup';

describe('success stories on the Reports screen', () => {
  it('will not save a story the check flags, and puts a saved story in the report only when confirmed', async () => {
    installFake();
    let reloads = 0;
    const user = userEvent.setup();
    render(<SuccessStories month="2026-02" onChanged={() => (reloads += 1)} />);
    const box = await screen.findByLabelText('New story');
    await user.type(box, 'A student with ADHD now stays in class.');
    expect(screen.getByRole('button', { name: 'Save story' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/cannot be saved while it has this/)).toBeTruthy();

    await user.clear(box);
    await user.type(box, 'A fourth grader who missed most Mondays came every day this month.');
    await user.click(screen.getByRole('button', { name: 'Save story' }));
    const list = await screen.findByRole('list', { name: 'Stories for February 2026' });
    expect(within(list).getByText('Not in the report yet.')).toBeTruthy();
    expect(reloads).toBe(0);

    await user.click(within(list).getByRole('button', { name: 'Confirm for the report' }));
    await waitFor(() => expect(within(list).getByText('In the report.')).toBeTruthy());
    expect(reloads).toBe(1);
  });
});

describe('standing duties in Settings', () => {
  it('adds a duty with its minutes a month, refuses minutes that are not a number, and ends a duty', async () => {
    installFake();
    const user = userEvent.setup();
    render(<StandingDuties />);
    await screen.findByText('No standing duties yet.');
    await user.type(screen.getByLabelText('Duty'), '504 coordinator');
    await user.type(screen.getByLabelText('Minutes a month'), 'lots');
    await user.click(screen.getByRole('button', { name: 'Add duty' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/whole number/);
    await user.clear(screen.getByLabelText('Minutes a month'));
    await user.type(screen.getByLabelText('Minutes a month'), '240');
    await user.click(screen.getByRole('button', { name: 'Add duty' }));
    const standing = await screen.findByRole('list', { name: 'Standing duties' });
    expect(standing.textContent).toContain('504 coordinator · 240 min a month');
    // A duty already held counts from last month, the report usually made, unless another month is picked.
    expect(standing.textContent).toContain(`since ${monthLabel(addMonths(monthOf(todayIso()), -1))}`);
    await user.click(within(standing).getByRole('button', { name: 'End 504 coordinator after this month' }));
    expect((await screen.findByRole('list', { name: 'Ended duties' })).textContent).toContain('504 coordinator');
  });
});
