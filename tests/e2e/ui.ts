import type { Locator, Page } from 'playwright-core';

/**
 * The renderer's controls as a worker meets them: role and accessible name.
 * One place for the end-to-end tests, the screenshot script and the UI
 * benchmark. Where the first renderer and the full UI word a control
 * differently, the pattern accepts both (the first name is the full UI's).
 */
export const NAMES = {
  /** The first-run button that sets Sole Notes up with the chosen passphrase. */
  createVault: 'Set up Sole Notes',
  passphrase: 'Passphrase',
  /** "Type it again" in the first renderer. */
  confirmPassphrase: /^(Confirm passphrase|Type it again)$/,
  unlock: 'Unlock',
  lock: 'Lock',
} as const;

/** The full UI marks the key with data-testid="recovery-key"; the first renderer labels it "Recovery key". */
export function recoveryKey(page: Page): Locator {
  return page.getByTestId('recovery-key').or(page.getByLabel('Recovery key', { exact: true })).first();
}

export const RECOVERY_KEY_PATTERN = /^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/;

export function ui(page: Page) {
  return {
    passphrase: page.getByLabel(NAMES.passphrase, { exact: true }),
    confirmPassphrase: page.getByLabel(NAMES.confirmPassphrase),
    createVault: page.getByRole('button', { name: NAMES.createVault }),
    unlock: page.getByRole('button', { name: NAMES.unlock, exact: true }),
    lock: page.getByRole('button', { name: NAMES.lock, exact: true }),
    recoveryKey: recoveryKey(page),
    /** Error and status messages announced to assistive technology. */
    alert: page.getByRole('alert'),
  };
}

/** The recovery key as shown, whitespace trimmed. */
export async function recoveryKeyText(page: Page): Promise<string> {
  return (await recoveryKey(page).innerText()).trim();
}

/** First run through the UI: passphrase twice, create; resolves once the recovery key is on screen. */
export async function createVaultThroughUi(page: Page, passphrase: string): Promise<string> {
  const screen = ui(page);
  await screen.passphrase.fill(passphrase);
  await screen.confirmPassphrase.fill(passphrase);
  await screen.createVault.click(); // waits until enabled: the strength check answers after a pause
  await screen.recoveryKey.waitFor({ state: 'visible' });
  return recoveryKeyText(page);
}

/**
 * Sole Notes set up through the UI, then locked and unlocked as on any later
 * day (past the recovery key screen): where most tests start.
 */
export async function setUpAndUnlockThroughUi(
  app: { page: Page; lockFromMain(reason: 'user'): Promise<void> },
  passphrase: string,
  /** Runs on the main side before the lock, so the renderer reads its data on unlock. */
  seed: () => void = () => {},
): Promise<void> {
  await createVaultThroughUi(app.page, passphrase);
  seed();
  await app.lockFromMain('user');
  await unlockThroughUi(app.page, passphrase);
  await ui(app.page).lock.waitFor();
}

/** A section's link in the main navigation (Today, Caseload, Settings…). */
export function mainNav(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/** Types the passphrase on the unlock screen and clicks Unlock. */
export async function unlockThroughUi(page: Page, passphrase: string): Promise<void> {
  const screen = ui(page);
  await screen.passphrase.fill(passphrase);
  await screen.unlock.click();
}

/** Whether `target` has the keyboard focus (CSS :focus, so no function is sent to the page). */
export async function hasFocus(page: Page, target: Locator): Promise<boolean> {
  return (await target.and(page.locator(':focus')).count()) === 1;
}

/** Presses Tab until `target` has the focus (at most `limit` times); keyboard only. */
export async function tabTo(page: Page, target: Locator, limit = 20): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await hasFocus(page, target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}
