import type { ReactNode } from 'react';
import type { Student } from '../../shared/api/schemas';
import { studentLabel } from '../../shared/domain/studentNames';
import { MOD_LABEL } from '../lib/keys';
import type { NoteEditorState } from '../lib/useNoteEditor';
import { FindingsPanel } from './FindingsPanel';
import { HistoryIcon } from './Icons';
import { NoteField } from './NoteField';
import { ProblemLine } from './ProblemLine';

/**
 * The body of a note editor, the same wherever the note is kept: the student
 * (for a new note), the note with its flags drawn in, what went wrong, the
 * actions and their keys, and the flags panel beside it. `hint` says what
 * happens to what is written there; `actions` adds buttons of the screen's
 * own after Save and History.
 */
export function NoteEditorPane({
  editor,
  students,
  hint,
  actions,
  onHistory,
  onClose,
  autoFocus,
  afterNote,
}: {
  editor: NoteEditorState;
  students: readonly Student[];
  hint: ReactNode;
  actions?: ReactNode;
  onHistory: () => void;
  onClose: () => void;
  autoFocus: boolean;
  /** Shown under the note: the note editor's "Follow up on" day. */
  afterNote?: ReactNode;
}) {
  const { id, note, check } = editor;
  const openStudents = students.filter((candidate) => candidate.closedOn == null || candidate.id === editor.chosenStudent);
  return (
    <div className="editor-layout">
      <div className="editor-main">
        {note == null && (
          <div className="field inline-field">
            <label htmlFor={`${id}-student`}>Student</label>
            <select id={`${id}-student`} value={editor.chosenStudent ?? ''} onChange={(event) => editor.setChosenStudent(event.target.value === '' ? null : event.target.value)}>
              <option value="">No student (a general note)</option>
              {openStudents.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {studentLabel(candidate)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-note`}>Note</label>
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
          {editor.draftRestored && (
            <p className="status draft-back" role="status">
              Your unfinished note is back, as you left it. Save it when it is ready.
            </p>
          )}
          <NoteField
            id={`${id}-note`}
            value={editor.text}
            onChange={editor.edit}
            findings={check.findings}
            textareaRef={editor.textarea}
            selectedIndex={check.selected}
            onCaretFinding={check.setCaretFinding}
            onKeyDown={check.onEditorKeyDown}
            describedBy={`${id}-hint ${id}-keys`}
            autoFocus={autoFocus}
          />
        </div>
        {afterNote}
        <ProblemLine message={editor.problem} />
        <div className="editor-actions">
          <button type="button" className="primary" onClick={() => void editor.save(false)} disabled={editor.saving} aria-keyshortcuts={`${MOD_LABEL}+S`}>
            {editor.saving ? 'Saving…' : 'Save note'}
          </button>
          {note != null && (
            <button type="button" onClick={onHistory}>
              <HistoryIcon />
              <span>History</span>
            </button>
          )}
          {actions}
          <button type="button" className="quiet" onClick={onClose}>
            Close
          </button>
          <p className="keys-hint" id={`${id}-keys`}>
            <kbd>{MOD_LABEL}</kbd>+<kbd>S</kbd> saves. <kbd>Alt</kbd>+<kbd>Enter</kbd> applies the fix at the cursor. <kbd>F8</kbd> goes to the next flag.
          </p>
        </div>
      </div>
      <div className="editor-aside">
        <FindingsPanel
          text={editor.text}
          findings={check.findings}
          activeIndex={check.selected >= 0 ? check.selected : check.caretFinding}
          onActivate={check.setSelected}
          onShow={check.showFinding}
          onFix={check.applyFix}
        />
      </div>
    </div>
  );
}
