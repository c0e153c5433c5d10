import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { callRouter } from './demoData';
import { startApp, type App } from './harness';
import { expectNothingWentWrong } from './nothingWentWrong';
import { ui, unlockThroughUi } from './ui';

// A new laptop, in Chromium over real vaults: the old laptop's vault was
// backed up to a USB drive; the worker no longer knows the passphrase of
// that day. The first-run screen restores the backup with the recovery key,
// and the passphrase chosen in the same dialog is the one in force from
// then on: the old one no longer opens the vault.

const NOTE = 'Check in with the new fourth grader on Friday.';
const FROM_NOW_ON = 'lantern harbor seventy walnut';

describe('restoring on a new laptop with the recovery key (end to end)', () => {
  let root: string;
  let usb: string;
  let recoveryKey = '';
  let app: App;
  let page: Page;

  beforeAll(async () => {
    root = makeTempDir('sole-notes-e2e-new-laptop-');
    usb = path.join(root, 'usb');
    const oldLaptop = new VaultSession(path.join(root, 'old-laptop'), { kdf: TEST_KDF, backups: { defaultFolder: usb } });
    ({ recoveryKey } = await oldLaptop.create(TEST_PASSPHRASE));
    oldLaptop.data.notes.create({ body: NOTE });
    await oldLaptop.createBackup();
    oldLaptop.lock();

    app = await startApp({ chooseFolder: () => usb });
    page = app.page;
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await app?.close();
    if (root) removeDir(root);
  });

  it('restores the backup with the recovery key and a new passphrase chosen in the same dialog', async () => {
    await page.getByRole('heading', { level: 1, name: 'Welcome to Sole Notes' }).waitFor();
    await page.getByRole('button', { name: 'Restore from a backup…' }).click();
    await page.getByRole('dialog', { name: 'Choose a backup' }).getByRole('button', { name: 'Continue' }).click();

    const dialog = page.getByRole('dialog', { name: /^Restore the backup made / });
    await dialog.getByRole('radio', { name: 'The recovery key' }).check();
    await dialog.getByLabel('Recovery key', { exact: true }).fill(recoveryKey);
    const restore = dialog.getByRole('button', { name: 'Check and restore' });
    // Not before the passphrase from now on is strong and typed twice.
    expect(await restore.isDisabled()).toBe(true);
    const group = dialog.getByRole('group', { name: 'Your passphrase from now on' });
    await group.getByLabel('New passphrase', { exact: true }).fill(FROM_NOW_ON);
    await group.getByLabel('Confirm new passphrase').fill(FROM_NOW_ON);
    await expect.poll(() => restore.isDisabled()).toBe(false);
    await restore.click();

    await ui(page).lock.waitFor();
    expect(app.session.state()).toBe('unlocked');
    expect((await callRouter(app.router, 'notes.list', {})).map((note) => note.preview)).toEqual([NOTE]);
    const audit = await callRouter(app.router, 'audit.list', {});
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['backup.restored', 'vault.passphrase_reset']));
  });

  it('opens with the new passphrase from then on; the passphrase of the backup\'s day no longer does', async () => {
    await ui(page).lock.click();
    await ui(page).unlock.waitFor();
    await unlockThroughUi(page, TEST_PASSPHRASE);
    await ui(page).alert.filter({ hasText: 'That passphrase did not open your notes.' }).waitFor();
    await unlockThroughUi(page, FROM_NOW_ON);
    await ui(page).lock.waitFor();
    expect(app.session.state()).toBe('unlocked');
    expect(fs.readdirSync(app.vaultDir)).toContain('vault.keys.json');
  });

  it('asked nothing of the network, and nothing went wrong in the page', () => {
    expectNothingWentWrong(app);
  });
});
