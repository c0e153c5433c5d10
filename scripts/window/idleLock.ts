import type { Page } from 'playwright-core';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../shared/domain/autoLock';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { pageScript } from './pageBridge';

/** How often the idle clock is checked, and how often the page reports activity at most. */
const CHECK_INTERVAL_MS = 5_000;
const ACTIVITY_BINDING = '__soleNotesActivity';

/** Runs in the page: tells the main side, at most every few seconds, that the worker used the window. */
function reportActivity({ binding, intervalMs }: { binding: string; intervalMs: number }): void {
  const page = globalThis as unknown as Record<string, unknown> & { addEventListener(type: string, listener: () => void, options: object): void };
  let last = 0;
  const onInput = (): void => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    const report = page[binding];
    if (typeof report === 'function') void (report as () => Promise<void>)();
  };
  for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart']) page.addEventListener(type, onInput, { capture: true, passive: true });
}

/**
 * The window mode's idle lock, as src-main/app/autoLock.ts does it in Electron:
 * the vault locks after the settings' minutes without a key, click, pointer
 * move or scroll in the window. (Screen lock and suspend are not seen here.)
 * Returns a stop function.
 */
export async function startIdleLock(page: Page, session: Pick<VaultSession, 'state' | 'lock' | 'data'>, now: () => number = Date.now): Promise<() => void> {
  let lastActivity = now();
  await page.exposeBinding(ACTIVITY_BINDING, () => {
    lastActivity = now();
  });
  await page.addInitScript(pageScript(reportActivity, { binding: ACTIVITY_BINDING, intervalMs: CHECK_INTERVAL_MS }));
  const timer = setInterval(() => {
    if (session.state() !== 'unlocked') {
      lastActivity = now();
      return;
    }
    let minutes = DEFAULT_AUTO_LOCK_MINUTES;
    try {
      const stored = session.data.settings.get().autoLockMinutes;
      if (Number.isFinite(stored) && stored > 0) minutes = stored;
    } catch {
      // Keep the default.
    }
    if (now() - lastActivity >= minutes * 60_000) session.lock('idle');
  }, CHECK_INTERVAL_MS);
  return () => clearInterval(timer);
}
