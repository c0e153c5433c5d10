import { useRef, useState } from 'react';
import type { FindingCounts } from '../../shared/api/schemas';
import { studentLabel } from '../../shared/domain/studentNames';
import { EraseEarlierDialog } from '../components/EraseEarlierDialog';
import { FollowUpField } from '../components/FollowUpField';
import { SendIcon } from '../components/Icons';
import { MenuButton } from '../components/MenuButton';
import { NoteEditorPane } from '../components/NoteEditorPane';
import { SaveWithFindingsDialog } from '../components/SaveWithFindingsDialog';
import { call, plainError } from '../api';
import { ProblemLine } from '../components/ProblemLine';
import { useFollowUp } from '../lib/useFollowUp';
import { useNoteEditor, type NoteSource } from '../lib/useNoteEditor';
import { useNotesStore } from '../state/notesStore';
import { useStudentsStore } from '../state/studentsStore';
import { useUiStore } from '../state/uiStore';
import { DisclosureDialog } from './disclosure/DisclosureDialog';
import { NoteHistory } from './NoteHistory';
import { ReleasedNoteBanner } from './release/ReleasedNoteBanner';
import { ReleaseNoteDialog } from './release/ReleaseNoteDialog';
import { useScreenHeading } from './useScreenHeading';

export { unacknowledged } from '../lib/useNoteCheck';

/** Writing a note, with the redaction check drawn into the text as it is typed. */
export function NoteEditor({ noteId, studentId, serviceId }: { noteId: string | null; studentId: string | null; serviceId?: string | null }) {
  const students = useStudentsStore((store) => store.students);
  const navigate = useUiStore((store) => store.navigate);
  const heading = useScreenHeading();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const [disclosing, setDisclosing] = useState(false);
  const followUp = useFollowUp(noteId == null ? null : { noteId });
  /** The flags of the version before the last save, and the offer to clear earlier versions once a save took some out. */
  const findingsBefore = useRef<FindingCounts | null>(null);
  const [eraseOffer, setEraseOffer] = useState<{ noteId: string; versions: number } | null>(null);

  /** After a save that took flagged words out, asks once whether to clear them from earlier versions that still hold them. */
  function offerErasure(saved: { id: string; findings: FindingCounts }) {
    const before = findingsBefore.current;
    findingsBefore.current = null;
    if (before == null || !fewerFlags(before, saved.findings)) return;
    call('notes.flaggedEarlier', { id: saved.id })
      .then(({ versions }) => {
        if (versions > 0) setEraseOffer({ noteId: saved.id, versions });
      })
      .catch(() => undefined); // only an offer: the save itself went through
  }

  /** The follow-up day goes with the note's save; it is kept apart from the note and its revisions. */
  function keepFollowUp(savedId: string, announceKept: boolean) {
    followUp
      .apply({ noteId: savedId })
      .then(() => {
        if (announceKept) useUiStore.getState().announce(followUp.text.trim() === '' ? 'Follow-up cleared.' : 'Follow-up day kept.');
      })
      .catch((error: unknown) => useUiStore.getState().announceError(plainError(error)));
  }

  const source: NoteSource = {
    load: (id) => useNotesStore.getState().get(id),
    persist: ({ note, body, studentId: chosen, findingsAcknowledged }) => {
      if (note == null) return useNotesStore.getState().create({ studentId: chosen, serviceId: serviceId ?? null, body, findingsAcknowledged });
      findingsBefore.current = note.findings;
      return useNotesStore.getState().update({ id: note.id, body, findingsAcknowledged }, note);
    },
    saved: (saved, created) => {
      keepFollowUp(saved.id, false);
      if (!created) offerErasure(saved);
      // Stay in this editor (keeping its undo history), now on the saved note.
      if (created) useUiStore.setState({ route: { name: 'note', noteId: saved.id, studentId: saved.studentId, serviceId: saved.serviceId } });
    },
    savedMessage: 'Note saved.',
    draftContext: (id, about) => ({ kind: 'note', noteId: id, studentId: about, serviceId: id == null ? (serviceId ?? null) : null }),
  };
  const editor = useNoteEditor(noteId, studentId, source, { followUp });
  const { note } = editor;
  const studentOf = note?.studentId ?? editor.chosenStudent;
  const student = students.find((candidate) => candidate.id === studentOf) ?? null;

  function close() {
    if (studentOf != null) navigate({ name: 'student', studentId: studentOf });
    else navigate({ name: 'caseload' });
  }

  const title = note == null ? (student == null ? 'New note' : `New note about ${studentLabel(student)}`) : student == null ? 'Note' : `Note about ${studentLabel(student)}`;

  if (editor.loadProblem != null) {
    return (
      <div className="screen-body">
        <h1 ref={heading} tabIndex={-1}>
          Note
        </h1>
        <ProblemLine message={editor.loadProblem} />
        <button type="button" onClick={close}>
          Back
        </button>
      </div>
    );
  }

  return (
    <div className="screen-body editor-screen">
      <div className="screen-head">
        <div>
          {student != null && (
            <p className="breadcrumb">
              <button type="button" className="link" onClick={() => navigate({ name: 'student', studentId: student.id })}>
                {studentLabel(student)}
              </button>
            </p>
          )}
          <h1 ref={heading} tabIndex={-1}>
            {editor.loading ? 'Opening the note…' : title}
          </h1>
        </div>
        <p className={editor.dirty ? 'save-state is-dirty' : 'save-state'} aria-live="polite">
          {editor.saveState}
        </p>
      </div>

      {note?.status === 'released' && <ReleasedNoteBanner noteId={note.id} revision={note.revision} />}

      {!editor.loading && (
        <NoteEditorPane
          editor={editor}
          students={students}
          hint="Write what you need to remember, in your own words. Flagged words are underlined as you type."
          onHistory={() => setHistoryOpen(true)}
          onClose={close}
          autoFocus={noteId == null}
          afterNote={<FollowUpField id={`note-${noteId ?? 'new'}-follow-up`} followUp={followUp} onSave={note == null ? undefined : () => keepFollowUp(note.id, true)} />}
          actions={
            note != null && (
              // Releases and court orders are rare: one menu, out of the everyday buttons.
              <MenuButton
                label="Records requests"
                icon={<SendIcon />}
                opens="up"
                items={[
                  {
                    label: note.status === 'released' ? 'Record another release…' : 'Release to an agency…',
                    onSelect: () => {
                      if (editor.dirty) editor.setProblem('Save your changes first: a release is of the note as saved.');
                      else setReleasing(true);
                    },
                  },
                  { label: 'Disclose under a court order…', onSelect: () => setDisclosing(true) },
                ]}
              />
            )
          }
        />
      )}

      {editor.asking && <SaveWithFindingsDialog counts={editor.unseenCounts()} allCounts={editor.allCounts()} onEdit={editor.editAfterAsking} onSaveAnyway={() => void editor.save(true)} busy={editor.saving} />}
      {historyOpen && note != null && <NoteHistory noteId={note.id} onClose={() => setHistoryOpen(false)} />}
      {eraseOffer != null && <EraseEarlierDialog noteId={eraseOffer.noteId} versions={eraseOffer.versions} onClose={() => setEraseOffer(null)} />}
      {disclosing && note != null && <DisclosureDialog studentId={note.studentId} onClose={() => setDisclosing(false)} />}
      {releasing && note != null && <ReleaseNoteDialog note={note} onClose={() => setReleasing(false)} onReleased={(result) => editor.setNote(result.note)} />}
    </div>
  );
}

/** True when a kind of flag the note had is fewer now: the save took flagged words out. */
function fewerFlags(before: FindingCounts, after: FindingCounts): boolean {
  return before.diagnostic > after.diagnostic || before.verbatim > after.verbatim || before.identifier > after.identifier;
}
