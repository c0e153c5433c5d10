import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_DRAFTS_SENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_LOCKED_CHANNEL, IPC_SEND_DRAFTS_CHANNEL } from '../../shared/api/bridge';
import type { LockReason, SoleNotesBridge } from '../../shared/api/bridge';

/**
 * The sandboxed preload. It exposes exactly `SoleNotesBridge` and nothing
 * else: no ipcRenderer, no event objects (an IpcRendererEvent would hand the
 * page `sender`), no other channels than invoke, the lock notice, and the
 * request to send unfinished notes before the window closes with its answer.
 */
const bridge: SoleNotesBridge = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, input),
  onLocked(callback) {
    const listener = (_event: IpcRendererEvent, reason: LockReason): void => {
      callback(reason);
    };
    ipcRenderer.on(IPC_LOCKED_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_LOCKED_CHANNEL, listener);
    };
  },
  onSendDrafts(callback) {
    // Answered once the page has sent what it holds (or failed to): only the request number goes back.
    const listener = (_event: IpcRendererEvent, request: unknown): void => {
      void Promise.resolve()
        .then(callback)
        .catch(() => undefined)
        .then(() => ipcRenderer.send(IPC_DRAFTS_SENT_CHANNEL, typeof request === 'number' ? request : null));
    };
    ipcRenderer.on(IPC_SEND_DRAFTS_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_SEND_DRAFTS_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('soleNotes', bridge);
