// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/App';
import { backupWhenAtStart, onBackupWhen } from '../../src-renderer/lib/backupWords';
import { BackupsPanel } from '../../src-renderer/screens/backups/BackupsPanel';
import { UNDONE_NOTICE } from '../../src-renderer/screens/backups/PendingRestoreBanner';
import { CreateVault } from '../../src-renderer/screens/CreateVault';
import { Settings } from '../../src-renderer/screens/Settings';
import { Unlock } from '../../src-renderer/screens/Unlock';
import { useSettingsStore } from '../../src-renderer/state/settingsStore';
import { useUiStore } from '../../src-renderer/state/uiStore';
import { pauseAnnouncement, useUnlockDelayStore } from '../../src-renderer/state/unlockDelayStore';
import { useVaultStore } from '../../src-renderer/state/vaultStore';
import { DEFAULT_FOLDER, installBackupsFake, makeBackup } from './backupsFake';

// Backups and restore in the renderer, over a fake main side: the Settings
// panel, the restore confirm and the notice while a restore waits, the pause
// after too many wrong passphrases, and the backup offered when the vault is
// damaged or when there is no vault yet (a new laptop).

// The laptop's time zone as the worker's (America/Chicago in the fake's settings), so that times read the same
// before and after the settings load; hoisted, to come before the date formats are made.
vi.hoisted(() => {
  (globalThis as unknown as { process: { env: Record<string, string> } }).process.env.TZ = 'America/Chicago';
});

const USB = '/media/worker/USB DRIVE/Sole Notes backups';
const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSPHRASE = 'lantern harbor seventy walnut';
const NEWEST = makeBackup('2026-11-22T21:30:00.000Z', { reason: 'automatic', bytes: 2_400_000 });
const OLDER = makeBackup('2026-11-18T14:05:00.000Z', { bytes: 2_100_000 });
const OTHER_VAULT = makeBackup('2026-10-02T09:00:00.000Z', { sameVault: false, vaultId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', bytes: 900_000 });
const DRIVE_MISSING = 'The backup folder is not there or is not a folder (is the USB drive plugged in?), so no backup was made.';

afterEach(() => {
  vi.useRealTimers();
  useUnlockDelayStore.getState().clear();
});

describe('Settings → Backups', () => {
  it('is a panel of Settings', async () => {
    installBackupsFake();
    await useSettingsStore.getState().load();
    render(<Settings />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Backups' })).toBeTruthy();
    expect(await screen.findByText(DEFAULT_FOLDER)).toBeTruthy();
  });

  it('shows where backups go, the backups there and the last failure in plain words', async () => {
    installBackupsFake({
      backups: [NEWEST, OLDER, OTHER_VAULT],
      settings: { folder: USB, customFolder: true },
      lastFailure: { at: '2026-11-23T08:00:00.000Z', code: 'STORAGE_UNAVAILABLE', message: DRIVE_MISSING },
    });
    render(<BackupsPanel />);
    const failure = await screen.findByRole('alert');
    expect(failure.textContent).toBe(
      `No backup could be made ${onBackupWhen('2026-11-23T08:00:00.000Z')}.Sole Notes could not reach the backup folder. If it is on a USB drive, plug the drive in, then choose Back up now.`,
    );
    expect(screen.getByText(USB)).toBeTruthy();
    expect(screen.getByText(/^A folder you chose\. If it is on a USB drive, plug the drive in/)).toBeTruthy();

    const list = screen.getByRole('list', { name: 'Backups in this folder' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.backup-row-text')?.textContent)).toEqual([
      `${backupWhenAtStart(NEWEST.createdAt)}Automatic, as Sole Notes locked · 2.4 MB`,
      `${backupWhenAtStart(OLDER.createdAt)}Made with Back up now · 2.1 MB`,
      `${backupWhenAtStart(OTHER_VAULT.createdAt)}Made with Back up now · 900 KB` + 'From another set of notes',
    ]);
    expect(within(items[0] as HTMLElement).getByRole('button', { name: `Restore the backup made ${onBackupWhen(NEWEST.createdAt)}` })).toBeTruthy();
  });

  it('changes the folder (chosen, then the standard one), automatic backups and how many to keep', async () => {
    const { callsTo } = installBackupsFake({ backups: [NEWEST], chooseFolder: USB });
    const user = userEvent.setup();
    render(<BackupsPanel />);
    await screen.findByText(DEFAULT_FOLDER);
    expect(screen.queryByRole('button', { name: 'Use the standard folder' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Choose another folder…' }));
    await screen.findByText(USB);
    expect(callsTo('system.chooseFolder')).toEqual([{ purpose: 'backup-folder' }]);
    expect(callsTo('backups.updateSettings')).toEqual([{ folder: USB }]);
    expect(useUiStore.getState().status?.text).toBe('Backups go to the folder you chose.');

    await user.click(screen.getByRole('button', { name: 'Use the standard folder' }));
    await screen.findByText(DEFAULT_FOLDER);
    expect(callsTo('backups.updateSettings').at(-1)).toEqual({ folder: null });

    // The folder opens in the system's file manager.
    await user.click(screen.getByRole('button', { name: 'Show in folder' }));
    expect(callsTo('system.showInFolder')).toEqual([{ path: DEFAULT_FOLDER }]);

    const automatic = screen.getByRole('checkbox', { name: 'Back up automatically' });
    expect((automatic as HTMLInputElement).checked).toBe(true);
    expect(automatic.getAttribute('aria-describedby')).toBeTruthy();
    await user.click(automatic);
    await waitFor(() => expect((automatic as HTMLInputElement).checked).toBe(false));
    expect(callsTo('backups.updateSettings').at(-1)).toEqual({ automatic: false });

    const keep = screen.getByRole('textbox', { name: 'Backups to keep' });
    await user.clear(keep);
    await user.type(keep, '0');
    // Applied on leaving the field, like every other setting: no Save button.
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    await user.tab();
    expect(screen.getByText('Enter a whole number from 1 to 100.')).toBeTruthy();
    expect(keep.getAttribute('aria-invalid')).toBe('true');
    expect(callsTo('backups.updateSettings')).toHaveLength(3);
    await user.clear(keep);
    await user.type(keep, '5{Enter}');
    await waitFor(() => expect(callsTo('backups.updateSettings').at(-1)).toEqual({ keep: 5 }));
    expect(screen.queryByText('Enter a whole number from 1 to 100.')).toBeNull();
    await waitFor(() => expect(useUiStore.getState().status?.text).toBe('Sole Notes keeps the newest 5 backups.'));
  });

  it('backs up now: the new backup heads the list and a past failure goes', async () => {
    const { callsTo } = installBackupsFake({ backups: [OLDER], lastFailure: { at: '2026-11-23T08:00:00.000Z', code: 'STORAGE_UNAVAILABLE', message: DRIVE_MISSING } });
    const user = userEvent.setup();
    render(<BackupsPanel />);
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(callsTo('backups.create')).toEqual([{}]);
    const items = within(screen.getByRole('list', { name: 'Backups in this folder' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('Made with Back up now · 2.5 MB');
    expect(useUiStore.getState().status?.text).toBe('Backup made.');
  });

  it('a backup that fails says why, as an alert, in plain words', async () => {
    installBackupsFake({ backups: [OLDER], createError: { code: 'STORAGE_UNAVAILABLE', message: DRIVE_MISSING } });
    const user = userEvent.setup();
    render(<BackupsPanel />);
    await user.click(await screen.findByRole('button', { name: 'Back up now' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Sole Notes could not reach the backup folder.');
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeTruthy();
  });
});

async function openAppUnlocked() {
  const user = userEvent.setup();
  render(<App />);
  // The first unlocked screen of the file loads the screens' chunk: on a busy machine that takes more than a second.
  await screen.findByRole('heading', { level: 1, name: 'Today' }, { timeout: 10_000 });
  return user;
}

describe('restoring while unlocked: the confirm, then the notice until kept or undone', () => {
  it('says what happens, restores with the open vault’s key, shows the notice on every screen, and keeping it ends the notice', async () => {
    const { callsTo } = installBackupsFake({ backups: [NEWEST, OLDER] });
    const user = await openAppUnlocked();
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await user.click(await screen.findByRole('button', { name: `Restore the backup made ${onBackupWhen(OLDER.createdAt)}` }));

    const dialog = screen.getByRole('dialog', { name: `Restore the backup made ${onBackupWhen(OLDER.createdAt)}?` });
    const steps = within(dialog).getAllByRole('listitem').map((item) => item.textContent);
    expect(steps).toEqual([
      'Sole Notes first checks the backup: that nothing in it is missing or damaged, and that it opens. If it does not, nothing is replaced.',
      'Your notes as they are now are set aside, not deleted.',
      `You then see your notes as they were ${onBackupWhen(OLDER.createdAt)}. Anything written since is not in this backup.`,
      'You choose: keep the restored notes, or go back to how it was before. Until you choose, nothing is lost.',
    ]);
    // A backup of this vault, while it is unlocked: its own key opens it, so nothing is asked.
    expect(within(dialog).queryByLabelText('Passphrase')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Cancel');
    await user.click(within(dialog).getByRole('button', { name: 'Check and restore' }));

    const notice = await screen.findByRole('region', { name: /^You are looking at your notes as they were/ });
    expect(notice.querySelector('.restore-banner-title')?.textContent).toBe(`You are looking at your notes as they were ${onBackupWhen(OLDER.createdAt)}.`);
    expect(callsTo('backups.restore')).toEqual([{ id: OLDER.id }]);
    expect(notice.textContent).toContain('Keep it, or go back to how it was before.');
    // Everything read before the restore is dropped: the app starts again at Today.
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeTruthy();
    // The banner says which day it is: no notice repeating it.
    expect(useUiStore.getState().status).toBeNull();
    await user.click(screen.getByRole('link', { name: 'Service log' }));
    expect(screen.getByRole('region', { name: /^You are looking at your notes as they were/ })).toBeTruthy();

    await user.click(within(notice).getByRole('button', { name: 'Keep these notes' }));
    const keep = screen.getByRole('alertdialog', { name: `Keep your notes as they were ${onBackupWhen(OLDER.createdAt)}?` });
    expect(keep.textContent).toContain('Your notes from before the restore are then deleted');
    expect(document.activeElement?.textContent).toBe('Not yet');
    await user.click(within(keep).getByRole('button', { name: 'Keep the restored notes' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /^You are looking at your notes as they were/ })).toBeNull());
    expect(callsTo('backups.confirmRestore')).toEqual([{}]);
    // The dialog said what keeping deletes: no notice repeating it.
    expect(useUiStore.getState().status).toBeNull();
  });

  it('going back locks, and the unlock screen says the vault is back as it was before', async () => {
    const pendingRestore = { backupId: OLDER.id, backupCreatedAt: OLDER.createdAt, restoredAt: '2026-11-23T10:00:00.000Z', keys: 'kept' as const };
    const { callsTo } = installBackupsFake({ backups: [OLDER], pendingRestore });
    const user = await openAppUnlocked();
    const notice = await screen.findByRole('region', { name: /^You are looking at your notes as they were/ });
    await user.click(within(notice).getByRole('button', { name: 'Go back to how it was before' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Go back to how it was before the restore?' });
    await user.click(within(dialog).getByRole('button', { name: 'Go back' }));

    await screen.findByRole('heading', { level: 1, name: 'Sole Notes is locked' });
    expect(callsTo('backups.undoRestore')).toEqual([{}]);
    expect(screen.getByText(UNDONE_NOTICE)).toBeTruthy();
    expect(screen.queryByText(/You locked Sole Notes/)).toBeNull();
  });

  it('shows the notice again after an unlock while the restore still waits', async () => {
    const pendingRestore = { backupId: OLDER.id, backupCreatedAt: OLDER.createdAt, restoredAt: '2026-11-23T10:00:00.000Z', keys: 'kept' as const };
    installBackupsFake({ state: { vault: 'locked' }, backups: [OLDER], pendingRestore });
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASSPHRASE}{Enter}`);
    const notice = await screen.findByRole('region', { name: /^You are looking at your notes as they were/ });
    expect(notice.getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByText(`You are looking at your notes as they were ${onBackupWhen(OLDER.createdAt)}.`)).toBeTruthy();
  });

  it('a backup of another vault asks for its passphrase or recovery key, and a wrong one says which passphrase opens it', async () => {
    const { callsTo } = installBackupsFake({ backups: [OTHER_VAULT], backupPassphrase: 'another vault passphrase' });
    const user = await openAppUnlocked();
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await user.click(await screen.findByRole('button', { name: `Restore the backup made ${onBackupWhen(OTHER_VAULT.createdAt)}` }));
    const dialog = screen.getByRole('dialog');
    const field = within(dialog).getByLabelText('Passphrase');
    expect(document.activeElement).toBe(field);
    expect(within(dialog).getByRole('button', { name: 'Check and restore' }).hasAttribute('disabled')).toBe(true);
    await user.type(field, `${PASSPHRASE}{Enter}`);
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      `That passphrase does not open this backup. Use the passphrase you had ${onBackupWhen(OTHER_VAULT.createdAt)}, or the recovery key.`,
    );
    await user.clear(field);
    await user.type(field, 'another vault passphrase{Enter}');
    await screen.findByRole('region', { name: /^You are looking at your notes as they were/ });
    expect(callsTo('backups.restore')).toEqual([
      { id: OTHER_VAULT.id, passphrase: PASSPHRASE },
      { id: OTHER_VAULT.id, passphrase: 'another vault passphrase' },
    ]);
  });
});

describe('the pause after too many wrong passphrases', () => {
  it('counts down calmly, keeps the field typeable, announces only the start and the end, and survives the screen being rebuilt', async () => {
    // Fake timers and clock; events through fireEvent, which (unlike user-event) waits on no timer of its own.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    let answers = 0;
    const { callsTo } = installBackupsFake({
      state: { vault: 'locked' },
      unlockError: () => (answers++ === 0 ? { code: 'TOO_MANY_ATTEMPTS', message: 'Too many wrong passphrases in a row. Wait 3 seconds, then try again.', details: { retryAfterSeconds: 3 } } : null),
    });
    useVaultStore.setState({ view: 'locked' });
    const settle = (ms: number) =>
      act(async () => {
        await vi.advanceTimersByTimeAsync(ms);
      });
    const field = () => screen.getByLabelText('Passphrase') as HTMLInputElement;
    const unlock = () => screen.getByRole('button', { name: 'Unlock' });
    const announcement = () => screen.getByTestId('pause-announcement');
    const typeAndSubmit = async (text: string) => {
      fireEvent.change(field(), { target: { value: text } });
      fireEvent.submit(field().form as HTMLFormElement);
      await settle(0);
    };

    const first = render(<Unlock />);
    expect(announcement().textContent).toBe('');
    await typeAndSubmit('wrong guess');

    expect(unlock().hasAttribute('disabled')).toBe(true);
    const wait = screen.getByText('Wait 3 seconds before trying again.');
    // The count is not itself a live region (it would speak every second); the announcer is, and says the start once.
    expect(wait.closest('[role="status"], [role="alert"], [aria-live]')).toBeNull();
    expect(announcement().getAttribute('role')).toBe('status');
    expect(announcement().textContent).toBe(pauseAnnouncement(3));
    expect(field().getAttribute('aria-describedby')).toBe(wait.closest('.pause-notice')?.id);
    expect(screen.queryByRole('alert')).toBeNull();

    // The field stays typeable; submitting (Enter) does not try again while the pause lasts.
    expect(field().disabled).toBe(false);
    await typeAndSubmit(PASSPHRASE);
    expect(field().value).toBe(PASSPHRASE);
    expect(callsTo('vault.unlock')).toHaveLength(1);

    await settle(1000);
    expect(screen.getByText('Wait 2 seconds before trying again.')).toBeTruthy();
    expect(announcement().textContent).toBe(pauseAnnouncement(3));

    // Rebuilt (as after a lock event, or the recovery-key screen and back): the pause carries on where it was.
    first.unmount();
    render(<Unlock />);
    expect(screen.getByText('Wait 2 seconds before trying again.')).toBeTruthy();
    expect(unlock().hasAttribute('disabled')).toBe(true);
    await settle(1000);
    expect(screen.getByText('Wait 1 second before trying again.')).toBeTruthy();
    expect(announcement().textContent).toBe(pauseAnnouncement(3));
    await settle(1000);
    expect(screen.queryByText(/before trying again/)).toBeNull();
    expect(announcement().textContent).toBe('You can try your passphrase again now.');

    fireEvent.change(field(), { target: { value: PASSPHRASE } });
    expect(unlock().hasAttribute('disabled')).toBe(false);
    fireEvent.click(unlock());
    await settle(0);
    expect(callsTo('vault.unlock')).toHaveLength(2);
    expect(useVaultStore.getState().view).toBe('unlocked');
    expect(useUnlockDelayStore.getState()).toMatchObject({ until: null, announcement: '' });
  });

  it('starts the countdown with the wrong passphrase that sets the pause, beside the message that it was wrong', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    let answers = 0;
    const { callsTo } = installBackupsFake({
      state: { vault: 'locked' },
      unlockError: () => (answers++ === 0 ? { code: 'WRONG_PASSPHRASE', message: 'That passphrase is not right.', details: { retryAfterSeconds: 2 } } : null),
    });
    useVaultStore.setState({ view: 'locked' });
    const settle = (ms: number) =>
      act(async () => {
        await vi.advanceTimersByTimeAsync(ms);
      });
    render(<Unlock />);
    const field = screen.getByLabelText('Passphrase') as HTMLInputElement;
    fireEvent.change(field, { target: { value: 'wrong guess' } });
    fireEvent.submit(field.form as HTMLFormElement);
    await settle(0);

    expect(screen.getByRole('alert').textContent).toMatch(/^That passphrase did not open your notes\./);
    expect(screen.getByText('Wait 2 seconds before trying again.')).toBeTruthy();
    expect(screen.getByTestId('pause-announcement').textContent).toBe(pauseAnnouncement(2));
    expect(screen.getByRole('button', { name: 'Unlock' }).hasAttribute('disabled')).toBe(true);

    await settle(2000);
    fireEvent.change(field, { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await settle(0);
    expect(callsTo('vault.unlock')).toHaveLength(2);
    expect(useVaultStore.getState().view).toBe('unlocked');
  });
});

describe('a damaged vault: nothing was changed, and the latest backup is offered', () => {
  it('offers the newest backup and restores it with the passphrase of its day', async () => {
    const { callsTo } = installBackupsFake({
      state: { vault: 'locked' },
      backups: [NEWEST],
      backupPassphrase: 'passphrase of that day',
      unlockError: () => ({
        code: 'VAULT_CORRUPT',
        message: 'Part of the vault database cannot be read: it is damaged. Nothing was changed; restore a backup.',
        details: { latestBackup: { id: NEWEST.id, createdAt: NEWEST.createdAt } },
      }),
    });
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASSPHRASE}{Enter}`);

    await screen.findByRole('heading', { level: 1, name: 'Your notes could not be opened' });
    expect(screen.getByText(/^Part of the file that holds your notes on this laptop is damaged, so Sole Notes did not open it\./)).toBeTruthy();
    expect(screen.getByText('Nothing was changed or deleted.')).toBeTruthy();
    expect(screen.getByText(new RegExp(`^Your latest backup was made ${onBackupWhen(NEWEST.createdAt)}\\.`))).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Restore this backup…' }));

    const dialog = screen.getByRole('dialog', { name: `Restore the backup made ${onBackupWhen(NEWEST.createdAt)}?` });
    expect(dialog.textContent).toContain('The damaged notes are set aside, not deleted, in case they are needed.');
    expect(within(dialog).getByRole('radio', { name: 'The passphrase it was made with' })).toHaveProperty('checked', true);
    await user.type(within(dialog).getByLabelText('Passphrase'), 'passphrase of that day{Enter}');

    await screen.findByRole('region', { name: /^You are looking at your notes as they were/ });
    expect(screen.getByText(`You are looking at your notes as they were ${onBackupWhen(NEWEST.createdAt)}.`)).toBeTruthy();
    expect(callsTo('backups.restore')).toEqual([{ id: NEWEST.id, passphrase: 'passphrase of that day' }]);
    expect(useVaultStore.getState().view).toBe('unlocked');
  });

  it('restores with the recovery key when the passphrase of that day is forgotten', async () => {
    const { fake, callsTo } = installBackupsFake({
      state: { vault: 'locked' },
      backups: [NEWEST],
      unlockError: () => ({ code: 'KEYS_CORRUPT', message: 'The keys file is damaged.', details: { latestBackup: { id: NEWEST.id, createdAt: NEWEST.createdAt } } }),
    });
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASSPHRASE}{Enter}`);
    expect(await screen.findByText('The file that unlocks your notes on this laptop is damaged, so Sole Notes cannot open them.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Restore this backup…' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'The recovery key' }));
    const recoveryKey = fake.state.recoveryKey.toLowerCase();
    await user.type(within(dialog).getByLabelText('Recovery key'), recoveryKey);
    // With the recovery key comes the passphrase from now on; the button waits for it, strong and typed twice.
    const group = within(dialog).getByRole('group', { name: 'Your passphrase from now on' });
    expect(group.textContent).toContain(`It replaces the passphrase you had ${onBackupWhen(NEWEST.createdAt)}.`);
    const restoreButton = within(dialog).getByRole('button', { name: 'Check and restore' });
    expect(restoreButton).toHaveProperty('disabled', true);
    await user.type(within(group).getByLabelText('New passphrase'), NEW_PASSPHRASE);
    await user.type(within(group).getByLabelText('Confirm new passphrase'), `${NEW_PASSPHRASE.slice(0, -1)}`);
    expect(await within(group).findByText('The two passphrases are not the same yet.')).toBeTruthy();
    expect(restoreButton).toHaveProperty('disabled', true);
    await user.type(within(group).getByLabelText('Confirm new passphrase'), NEW_PASSPHRASE.slice(-1));
    await waitFor(() => expect(restoreButton).toHaveProperty('disabled', false));
    await user.click(restoreButton);
    await screen.findByRole('region', { name: /^You are looking at your notes as they were/ });
    expect(callsTo('backups.restore')).toEqual([{ id: NEWEST.id, recoveryKey, newPassphrase: NEW_PASSPHRASE }]);
  });

  it('says so when the database is missing, and still offers the latest backup', async () => {
    installBackupsFake({
      state: { vault: 'locked' },
      backups: [NEWEST],
      unlockError: () => ({ code: 'VAULT_NOT_FOUND', message: 'No vault database.', details: { latestBackup: { id: NEWEST.id, createdAt: NEWEST.createdAt } } }),
    });
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASSPHRASE}{Enter}`);
    expect(await screen.findByText('The file that holds your notes is missing from this laptop, so Sole Notes cannot open it.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Restore this backup…' })).toBeTruthy();
    // Back to the unlock form, as it was.
    await user.click(screen.getByRole('button', { name: 'Back to unlocking' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sole Notes is locked' })).toBeTruthy();
  });

  it('without a backup in the backup folder, offers to look in another folder (a USB drive)', async () => {
    const { callsTo } = installBackupsFake({
      state: { vault: 'locked' },
      folders: { [USB]: [NEWEST, OLDER] },
      chooseFolder: USB,
      unlockError: () => ({ code: 'VAULT_CORRUPT', message: 'Damaged.', details: { latestBackup: null } }),
    });
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASSPHRASE}{Enter}`);
    expect(await screen.findByText(/^There is no backup of your notes in the backup folder\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Choose a backup folder…' }));
    const pick = await screen.findByRole('dialog', { name: 'Choose a backup' });
    expect(callsTo('system.chooseFolder')).toEqual([{ purpose: 'backup-source' }]);
    expect(callsTo('backups.list').at(-1)).toEqual({ folder: USB });
    expect(within(pick).getAllByRole('radio').map((radio) => (radio as HTMLInputElement).checked)).toEqual([true, false]);

    await user.click(within(pick).getByRole('button', { name: 'Continue' }));
    const dialog = screen.getByRole('dialog', { name: `Restore the backup made ${onBackupWhen(NEWEST.createdAt)}?` });
    await user.type(within(dialog).getByLabelText('Passphrase'), `${PASSPHRASE}{Enter}`);
    await screen.findByRole('region', { name: /^You are looking at your notes as they were/ });
    expect(callsTo('backups.restore')).toEqual([{ id: NEWEST.id, folder: USB, passphrase: PASSPHRASE }]);
  });
});

describe('first run: restore from a backup on a new laptop', () => {
  it('chooses the folder, picks a backup, opens it with the recovery key, and keeps it at once (there is nothing to go back to)', async () => {
    const { fake, callsTo } = installBackupsFake({ state: { vault: 'absent' }, folders: { [USB]: [NEWEST, OLDER] }, chooseFolder: USB });
    useVaultStore.setState({ view: 'absent' });
    const user = userEvent.setup();
    render(<CreateVault />);
    await user.click(screen.getByRole('button', { name: 'Restore from a backup…' }));

    const pick = await screen.findByRole('dialog', { name: 'Choose a backup' });
    expect(pick.textContent).toContain(USB);
    await user.click(within(pick).getByRole('radio', { name: new RegExp(`^${backupWhenAtStart(OLDER.createdAt)}`) }));
    await user.click(within(pick).getByRole('button', { name: 'Continue' }));

    const dialog = screen.getByRole('dialog', { name: `Restore the backup made ${onBackupWhen(OLDER.createdAt)}?` });
    expect(dialog.textContent).toContain('There are no notes on this laptop yet, so nothing here is replaced.');
    await user.click(within(dialog).getByRole('radio', { name: 'The recovery key' }));
    const recoveryKey = fake.state.recoveryKey;
    await user.type(within(dialog).getByLabelText('Recovery key'), recoveryKey);
    await user.type(within(dialog).getByLabelText('New passphrase'), NEW_PASSPHRASE);
    await user.type(within(dialog).getByLabelText('Confirm new passphrase'), NEW_PASSPHRASE);
    const restoreButton = within(dialog).getByRole('button', { name: 'Check and restore' });
    await waitFor(() => expect(restoreButton).toHaveProperty('disabled', false));
    await user.click(restoreButton);

    await waitFor(() => expect(useVaultStore.getState().view).toBe('unlocked'));
    expect(callsTo('backups.restore')).toEqual([{ id: OLDER.id, folder: USB, recoveryKey, newPassphrase: NEW_PASSPHRASE }]);
    expect(callsTo('backups.confirmRestore')).toEqual([{}]);
    expect(useUiStore.getState().status?.text).toBe(`Your notes are restored from the backup made ${onBackupWhen(OLDER.createdAt)}.`);
  });

  it('says so when the chosen folder holds no backups, and lets the worker choose another', async () => {
    const { callsTo } = installBackupsFake({ state: { vault: 'absent' }, chooseFolder: '/media/worker/USB DRIVE' });
    const user = userEvent.setup();
    render(<CreateVault />);
    await user.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    const dialog = await screen.findByRole('dialog', { name: 'No backups in this folder' });
    expect(dialog.textContent).toContain('/media/worker/USB DRIVE');
    await user.click(within(dialog).getByRole('button', { name: 'Choose another folder…' }));
    await waitFor(() => expect(callsTo('system.chooseFolder')).toHaveLength(2));
  });

  it('cancelling the folder dialog changes nothing', async () => {
    const { callsTo } = installBackupsFake({ state: { vault: 'absent' }, chooseFolder: null });
    const user = userEvent.setup();
    render(<CreateVault />);
    await user.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    await waitFor(() => expect(callsTo('system.chooseFolder')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsTo('backups.list')).toEqual([]);
  });
});
