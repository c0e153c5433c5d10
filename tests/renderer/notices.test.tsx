// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppShell, NOTICE_MS } from '../../src-renderer/screens/AppShell';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { installFake } from './setup';

describe('notices', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a save for about 4 seconds, in the sidebar above Lock, out of the way of every control', async () => {
    installFake();
    render(<AppShell />);
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    vi.useFakeTimers();
    act(() => useUiStore.getState().announce('Service saved.'));
    // The notice's own live region (the sidebar also has the line about copies off this laptop).
    const status = screen.getAllByRole('status').find((element) => element.classList.contains('toast')) as HTMLElement;
    expect(status.textContent).toBe('Service saved.');
    expect(status.className).toBe('toast');
    // In the sidebar's own flow (not floating over the page), just above the Lock button.
    const foot = status.closest('footer.sidebar-foot') as HTMLElement;
    expect(foot).not.toBeNull();
    expect(within(foot).getByRole('button', { name: 'Lock' }).compareDocumentPosition(status) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(screen.getByRole('main').contains(status)).toBe(false);
    expect(NOTICE_MS).toBe(4000);

    act(() => vi.advanceTimersByTime(NOTICE_MS - 100));
    expect(status.textContent).toBe('Service saved.');
    act(() => vi.advanceTimersByTime(200));
    expect(status.textContent).toBe('');
    expect(status.className).toContain('is-empty');
  });

  it('keeps an error until the worker dismisses it', async () => {
    installFake();
    render(<AppShell />);
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    vi.useFakeTimers();
    act(() => useUiStore.getState().announceError('That did not save.'));
    act(() => vi.advanceTimersByTime(NOTICE_MS * 3));
    expect(screen.getByRole('alert').textContent).toContain('That did not save.');
  });
});
