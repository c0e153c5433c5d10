import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE } from '../helpers/tempVault';
import { startApp, type App } from './harness';
import { mainNav, setUpAndUnlockThroughUi, ui, unlockThroughUi } from './ui';

/*
 * The PIN after a short break, in Chromium against the built renderer and a
 * real vault: set in Settings after the passphrase, a main-side idle lock,
 * unlock with the PIN; then three wrong PINs lead back to the passphrase.
 */

const PIN = '314159';

describe('quick unlock with a PIN (end to end)', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp();
    await setUpAndUnlockThroughUi(app, TEST_PASSPHRASE);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sets a PIN in Settings, and the PIN opens Sole Notes after an idle lock', async () => {
    const page = app.page;
    await mainNav(page, 'Settings').click();
    const panel = page.getByRole('region', { name: 'Unlock with a PIN after a short break' });
    await panel.getByLabel('PIN', { exact: true }).fill(PIN);
    await panel.getByLabel('The same PIN again').fill(PIN);
    await panel.getByRole('button', { name: 'Set PIN' }).click();
    await panel.getByText('A PIN is set for today.').waitFor();

    await app.lockFromMain('idle');
    const pinField = page.getByLabel('PIN', { exact: true });
    await pinField.waitFor();
    expect(await ui(page).passphrase.count()).toBe(0);
    await pinField.fill(PIN);
    await ui(page).unlock.click();
    await ui(page).lock.waitFor();
    expect(app.session.state()).toBe('unlocked');
  });

  it('after three wrong PINs asks for the passphrase, calmly', async () => {
    const page = app.page;
    await app.lockFromMain('idle');
    const pinField = page.getByLabel('PIN', { exact: true });
    await pinField.waitFor();
    for (const wrong of ['000000', '000001']) {
      await pinField.fill(wrong);
      await ui(page).unlock.click();
      await page.getByText(/That PIN is not right\./).waitFor();
    }
    await pinField.fill('000002');
    await ui(page).unlock.click();
    await ui(page).passphrase.waitFor();
    await page.getByText('For your safety, Sole Notes now asks for your passphrase. Your notes are safe.').waitFor();
    expect(app.session.quickUnlock.status()).toMatchObject({ available: false });
    await unlockThroughUi(page, TEST_PASSPHRASE);
    await ui(page).lock.waitFor();
  });
});
