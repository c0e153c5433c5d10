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
}

/** IPC channel names, shared by the preload and the main side. */
export const IPC_INVOKE_CHANNEL = 'sole-notes:invoke';
export const IPC_LOCKED_CHANNEL = 'sole-notes:locked';
