import type { OffsiteStatus } from '../../../shared/domain/offsiteCopies';

/*
 * Copies when the drive is plugged in. Electron has no cross-platform
 * "drive mounted" event, so while the vault is unlocked the second place is
 * looked for once a minute (one existence check and the small settings file);
 * when it can be seen and the last copy there is older than the interval, a
 * copy is made (sessionBackups.ts decides). Copies as the vault locks are
 * made as before.
 */

export const OFFSITE_POLL_MS = 60_000;

export interface OffsitePollSession {
  state(): string;
  copyOffLaptopIfDue(): Promise<boolean>;
  listBackups(): { offsite: OffsiteStatus | null };
}

export interface OffsitePollOptions {
  session: OffsitePollSession;
  intervalMs?: number;
  /** Told after a copy was made (the app refreshes the sidebar). */
  onCopied?: () => void;
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/** One look: a copy when the vault is unlocked and the second place can be seen; whether one was made. Never throws. */
export async function pollOffsiteOnce(session: OffsitePollSession): Promise<boolean> {
  try {
    if (session.state() !== 'unlocked') return false;
    if (!session.listBackups().offsite?.reachable) return false;
    return await session.copyOffLaptopIfDue();
  } catch {
    // A failed copy is remembered for the backups screen; the next look tries again.
    return false;
  }
}

/** Starts looking every minute; returns the stop function. A look still running is not overlapped. */
export function startOffsitePoll(options: OffsitePollOptions): () => void {
  const every = options.setInterval ?? ((run, ms) => setInterval(run, ms));
  const stop = options.clearInterval ?? ((handle) => clearInterval(handle as NodeJS.Timeout));
  let running = false;
  const handle = every(() => {
    if (running) return;
    running = true;
    void pollOffsiteOnce(options.session)
      .then((copied) => {
        if (copied) options.onCopied?.();
      })
      .finally(() => {
        running = false;
      });
  }, options.intervalMs ?? OFFSITE_POLL_MS);
  return () => stop(handle);
}
