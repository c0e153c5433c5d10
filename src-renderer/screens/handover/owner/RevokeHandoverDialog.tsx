import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { SentHandover } from '../../../../shared/api/handoverSchemas';
import { call, isQuietError, plainError } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { ProblemLine } from '../../../components/ProblemLine';
import { formatShortDate } from '../../../lib/dates';

const REASON_MAX = 500;

/** What revoking did and did not do, once it is done. */
export function revokedNotice(handover: Pick<SentHandover, 'substitute' | 'validUntil'>): string {
  return (
    `The handover file already given to ${handover.substitute} is on their computer, and nothing can destroy it from here. ` +
    `Their Sole Notes stops opening it after ${formatShortDate(handover.validUntil)}. Ask ${handover.substitute} to hand it back or delete it now.`
  );
}

/**
 * Revoking an open handover, with an optional reason. Said before and after
 * in plain words: this vault records it, but a package already given is a
 * file on someone else's computer that nothing can destroy from here.
 */
export function RevokeHandoverDialog({ handover, onClose, onRevoked }: { handover: SentHandover; onClose: () => void; onRevoked: (handover: SentHandover) => void }) {
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tooLong = reason.trim().length > REASON_MAX;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (tooLong) return;
    setBusy(true);
    setProblem(null);
    try {
      const trimmed = reason.trim();
      const result = await call('handover.revoke', { packageId: handover.packageId, ...(trimmed === '' ? {} : { reason: trimmed }) });
      // Said in the worker's words (the main side's notice is worded for the command line).
      setNotice(revokedNotice(handover));
      // The dialog says it is revoked: no notice besides.
      onRevoked(result.handover);
      requestAnimationFrame(() => closeButton.current?.focus());
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  if (notice != null) {
    return (
      <Dialog title={`Handover to ${handover.substitute} revoked`} onClose={onClose} initialFocus={closeButton} className="handover-dialog">
        <div className="revoke-notice" role="status">
          <p className="success">Revoked, and recorded in your audit log.</p>
          <p>{notice}</p>
        </div>
        <div className="dialog-actions">
          <button ref={closeButton} type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={`Revoke the handover to ${handover.substitute}?`}
      role="alertdialog"
      onClose={onClose}
      initialFocus={cancel}
      className="handover-dialog"
      description={
        <>
          <p>Revoking records in your notes that this handover is withdrawn. A hand-back for it can still be imported.</p>
          <p>
            <strong>It cannot reach the handover file you already gave.</strong> That is a file on {handover.substitute}’s computer, and nothing can destroy it from here. Their Sole Notes
            stops opening it after its last day, {formatShortDate(handover.validUntil)}. To end it sooner, ask {handover.substitute} to hand it back or delete it.
          </p>
        </>
      }
    >
      <form onSubmit={(event) => void submit(event)} noValidate className="dialog-form">
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason (optional)</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={tooLong}
            aria-describedby={`${id}-reason-hint${tooLong ? ` ${id}-reason-error` : ''}`}
          />
          <p className="hint" id={`${id}-reason-hint`}>
            Kept in your audit log with the revocation. Do not name a student.
          </p>
          {tooLong && (
            <p className="field-error" id={`${id}-reason-error`}>
              A reason is at most {REASON_MAX} characters.
            </p>
          )}
        </div>
        <ProblemLine message={problem} />
        <div className="dialog-actions">
          <button ref={cancel} type="button" className="quiet" onClick={onClose}>
            Keep it open
          </button>
          <button type="submit" className="danger" disabled={busy || tooLong}>
            {busy ? 'Revoking…' : 'Revoke handover'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
