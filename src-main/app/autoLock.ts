import { powerMonitor } from 'electron';
import type { BrowserWindow, Event, InputEvent } from 'electron';
import type { LockReason } from '../../shared/api/bridge';
import type { VaultSession } from '../vault/vaultSession';

import { DEFAULT_AUTO_LOCK_MINUTES } from '../../shared/domain/autoLock';

export { DEFAULT_AUTO_LOCK_MINUTES };
/** How often the idle clock is checked; the lock comes at most this late. */
export const IDLE_CHECK_INTERVAL_MS = 5_000;

type LockableSession = Pick<VaultSession, 'state' | 'lock' | 'data'>;

/**
 * Locks the vault when the worker steps away.
 *
 * Idle time is measured from input sent to OUR window (WebContents
 * 'input-event': keys, clicks, wheel, touch), not from
 * `powerMonitor.getSystemIdleTime()`: typing in another program must not keep
 * the notes open, and 'before-input-event' alone would miss mouse and wheel
 * use (scrolling through a note is activity). Each event only stores a
 * timestamp; a 5-second interval compares it with `autoLockMinutes`, which is
 * read from the vault's settings so a change applies at once.
 *
 * Screen lock and suspend lock immediately; so does closing the window
 * (also cancelling an unlock that is still deriving its key), once any
 * close held by `closeHeld` (draftsAtClose.ts) goes ahead.
 * Returns a stop function (also called when the window is closed).
 */
export function startAutoLock(options: { session: LockableSession; window: BrowserWindow; now?: () => number; closeHeld?: () => boolean }): () => void {
  const { session, window } = options;
  const now = options.now ?? Date.now;
  let lastActivity = now();

  // lock() is safe at any time; called even while locked, it also cancels an unlock in progress.
  const lockNow = (reason: LockReason): void => session.lock(reason);

  const onInput = (_event: Event, input: InputEvent): void => {
    // Another window sliding over ours is not the worker.
    if (input.type === 'mouseEnter' || input.type === 'mouseLeave') return;
    lastActivity = now();
  };

  const check = (): void => {
    if (session.state() !== 'unlocked') {
      // The clock starts again from the moment of unlocking.
      lastActivity = now();
      return;
    }
    const idleMs = now() - lastActivity;
    // The shortest allowed timeout is one minute; skip the settings read until then.
    if (idleMs < 60_000) return;
    if (idleMs >= autoLockMinutes(session) * 60_000) session.lock('idle');
  };

  const onLockScreen = (): void => lockNow('screen-lock');
  const onSuspend = (): void => lockNow('suspend');
  // A close held for a moment (draftsAtClose.ts: the page is sending its last keystrokes) locks when it goes ahead.
  const onClose = (): void => {
    if (options.closeHeld?.() === true) return;
    lockNow('window-closed');
  };

  const contents = window.webContents;
  const timer = setInterval(check, IDLE_CHECK_INTERVAL_MS);
  contents.on('input-event', onInput);
  window.on('close', onClose);
  powerMonitor.on('lock-screen', onLockScreen);
  powerMonitor.on('suspend', onSuspend);

  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    powerMonitor.off('lock-screen', onLockScreen);
    powerMonitor.off('suspend', onSuspend);
    window.off('close', onClose);
    if (!contents.isDestroyed()) contents.off('input-event', onInput);
  };
  window.once('closed', stop);
  return stop;
}

/** The idle timeout in minutes from the vault's settings; the default if they cannot be read. */
export function autoLockMinutes(session: Pick<VaultSession, 'data'>): number {
  try {
    const minutes = session.data.settings.get().autoLockMinutes;
    return Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_AUTO_LOCK_MINUTES;
  } catch {
    return DEFAULT_AUTO_LOCK_MINUTES;
  }
}
