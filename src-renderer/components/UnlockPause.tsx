import { waitMessage } from '../messages';
import { useUnlockDelayStore } from '../state/unlockDelayStore';
import { ClockIcon } from './Icons';

/**
 * The pause after too many wrong passphrases, shown while it lasts. Not a
 * live region: the count changes every second, and a screen reader hears
 * the start and the end from `PauseAnnouncer` instead.
 */
export function PauseNotice({ id, seconds }: { id?: string; seconds: number }) {
  if (seconds <= 0) return null;
  return (
    <div className="pause-notice" id={id}>
      <ClockIcon />
      <div>
        <p className="pause-wait">{waitMessage(seconds)}</p>
        <p className="hint">Too many wrong passphrases in a row. The pause makes guessing slow; your notes are safe. You can type meanwhile.</p>
      </div>
    </div>
  );
}

/** Says, once each, that the pause started and that it is over. */
export function PauseAnnouncer() {
  const announcement = useUnlockDelayStore((store) => store.announcement);
  return (
    <p className="sr-only" role="status" data-testid="pause-announcement">
      {announcement}
    </p>
  );
}
