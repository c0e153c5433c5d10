import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { CreateHandoverResult, HandoverKeyFileInfo } from '../../../../shared/api/handoverSchemas';
import { handoverDays, MAX_HANDOVER_DAYS } from '../../../../shared/domain/handoverLength';
import { call, isQuietError, plainError } from '../../../api';
import { DateField } from '../../../components/DateField';
import { Dialog } from '../../../components/Dialog';
import { KeyIcon } from '../../../components/Icons';
import { StudentPicker } from '../../../components/StudentPicker';
import { formatNumericDate, parseDateInput, todayIso } from '../../../lib/dates';
import { useStudentsStore } from '../../../state/studentsStore';
import { useUiStore } from '../../../state/uiStore';
import { HandoverCreated } from './HandoverCreated';
import { CheckCode } from '../../../components/CheckCode';
import { personLabelProblem, substituteNameProblem } from '../../../../shared/api/textRules';
import { ProblemLine } from '../../../components/ProblemLine';
import { countOf, formProblems, suggestedPackageName } from './ownerWords';

const FIELDS = ['students', 'substitute', 'ownerName', 'validFrom', 'validUntil', 'recipient', 'compared'] as const;
type Field = (typeof FIELDS)[number];
type Problems = Partial<Record<Field, string>>;

interface FormValues {
  scope: 'caseload' | 'chosen';
  chosen: string[];
  substitute: string;
  ownerName: string;
  validFrom: string;
  validUntil: string;
  recipient: 'key' | 'code';
  key: HandoverKeyFileInfo | null;
  compared: boolean;
  /** Put the names the owner knows the students by into the package; off unless ticked. */
  includeNames?: boolean;
}

/** What is wrong with the form, field by field, before anything is asked of the main side. */
export function handoverFormProblems(values: FormValues, openCases: number, today: string): Problems {
  const problems: Problems = {};
  if (values.scope === 'chosen' && values.chosen.length === 0) problems.students = 'Choose at least one student, or hand over your whole caseload.';
  if (values.scope === 'caseload' && openCases === 0) problems.students = 'Your caseload has no open cases to hand over.';
  const substitute = substituteNameProblem(values.substitute);
  if (substitute != null) problems.substitute = substitute;
  const ownerName = personLabelProblem(values.ownerName);
  if (ownerName != null) problems.ownerName = ownerName;
  const from = parseDateInput(values.validFrom);
  const until = parseDateInput(values.validUntil);
  if (from == null) problems.validFrom = 'Enter the first day the substitute covers, for example 3/2.';
  if (until == null) problems.validUntil = 'Enter the last day the substitute covers, for example 3/27.';
  else if (until < today) problems.validUntil = 'That day has already passed. Choose a last day from today on.';
  else if (from != null && until < from) problems.validUntil = 'The last day is before the first day.';
  else if (from != null && handoverDays(from, until) > MAX_HANDOVER_DAYS) {
    problems.validUntil = `A handover can last at most a school year (${MAX_HANDOVER_DAYS} days); this one is ${handoverDays(from, until)} days. Choose an earlier last day.`;
  }
  if (values.recipient === 'key' && values.key == null) problems.recipient = 'Open the file the substitute sent you.';
  if (values.recipient === 'key' && values.key != null && !values.compared) problems.compared = 'Read the ten words with the substitute, then tick this box.';
  return problems;
}

/** Which field's messages a value belongs to. */
const FIELD_OF: Record<keyof FormValues, Field> = {
  scope: 'students',
  chosen: 'students',
  substitute: 'substitute',
  ownerName: 'ownerName',
  validFrom: 'validFrom',
  validUntil: 'validUntil',
  recipient: 'recipient',
  key: 'recipient',
  compared: 'compared',
  includeNames: 'students',
};

type Phase = { name: 'form' } | { name: 'saving' } | { name: 'done'; result: CreateHandoverResult };

/** The three steps, and the fields each one asks for. */
export const HANDOVER_STEPS = [
  { title: 'Who and for how long', fields: ['substitute', 'ownerName', 'validFrom', 'validUntil'] },
  { title: 'Which students', fields: ['students'] },
  { title: 'Save the file', fields: ['recipient', 'compared'] },
] as const satisfies ReadonlyArray<{ title: string; fields: readonly Field[] }>;
type Step = 0 | 1 | 2;

function stepOf(field: Field): Step {
  return HANDOVER_STEPS.findIndex((step) => (step.fields as readonly Field[]).includes(field)) as Step;
}

/**
 * Making a handover file without a cover colleague, in three short steps that
 * each fit the window: (1) who covers and for which days, (2) which students,
 * (3) how the substitute opens it (their handover key, checked by its words,
 * or a one-time code shown once afterwards), then where to save it. Enter goes
 * on, Escape goes back a step (or closes on the first), and going back keeps
 * everything typed.
 */
export function CreateHandoverDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (result: CreateHandoverResult) => void }) {
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const students = useStudentsStore((store) => store.students);
  const announce = useUiStore((store) => store.announce);
  const openStudents = students.filter((student) => student.closedOn == null);
  const today = todayIso();

  const [values, setValues] = useState<FormValues>({
    scope: 'caseload',
    chosen: [],
    substitute: '',
    ownerName: '',
    validFrom: formatNumericDate(today),
    validUntil: '',
    recipient: 'key',
    key: null,
    compared: false,
    includeNames: false,
  });
  const [step, setStep] = useState<Step>(0);
  /** The steps the worker tried to leave (or save): their problems are shown. */
  const [tried, setTried] = useState<ReadonlySet<Step>>(new Set());
  const [serverProblems, setServerProblems] = useState<Problems>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [readingKey, setReadingKey] = useState(false);
  const [phase, setPhase] = useState<Phase>({ name: 'form' });
  const [focusProblem, setFocusProblem] = useState(0);
  const moved = useRef(false);
  const keyButton = useRef<HTMLButtonElement>(null);
  const wasReadingKey = useRef(false);

  // After a refused step, the first field with a problem gets the focus, so its message is read out.
  useEffect(() => {
    if (focusProblem > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusProblem]);

  // On a new step, the focus goes to its first field with a problem (after a refusal), else to its first control.
  useEffect(() => {
    if (!moved.current) return;
    const step = form.current?.querySelector('.wizard-step');
    (step?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? step?.querySelector<HTMLElement>('input:not([disabled]), button:not([disabled])'))?.focus();
  }, [step]);

  // The key's button is disabled while its file is read, which drops the focus: once read, it gets it back, so Escape and Tab still work in the dialog.
  useEffect(() => {
    if (wasReadingKey.current && !readingKey) keyButton.current?.focus();
    wasReadingKey.current = readingKey;
  }, [readingKey]);

  const own = handoverFormProblems(values, openStudents.length, today);
  const triedProblems = Object.fromEntries(Object.entries(own).filter(([field]) => tried.has(stepOf(field as Field)))) as Problems;
  const shown: Problems = { ...serverProblems, ...triedProblems };
  /** Changes values; a problem the main side found in a changed field goes away with the change. */
  const set = (patch: Partial<FormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    const changed = new Set(Object.keys(patch).map((key) => FIELD_OF[key as keyof FormValues]));
    setServerProblems((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !changed.has(field as Field))) as Problems);
    setStatus(null);
  };

  function goTo(next: Step) {
    moved.current = true;
    setProblem(null);
    setStatus(null);
    setStep(next);
  }

  /** Problems of one step's own fields. */
  const problemsIn = (which: Step) => (HANDOVER_STEPS[which].fields as readonly Field[]).filter((field) => own[field] != null);

  function back() {
    if (phase.name === 'saving') return;
    if (step === 0) onClose();
    else goTo((step - 1) as Step);
  }

  async function chooseKey() {
    setReadingKey(true);
    setProblem(null);
    try {
      const { file } = await call('system.chooseFile', { purpose: 'open-handover-key' });
      if (file == null) return;
      const key = await call('handover.readKeyFile', { file });
      set({ key, compared: false });
    } catch (error) {
      if (isQuietError(error)) return;
      set({ key: null, compared: false });
      setServerProblems((current) => ({ ...current, recipient: plainError(error) }));
    } finally {
      setReadingKey(false);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase.name === 'saving') return;
    setTried((current) => new Set([...current, step]));
    setProblem(null);
    setStatus(null);
    if (problemsIn(step).length > 0) {
      setFocusProblem((round) => round + 1);
      return;
    }
    if (step < 2) {
      goTo((step + 1) as Step);
      return;
    }
    await save();
  }

  async function save() {
    const validFrom = parseDateInput(values.validFrom) as string;
    const validUntil = parseDateInput(values.validUntil) as string;
    setPhase({ name: 'saving' });
    try {
      const { file } = await call('system.chooseFile', { purpose: 'save-handover-package', suggestedName: suggestedPackageName(values.substitute.trim(), validFrom) });
      if (file == null) {
        setStatus('No file chosen, so nothing was saved.');
        setPhase({ name: 'form' });
        return;
      }
      const result = await call('handover.create', {
        students: values.scope === 'caseload' ? 'caseload' : values.chosen,
        substitute: values.substitute.trim(),
        ...(values.ownerName.trim() === '' ? {} : { ownerName: values.ownerName.trim() }),
        validFrom,
        validUntil,
        recipient: values.recipient === 'key' && values.key != null ? { kind: 'key', keyFile: values.key.path } : { kind: 'code' },
        includeNames: values.includeNames === true,
        file,
        // The save dialog already asked before naming an existing file.
        replace: true,
      });
      setPhase({ name: 'done', result });
      onCreated(result);
      announce(`Handover file for ${result.substitute} saved.`);
    } catch (error) {
      setPhase({ name: 'form' });
      if (isQuietError(error)) return;
      const { byField, problem: refusal } = formProblems(error, FIELDS);
      setServerProblems(byField);
      // A refusal about an earlier step's field takes the worker back to it.
      const steps = (Object.keys(byField) as Field[]).map(stepOf);
      if (steps.length > 0) {
        const earliest = Math.min(...steps) as Step;
        setTried((current) => new Set([...current, earliest]));
        if (earliest !== step) goTo(earliest);
      }
      setFocusProblem((round) => round + 1);
      setProblem(refusal);
    }
  }

  if (phase.name === 'done') {
    return <HandoverCreated result={phase.result} onClose={onClose} />;
  }

  const busy = phase.name === 'saving';
  const describedBy = (field: Field, hint?: string) => [hint, shown[field] != null ? `${id}-${field}-error` : null].filter((part) => part != null).join(' ') || undefined;
  const fieldError = (field: Field) =>
    shown[field] != null ? (
      <p className="field-error" id={`${id}-${field}-error`}>
        {shown[field]}
      </p>
    ) : null;
  const substituteName = values.substitute.trim() === '' ? 'the substitute' : values.substitute.trim();

  return (
    <Dialog title="Make a handover file" onClose={back} initialFocus={first} className="dialog-wide handover-dialog handover-wizard">
      <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="dialog-form handover-form" aria-busy={busy}>
        <ol className="wizard-steps" aria-label="Steps">
          {HANDOVER_STEPS.map((each, index) => (
            <li key={each.title} aria-current={index === step ? 'step' : undefined} className={index < step ? 'is-done' : undefined}>
              <span className="wizard-step-number">{index + 1}</span> {each.title}
            </li>
          ))}
        </ol>

        {step === 0 && (
          <div className="wizard-step" role="group" aria-label={`Step 1 of 3: ${HANDOVER_STEPS[0].title}`}>
            <p className="hint handover-lead">
              A handover file holds your notes about the students you choose, for the person covering for you, for the days they cover. Give it to them on a USB stick or by
              email: it is encrypted. When you are back, they hand it back and you import it.
            </p>
            <div className="field-row">
              <div className="field">
                <label htmlFor={`${id}-substitute`}>Substitute’s name</label>
                <input
                  ref={first}
                  id={`${id}-substitute`}
                  type="text"
                  autoComplete="off"
                  value={values.substitute}
                  maxLength={200}
                  onChange={(event) => set({ substitute: event.target.value })}
                  aria-invalid={shown.substitute != null}
                  aria-describedby={describedBy('substitute', `${id}-substitute-hint`)}
                />
                <p className="hint" id={`${id}-substitute-hint`}>
                  Their notes come back under this name.
                </p>
                {fieldError('substitute')}
              </div>
              <div className="field">
                <label htmlFor={`${id}-owner`}>Your name (optional)</label>
                <input
                  id={`${id}-owner`}
                  type="text"
                  autoComplete="off"
                  value={values.ownerName}
                  maxLength={200}
                  onChange={(event) => set({ ownerName: event.target.value })}
                  aria-invalid={shown.ownerName != null}
                  aria-describedby={describedBy('ownerName', `${id}-owner-hint`)}
                />
                <p className="hint" id={`${id}-owner-hint`}>
                  Shown to the substitute at the top of your notes.
                </p>
                {fieldError('ownerName')}
              </div>
            </div>
            <div className="field-row">
              <DateField
                id={`${id}-from`}
                label="First day"
                value={values.validFrom}
                onChange={(validFrom) => set({ validFrom })}
                error={shown.validFrom ?? null}
                hint={`For example ${formatNumericDate(today).replace(/\/\d{4}$/, '')}.`}
                dayButtons={false}
              />
              <DateField
                id={`${id}-until`}
                label="Last day"
                value={values.validUntil}
                onChange={(validUntil) => set({ validUntil })}
                error={shown.validUntil ?? null}
                hint="After this day their Sole Notes no longer opens it."
                dayButtons={false}
              />
            </div>
          </div>
        )}

        {step === 1 && (
          <div className="wizard-step" role="group" aria-label={`Step 2 of 3: ${HANDOVER_STEPS[1].title}`}>
            <fieldset className="field radios" aria-describedby={describedBy('students')}>
              <legend>Students</legend>
              <label className="check">
                <input type="radio" name={`${id}-scope`} checked={values.scope === 'caseload'} onChange={() => set({ scope: 'caseload' })} />
                <span>Your whole open caseload ({countOf(openStudents.length, 'student')})</span>
              </label>
              <label className="check">
                <input type="radio" name={`${id}-scope`} checked={values.scope === 'chosen'} onChange={() => set({ scope: 'chosen' })} />
                <span>Only the students I choose</span>
              </label>
              {values.scope === 'chosen' && (
                <StudentPicker
                  id={`${id}-students`}
                  label="Students to hand over"
                  students={openStudents}
                  selected={values.chosen}
                  onChange={(chosen) => set({ chosen })}
                  single={false}
                  error={shown.students ?? null}
                  hint="Type a code or name and press Enter; repeat for each student."
                />
              )}
              {values.scope === 'caseload' && fieldError('students')}
            </fieldset>

            <div className="field">
              <label className="check">
                <input type="checkbox" checked={values.includeNames === true} onChange={(event) => set({ includeNames: event.target.checked })} aria-describedby={`${id}-names-hint`} />
                <span>Include the names you use for these students</span>
              </label>
              <p className="hint" id={`${id}-names-hint`}>
                So your substitute knows who is who. Without it they see the student codes only.
              </p>
            </div>
          </div>
        )}

        {step === 2 && (
          <div className="wizard-step" role="group" aria-label={`Step 3 of 3: ${HANDOVER_STEPS[2].title}`}>
            <fieldset className="field radios" aria-describedby={describedBy('recipient')}>
              <legend>How {substituteName} opens it</legend>
              <label className="check">
                <input type="radio" name={`${id}-recipient`} checked={values.recipient === 'key'} onChange={() => set({ recipient: 'key' })} />
                <span>With their handover key (they sent you a file from their Sole Notes)</span>
              </label>
              <label className="check">
                <input type="radio" name={`${id}-recipient`} checked={values.recipient === 'code'} onChange={() => set({ recipient: 'code' })} />
                <span>With a one-time code (they have not sent you their handover key)</span>
              </label>

              {values.recipient === 'key' && (
                <div className="recipient-box">
                  <button ref={keyButton} type="button" onClick={() => void chooseKey()} disabled={readingKey || busy}>
                    <KeyIcon />
                    <span>{values.key == null ? 'Open the file they sent…' : 'Open another file…'}</span>
                  </button>
                  {values.key == null && fieldError('recipient')}
                  {values.key != null && (
                    <div className="key-check">
                      <p className="key-file">
                        {values.key.label != null && values.key.label !== '' ? (
                          <>
                            The handover key of <strong>{values.key.label}</strong>
                          </>
                        ) : (
                          'Their handover key'
                        )}
                      </p>
                      <CheckCode fingerprint={values.key.fingerprint} label="Their words" digitsLabel="Their key in digits" />
                      <p className="hint" id={`${id}-compare-hint`}>
                        Call {substituteName} or meet in person. They read out the words their Sole Notes shows under “Your handover key”; you follow here. One different word
                        means this is not their file: do not use it.
                      </p>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={values.compared}
                          onChange={(event) => set({ compared: event.target.checked })}
                          aria-invalid={shown.compared != null}
                          aria-describedby={describedBy('compared', `${id}-compare-hint`)}
                        />
                        <span>We read all ten words together, and every word matches</span>
                      </label>
                      {fieldError('compared')}
                      {fieldError('recipient')}
                    </div>
                  )}
                </div>
              )}
              {values.recipient === 'code' && (
                <p className="hint recipient-box">
                  Once the handover file is saved, Sole Notes shows a code of 25 letters and digits, only once.{' '}
                  {substituteName === 'the substitute' ? 'The substitute types' : `${substituteName} types`} it to open it. Give it separately from the file: in person or by
                  phone, never in the same email.
                </p>
              )}
            </fieldset>
          </div>
        )}

        <div aria-live="polite">{status != null && <p className="status">{status}</p>}</div>
        <ProblemLine message={problem} />
        <div className="dialog-actions">
          <button type="button" className="quiet" onClick={back} disabled={busy}>
            {step === 0 ? 'Cancel' : 'Back'}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {step < 2 ? 'Next' : busy ? 'Saving the handover file…' : 'Save the handover file…'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
