// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandOutput } from '../../shared/api/contract';
import { INTEGRITY_POLL_MS, IntegrityBanner } from '../../src-renderer/screens/backups/IntegrityBanner';
import { installFake } from './setup';

// The background integrity check after unlock, as the renderer shows it:
// nothing while it runs or once the vault is found sound; damage said on every
// screen, with the latest backup offered.

type Status = CommandOutput<'vault.status'>;
const CHECKING: Status = { state: 'unlocked', integrity: { status: 'checking' } };
const SOUND: Status = { state: 'unlocked', integrity: { status: 'ok' } };
const BACKUP = { id: 'sole-notes-backup-20261121T210000000Z-ab12', createdAt: '2026-11-21T21:00:00.000Z' };
const DAMAGED: Status = { state: 'unlocked', integrity: { status: 'damaged', latestBackup: BACKUP } };

/** The main side answers these statuses in turn, the last one from then on. */
function answering(...statuses: Status[]) {
  let asked = 0;
  const fake = installFake({ state: { vault: 'unlocked' }, handlers: { 'vault.status': () => statuses[Math.min(asked++, statuses.length - 1)] as Status } });
  return { fake, asked: () => asked };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the integrity banner', () => {
  it('says nothing while the check runs, asks again until it has finished, then stops asking when the vault is sound', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { asked } = answering(CHECKING, CHECKING, SOUND);
    render(<IntegrityBanner />);
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(asked()).toBe(1);
    expect(screen.queryByRole('alert')).toBeNull();
    await act(async () => vi.advanceTimersByTimeAsync(INTEGRITY_POLL_MS * 5));
    expect(asked()).toBe(3);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the vault is damaged, that nothing was deleted and backups are paused, and offers the latest backup', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    answering(CHECKING, DAMAGED);
    render(<IntegrityBanner />);
    await act(async () => vi.advanceTimersByTimeAsync(INTEGRITY_POLL_MS));
    vi.useRealTimers();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Part of the file that holds your notes is damaged.');
    expect(alert.textContent).toContain('Nothing was deleted.');
    expect(alert.textContent).toContain('New backups are paused');
    await userEvent.setup().click(screen.getByRole('button', { name: /^Restore the backup made / }));
    // The restore dialog for that backup, which needs no passphrase: the open vault's key opens a backup of itself.
    const dialog = await screen.findByRole('dialog', { name: /^Restore the backup made / });
    expect(dialog.querySelector('input[type="password"]')).toBeNull();
  });

  it('without a backup, says whom to ask instead', async () => {
    answering({ state: 'unlocked', integrity: { status: 'damaged', latestBackup: null } });
    render(<IntegrityBanner />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('There is no backup of your notes to restore');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
