import { useId, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { DisclosureResult } from '../../../shared/api/handoverSchemas';
import type { NoteSummary } from '../../../shared/api/schemas';
import { call, isQuietError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ReleasedMarker } from '../../components/Markers';
import { formatShortDate, isoDayOfTimestamp } from '../../lib/dates';
import { useLoad } from '../../lib/useLoad';
import { useStudentsStore } from '../../state/studentsStore';
import { countOf, formProblems } from '../handover/owner/ownerWords';
import { orderReferenceProblem } from '../../../shared/api/textRules';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { studentLabel } from '../../../shared/domain/studentNames';
import { SavedFileActions } from '../../components/SavedFileActions';

const PAGE = 500;
/** The group of notes about no student. */
const GENERAL = '';
const FIELDS = ['noteIds', 'orderReference'] as const;
type Field = (typeof FIELDS)[number];

/** The file's own name, without the folders before it (the whole path is under Details). */
function fileName(file: string): string {
  return file.split(/[\\/]/).filter((part) => part !== '').pop() ?? file;
}

/** Every note summary in the vault, a page at a time. */
async function loadAllNotes(): Promise<NoteSummary[]> {
  const notes: NoteSummary[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await call('notes.list', { limit: PAGE, offset });
    notes.push(...page);
    if (page.length < PAGE) return notes;
  }
}

/** `court-order-2026-jv-0147.html`: a file name for the save dialog. */
export function suggestedDisclosureName(reference: string): string {
  const slug = reference
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? 'court-order-disclosure.html' : `court-order-${slug}.html`;
}

/**
 * A court-order disclosure: the notes the order covers, chosen student by
 * student, and the order's reference; then one printable page, saved where
 * the worker says, and recorded in the audit log. The notes are not changed.
 */
export function DisclosureDialog({ studentId, onClose }: { studentId: string | null; onClose: () => void }) {
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const students = useStudentsStore((store) => store.students);
  const [loaded] = useLoad(loadAllNotes, 'notes');
  const notes = loaded.status === 'ready' ? loaded.value : null;
  const [group, setGroup] = useState<string>(studentId ?? GENERAL);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [reference, setReference] = useState('');
  const [includeNames, setIncludeNames] = useState(false);
  const [tried, setTried] = useState(false);
  const [serverProblems, setServerProblems] = useState<Partial<Record<Field, string>>>({});
  const [sendProblem, setProblem] = useState<string | null>(null);
  const problem = sendProblem ?? (loaded.status === 'error' ? loaded.message : null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DisclosureResult | null>(null);

  const codes = useMemo(() => new Map(students.map((student) => [student.id, studentLabel(student)])), [students]);
  const groups = useMemo(() => {
    const byGroup = new Map<string, NoteSummary[]>();
    for (const note of notes ?? []) {
      const key = note.studentId ?? GENERAL;
      byGroup.set(key, [...(byGroup.get(key) ?? []), note]);
    }
    for (const list of byGroup.values()) list.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    const label = (key: string) => (key === GENERAL ? 'General notes (no student)' : (codes.get(key) ?? 'Unknown student'));
    return [...byGroup.entries()]
      .map(([key, list]) => ({ key, label: label(key), notes: list }))
      .sort((a, b) => (a.key === GENERAL ? 1 : b.key === GENERAL ? -1 : a.label.localeCompare(b.label, 'en', { numeric: true })));
  }, [notes, codes]);
  const shownGroup = groups.find((candidate) => candidate.key === group) ?? groups[0];
  const chosenStudents = new Set((notes ?? []).filter((note) => chosen.has(note.id) && note.studentId != null).map((note) => note.studentId)).size;

  const own: Partial<Record<Field, string>> = {};
  if (chosen.size === 0) own.noteIds = 'Choose at least one note the order covers.';
  const badReference = orderReferenceProblem(reference);
  if (badReference != null) own.orderReference = badReference;
  const shown = tried ? { ...serverProblems, ...own } : serverProblems;

  function toggle(noteId: string, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(noteId);
      else next.delete(noteId);
      return next;
    });
    setServerProblems(({ noteIds: _dropped, ...rest }) => rest);
  }

  function chooseAll(list: readonly NoteSummary[], on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      for (const note of list) {
        if (on) next.add(note.id);
        else next.delete(note.id);
      }
      return next;
    });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    setProblem(null);
    setStatus(null);
    if (Object.keys(own).length > 0) {
      if (own.orderReference != null) first.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const orderReference = reference.trim();
      const { file } = await call('system.chooseFile', { purpose: 'save-disclosure', suggestedName: suggestedDisclosureName(orderReference) });
      if (file == null) {
        setStatus('No file chosen, so nothing was written.');
        return;
      }
      // The save dialog already asked before naming an existing file: replacing it is the worker's choice.
      const written = await call('disclosure.courtOrder', { noteIds: [...chosen], orderReference, includeNames, file, replace: true });
      setResult(written);
      // The dialog says it was written (read out as a status): no notice besides.
      requestAnimationFrame(() => doneButton.current?.focus());
    } catch (error) {
      if (isQuietError(error)) return;
      const { byField, problem: refusal } = formProblems(error, FIELDS);
      setServerProblems(byField);
      setProblem(refusal);
    } finally {
      setBusy(false);
    }
  }

  if (result != null) {
    return (
      <Dialog title="Disclosure written" onClose={onClose} initialFocus={doneButton} className="dialog-wide disclosure-dialog">
        <div className="disclosure-done" role="status">
          <p className="success">Saved as “{fileName(result.path)}”, where you chose.</p>
          <SavedFileActions label="The disclosure file" showPath={result.path} printPath={result.path} />
          <p>
            It holds {countOf(result.notes, 'note')}, each with every saved version and the check codes that show it was not changed afterwards. It is marked{' '}
            <strong>“CONFIDENTIAL — disclosed under court order {result.orderReference}”</strong> at the top, on every note and on every printed page.
          </p>
          <p>Your notes in Sole Notes are not changed.</p>
          <p className="hint">Recorded in your audit log: the order’s reference, which notes, and a check code of the file, which shows later whether the file was changed.</p>
          <details className="technical">
            <summary>Details for the district’s IT person</summary>
            <p className="path">{result.path}</p>
            <p>SHA-256 of the file:</p>
            <p className="mono hash">{result.sha256}</p>
          </details>
        </div>
        <div className="dialog-actions">
          <button ref={doneButton} type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Disclose notes under a court order"
      onClose={onClose}
      initialFocus={first}
      className="dialog-wide disclosure-dialog"
      description={
        <p>
          When a court orders you to disclose notes, Sole Notes writes one printable page with the notes you choose: every saved version of each, with the codes that show it was
          not changed afterwards. Your notes in Sole Notes stay as they are. The disclosure is recorded in your audit log.
        </p>
      }
    >
      <form onSubmit={(event) => void submit(event)} noValidate className="dialog-form" aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-reference`}>Court order reference</label>
          <input
            id={`${id}-reference`}
            ref={first}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={reference}
            onChange={(event) => {
              setReference(event.target.value);
              setServerProblems(({ orderReference: _dropped, ...rest }) => rest);
            }}
            aria-invalid={shown.orderReference != null}
            aria-describedby={`${id}-reference-hint${shown.orderReference != null ? ` ${id}-reference-error` : ''}`}
          />
          <p className="hint" id={`${id}-reference-hint`}>
            As written on the order, for example 2026-JV-0147. It is printed on every page.
          </p>
          {shown.orderReference != null && (
            <p className="field-error" id={`${id}-reference-error`}>
              {shown.orderReference}
            </p>
          )}
        </div>

        {notes == null && problem == null && <p className="status">Loading your notes…</p>}
        {notes != null && groups.length === 0 && <p className="empty">There are no notes yet.</p>}
        {shownGroup != null && (
          <>
            <div className="field">
              <label htmlFor={`${id}-group`}>Notes about</label>
              <select id={`${id}-group`} value={shownGroup.key} onChange={(event) => setGroup(event.target.value)}>
                {groups.map((candidate) => {
                  const picked = candidate.notes.filter((note) => chosen.has(note.id)).length;
                  return (
                    <option key={candidate.key} value={candidate.key}>
                      {candidate.label} ({picked > 0 ? `${picked} of ${candidate.notes.length} chosen` : countOf(candidate.notes.length, 'note')})
                    </option>
                  );
                })}
              </select>
            </div>
            <fieldset className="field disclosure-notes" aria-describedby={shown.noteIds != null ? `${id}-notes-error` : undefined}>
              <legend>
                Notes about {shownGroup.key === GENERAL ? 'no student' : shownGroup.label} to disclose
              </legend>
              <div className="choose-all">
                <button type="button" className="link" onClick={() => chooseAll(shownGroup.notes, true)}>
                  Choose all {shownGroup.notes.length}
                </button>
                <button type="button" className="link" onClick={() => chooseAll(shownGroup.notes, false)}>
                  Clear these
                </button>
              </div>
              <ul className="disclosure-list">
                {shownGroup.notes.map((note) => (
                  <li key={note.id} className={note.status === 'released' ? 'is-released' : undefined}>
                    <label className="check">
                      <input type="checkbox" checked={chosen.has(note.id)} onChange={(event) => toggle(note.id, event.target.checked)} />
                      <span className="disclosure-note">
                        <span className="disclosure-when">{formatShortDate(isoDayOfTimestamp(note.createdAt))}</span>
                        <span className="disclosure-preview">{note.preview === '' ? '(empty note)' : note.preview}</span>
                        {note.status === 'released' && <ReleasedMarker />}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              {shown.noteIds != null && (
                <p className="field-error" id={`${id}-notes-error`}>
                  {shown.noteIds}
                </p>
              )}
            </fieldset>
            <label className="check">
              <input type="checkbox" checked={includeNames} onChange={(event) => setIncludeNames(event.target.checked)} />
              <span>Print the names you use for these students beside their codes</span>
            </label>
            <p className="hint">Only if the order asks who the students are. Otherwise leave it off: the codes alone are disclosed.</p>
            <p className="subtle" aria-live="polite">
              {chosen.size === 0 ? 'No notes chosen yet.' : `${countOf(chosen.size, 'note')} chosen${chosenStudents > 0 ? `, about ${countOf(chosenStudents, 'student')}` : ''}.`}
            </p>
          </>
        )}

        <div aria-live="polite">{status != null && <p className="status">{status}</p>}</div>
        <DialogFormFooter problem={problem} busy={busy} submitDisabled={notes == null} submitLabel="Save the disclosure…" busyLabel="Writing…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
