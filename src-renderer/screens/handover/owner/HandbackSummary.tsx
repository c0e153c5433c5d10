import { useRef } from 'react';
import type { HandbackImportResult } from '../../../../shared/api/handoverSchemas';
import { Dialog } from '../../../components/Dialog';
import { WarningIcon } from '../../../components/Icons';
import { formatTimestamp } from '../../../lib/dates';
import { countOf } from './ownerWords';

/** What an imported hand-back brought in, in the owner's words; for a replay, that nothing changed. */
export function HandbackSummary({ result, onClose }: { result: HandbackImportResult; onClose: () => void }) {
  const done = useRef<HTMLButtonElement>(null);
  const who = result.substitute;
  const nothing = result.newNotes + result.changedNotes + result.newServices === 0;

  return (
    <Dialog
      title={result.alreadyImported ? 'Already imported: nothing changed' : `Hand-back from ${who} imported`}
      onClose={onClose}
      initialFocus={done}
      className="dialog-wide handover-dialog"
    >
      <div className="handback-summary">
        {result.alreadyImported ? (
          <p className="status" role="status">
            You imported this hand-back {formatTimestamp(result.importedAt)}. Nothing was added or changed this time. This is what it brought in then:
          </p>
        ) : (
          <p className="success" role="status">
            {who}’s work is now with your notes, and the handover is closed.
          </p>
        )}
        <ul className="merge-list" aria-label="What the hand-back brought in">
          {nothing && <li>No new or changed notes, and no new services.</li>}
          {result.newNotes > 0 && (
            <li>
              <strong>{countOf(result.newNotes, 'new note')}</strong>, written by {who}.
            </li>
          )}
          {result.changedNotes > 0 && (
            <li>
              <strong>{countOf(result.changedNotes, 'note')} changed</strong> by {who}. Each change is a new version under their name; your own text stays in the note’s history.
            </li>
          )}
          {result.changedByBoth > 0 && (
            <li>
              <strong>{countOf(result.changedByBoth, 'note')} changed by both of you</strong> while the handover was out. Your later text and theirs are both kept; the note now shows
              theirs. Open its history to compare.
            </li>
          )}
          {result.newServices > 0 && (
            <li>
              <strong>{countOf(result.newServices, 'new service', 'new services')}</strong> logged by {who}.
            </li>
          )}
          <li>
            <strong>{countOf(result.accessLogEntries, 'entry', 'entries')}</strong> from the handover’s access log (every opening and every note viewed) added to your audit log.
          </li>
        </ul>
        {!result.accessLogIntact && (
          <p className="field-warning">
            <WarningIcon /> The access log’s entries do not link up as they should: some may be missing or changed. They were added to your audit log as they came.
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button ref={done} type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
