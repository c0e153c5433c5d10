// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FreshBackupSetResult } from '../../shared/api/backupSchemas';
import type { RetentionDue } from '../../shared/api/retentionSchemas';
import { FreshBackupSet } from '../../src-renderer/screens/backups/FreshBackupSet';
import { RetentionNotice } from '../../src-renderer/screens/retention/RetentionNotice';
import { Failure } from './fakeBridge';
import { installFake } from './setup';

/* "Start a fresh backup set" on screen: asked first, then says plainly what it did and what it could not reach. */

const LAPTOP = '/home/worker/.config/Sole Notes/backups';
const USB = '/media/worker/USB DRIVE/Sole Notes copies';
const BOTH: FreshBackupSetResult = {
  at: '2026-07-01T09:00:00.000Z',
  newCopies: 2,
  removed: 6,
  places: [
    { where: 'backup-folder', folder: LAPTOP, newCopy: true, removed: 4 },
    { where: 'second-place', folder: USB, newCopy: true, removed: 2 },
  ],
  waiting: null,
};
const DRIVE_OUT: FreshBackupSetResult = { ...BOTH, newCopies: 1, removed: 4, places: [BOTH.places[0] as FreshBackupSetResult['places'][number]], waiting: { folder: USB, kind: 'usb' } };

function fakeFreshSet(result: () => FreshBackupSetResult) {
  const student = { studentId: '00000000-0000-4000-8000-00000000f001', code: 'RT-1', closedOn: '2026-01-15', dueOn: '2026-07-01', notes: 3, drafts: 0 };
  let due: RetentionDue = { retention: { rule: 'school_year_end' }, students: [student], notes: 3 };
  return installFake({
    handlers: {
      'backups.freshSet': () => result(),
      'retention.due': () => due,
      'retention.destroy': () => {
        due = { ...due, students: [], notes: 0 };
        return { students: 1, notes: 3, versions: 5, drafts: 0, at: '2026-07-01T09:00:00.000Z' };
      },
    },
  });
}

describe('a fresh backup set on screen', () => {
  it('asks first, does nothing on Cancel, then says how many older copies went and how many new ones were made', async () => {
    const fake = fakeFreshSet(() => BOTH);
    const user = userEvent.setup();
    render(<FreshBackupSet />);
    await user.click(screen.getByRole('button', { name: 'Start a fresh backup set' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Start a fresh backup set?' });
    expect(dialog.textContent).toContain('Afterwards you can’t go back to a backup from an earlier day.');
    expect(dialog.textContent).not.toMatch(/vault|hash|fingerprint/i);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsTo('backups.freshSet')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Start a fresh backup set' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Start a fresh set' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Older copies removed: 6; 2 new copies made.');
    expect(fake.callsTo('backups.freshSet')).toHaveLength(1);
  });

  it('after notes of closed cases are destroyed, offers it in the notice and says which drive it could not see', async () => {
    const fake = fakeFreshSet(() => DRIVE_OUT);
    const user = userEvent.setup();
    render(<RetentionNotice />);
    const notice = await screen.findByRole('region', { name: 'Notes of closed cases to destroy' });
    await user.click(within(notice).getByRole('button', { name: 'Review and destroy…' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Destroy 3 notes of closed cases?' });
    expect(confirm.textContent).toContain('Afterwards you can start a fresh backup set to remove them now.');
    expect(within(confirm).queryByRole('button', { name: 'Start a fresh backup set' })).toBeNull();
    await user.click(within(confirm).getByRole('button', { name: 'Destroy these notes' }));

    const after = await screen.findByRole('region', { name: 'Notes of closed cases' });
    await user.click(within(after).getByRole('button', { name: 'Start a fresh backup set' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Start a fresh backup set?' })).getByRole('button', { name: 'Start a fresh set' }));
    const status = await within(after).findByRole('status');
    expect(status.textContent).toContain('Older copies removed: 4; one new copy made.');
    expect(status.textContent).toContain('Can’t see the USB drive: its older copies stay until you plug it in.');
    expect(fake.callsTo('backups.freshSet')).toHaveLength(1);
  });

  it('says in plain words when the new copy could not be made, and keeps the button', async () => {
    fakeFreshSet(() => {
      throw new Failure('STORAGE_UNAVAILABLE', 'The backup folder is not there or is not a folder (is the USB drive plugged in?), so no backup was made.');
    });
    const user = userEvent.setup();
    render(<FreshBackupSet askFirst={false} />);
    await user.click(screen.getByRole('button', { name: 'Start a fresh backup set' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('is the USB drive plugged in?'));
    expect(screen.getByRole('button', { name: 'Start a fresh backup set' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
