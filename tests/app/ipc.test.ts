import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE_CHANNEL, IPC_LOCKED_CHANNEL } from '../../shared/api/bridge';
import type { LockReason } from '../../shared/api/bridge';
import type { Router } from '../../src-main/api/router';

const electron = vi.hoisted(() => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }));
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }));

import { createInvokeHandler, isFromAppWindow, REFUSED_MESSAGE, registerIpc } from '../../src-main/app/ipc';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  frameTreeNodeId: number;
  detached?: boolean;
}

let nextId = 1;

function fakeWindow(url = 'app://sole-notes/index.html') {
  const mainFrame: FakeFrame = { url, parent: null, frameTreeNodeId: nextId };
  const webContents = { id: nextId, mainFrame, send: vi.fn(), isDestroyed: () => false };
  nextId += 1;
  let destroyed = false;
  return {
    webContents,
    mainFrame,
    destroy: () => {
      destroyed = true;
    },
    isDestroyed: () => destroyed,
    asWindow(): BrowserWindow {
      return this as unknown as BrowserWindow;
    },
  };
}

function fakeRouter() {
  const invoke = vi.fn<Router['invoke']>(async (name) => ({ ok: true, value: { echoed: name } }));
  return { invoke };
}

const REFUSED = { ok: false, error: { code: 'INTERNAL', message: REFUSED_MESSAGE } };

describe('IPC invoke handler', () => {
  let window: ReturnType<typeof fakeWindow>;
  let router: ReturnType<typeof fakeRouter>;
  let handler: ReturnType<typeof createInvokeHandler>;

  beforeEach(() => {
    window = fakeWindow();
    router = fakeRouter();
    handler = createInvokeHandler({ router, getWindow: () => window.asWindow() });
  });

  function eventFrom(sender: unknown, senderFrame: unknown) {
    return { sender, senderFrame } as Parameters<typeof handler>[0];
  }

  it('passes a request from the main frame of our window to the router', async () => {
    const result = await handler(eventFrom(window.webContents, window.mainFrame), 'vault.status', {});
    expect(router.invoke).toHaveBeenCalledExactlyOnceWith('vault.status', {});
    expect(result).toEqual({ ok: true, value: { echoed: 'vault.status' } });
  });

  it('passes the name and input through untouched (validation is the router’s job)', async () => {
    await handler(eventFrom(window.webContents, window.mainFrame), 42, { weird: [1] });
    expect(router.invoke).toHaveBeenCalledWith(42, { weird: [1] });
  });

  it('refuses the main frame when it shows another URL', async () => {
    for (const url of ['https://evil.example/', 'file:///work/main/dist/renderer/index.html', 'app://evil/index.html', 'about:blank']) {
      window.mainFrame.url = url;
      expect(await handler(eventFrom(window.webContents, window.mainFrame), 'vault.status', {})).toEqual(REFUSED);
    }
    expect(router.invoke).not.toHaveBeenCalled();
  });

  it('refuses a subframe, even one showing the app URL', async () => {
    const subframe: FakeFrame = { url: 'app://sole-notes/index.html', parent: window.mainFrame, frameTreeNodeId: 2 };
    expect(await handler(eventFrom(window.webContents, subframe), 'vault.status', {})).toEqual(REFUSED);
    expect(router.invoke).not.toHaveBeenCalled();
  });

  it('refuses a different webContents showing the app URL', async () => {
    const other = fakeWindow();
    expect(await handler(eventFrom(other.webContents, other.mainFrame), 'vault.status', {})).toEqual(REFUSED);
    // Our frame object reported by someone else's webContents is refused too.
    expect(await handler(eventFrom(other.webContents, window.mainFrame), 'vault.status', {})).toEqual(REFUSED);
    expect(router.invoke).not.toHaveBeenCalled();
  });

  it('accepts another wrapper of the same webContents and main frame (same ids)', async () => {
    const sender = { ...window.webContents };
    const frame: FakeFrame = { ...window.mainFrame };
    expect((await handler(eventFrom(sender, frame), 'vault.status', {})).ok).toBe(true);
  });

  it('refuses a detached main frame', async () => {
    window.mainFrame.detached = true;
    expect(await handler(eventFrom(window.webContents, window.mainFrame), 'vault.status', {})).toEqual(REFUSED);
    expect(router.invoke).not.toHaveBeenCalled();
  });

  it('refuses a top-level frame that is not our main frame', async () => {
    const stranger: FakeFrame = { url: 'app://sole-notes/index.html', parent: null, frameTreeNodeId: 9999 };
    expect(await handler(eventFrom(window.webContents, stranger), 'vault.status', {})).toEqual(REFUSED);
    expect(router.invoke).not.toHaveBeenCalled();
  });

  it('refuses when the frame is gone or there is no window', async () => {
    expect(await handler(eventFrom(window.webContents, null), 'vault.status', {})).toEqual(REFUSED);
    expect(await handler(eventFrom(null, window.mainFrame), 'vault.status', {})).toEqual(REFUSED);
    const noWindow = createInvokeHandler({ router, getWindow: () => null });
    expect(await noWindow(eventFrom(window.webContents, window.mainFrame), 'vault.status', {})).toEqual(REFUSED);
    window.destroy();
    expect(await handler(eventFrom(window.webContents, window.mainFrame), 'vault.status', {})).toEqual(REFUSED);
    expect(router.invoke).not.toHaveBeenCalled();
  });

  it('turns an unexpected router exception into a typed error', async () => {
    router.invoke.mockRejectedValueOnce(new Error('secret details'));
    const result = await handler(eventFrom(window.webContents, window.mainFrame), 'vault.status', {});
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('secret details');
  });

  it('isFromAppWindow accepts only our main frame', () => {
    expect(isFromAppWindow(eventFrom(window.webContents, window.mainFrame), window.asWindow())).toBe(true);
    expect(isFromAppWindow(eventFrom(window.webContents, window.mainFrame), null)).toBe(false);
  });
});

describe('registerIpc', () => {
  beforeEach(() => {
    electron.ipcMain.handle.mockClear();
    electron.ipcMain.removeHandler.mockClear();
  });

  it('binds the invoke channel and forwards lock events to the window', async () => {
    const window = fakeWindow();
    const router = fakeRouter();
    const listeners = new Set<(reason: LockReason) => void>();
    const session = {
      onLock: vi.fn((listener: (reason: LockReason) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      }),
    };

    const unbind = registerIpc({ router, session, getWindow: () => window.asWindow() });
    expect(electron.ipcMain.handle).toHaveBeenCalledExactlyOnceWith(IPC_INVOKE_CHANNEL, expect.any(Function));

    const bound = electron.ipcMain.handle.mock.calls[0]?.[1] as ReturnType<typeof createInvokeHandler>;
    await bound({ sender: window.webContents, senderFrame: window.mainFrame } as never, 'vault.status', {});
    expect(router.invoke).toHaveBeenCalledWith('vault.status', {});

    for (const listener of listeners) listener('idle');
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(IPC_LOCKED_CHANNEL, 'idle');

    unbind();
    expect(electron.ipcMain.removeHandler).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL);
    expect(listeners.size).toBe(0);
  });

  it('does not send to a destroyed window', () => {
    const window = fakeWindow();
    let lockListener: ((reason: LockReason) => void) | undefined;
    registerIpc({
      router: fakeRouter(),
      session: { onLock: (listener) => ((lockListener = listener), () => undefined) },
      getWindow: () => window.asWindow(),
    });
    window.destroy();
    lockListener?.('suspend');
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});
