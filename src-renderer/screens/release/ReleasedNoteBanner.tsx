import { call } from '../../api';
import { SendIcon } from '../../components/Icons';
import { formatLongDate } from '../../lib/dates';
import { useLoad } from '../../lib/useLoad';

/**
 * Over a released note: that it is a record now, not a personal note, and
 * each release recorded for it (to whom, on which day, why). `revision`
 * reloads the releases when the note changes.
 */
export function ReleasedNoteBanner({ noteId, revision }: { noteId: string; revision: number }) {
  const [loaded] = useLoad(() => call('notes.releases', { id: noteId }), `${noteId}@${revision}`);
  const releases = loaded.status === 'ready' ? loaded.value : null;
  const problem = loaded.status === 'error' ? loaded.message : null;

  return (
    <section className="released-banner released-details" aria-label="Released note">
      <SendIcon />
      <div>
        <p className="released-lead">
          <strong>Released to another agency.</strong> This note is now part of a record, not a personal note kept for your use alone.
        </p>
        <p className="released-editing">
          You can still correct it. Each save is kept as a new version in its History; it does not change what the agency already received.
        </p>
        {problem != null && <p className="problem">{problem}</p>}
        {releases != null && releases.length > 0 && (
          <ul className="release-list" aria-label="Releases of this note">
            {releases.map((release) => (
              <li key={`${release.recordedAt}-${release.agency}`}>
                To <strong>{release.agency}</strong> on {formatLongDate(release.releasedOn)}. <span className="release-why">Why: {release.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
