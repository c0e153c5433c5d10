import { ProblemLine } from './ProblemLine';

/**
 * The end of a form in a dialog: what went wrong (read out at once), then
 * Cancel and the submit button, which says what it is doing while busy.
 */
export function DialogFormFooter({
  problem,
  busy,
  submitLabel,
  busyLabel,
  onCancel,
  submitDisabled = false,
}: {
  problem: string | null;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onCancel: () => void;
  /** Not ready to submit yet, for a reason of the form's own (besides being busy). */
  submitDisabled?: boolean;
}) {
  return (
    <>
      <ProblemLine message={problem} />
      <div className="dialog-actions">
        <button type="button" className="quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || submitDisabled}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
