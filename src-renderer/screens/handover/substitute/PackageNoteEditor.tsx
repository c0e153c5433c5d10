import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ReceivedHandover } from '../../../../shared/api/handoverSchemas';
import type { Note, NoteRevision, Student } from '../../../../shared/api/schemas';
import { call, isQuietError, plainError } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { FindingsPanel } from '../../../components/FindingsPanel';
import { HistoryIcon, SendIcon } from '../../../components/Icons';
import { NoteField } from '../../../components/NoteField';
import { SaveWithFindingsDialog } from '../../../components/SaveWithFindingsDialog';
import { formatTimestamp } from '../../../lib/dates';
import { countFindings, findingKey } from '../../../lib/findings';
import { isMod, MOD_LABEL } from '../../../lib/keys';
import { findingsNow } from '../../../lib/useFindings';
import { unacknowledged, useNoteCheck } from '../../../lib/useNoteCheck';
import { useUiStore } from '../../../state/uiStore';
import { NoteHistory } from '../../NoteHistory';
import { useScreenHeading } from '../../useScreenHeading';
import { ownerNotes } from './handoverWords';
import { usePackageStore } from './packageStore';

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
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  const announce = useUiStore((store) => store.announce);
  const setLeaveGuard = useUiStore((store) => store.setLeaveGuard);
  const heading = useScreenHeading();

  const [note, setNote] = useState<Note | null>(null);
  const [loading, setLoading] = useState(noteId != null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [savedText, setSavedText] = useState('');
  const [chosenStudent, setChosenStudent] = useState<string | null>(studentId);
  const [asking, setAsking] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const acknowledged = useRef<Set<string>>(new Set());
  /** The note this editor already holds (a new note, once saved, is not fetched again, so not recorded again). */
  const holding = useRef<string | null>(null);

  const { findings, selected, setSelected, caretFinding, setCaretFinding, applyFix, showFinding, onEditorKeyDown } = useNoteCheck(text, setText, textarea, announce);
  const dirty = text !== savedText;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const studentOf = note?.studentId ?? chosenStudent;
  const student = students.find((candidate) => candidate.id === studentOf) ?? null;
  const owner = info.ownerName ?? 'the owner';

  useEffect(() => {
    if (noteId == null || holding.current === noteId) return undefined;
    let current = true;
    call('handover.notes.get', { packageId, id: noteId })
      .then((loaded) => {
        if (!current) return;
        holding.current = loaded.id;
        setNote(loaded);
        setText(loaded.body);
        setSavedText(loaded.body);
        if (loaded.findingsAcknowledged) acknowledged.current = new Set(findingsNow(loaded.body).map((finding) => findingKey(loaded.body, finding)));
        setLoading(false);
        requestAnimationFrame(() => textarea.current?.focus());
      })
      .catch((error: unknown) => {
        if (!current || isQuietError(error)) return;
        setLoadProblem(plainError(error));
        setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [noteId, packageId]);

  // Leaving the package (the navigation) with unsaved changes asks first.
  useEffect(() => {
    setLeaveGuard(() => dirtyRef.current);
    return () => setLeaveGuard(null);
  }, [setLeaveGuard]);

  const save = useCallback(
    async (anyway: boolean) => {
      if (saving) return;
      if (text.trim() === '') {
        setProblem('Write something before saving.');
        textarea.current?.focus();
        return;
      }
      const current = findingsNow(text);
      if (!anyway && unacknowledged(text, current, acknowledged.current).length > 0) {
        setAsking(true);
        return;
      }
      const body = text;
      setSaving(true);
      setProblem(null);
      try {
        const findingsAcknowledged = current.length > 0;
        const saved =
          note == null
            ? await call('handover.notes.create', { packageId, studentId: chosenStudent, body, findingsAcknowledged })
            : await call('handover.notes.update', { packageId, id: note.id, body, findingsAcknowledged });
        for (const finding of current) acknowledged.current.add(findingKey(body, finding));
        holding.current = saved.id;
        setNote(saved);
        setSavedText(body);
        setAsking(false);
        usePackageStore.getState().noteSaved(saved);
        // Stay in this editor (keeping its undo history), now on the saved note.
        if (note == null) usePackageStore.setState({ view: { kind: 'note', noteId: saved.id, studentId: saved.studentId } });
        announce(`Note saved in ${info.ownerName == null ? 'the handed-over notes' : `${info.ownerName}’s notes`}.`);
      } catch (error) {
        if (isQuietError(error)) return;
        setProblem(plainError(error));
        setAsking(false);
      } finally {
        setSaving(false);
      }
    },
    [announce, chosenStudent, info.ownerName, note, packageId, saving, text],
  );

  // Ctrl/Cmd+S saves from anywhere on this screen.
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (isMod(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (!asking && !leaving) void save(false);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [asking, leaving, save]);

  function editAfterAsking() {
    setAsking(false);
    const first = unacknowledged(text, findingsNow(text), acknowledged.current)[0];
    requestAnimationFrame(() => {
      textarea.current?.focus();
      if (first != null) textarea.current?.setSelectionRange(first.start, first.end);
    });
  }

  function close(force = false) {
    if (!force && dirtyRef.current) {
      setLeaving(true);
      return;
    }
    setLeaving(false);
    usePackageStore.getState().show({ kind: 'notes' });
  }

  const openStudents = students.filter((candidate) => candidate.closedOn == null || candidate.id === chosenStudent);
  const title = note == null ? (student == null ? 'New note' : `New note about ${student.code}`) : student == null ? 'General note' : `Note about ${student.code}`;
  const saveState = saving ? 'Saving…' : note == null ? (dirty ? 'Not saved yet' : '') : dirty ? 'Unsaved changes' : `Saved ${formatTimestamp(note.updatedAt)}`;

  if (loadProblem != null) {
    return (
      <div className="package-note">
        <h1 ref={heading} tabIndex={-1}>
          Note
        </h1>
        <p className="problem" role="alert">
          {loadProblem}
        </p>
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
            {loading ? 'Opening the note…' : title}
          </h1>
        </div>
        <p className={dirty ? 'save-state is-dirty' : 'save-state'} aria-live="polite">
          {saveState}
        </p>
      </div>

      {note?.status === 'released' && (
        <p className="released-banner">
          <SendIcon />
          <span>This note was released to another agency. It is now part of a record, not a personal note.</span>
        </p>
      )}

      {!loading && (
        <div className="editor-layout">
          <div className="editor-main">
            {note == null && (
              <div className="field inline-field">
                <label htmlFor={`${id}-student`}>Student</label>
                <select id={`${id}-student`} value={chosenStudent ?? ''} onChange={(event) => setChosenStudent(event.target.value === '' ? null : event.target.value)}>
                  <option value="">No student (a general note)</option>
                  {openStudents.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.code}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="field">
              <label htmlFor={`${id}-note`}>Note</label>
              <p className="hint" id={`${id}-hint`}>
                {note == null
                  ? `Write what ${owner} needs to know, in your own words; it goes back to them with the hand-back. Flagged words are underlined as you type.`
                  : `Opening this note was recorded in the access log. A change you save goes back to ${owner} with the hand-back; their version stays in the history.`}
              </p>
              <NoteField
                id={`${id}-note`}
                value={text}
                onChange={(value) => {
                  setText(value);
                  if (problem != null) setProblem(null);
                }}
                findings={findings}
                textareaRef={textarea}
                selectedIndex={selected}
                onCaretFinding={setCaretFinding}
                onKeyDown={onEditorKeyDown}
                describedBy={`${id}-hint ${id}-keys`}
                autoFocus={noteId == null}
              />
            </div>
            {problem != null && (
              <p className="problem" role="alert">
                {problem}
              </p>
            )}
            <div className="editor-actions">
              <button type="button" className="primary" onClick={() => void save(false)} disabled={saving} aria-keyshortcuts={`${MOD_LABEL}+S`}>
                {saving ? 'Saving…' : 'Save note'}
              </button>
              {note != null && (
                <button type="button" onClick={() => setHistoryOpen(true)}>
                  <HistoryIcon />
                  <span>History</span>
                </button>
              )}
              <button type="button" className="quiet" onClick={() => close()}>
                Close
              </button>
              <p className="keys-hint" id={`${id}-keys`}>
                <kbd>{MOD_LABEL}</kbd>+<kbd>S</kbd> saves. <kbd>Alt</kbd>+<kbd>Enter</kbd> applies the fix at the cursor. <kbd>F8</kbd> goes to the next flag.
              </p>
            </div>
          </div>
          <div className="editor-aside">
            <FindingsPanel
              text={text}
              findings={findings}
              activeIndex={selected >= 0 ? selected : caretFinding}
              onActivate={setSelected}
              onShow={showFinding}
              onFix={applyFix}
            />
          </div>
        </div>
      )}

      {asking && (
        <SaveWithFindingsDialog
          counts={countFindings(unacknowledged(text, findingsNow(text), acknowledged.current))}
          onEdit={editAfterAsking}
          onSaveAnyway={() => void save(true)}
          busy={saving}
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
      {leaving && (
        <Dialog
          title="Leave without saving?"
          onClose={() => setLeaving(false)}
          initialFocus={stay}
          role="alertdialog"
          description={<p>Your changes to this note have not been saved. If you leave now, they are lost.</p>}
        >
          <div className="dialog-actions">
            <button type="button" className="danger" onClick={() => close(true)}>
              Leave without saving
            </button>
            <button type="button" className="primary" ref={stay} onClick={() => setLeaving(false)}>
              Keep editing
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
