// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { OffsiteStatus } from '../../src-renderer/screens/backups/OffsiteStatus';
import { BackupsPanel } from '../../src-renderer/screens/backups/BackupsPanel';
import { SecondPlacePrompt } from '../../src-renderer/screens/backups/SecondPlacePrompt';
import { resetVaultStores } from '../../src-renderer/state/createVaultStore';
import { installBackupsFake } from './backupsFake';

// Copies off this laptop in the renderer, over a fake main side: the sidebar
// line (where and when, a calm note after a week, "Can't see the drive"), the
// question on Today, and the backups panel with the drive unplugged.

const NOW = new Date('2026-11-23T16:00:00.000Z');
const USB = '/media/worker/USB DRIVE/Sole Notes copies';
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

beforeEach(() => resetVaultStores());

describe('the sidebar line about copies off this laptop', () => {
  it('says where and when the last copy was made', async () => {
    installBackupsFake({ state: { vault: 'unlocked' }, offsite: { folder: USB, kind: 'usb', lastCopyAt: daysAgo(3), reachable: true } });
    render(<OffsiteStatus now={() => NOW} onOpenBackups={() => undefined} />);
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Last copy on USB drive: 3 days ago');
    expect(status.className).not.toContain('is-warning');
  });

  it('says so calmly after a week without a copy', async () => {
    installBackupsFake({ state: { vault: 'unlocked' }, offsite: { folder: USB, kind: 'usb', lastCopyAt: daysAgo(8), reachable: true } });
    render(<OffsiteStatus now={() => NOW} onOpenBackups={() => undefined} />);
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Last copy on USB drive: 8 days agoOver a week ago. Plug in the drive to make a new copy.');
    expect(status.className).toContain('is-warning');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says it cannot see the drive when it is not plugged in, not that there are no copies', async () => {
    installBackupsFake({ state: { vault: 'unlocked' }, offsite: { folder: USB, kind: 'usb', lastCopyAt: daysAgo(1), reachable: false } });
    render(<OffsiteStatus now={() => NOW} onOpenBackups={() => undefined} />);
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Last copy on USB drive: yesterdayCan’t see the drive. Plug it in to make a copy.');
    expect(status.textContent).not.toMatch(/no (copies|backups)/i);
  });

  it('says there are no copies off this laptop yet, and opens the backups from the line', async () => {
    installBackupsFake({ state: { vault: 'unlocked' } });
    let opened = 0;
    render(<OffsiteStatus now={() => NOW} onOpenBackups={() => (opened += 1)} />);
    await userEvent.click(await screen.findByRole('button', { name: 'No copies off this laptop yet' }));
    expect(opened).toBe(1);
  });
});

describe('the question about a second place, on Today', () => {
  it('explains why, and a chosen USB folder becomes the second place; then it is not asked again', async () => {
    const fake = installBackupsFake({ state: { vault: 'unlocked' }, chooseFolder: USB });
    render(<SecondPlacePrompt now={() => NOW} />);
    expect(await screen.findByRole('heading', { name: 'A second place for copies' })).toBeTruthy();
    expect(screen.getByText(/If it is lost or breaks/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Choose a USB drive…' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'A second place for copies' })).toBeNull());
    expect(fake.calls.filter((call) => call.name === 'backups.updateSettings').map((call) => call.input)).toEqual([{ offsite: { folder: USB, kind: 'usb' } }]);
  });

  it('can be put off ("Not now") or turned off ("Don’t ask again")', async () => {
    const fake = installBackupsFake({ state: { vault: 'unlocked' } });
    const { unmount } = render(<SecondPlacePrompt now={() => NOW} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Not now' })).toBeNull());
    unmount();
    // A week later it asks again.
    render(<SecondPlacePrompt now={() => new Date(NOW.getTime() + 8 * DAY)} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Don’t ask again' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Don’t ask again' })).toBeNull());
    expect(fake.calls.filter((call) => call.name === 'backups.updateSettings').map((call) => call.input)).toEqual([
      { offsitePrompt: 'later' },
      { offsitePrompt: 'never' },
    ]);
  });
});

describe('the backups panel with the drive unplugged', () => {
  it('says it cannot see the drive rather than "No backups in this folder yet"', async () => {
    installBackupsFake({ state: { vault: 'unlocked' }, settings: { folder: USB, customFolder: true }, folderReachable: false });
    render(<BackupsPanel />);
    expect(await screen.findByText(/Can’t see the drive this folder is on/)).toBeTruthy();
    expect(screen.queryByText('No backups in this folder yet.')).toBeNull();
  });
});

describe('Settings → Backups: copies off this laptop', () => {
  it('chooses a second place after "Don’t ask again", says when the drive is out, and can stop the copies', async () => {
    const { callsTo } = installBackupsFake({
      state: { vault: 'unlocked' },
      chooseFolder: USB,
      settings: { offsitePrompt: { answer: 'never', at: daysAgo(30) } },
    });
    render(<BackupsPanel />);
    expect(await screen.findByRole('heading', { name: 'Copies off this laptop' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Choose a USB drive…' }));
    expect(await screen.findByText(USB)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Stop these copies' }));
    await waitFor(() => expect(screen.queryByText(USB)).toBeNull());
    expect(callsTo('backups.updateSettings')).toEqual([{ offsite: { folder: USB, kind: 'usb' } }, { offsite: null }]);
  });

  it('says it cannot see the drive of the second place', async () => {
    installBackupsFake({ state: { vault: 'unlocked' }, offsite: { folder: USB, kind: 'usb', lastCopyAt: daysAgo(2), reachable: false } });
    render(<BackupsPanel />);
    expect(await screen.findByText('Can’t see the drive. Plug it in and a copy is made within a minute.')).toBeTruthy();
  });
});
