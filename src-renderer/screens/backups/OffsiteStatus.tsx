import { useEffect } from 'react';
import { offsiteLine } from '../../../shared/domain/offsiteCopies';
import { useBackupsStore } from '../../state/backupsStore';

/** How often the sidebar reads the copies' state again (a copy made when the drive was plugged in). */
const REFRESH_MS = 60_000;

/**
 * In the sidebar: where and when the last copy off this laptop was made
 * ("Last copy on USB drive: 3 days ago"), a calm note after a week without
 * one, and "Can't see the drive" while it is not plugged in.
 */
export function OffsiteStatus({ now = () => new Date(), onOpenBackups }: { now?: () => Date; onOpenBackups: () => void }) {
  const listing = useBackupsStore((store) => store.listing);

  useEffect(() => {
    void useBackupsStore.getState().load();
    const timer = setInterval(() => void useBackupsStore.getState().load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  if (listing == null) return null;
  const line = offsiteLine(listing.offsite, now());
  return (
    <div className={line.tone === 'warning' ? 'offsite-status is-warning' : 'offsite-status'} role="status">
      <button type="button" className="link offsite-text" onClick={onOpenBackups}>
        {line.text}
      </button>
      {line.detail != null && <p className="offsite-detail">{line.detail}</p>}
    </div>
  );
}
