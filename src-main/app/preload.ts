import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_INVOKE_CHANNEL, IPC_LOCKED_CHANNEL } from '../../shared/api/bridge';
import type { LockReason, SoleNotesBridge } from '../../shared/api/bridge';

/**
 * The sandboxed preload. It exposes exactly `SoleNotesBridge` and nothing
 * else: no ipcRenderer, no event objects (an IpcRendererEvent would hand the
 * page `sender`), no other channels.
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
};

contextBridge.exposeInMainWorld('soleNotes', bridge);
