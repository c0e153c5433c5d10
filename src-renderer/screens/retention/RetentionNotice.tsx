import { useState } from 'react';
import type { RetentionDue } from '../../../shared/api/retentionSchemas';
import { call, isQuietError, plainError } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatShortDate } from '../../lib/dates';
import { useLoad } from '../../lib/useLoad';
import { FreshBackupSet } from '../backups/FreshBackupSet';

function notesWord(count: number): string {
  return `${count} note${count === 1 ? '' : 's'}`;
}

/**
 * What stays behind after notes are destroyed: backups made before, until
 * newer backups replace them. Once destroyed, a fresh backup set removes
 * them in one step (`offerFreshSet`).
 */
export function BackupsKeepCopies({ onOpenBackups, offerFreshSet = false }: { onOpenBackups?: () => void; offerFreshSet?: boolean }) {
  return (
    <>
      <p className="hint">
        Backups made before today still hold copies of these notes until newer backups replace them (the oldest go as new ones are made).{' '}
        {offerFreshSet ? 'To remove them now, start a fresh backup set: one new backup, then the older ones removed.' : 'Afterwards you can start a fresh backup set to remove them now.'}{' '}
        Copies you made elsewhere stay as they are.{' '}
        {onOpenBackups != null && (
          <button type="button" className="link" onClick={onOpenBackups}>
            Open Backups
          </button>
        )}
      </p>
      {offerFreshSet && <FreshBackupSet />}
    </>
  );
}

/**
 * A calm notice when the notes of closed cases are due to be destroyed under
 * the worker's setting: which students (codes) and how many notes, never any
 * text. Nothing goes until the worker confirms. Shows nothing when none are due.
 */
export function RetentionNotice({ onOpenBackups }: { onOpenBackups?: () => void }) {
  // Only a notice: nothing shows while it loads or when it cannot be read.
  const [loaded] = useLoad(() => call('retention.due', {}), 'retention-due');
  // What is due once notes were destroyed here (none).
  const [dueNow, setDue] = useState<RetentionDue | null>(null);
  const due = dueNow ?? (loaded.status === 'ready' ? loaded.value : null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [destroyed, setDestroyed] = useState<number | null>(null);

  async function destroy(value: RetentionDue) {
    setBusy(true);
    setProblem(null);
    try {
      const result = await call('retention.destroy', { studentIds: value.students.map((student) => student.studentId) });
      setConfirming(false);
      setDestroyed(result.notes);
      setDue({ ...value, students: [], notes: 0 });
      // The panel says how many were destroyed, and what backups keep: no notice besides.
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  if (destroyed != null) {
    return (
      <section className="panel retention-notice" aria-label="Notes of closed cases">
        <p>
          {notesWord(destroyed)} of closed cases {destroyed === 1 ? 'was' : 'were'} destroyed.
        </p>
        <BackupsKeepCopies onOpenBackups={onOpenBackups} offerFreshSet />
      </section>
    );
  }
  if (due == null || due.students.length === 0) return null;

  const cases = due.students.length;
  const list = (
    <ul className="retention-list">
      {due.students.map((student) => (
        <li key={student.studentId}>
          <strong>{student.code}</strong>: {notesWord(student.notes)}
          {student.drafts > 0 ? ` and ${student.drafts} unfinished` : ''}, case closed {formatShortDate(student.closedOn)}
        </li>
      ))}
    </ul>
  );

  return (
    <section className="panel retention-notice" aria-labelledby="retention-notice-title">
      <h2 id="retention-notice-title">Notes of closed cases to destroy</h2>
      <p>
        Under your setting, the notes of {cases === 1 ? 'a closed case are' : `${cases} closed cases are`} now due to be destroyed. Nothing goes until you say so.
      </p>
      {list}
      <button type="button" onClick={() => setConfirming(true)}>
        Review and destroy…
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Destroy ${notesWord(due.notes)} of closed cases?`}
          tone="danger"
          confirmLabel="Destroy these notes"
          busyLabel="Destroying…"
          cancelLabel="Not now"
          busy={busy}
          error={problem}
          onConfirm={() => void destroy(due)}
          onCancel={() => setConfirming(false)}
        >
          <p>These notes, every earlier version of them and any unfinished notes about these students are destroyed for good. Released notes are records and stay.</p>
          {list}
          <BackupsKeepCopies />
        </ConfirmDialog>
      )}
    </section>
  );
}
