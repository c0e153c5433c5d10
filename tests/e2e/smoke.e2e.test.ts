import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE } from '../helpers/tempVault';
import { startApp, type App } from './harness';
import { createVaultThroughUi, RECOVERY_KEY_PATTERN, ui, unlockThroughUi } from './ui';

// First run → recovery key → locked by the main side → wrong passphrase →
// right passphrase, in Chromium against the built renderer and a real vault.
// The steps share one app, in order.

describe('first run, lock and unlock (end to end)', () => {
  let app: App;
  let recoveryKey = '';

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens on the create screen when there is no vault', async () => {
    const screen = ui(app.page);
    await screen.createVault.waitFor({ state: 'visible' });
    expect(await screen.passphrase.isVisible()).toBe(true);
    expect(await screen.confirmPassphrase.isVisible()).toBe(true);
    expect(app.session.state()).toBe('absent');
  });

  it('creates the vault and shows the recovery key', async () => {
    recoveryKey = await createVaultThroughUi(app.page, TEST_PASSPHRASE);
    expect(recoveryKey).toMatch(RECOVERY_KEY_PATTERN);
    expect(fs.existsSync(path.join(app.vaultDir, 'vault.keys.json'))).toBe(true);
    expect(app.session.state()).toBe('unlocked');
  });

  it('returns to the unlock screen when the main side locks, dropping the recovery key', async () => {
    await app.lockFromMain('idle');
    const screen = ui(app.page);
    await screen.unlock.waitFor({ state: 'visible' });
    expect(await screen.passphrase.inputValue()).toBe('');
    expect(await screen.recoveryKey.count()).toBe(0);
    expect(await app.page.content()).not.toContain(recoveryKey);
    expect(app.session.state()).toBe('locked');
  });

  it('says so when the passphrase is wrong, and stays locked', async () => {
    await unlockThroughUi(app.page, 'quiet harbor lantern eighteen');
    const screen = ui(app.page);
    await screen.alert.waitFor({ state: 'visible' });
    expect(await screen.alert.innerText()).toMatch(/passphrase/i);
    expect(await screen.unlock.isVisible()).toBe(true);
    expect(app.session.state()).toBe('locked');
  });

  it('unlocks with the right passphrase', async () => {
    await unlockThroughUi(app.page, TEST_PASSPHRASE);
    await ui(app.page).lock.waitFor({ state: 'visible' });
    expect(await ui(app.page).unlock.count()).toBe(0);
    expect(app.session.state()).toBe('unlocked');
    expect(app.invocations.filter((call) => call.name === 'vault.unlock').map((call) => call.code)).toEqual(['WRONG_PASSPHRASE', null]);
  });

  it('reached nothing but the app, with no console errors, page errors or CSP violations', () => {
    expect(app.abortedRequests).toEqual([]);
    expect(app.consoleProblems.filter((entry) => entry.type === 'error' || /Content Security Policy/i.test(entry.text))).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.cspViolations).toEqual([]);
    expect(app.bridgeProblems).toEqual([]);
  });
});
