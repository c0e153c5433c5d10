import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { CommandOutput } from '../../../shared/api/contract';
import type { Note } from '../../../shared/api/schemas';
import { call, isQuietError } from '../../api';
import { DateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { formatNumericDate, parseDateInput, todayIso } from '../../lib/dates';
import { useSearchStore } from '../../state/searchStore';
import { formProblems } from '../handover/owner/ownerWords';
import { DialogFormFooter } from '../../components/DialogFormFooter';

const AGENCY_MAX = 200;
const REASON_MAX = 2000;
const FIELDS = ['agency', 'reason', 'releasedOn'] as const;
type Field = (typeof FIELDS)[number];

export type ReleaseResult = CommandOutput<'notes.release'>;

/** What is wrong with the release form, field by field. */
export function releaseProblems(values: { agency: string; reason: string; releasedOn: string }, today: string): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  const agency = values.agency.trim();
  const reason = values.reason.trim();
  const day = parseDateInput(values.releasedOn);
  if (agency === '') problems.agency = 'Name the agency you gave the note to.';
  else if (agency.length > AGENCY_MAX) problems.agency = `The agency is at most ${AGENCY_MAX} characters.`;
  if (reason === '') problems.reason = 'Say why the note was released, for example a records request or a referral.';
  else if (reason.length > REASON_MAX) problems.reason = `The reason is at most ${REASON_MAX.toLocaleString('en-US')} characters.`;
  if (day == null) problems.releasedOn = 'Enter the day you gave it, for example today.';
  else if (day > today) problems.releasedOn = 'A release cannot be dated in the future.';
  return problems;
}

/**
 * Recording that a note was released to another agency: to whom, when, why.
 * Sole Notes sends nothing; it marks the note, which from then on is a
 * record rather than a personal note, and says so before and after.
 */
export function ReleaseNoteDialog({ note, onClose, onReleased }: { note: Note; onClose: () => void; onReleased: (result: ReleaseResult) => void }) {
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const today = todayIso();
  const [agency, setAgency] = useState('');
  const [reason, setReason] = useState('');
  const [releasedOn, setReleasedOn] = useState(formatNumericDate(today));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverProblems, setServerProblems] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const own = releaseProblems({ agency, reason, releasedOn }, today);
  const shown = tried ? { ...serverProblems, ...own } : serverProblems;
  const again = note.status === 'released';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    setProblem(null);
    if (Object.keys(own).length > 0) {
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      const result = await call('notes.release', { id: note.id, agency: agency.trim(), reason: reason.trim(), releasedOn: parseDateInput(releasedOn) as string });
      onReleased(result);
      // The note itself now shows who, when and why it was released: no notice repeating the dialog.
      // Search results on hand show the note's new status when next seen.
      const search = useSearchStore.getState();
      if (search.status !== 'idle') void search.run();
      onClose();
    } catch (error) {
      if (isQuietError(error)) return;
      const { byField, problem: refusal } = formProblems(error, FIELDS);
      setServerProblems(byField);
      setProblem(refusal);
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: Field, hint?: string) => [hint, shown[field] != null ? `${id}-${field}-error` : null].filter((part) => part != null).join(' ') || undefined;
  const fieldError = (field: Field) =>
    shown[field] != null ? (
      <p className="field-error" id={`${id}-${field}-error`}>
        {shown[field]}
      </p>
    ) : null;

  return (
    <Dialog
      title={again ? 'Record another release of this note' : 'Release this note to an agency'}
      onClose={onClose}
      initialFocus={first}
      className="dialog-wide release-dialog"
      description={
        <div className="release-explainer">
          {again ? (
            <p>This note is already a record. Record here each further time you give it to an agency.</p>
          ) : (
            <>
              <p>
                Use this when you give this note, or what it says, to another agency: a clinic, child protective services, the police, a court. Sole Notes sends nothing itself: it
                keeps a record of what you gave, to whom and why.
              </p>
              <p>
                <strong>A released note is no longer a personal note.</strong> It was kept for your use alone; once given to someone else it becomes part of a record, and the rules
                for records may apply to it: who may see it, ask for a copy or ask to correct it. From now on Sole Notes marks it as released wherever it appears. This cannot be
                undone.
              </p>
            </>
          )}
        </div>
      }
    >
      <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="dialog-form">
        <div className="field">
          <label htmlFor={`${id}-agency`}>Released to</label>
          <input
            id={`${id}-agency`}
            ref={first}
            type="text"
            autoComplete="off"
            value={agency}
            onChange={(event) => {
              setAgency(event.target.value);
              setServerProblems(({ agency: _dropped, ...rest }) => rest);
            }}
            aria-invalid={shown.agency != null}
            aria-describedby={describedBy('agency', `${id}-agency-hint`)}
          />
          <p className="hint" id={`${id}-agency-hint`}>
            The agency or office, for example Riverside Family Clinic.
          </p>
          {fieldError('agency')}
        </div>
        <DateField
          id={`${id}-on`}
          label="Released on"
          value={releasedOn}
          onChange={(value) => {
            setReleasedOn(value);
            setServerProblems(({ releasedOn: _dropped, ...rest }) => rest);
          }}
          error={shown.releasedOn ?? null}
        />
        <div className="field">
          <label htmlFor={`${id}-reason`}>Why</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setServerProblems(({ reason: _dropped, ...rest }) => rest);
            }}
            aria-invalid={shown.reason != null}
            aria-describedby={describedBy('reason', `${id}-reason-hint`)}
          />
          <p className="hint" id={`${id}-reason-hint`}>
            For example: a records request signed by the parent, or a referral. Kept with the note and in your audit log.
          </p>
          {fieldError('reason')}
        </div>
        <DialogFormFooter problem={problem} busy={busy} submitLabel={again ? 'Record the release' : 'Mark as released'} busyLabel="Saving…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
