import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Student } from '../../shared/api/schemas';
import { CASE_OUTCOMES, type CaseOutcome } from '../../shared/domain/caseOutcomes';
import { isQuietError, plainError } from '../api';
import { DateField } from '../components/DateField';
import { Dialog } from '../components/Dialog';
import { formatNumericDate, GRADES, gradeLabel, parseDateInput, todayIso } from '../lib/dates';
import { useStudentsStore } from '../state/studentsStore';
import { useUiStore } from '../state/uiStore';
import { DialogFormFooter } from '../components/DialogFormFooter';
import { STUDENT_NAME_MAX_LENGTH } from '../../shared/domain/studentNames';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Why a student code would be refused, in plain words; null when it is fine. */
export function studentCodeProblem(code: string, taken: readonly Student[], exceptId: string | null): string | null {
  const trimmed = code.trim();
  if (trimmed === '') return 'Enter a code for the student.';
  if (trimmed.length > 32) return 'A code is at most 32 characters.';
  if (!CODE_PATTERN.test(trimmed)) return 'Use letters, digits, dots, dashes or underscores, starting with a letter or digit. No spaces.';
  const holder = taken.find((student) => student.id !== exceptId && student.code.toLowerCase() === trimmed.toLowerCase());
  if (holder != null) return `Another student already has the code ${holder.code}.`;
  return null;
}

/** A code that reads like a first name is probably one. */
export function looksLikeName(code: string): boolean {
  return /^[A-Z][a-z]{2,}$/.test(code.trim()) || /^[A-Z][a-z]+[._-][A-Z][a-z]+$/.test(code.trim());
}

/** Adding a student to the caseload, or changing one. */
export function StudentFormDialog({ student, onClose, onSaved }: { student: Student | null; onClose: () => void; onSaved?: (student: Student) => void }) {
  const id = useId();
  const students = useStudentsStore((store) => store.students);
  const announce = useUiStore((store) => store.announce);
  const codeInput = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState(student?.code ?? '');
  const [knownAs, setKnownAs] = useState(student?.knownAs ?? '');
  const [grade, setGrade] = useState<string>(student?.grade == null ? '' : String(student.grade));
  const [school, setSchool] = useState(student?.school ?? '');
  const [tier, setTier] = useState<string>(student?.tier == null ? '' : String(student.tier));
  const [iep, setIep] = useState(student?.iep ?? false);
  const [plan504, setPlan504] = useState(student?.plan504 ?? false);
  const [openedOn, setOpenedOn] = useState(formatNumericDate(student?.openedOn ?? todayIso()));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const codeProblem = studentCodeProblem(code, students, student?.id ?? null);
  const openedIso = parseDateInput(openedOn);
  const dateProblem = openedIso == null ? 'Enter the date the case opened, for example 9/2/2025.' : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (codeProblem != null || openedIso == null) {
      codeInput.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    const fields = {
      code: code.trim(),
      knownAs: knownAs.trim() === '' ? null : knownAs.trim(),
      grade: grade === '' ? null : Number(grade),
      school: school.trim() === '' ? null : school.trim(),
      tier: tier === '' ? null : (Number(tier) as 1 | 2 | 3),
      iep,
      plan504,
      openedOn: openedIso,
    };
    try {
      const store = useStudentsStore.getState();
      const saved = student == null ? await store.create(fields) : await store.update(student.id, fields);
      onClose();
      onSaved?.(saved);
      announce(student == null ? `${saved.code} added to your caseload.` : `${saved.code} saved.`);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={student == null ? 'Add a student' : `Edit ${student.code}`} onClose={onClose} initialFocus={codeInput}>
      <form onSubmit={submit} noValidate className="dialog-form">
        <div className="field">
          <label htmlFor={`${id}-code`}>Student code</label>
          <input
            id={`${id}-code`}
            ref={codeInput}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            aria-invalid={tried && codeProblem != null}
            aria-describedby={`${id}-code-hint${tried && codeProblem != null ? ` ${id}-code-error` : ''}`}
          />
          <p className="hint" id={`${id}-code-hint`}>
            A code only you can match to the student, never their name. For example 7B-014.
          </p>
          {looksLikeName(code) && (codeProblem == null || !tried) && <p className="field-warning">This looks like it could be a name. A code keeps the student unidentified if the note is ever seen.</p>}
          {tried && codeProblem != null && (
            <p className="field-error" id={`${id}-code-error`}>
              {codeProblem}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name or how you know them (only on this computer)</label>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={knownAs}
            maxLength={STUDENT_NAME_MAX_LENGTH}
            onChange={(event) => setKnownAs(event.target.value)}
            aria-describedby={`${id}-name-hint`}
          />
          <p className="hint" id={`${id}-name-hint`}>
            A name, initials, a teacher or a homeroom: whatever helps you tell who this is. It is never put in a report or any file you send.
          </p>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-grade`}>Grade</label>
            <select id={`${id}-grade`} value={grade} onChange={(event) => setGrade(event.target.value)}>
              <option value="">Not set</option>
              {GRADES.map((value) => (
                <option key={value} value={value}>
                  {gradeLabel(value)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-tier`}>Tier</label>
            <select id={`${id}-tier`} value={tier} onChange={(event) => setTier(event.target.value)}>
              <option value="">Not set</option>
              <option value="1">Tier 1</option>
              <option value="2">Tier 2</option>
              <option value="3">Tier 3</option>
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-school`}>School</label>
          <input id={`${id}-school`} type="text" autoComplete="off" value={school} maxLength={120} onChange={(event) => setSchool(event.target.value)} />
        </div>
        <fieldset className="field checks">
          <legend>Plans</legend>
          <label className="check">
            <input type="checkbox" checked={iep} onChange={(event) => setIep(event.target.checked)} />
            <span>Has an IEP</span>
          </label>
          <label className="check">
            <input type="checkbox" checked={plan504} onChange={(event) => setPlan504(event.target.checked)} />
            <span>Has a 504 plan</span>
          </label>
        </fieldset>
        <DateField id={`${id}-opened`} label="Case opened on" value={openedOn} onChange={setOpenedOn} error={tried ? dateProblem : null} />
        <DialogFormFooter problem={problem} busy={busy} submitLabel="Save student" busyLabel="Saving…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Closing a case, with how it ended. */
export function CloseCaseDialog({ student, onClose }: { student: Student; onClose: () => void }) {
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<CaseOutcome | null>(null);
  const [closedOn, setClosedOn] = useState(formatNumericDate(todayIso()));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const closedIso = parseDateInput(closedOn);
  const dateProblem = closedIso == null ? 'Enter the date the case closed.' : closedIso < student.openedOn ? 'A case cannot close before the day it opened.' : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (outcome == null || closedIso == null || dateProblem != null) return;
    setBusy(true);
    setProblem(null);
    try {
      await useStudentsStore.getState().close(student.id, closedIso, outcome);
      // The student's page shows the case closed, with its date and outcome: no notice repeating the dialog.
      onClose();
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Close the case for ${student.code}`} onClose={onClose} initialFocus={first}>
      <form onSubmit={submit} noValidate className="dialog-form">
        <fieldset className="field radios" aria-describedby={tried && outcome == null ? `${id}-outcome-error` : undefined}>
          <legend>Outcome</legend>
          {CASE_OUTCOMES.map((option, index) => (
            <label key={option.id} className="check">
              <input ref={index === 0 ? first : undefined} type="radio" name={`${id}-outcome`} value={option.id} checked={outcome === option.id} onChange={() => setOutcome(option.id)} />
              <span>{option.label}</span>
            </label>
          ))}
          {tried && outcome == null && (
            <p className="field-error" id={`${id}-outcome-error`}>
              Choose how the case ended.
            </p>
          )}
        </fieldset>
        <DateField id={`${id}-closed`} label="Closed on" value={closedOn} onChange={setClosedOn} error={tried ? dateProblem : null} />
        <p className="hint">Closed cases stay in Sole Notes with their notes. You can reopen a case at any time.</p>
        <DialogFormFooter problem={problem} busy={busy} submitLabel="Close case" busyLabel="Closing…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
