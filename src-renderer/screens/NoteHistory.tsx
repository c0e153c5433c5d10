import { useState } from 'react';
import type { NoteRevision } from '../../shared/api/schemas';
import { call } from '../api';
import { Dialog } from '../components/Dialog';
import { ProblemLine } from '../components/ProblemLine';
import { formatTimestamp } from '../lib/dates';
import { useLoad } from '../lib/useLoad';

/**
 * Every saved version of a note, newest first. Versions are kept, not overwritten, so the worker can show a note was not changed afterwards.
 * `load` fetches the versions from elsewhere than the worker's own vault (a package handed to them), and `author` names who saved each.
 */
export function NoteHistory({
  noteId,
  onClose,
  load,
  author,
}: {
  noteId: string;
  onClose: () => void;
  load?: () => Promise<NoteRevision[]>;
  author?: (revision: NoteRevision) => string;
}) {
  // Loaded once per note; `load` is a new function on every render of its owner.
  const [loaded] = useLoad(async () => [...(await (load ?? (() => call('notes.history', { id: noteId })))())].reverse(), noteId);
  const revisions = loaded.status === 'ready' ? loaded.value : null;
  const problem = loaded.status === 'error' ? loaded.message : null;
  const [chosen, setShown] = useState<number | null>(null);
  // The newest version until the worker picks another.
  const shown = chosen ?? revisions?.[0]?.revision ?? null;

  const revision = revisions?.find((candidate) => candidate.revision === shown);

  return (
    <Dialog
      title="Note history"
      onClose={onClose}
      className="dialog-wide"
      description={<p>Every save is kept as a version, linked to the one before, so you can show this note was not changed afterwards.</p>}
    >
      <ProblemLine message={problem} />
      {revisions == null && problem == null && <p className="status">Loading the versions…</p>}
      {revisions != null && (
        <div className="history">
          <ol className="history-list" aria-label="Versions">
            {revisions.map((item) => (
              <li key={item.revision}>
                <button type="button" className={item.revision === shown ? 'history-item is-current' : 'history-item'} aria-pressed={item.revision === shown} onClick={() => setShown(item.revision)}>
                  <span className="history-title">Version {item.revision}</span>
                  <span className="history-when">{formatTimestamp(item.at)}</span>
                  {/* Revisions brought in by a hand-back carry the substitute's name; in a package handed to this worker, `author` names them. */}
                  <span className="history-when">{author != null ? author(item) : item.author === 'owner' ? 'by you' : `by ${item.author}`}</span>
                  {item.status === 'released' && <span className="history-when">Released</span>}
                  {item.erasedAt != null && <span className="history-when">Flagged words removed</span>}
                </button>
              </li>
            ))}
          </ol>
          <div className="history-body" tabIndex={0} aria-label={revision == null ? 'Version' : `Text of version ${revision.revision}`}>
            {revision?.erasedAt != null ? (
              <p className="history-erased">
                The text of this version was removed {formatTimestamp(revision.erasedAt)}, because it held flagged words you later took out. Its place in the history stays.
              </p>
            ) : (
              revision?.body
            )}
          </div>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
