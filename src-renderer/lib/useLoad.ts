import { useCallback, useEffect, useRef, useState } from 'react';
import { isQuietError, plainError } from '../api';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/**
 * One read for a screen: runs `load` when `key` changes or on `reload()`,
 * and drops answers that arrive after a newer request or after the screen
 * closed. A new key shows "loading" (the old value belongs to something
 * else); a reload keeps the last value until the new one arrives, so nothing
 * jumps.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const loadedKey = useRef(key);
  useEffect(() => {
    let current = true;
    if (loadedKey.current !== key) {
      loadedKey.current = key;
      setState({ status: 'loading' });
    }
    // `load` is this render's, so it asks for what `key` names now.
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
