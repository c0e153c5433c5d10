import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { CoverColleague, CreateHandoverResult } from '../../../../shared/api/handoverSchemas';
import { MAX_HANDOVER_DAYS } from '../../../../shared/domain/handoverLength';
import { call, isQuietError, plainError } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { DialogFormFooter } from '../../../components/DialogFormFooter';
import { addDays, formatLongDate, todayIso } from '../../../lib/dates';
import { useStudentsStore } from '../../../state/studentsStore';
import { useUiStore } from '../../../state/uiStore';
import { countOf, suggestedPackageName } from './ownerWords';
import { SavedFile } from '../SavedFile';

/** Days from today, both ends included: "for 10 days" ends on the 10th day. */
export function lastDayFor(today: string, days: number): string {
  return addDays(today, days - 1);
}

/**
 * "Hand over to Dana for N days": one screen and one file, for a worker who
 * is suddenly away. The whole open caseload, sealed to the cover colleague's
 * checked key, so there is no code to pass on: only the file to send.
 */
export function HandOverToColleagueDialog({ colleague, onClose, onCreated }: { colleague: CoverColleague; onClose: () => void; onCreated: (result: CreateHandoverResult) => void }) {
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const announce = useUiStore((store) => store.announce);
  const openCases = useStudentsStore((store) => store.students.filter((student) => student.closedOn == null).length);
  const today = todayIso();
  const [days, setDays] = useState('10');
  const [includeNames, setIncludeNames] = useState(true);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<CreateHandoverResult | null>(null);

  const count = Number.parseInt(days, 10);
  const valid = /^\d+$/.test(days.trim()) && count >= 1 && count <= MAX_HANDOVER_DAYS;
  const lastDay = valid ? lastDayFor(today, count) : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!valid || lastDay == null) return setProblem(`Enter a number of days from 1 to ${MAX_HANDOVER_DAYS}.`);
    setBusy(true);
    setProblem(null);
    try {
      const { file } = await call('system.chooseFile', { purpose: 'save-handover-package', suggestedName: suggestedPackageName(colleague.name, today) });
      if (file == null) {
        setProblem('No place chosen, so nothing was saved.');
        return;
      }
      const result = await call('handover.create', {
        students: 'caseload',
        substitute: colleague.name,
        validFrom: today,
        validUntil: lastDay,
        recipient: { kind: 'colleague' },
        includeNames,
        file,
        // The save dialog already asked before naming an existing file.
        replace: true,
      });
      setDone(result);
      onCreated(result);
      announce(`Handover file for ${colleague.name} saved.`);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  if (done != null) {
    return (
      <Dialog title={`Ready for ${colleague.name}`} onClose={onClose} className="handover-dialog">
        <div className="handover-created" data-testid="handed-over">
          <SavedFile path={done.path} />
          <p>
            Send this one file to {colleague.name} (email or a USB stick). Only {colleague.name}’s Sole Notes can open it, until {formatLongDate(done.validUntil)}. There is no code to
            pass on.
          </p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={`Hand over to ${colleague.name}`} onClose={onClose} initialFocus={first} className="handover-dialog">
      <form onSubmit={(event) => void submit(event)} noValidate className="dialog-form" aria-busy={busy}>
        <p className="hint handover-lead">
          Your whole open caseload ({countOf(openCases, 'student')}), from today, in one file only {colleague.name} can open. When you are back, they return their notes to you.
        </p>
        <div className="field">
          <label htmlFor={`${id}-days`}>For how many days</label>
          <input
            ref={first}
            id={`${id}-days`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_HANDOVER_DAYS}
            value={days}
            onChange={(event) => setDays(event.target.value)}
            aria-describedby={`${id}-days-hint`}
          />
          <p className="hint" id={`${id}-days-hint`}>
            {lastDay != null ? `Today to ${formatLongDate(lastDay)}, both days included.` : `From 1 to ${MAX_HANDOVER_DAYS} days.`}
          </p>
        </div>
        <label className="check">
          <input type="checkbox" checked={includeNames} onChange={(event) => setIncludeNames(event.target.checked)} />
          <span>Include the names you use for your students, so {colleague.name} knows who is who</span>
        </label>
        <DialogFormFooter problem={problem} busy={busy} submitLabel="Save the handover file…" busyLabel="Saving…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
