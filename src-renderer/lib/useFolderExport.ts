import { useCallback, useState } from 'react';
import type { ApiErrorDetails } from '../../shared/api/errors';
import { call, CallError, isQuietError, plainError } from '../api';

/** Where an export into a folder the worker picks stands. */
export type FolderExportPhase<R> =
  | { phase: 'idle' }
  | { phase: 'choosing' }
  | { phase: 'writing'; folder: string }
  | { phase: 'cancelled' }
  /** The main side would replace something the district may already have: asked once, `why` its details. */
  | { phase: 'confirming'; folder: string; why: ApiErrorDetails }
  | { phase: 'kept' }
  | { phase: 'done'; result: R }
  | { phase: 'failed'; message: string };

export interface FolderExport<R> {
  state: FolderExportPhase<R>;
  busy: boolean;
  /** Opens the system's folder dialog, then writes (without replacing). */
  start(): Promise<void>;
  /** The worker said replace: writes again into the same folder. */
  replace(): Promise<void>;
  /** The worker said keep: nothing is written. */
  keep(): void;
  reset(): void;
}

/**
 * The export flow the Reports screen's month and school year share: the
 * folder dialog, the write, and a CONFLICT that only `replace` may pass (a
 * report already saved in the folder, a year already sent with other
 * numbers) turned into one question before anything is replaced.
 * `asksFirst` picks, from the refusal's details, the conflicts that are
 * questions; any other refusal is shown as it is.
 */
export function useFolderExport<R>(options: {
  write: (folder: string, replace: boolean) => Promise<R>;
  asksFirst: (details: ApiErrorDetails) => boolean;
  onDone?: (result: R) => void;
}): FolderExport<R> {
  const [state, setState] = useState<FolderExportPhase<R>>({ phase: 'idle' });
  // Stable, so a screen may reset the flow from an effect (another month chosen).
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  const keep = useCallback(() => setState({ phase: 'kept' }), []);

  async function write(folder: string, replace: boolean) {
    setState({ phase: 'writing', folder });
    try {
      const result = await options.write(folder, replace);
      setState({ phase: 'done', result });
      options.onDone?.(result);
    } catch (error) {
      if (isQuietError(error)) return;
      if (!replace && error instanceof CallError && error.code === 'CONFLICT' && options.asksFirst(error.details)) {
        setState({ phase: 'confirming', folder, why: error.details });
        return;
      }
      setState({ phase: 'failed', message: plainError(error) });
    }
  }

  async function start() {
    setState({ phase: 'choosing' });
    try {
      const { folder } = await call('system.chooseFolder', { purpose: 'report-export' });
      if (folder == null) {
        setState({ phase: 'cancelled' });
        return;
      }
      await write(folder, false);
    } catch (error) {
      if (isQuietError(error)) return;
      setState({ phase: 'failed', message: plainError(error) });
    }
  }

  return {
    state,
    busy: state.phase === 'choosing' || state.phase === 'writing',
    start,
    replace: async () => {
      if (state.phase === 'confirming') await write(state.folder, true);
    },
    keep,
    reset,
  };
}
