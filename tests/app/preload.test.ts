import { describe, expect, it, vi } from 'vitest';
import { IPC_DRAFTS_SENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_LOCKED_CHANNEL, IPC_SEND_DRAFTS_CHANNEL } from '../../shared/api/bridge';
import type { SoleNotesBridge } from '../../shared/api/bridge';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, value: { state: 'locked' } })),
    on: vi.fn(),
    send: vi.fn(),
    removeListener: vi.fn(),
  },
}));
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

await import('../../src-main/app/preload');
// Vitest clears mock calls before each test, so keep what loading the preload did.
const exposeCalls = [...electron.contextBridge.exposeInMainWorld.mock.calls];

function exposed(): SoleNotesBridge {
  return exposeCalls[0]?.[1] as SoleNotesBridge;
}

describe('preload', () => {
  it('exposes exactly one object, window.soleNotes, with exactly invoke, onLocked and onSendDrafts', () => {
    expect(exposeCalls).toHaveLength(1);
    expect(exposeCalls[0]?.[0]).toBe('soleNotes');
    const bridge = exposed();
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onLocked', 'onSendDrafts']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.onLocked).toBe('function');
  });

  it('forwards invoke to ipcRenderer.invoke on the invoke channel', async () => {
    const result = await exposed().invoke('vault.status', {});
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_INVOKE_CHANNEL, 'vault.status', {});
    expect(result).toEqual({ ok: true, value: { state: 'locked' } });
  });

  it('subscribes onLocked to the locked channel, passes only the reason, and unsubscribes', () => {
    const callback = vi.fn();
    const unsubscribe = exposed().onLocked(callback);
    expect(electron.ipcRenderer.on).toHaveBeenCalledExactlyOnceWith(IPC_LOCKED_CHANNEL, expect.any(Function));
    const listener = electron.ipcRenderer.on.mock.calls[0]?.[1] as (event: unknown, reason: unknown) => void;

    listener({ sender: 'the ipcRenderer event must not reach the page' }, 'idle');
    expect(callback).toHaveBeenCalledExactlyOnceWith('idle');

    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(IPC_LOCKED_CHANNEL, listener);
  });

  it('answers a request to send unfinished notes once the page has sent them, with the request number only', async () => {
    let sent!: () => void;
    const callback = vi.fn(() => new Promise<void>((resolve) => (sent = resolve)));
    const unsubscribe = exposed().onSendDrafts?.(callback);
    expect(electron.ipcRenderer.on).toHaveBeenCalledExactlyOnceWith(IPC_SEND_DRAFTS_CHANNEL, expect.any(Function));
    const listener = electron.ipcRenderer.on.mock.calls[0]?.[1] as (event: unknown, request: unknown) => void;

    listener({ sender: 'not for the page' }, 3);
    await vi.waitFor(() => expect(callback).toHaveBeenCalledOnce());
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    sent();
    await vi.waitFor(() => expect(electron.ipcRenderer.send).toHaveBeenCalledExactlyOnceWith(IPC_DRAFTS_SENT_CHANNEL, 3));

    unsubscribe?.();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(IPC_SEND_DRAFTS_CHANNEL, listener);
  });
});
