import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../../shared/domain/autoLock';
import { createdVault, removeDir, TEST_PASSPHRASE } from '../../helpers/tempVault';

/* The idle lock of a new vault: 10 minutes, now that a PIN can open it again after a short break. */

let root: string | null = null;
afterEach(() => {
  if (root) removeDir(root);
  root = null;
});

describe('idle lock default', () => {
  it('is 10 minutes for a new vault, kept across a lock, and the fallback when settings cannot be read', async () => {
    const made = await createdVault();
    root = made.root;
    expect(made.session.data.settings.get().autoLockMinutes).toBe(10);
    made.session.lock('user');
    await made.session.unlock(TEST_PASSPHRASE);
    expect(made.session.data.settings.get().autoLockMinutes).toBe(10);
    expect(DEFAULT_AUTO_LOCK_MINUTES).toBe(10);
    made.session.lock('user');
  });
});
