import { ipcMain } from 'electron';
import type { BrowserWindow, Event, IpcMainEvent } from 'electron';
import { IPC_DRAFTS_SENT_CHANNEL, IPC_SEND_DRAFTS_CHANNEL } from '../../shared/api/bridge';
import type { VaultSession } from '../vault/vaultSession';
import { isFromAppWindow } from './ipc';

/** The longest a closing window waits for the page to send what it holds of unfinished notes. */
export const DRAFTS_AT_CLOSE_WAIT_MS = 1000;

/**
 * Closing the window locks the vault (autoLock.ts), and the lock writes the
 * unfinished notes the main side holds (drafts/draftKeeper.ts). But the page
 * gathers what is typed for up to 250 ms before sending it (draftSender.ts),
 * and Electron's 'close' comes before the page's own unload: the last
 * keystrokes before a click on the close button (or a quit) would be lost.
 *
 * So while the vault is unlocked, the first 'close' is held: the page is
 * asked to send what it holds, and once it says it has (or after
 * DRAFTS_AT_CLOSE_WAIT_MS, should the page not answer), the window is closed
 * again, this time for real, and the lock follows. Must be started before
 * startAutoLock, whose 'close' listener leaves a held close alone (`held`).
 * `stop` is also called when the window is closed.
 */
export function holdCloseForDrafts(options: { window: BrowserWindow; session: Pick<VaultSession, 'state'>; waitMs?: number }): { held: () => boolean; stop: () => void } {
  const { window, session } = options;
  const waitMs = options.waitMs ?? DRAFTS_AT_CLOSE_WAIT_MS;
  let lastRequest = 0;
  let waiting: { request: number; timer: ReturnType<typeof setTimeout> } | null = null;
  let letThrough = false;

  const closeNow = (): void => {
    if (waiting != null) clearTimeout(waiting.timer);
    waiting = null;
    letThrough = true;
    if (!window.isDestroyed()) window.close();
  };

  const onClose = (event: Event): void => {
    if (letThrough) {
      letThrough = false;
      return;
    }
    if (session.state() !== 'unlocked' || window.webContents.isDestroyed()) return;
    event.preventDefault();
    // A second click on close while waiting waits for the same answer.
    if (waiting != null) return;
    lastRequest += 1;
    waiting = { request: lastRequest, timer: setTimeout(closeNow, waitMs) };
    window.webContents.send(IPC_SEND_DRAFTS_CHANNEL, lastRequest);
  };

  const onSent = (event: IpcMainEvent, request: unknown): void => {
    if (waiting == null || request !== waiting.request || !isFromAppWindow(event, window)) return;
    closeNow();
  };

  window.on('close', onClose);
  ipcMain.on(IPC_DRAFTS_SENT_CHANNEL, onSent);

  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    if (waiting != null) clearTimeout(waiting.timer);
    waiting = null;
    window.off('close', onClose);
    ipcMain.off(IPC_DRAFTS_SENT_CHANNEL, onSent);
  };
  window.once('closed', stop);
  return { held: () => waiting != null, stop };
}
