import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Note } from '../../shared/api/schemas';
import { isQuietError, plainError } from '../api';
import { FindingsPanel } from '../components/FindingsPanel';
import { HistoryIcon, SendIcon } from '../components/Icons';
import { NoteField } from '../components/NoteField';
import { SaveWithFindingsDialog } from '../components/SaveWithFindingsDialog';
import { formatTimestamp } from '../lib/dates';
import { countFindings, findingKey } from '../lib/findings';
import { isMod, MOD_LABEL } from '../lib/keys';
import { findingsNow } from '../lib/useFindings';
import { unacknowledged, useNoteCheck } from '../lib/useNoteCheck';
import { useNotesStore } from '../state/notesStore';
import { useStudentsStore } from '../state/studentsStore';
import { useUiStore } from '../state/uiStore';
import { NoteHistory } from './NoteHistory';
import { ReleasedNoteBanner } from './release/ReleasedNoteBanner';
import { ReleaseNoteDialog } from './release/ReleaseNoteDialog';
import { useScreenHeading } from './useScreenHeading';

export { unacknowledged } from '../lib/useNoteCheck';

/** Writing a note, with the redaction check drawn into the text as it is typed. */
export function NoteEditor({ noteId, studentId, serviceId }: { noteId: string | null; studentId: string | null; serviceId?: string | null }) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const students = useStudentsStore((store) => store.students);
  const navigate = useUiStore((store) => store.navigate);
  const announce = useUiStore((store) => store.announce);
  const setLeaveGuard = useUiStore((store) => store.setLeaveGuard);

  const [note, setNote] = useState<Note | null>(null);
  const [loading, setLoading] = useState(noteId != null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [savedText, setSavedText] = useState('');
  const [chosenStudent, setChosenStudent] = useState<string | null>(studentId);
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const acknowledged = useRef<Set<string>>(new Set());
  /** The note this editor already holds (a new note, once saved, is not loaded again). */
  const holding = useRef<string | null>(null);

  const { findings, selected, setSelected, caretFinding, setCaretFinding, applyFix, showFinding, onEditorKeyDown } = useNoteCheck(text, setText, textarea, announce);
  const dirty = text !== savedText;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const studentOf = note?.studentId ?? chosenStudent;
  const student = students.find((candidate) => candidate.id === studentOf) ?? null;
  const heading = useScreenHeading();

  // Load the note being opened.
  useEffect(() => {
    if (noteId == null || holding.current === noteId) return undefined;
    let current = true;
    useNotesStore
      .getState()
      .get(noteId)
      .then((loaded) => {
        if (!current) return;
        holding.current = loaded.id;
        setNote(loaded);
        setText(loaded.body);
        setSavedText(loaded.body);
        // What the worker already chose to keep is not asked about again.
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
  }, [noteId]);

  // Leaving with unsaved changes asks first.
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
            ? await useNotesStore.getState().create({ studentId: chosenStudent, serviceId: serviceId ?? null, body, findingsAcknowledged })
            : await useNotesStore.getState().update({ id: note.id, body, findingsAcknowledged }, note);
        for (const finding of current) acknowledged.current.add(findingKey(body, finding));
        holding.current = saved.id;
        setNote(saved);
        setSavedText(body);
        setAsking(false);
        if (note == null) {
          // Stay in this editor (keeping its undo history), now on the saved note.
          useUiStore.setState({ route: { name: 'note', noteId: saved.id, studentId: saved.studentId, serviceId: saved.serviceId } });
        }
        announce('Note saved.');
      } catch (error) {
        if (isQuietError(error)) return;
        setProblem(plainError(error));
        setAsking(false);
      } finally {
        setSaving(false);
      }
    },
    [announce, chosenStudent, note, saving, serviceId, text],
  );

  // Ctrl/Cmd+S saves from anywhere on this screen.
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (isMod(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (!asking) void save(false);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [asking, save]);

  function editAfterAsking() {
    setAsking(false);
    const first = unacknowledged(text, findingsNow(text), acknowledged.current)[0];
    requestAnimationFrame(() => {
      textarea.current?.focus();
      if (first != null) textarea.current?.setSelectionRange(first.start, first.end);
    });
  }

  function close() {
    if (studentOf != null) navigate({ name: 'student', studentId: studentOf });
    else navigate({ name: 'caseload' });
  }

  const openStudents = students.filter((candidate) => candidate.closedOn == null || candidate.id === chosenStudent);
  const title = note == null ? (student == null ? 'New note' : `New note about ${student.code}`) : student == null ? 'Note' : `Note about ${student.code}`;
  const saveState = saving ? 'Saving…' : note == null ? (dirty ? 'Not saved yet' : '') : dirty ? 'Unsaved changes' : `Saved ${formatTimestamp(note.updatedAt)}`;

  if (loadProblem != null) {
    return (
      <div className="screen-body">
        <h1 ref={heading} tabIndex={-1}>
          Note
        </h1>
        <p className="problem" role="alert">
          {loadProblem}
        </p>
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
                {student.code}
              </button>
            </p>
          )}
          <h1 ref={heading} tabIndex={-1}>
            {loading ? 'Opening the note…' : title}
          </h1>
        </div>
        <p className={dirty ? 'save-state is-dirty' : 'save-state'} aria-live="polite">
          {saveState}
        </p>
      </div>

      {note?.status === 'released' && <ReleasedNoteBanner noteId={note.id} revision={note.revision} />}

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
                Write what you need to remember, in your own words. Flagged words are underlined as you type.
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
              {note != null && (
                <button
                  type="button"
                  onClick={() => {
                    if (dirty) setProblem('Save your changes first: a release is of the note as saved.');
                    else setReleasing(true);
                  }}
                >
                  <SendIcon />
                  <span>{note.status === 'released' ? 'Record another release…' : 'Release to an agency…'}</span>
                </button>
              )}
              <button type="button" className="quiet" onClick={close}>
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

      {asking && <SaveWithFindingsDialog counts={countFindings(unacknowledged(text, findingsNow(text), acknowledged.current))} onEdit={editAfterAsking} onSaveAnyway={() => void save(true)} busy={saving} />}
      {historyOpen && note != null && <NoteHistory noteId={note.id} onClose={() => setHistoryOpen(false)} />}
      {releasing && note != null && <ReleaseNoteDialog note={note} onClose={() => setReleasing(false)} onReleased={(result) => setNote(result.note)} />}
    </div>
  );
}
