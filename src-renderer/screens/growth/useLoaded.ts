import { useCallback, useEffect, useState } from 'react';
import { isQuietError, plainError } from '../../api';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/**
 * Runs `load` when `key` changes or on `reload()`; drops answers that arrive
 * after a newer request or after the screen closed. A reload keeps showing
 * the last value until the new one arrives, so nothing jumps.
 */
export function useLoaded<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => {
        if (current) setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (current && !isQuietError(error)) setState({ status: 'error', message: plainError(error) });
      },
    );
    return () => {
      current = false;
    };
    // Only a new key (or a reload) loads again; `load` is a new function every render.
  }, [key, round]);
  return [state, useCallback(() => setRound((value) => value + 1), [])];
}
