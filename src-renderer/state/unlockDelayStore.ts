import { useEffect, useState } from 'react';
import { create } from 'zustand';

/**
 * The pause the main side imposes after too many wrong passphrases
 * (TOO_MANY_ATTEMPTS, `retryAfterSeconds`). Kept outside the screens, as a
 * deadline, so the countdown carries on when the unlock screen is rebuilt
 * (switching to the recovery key and back, a lock event); it holds nothing
 * read from the vault, so a lock does not clear it.
 *
 * `announcement` is what the screen reader hears: set once when the pause
 * starts and once when it ends, never every second.
 */
interface UnlockDelayStore {
  /** When the next try is allowed (ms since the epoch), or null when it is allowed now. */
  until: number | null;
  announcement: string;
  start(seconds: number): void;
  /** The pause is over (the countdown reached zero). */
  finish(): void;
  /** Unlocked: nothing more to say. */
  clear(): void;
}

export const useUnlockDelayStore = create<UnlockDelayStore>()((set, get) => ({
  until: null,
  announcement: '',
  start: (seconds) => {
    const wait = Math.max(1, Math.ceil(seconds));
    set({ until: Date.now() + wait * 1000, announcement: pauseAnnouncement(wait) });
  },
  finish: () => {
    if (get().until == null) return;
    set({ until: null, announcement: 'You can try your passphrase again now.' });
  },
  clear: () => set({ until: null, announcement: '' }),
}));

export function pauseAnnouncement(seconds: number): string {
  return `Too many wrong passphrases in a row. Unlocking is paused: wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} before trying again.`;
}

function secondsLeft(until: number | null): number {
  return until == null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

/** Whole seconds until the next try (0: try now), redrawn each second while the pause lasts. */
export function useUnlockCountdown(): number {
  const until = useUnlockDelayStore((store) => store.until);
  const [, redraw] = useState(0);
  const left = secondsLeft(until);

  useEffect(() => {
    if (until == null) return undefined;
    if (secondsLeft(until) === 0) {
      useUnlockDelayStore.getState().finish();
      return undefined;
    }
    // Wake at the next whole second of the deadline, so the count never skips or lingers.
    const untilNextSecond = (until - Date.now()) % 1000 || 1000;
    const timer = setTimeout(() => redraw((count) => count + 1), untilNextSecond);
    return () => clearTimeout(timer);
  });

  return left;
}
