import { useState } from 'react';
import type { ReceivedHandover } from '../../../../shared/api/handoverSchemas';
import type { NoteRevision, Student } from '../../../../shared/api/schemas';
import { call } from '../../../api';
import { LeaveUnsavedDialog } from '../../../components/LeaveUnsavedDialog';
import { SendIcon } from '../../../components/Icons';
import { NoteEditorPane } from '../../../components/NoteEditorPane';
import { ProblemLine } from '../../../components/ProblemLine';
import { SaveWithFindingsDialog } from '../../../components/SaveWithFindingsDialog';
import { useNoteEditor, type NoteSource } from '../../../lib/useNoteEditor';
import { NoteHistory } from '../../NoteHistory';
import { useScreenHeading } from '../../useScreenHeading';
import { ownerNotes } from './handoverWords';
import { usePackageStore } from '../../../state/packageStore';

/** Who saved a version of a package's note, in words: the owner, this worker, or someone before. */
export function revisionAuthor(revision: NoteRevision, info: Pick<ReceivedHandover, 'ownerName' | 'substitute'>): string {
  if (revision.author === 'owner') return info.ownerName == null ? 'by the owner' : `by ${info.ownerName}`;
  if (revision.author === info.substitute) return 'by you';
  return `by ${revision.author}`;
}

/**
 * A note of a package handed to this worker, or a new one: written and
 * checked exactly as in the worker's own note editor (highlights, the flags
 * panel, quick fixes, asking before saving with flags left), but read and
 * saved through the package's own commands, so it never touches the
 * worker's own notes. Opening it is recorded in the package's access log.
 */
export function PackageNoteEditor({
  packageId,
  info,
  noteId,
  studentId,
  students,
}: {
  packageId: string;
  info: ReceivedHandover;
  noteId: string | null;
  studentId: string | null;
  students: readonly Student[];
}) {
  const heading = useScreenHeading();
  const [leaving, setLeaving] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);

  const source: NoteSource = {
    load: (id) => call('handover.notes.get', { packageId, id }),
    persist: ({ note, body, studentId: chosen, findingsAcknowledged }) =>
      note == null
        ? call('handover.notes.create', { packageId, studentId: chosen, body, findingsAcknowledged })
        : call('handover.notes.update', { packageId, id: note.id, body, findingsAcknowledged }),
    saved: (saved, created) => {
      usePackageStore.getState().noteSaved(saved);
      // Stay in this editor (keeping its undo history), now on the saved note.
      if (created) usePackageStore.setState({ view: { kind: 'note', noteId: saved.id, studentId: saved.studentId } });
    },
    savedMessage: `Note saved in ${info.ownerName == null ? 'the handed-over notes' : `${info.ownerName}’s notes`}.`,
    // Kept in this worker's own vault under the package's id, never in the package; it goes when the package is handed back.
    draftContext: (id, about) => ({ kind: 'package-note', packageId, noteId: id, studentId: about }),
  };
  // Opening a note is recorded in the package's access log (by handover.notes.get); a new note, once saved, is not opened again.
  const editor = useNoteEditor(noteId, studentId, source, { shortcutPaused: leaving });
  const { note } = editor;
  const student = students.find((candidate) => candidate.id === (note?.studentId ?? editor.chosenStudent)) ?? null;
  const owner = info.ownerName ?? 'the owner';

  function close(force = false) {
    if (!force && editor.dirtyRef.current) {
      setLeaving(true);
      return;
    }
    setLeaving(false);
    usePackageStore.getState().show({ kind: 'notes' });
  }

  const title = note == null ? (student == null ? 'New note' : `New note about ${student.code}`) : student == null ? 'General note' : `Note about ${student.code}`;

  if (editor.loadProblem != null) {
    return (
      <div className="package-note">
        <h1 ref={heading} tabIndex={-1}>
          Note
        </h1>
        <ProblemLine message={editor.loadProblem} />
        <button type="button" onClick={() => close(true)}>
          Back to the notes
        </button>
      </div>
    );
  }

  return (
    <div className="package-note editor-screen">
      <div className="screen-head">
        <div>
          <p className="breadcrumb">
            <button type="button" className="link" onClick={() => close()}>
              Back to the notes
            </button>
          </p>
          <h1 ref={heading} tabIndex={-1}>
            {editor.loading ? 'Opening the note…' : title}
          </h1>
        </div>
        <p className={editor.dirty ? 'save-state is-dirty' : 'save-state'} aria-live="polite">
          {editor.saveState}
        </p>
      </div>

      {note?.status === 'released' && (
        <p className="released-banner">
          <SendIcon />
          <span>This note was released to another agency. It is now part of a record, not a personal note.</span>
        </p>
      )}

      {!editor.loading && (
        <NoteEditorPane
          editor={editor}
          students={students}
          hint={
            note == null
              ? `Write what ${owner} needs to know, in your own words; it goes back to them with the hand-back. Flagged words are underlined as you type.`
              : `Opening this note was recorded in the access log. A change you save goes back to ${owner} with the hand-back; their version stays in the history.`
          }
          onHistory={() => setHistoryOpen(true)}
          onClose={() => close()}
          autoFocus={noteId == null}
        />
      )}

      {editor.asking && (
        <SaveWithFindingsDialog
          counts={editor.unseenCounts()}
          onEdit={editor.editAfterAsking}
          onSaveAnyway={() => void editor.save(true)}
          busy={editor.saving}
          whereKept={`the note is kept encrypted with ${ownerNotes(info).replace(/^A /, 'a ')} and goes back with the hand-back`}
        />
      )}
      {historyOpen && note != null && (
        <NoteHistory
          noteId={note.id}
          onClose={() => setHistoryOpen(false)}
          load={() => call('handover.notes.history', { packageId, id: note.id })}
          author={(revision) => revisionAuthor(revision, info)}
        />
      )}
      {leaving && <LeaveUnsavedDialog onLeave={() => close(true)} onStay={() => setLeaving(false)} />}
    </div>
  );
}
