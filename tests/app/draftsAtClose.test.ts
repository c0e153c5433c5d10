import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { ipcMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_DRAFTS_SENT_CHANNEL, IPC_SEND_DRAFTS_CHANNEL } from '../../shared/api/bridge';
import type { DraftContext } from '../../shared/api/draftSchemas';
import { createRouter, type Router } from '../../src-main/api/router';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { TEST_PASSPHRASE, createdVault, removeDir } from '../helpers/tempVault';

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return { powerMonitor: new Emitter(), ipcMain: new Emitter() };
});

import { startAutoLock } from '../../src-main/app/autoLock';
import { DRAFTS_AT_CLOSE_WAIT_MS, holdCloseForDrafts } from '../../src-main/app/draftsAtClose';

/*
 * Closing the window (or quitting) must not lose the last keystrokes the page
 * still holds before it sends them: the close waits for the page to send
 * them, then the vault locks and keeps them. Real encrypted vault and router;
 * only Electron's window and IPC are stand-ins.
 */
const channel = ipcMain as unknown as EventEmitter;

/** A window whose close can be held (preventDefault), and a page that answers the request to send its drafts. */
function fakeWindow() {
  const mainFrame = { url: 'app://sole-notes/index.html', parent: null, frameTreeNodeId: 7 };
  const sent: { channel: string; request: unknown }[] = [];
  const webContents = Object.assign(new EventEmitter(), {
    id: 7,
    mainFrame,
    isDestroyed: () => false,
    send: (name: string, request: unknown) => sent.push({ channel: name, request }),
  });
  let destroyed = false;
  const window = Object.assign(new EventEmitter(), {
    webContents,
    isDestroyed: () => destroyed,
    /** As Electron does: 'close', and unless a listener prevented it, 'closed'. */
    close() {
      let prevented = false;
      window.emit('close', {
        preventDefault: () => {
          prevented = true;
        },
      });
      if (prevented) return;
      destroyed = true;
      window.emit('closed');
    },
  });
  /** The page says it has sent what it held, for `request`. */
  const answer = (request: unknown, from: unknown = webContents) => channel.emit(IPC_DRAFTS_SENT_CHANNEL, { sender: from, senderFrame: mainFrame }, request);
  return { window, sent, answer, asWindow: () => window as unknown as BrowserWindow };
}

let root: string;
let session: VaultSession;
let router: Router;
let context: DraftContext;
let stops: (() => void)[];

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  ({ session, root } = await createdVault());
  router = createRouter(session);
  const studentId = session.data.students.create({ code: 'CL-1', grade: 5 }).id;
  context = { kind: 'note', noteId: null, studentId, serviceId: null };
  stops = [];
});
afterEach(() => {
  for (const stop of stops) stop();
  vi.useRealTimers();
  if (session.state() === 'unlocked') session.lock();
  removeDir(root);
});

function wire(win: ReturnType<typeof fakeWindow>) {
  const closing = holdCloseForDrafts({ window: win.asWindow(), session });
  stops.push(closing.stop, startAutoLock({ session, window: win.asWindow(), closeHeld: closing.held }));
}

describe('closing the window with a note being typed', () => {
  it('waits for the page to send its last keystrokes, then locks, and the unfinished note keeps them', async () => {
    const win = fakeWindow();
    wire(win);
    await router.invoke('drafts.put', { context, body: 'Talked about the', cursor: 16 });

    win.window.close();
    // Held: the vault is still open, the window too, and the page is asked once.
    expect(session.state()).toBe('unlocked');
    expect(win.window.isDestroyed()).toBe(false);
    expect(win.sent).toEqual([{ channel: IPC_SEND_DRAFTS_CHANNEL, request: 1 }]);
    win.window.close(); // a second click waits for the same answer
    expect(win.sent).toHaveLength(1);

    // The page sends what it held back (the last keystrokes), then answers.
    expect(await router.invoke('drafts.put', { context, body: 'Talked about the new bus route', cursor: 30 })).toMatchObject({ ok: true });
    win.answer(1);
    expect(win.window.isDestroyed()).toBe(true);
    expect(session.state()).toBe('locked');

    await session.unlock(TEST_PASSPHRASE);
    expect(session.data.drafts.get(context)).toMatchObject({ body: 'Talked about the new bus route', cursor: 30, resume: true });
  });

  it('closes and locks anyway when the page does not answer in time, or answers for another request or from elsewhere', () => {
    const win = fakeWindow();
    wire(win);
    win.window.close();
    win.answer(2);
    win.answer(1, { id: 99 });
    expect(session.state()).toBe('unlocked');
    vi.advanceTimersByTime(DRAFTS_AT_CLOSE_WAIT_MS - 1);
    expect(session.state()).toBe('unlocked');
    vi.advanceTimersByTime(1);
    expect(win.window.isDestroyed()).toBe(true);
    expect(session.state()).toBe('locked');
  });

  it('does not hold a close while the vault is locked: the window closes at once', () => {
    session.lock('user');
    const win = fakeWindow();
    wire(win);
    win.window.close();
    expect(win.sent).toEqual([]);
    expect(win.window.isDestroyed()).toBe(true);
  });
});
