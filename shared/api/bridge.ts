import type { Result } from './errors';
import type { CommandInput, CommandName, CommandOutput } from './contract';

/** Why the vault was locked; the renderer says so on the unlock screen. */
export type LockReason = 'user' | 'idle' | 'screen-lock' | 'suspend' | 'window-closed';

/**
 * What the preload exposes as `window.soleNotes`, and all the renderer may
 * use. End-to-end tests provide the same shape through Playwright.
 */
export interface SoleNotesBridge {
  invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>>;
  /** Calls back when the main side locks the vault; returns an unsubscribe function. */
  onLocked(callback: (reason: LockReason) => void): () => void;
  /**
   * Calls back when the window is about to close (and the vault to lock): the
   * page sends what it still holds of unfinished notes, and the main side
   * waits for the returned promise (for a moment at most) before it locks.
   * Returns an unsubscribe function. Absent where there is no window to close.
   */
  onSendDrafts?(callback: () => Promise<void>): () => void;
}

/** IPC channel names, shared by the preload and the main side. */
export const IPC_INVOKE_CHANNEL = 'sole-notes:invoke';
export const IPC_LOCKED_CHANNEL = 'sole-notes:locked';
/** Main → page: send your unfinished notes now (with a request number). Page → main: sent (the same number). */
export const IPC_SEND_DRAFTS_CHANNEL = 'sole-notes:send-drafts';
export const IPC_DRAFTS_SENT_CHANNEL = 'sole-notes:drafts-sent';
