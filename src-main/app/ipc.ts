import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE_CHANNEL, IPC_LOCKED_CHANNEL } from '../../shared/api/bridge';
import type { LockReason } from '../../shared/api/bridge';
import { err } from '../../shared/api/errors';
import type { Result } from '../../shared/api/errors';
import type { Router } from '../api/router';
import type { VaultSession } from '../vault/vaultSession';
import { isAppUrl } from './appUrl';
import { REFUSED_MESSAGE } from './refusal';

export { REFUSED_MESSAGE };

type SenderInfo = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * True only for the main frame of our own window showing `app://sole-notes/…`.
 * A subframe, another WebContents (DevTools, a stray window) or a page that
 * somehow navigated elsewhere is refused.
 */
export function isFromAppWindow(event: SenderInfo, window: BrowserWindow | null): boolean {
  if (window == null || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (!sameId(event.sender, contents, (c) => c.id)) return false;
  const frame = event.senderFrame;
  if (frame == null || frame.detached === true || frame.parent !== null) return false;
  if (!sameId(frame, contents.mainFrame, (f) => f.frameTreeNodeId)) return false;
  return isAppUrl(frame.url);
}

/** The same object, or (should Electron hand out a second wrapper) the same numeric id. */
function sameId<T extends object>(a: T | null | undefined, b: T, id: (value: T) => unknown): boolean {
  if (a == null) return false;
  if (a === b) return true;
  const idA = id(a);
  return typeof idA === 'number' && idA === id(b);
}

export function createInvokeHandler(deps: {
  router: Router;
  getWindow: () => BrowserWindow | null;
}): (event: SenderInfo, name: unknown, input: unknown) => Promise<Result<unknown>> {
  return async (event, name, input) => {
    if (!isFromAppWindow(event, deps.getWindow())) return err('INTERNAL', REFUSED_MESSAGE);
    try {
      return await deps.router.invoke(name, input);
    } catch {
      // The router never throws; this only keeps a bug from becoming a rejected IPC promise.
      return err('INTERNAL', 'Something went wrong inside Sole Notes.');
    }
  };
}

export function sendLocked(window: BrowserWindow | null, reason: LockReason): void {
  if (window == null || window.isDestroyed() || window.webContents.isDestroyed()) return;
  window.webContents.send(IPC_LOCKED_CHANNEL, reason);
}

/** Binds the router to IPC and forwards lock events to the window. Returns an unbind function. */
export function registerIpc(deps: {
  router: Router;
  session: Pick<VaultSession, 'onLock'>;
  getWindow: () => BrowserWindow | null;
}): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, createInvokeHandler(deps));
  const unsubscribe = deps.session.onLock((reason) => sendLocked(deps.getWindow(), reason));
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribe();
  };
}
