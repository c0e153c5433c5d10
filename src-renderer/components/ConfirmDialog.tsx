import { useRef } from 'react';
import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { ProblemLine } from './ProblemLine';

/**
 * The one way Sole Notes asks before doing something: a question (the
 * title), what happens (the body, read out as the dialog's description),
 * and two buttons, to go ahead or to keep things as they are (with, at
 * times, a third way between them).
 *
 * The safe button always has the focus first, so Enter right after the
 * dialog opens never does the thing asked about. Escape is the same as the
 * safe button. While the call runs (`busy`) both buttons are disabled,
 * Escape does nothing and the go-ahead button says what it is doing
 * (`busyLabel`). What went wrong (`error`) is shown and read out at once.
 *
 * `tone` says how weighty the choice is: 'danger' puts the go-ahead button
 * first, outlined in red, with the safe button as the main one; 'normal'
 * puts the safe button first and the go-ahead button as the main one.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  cancelLabel,
  tone = 'normal',
  busy = false,
  error = null,
  notice = null,
  otherLabel,
  onOther,
  onConfirm,
  onCancel,
  role = 'alertdialog',
  className,
}: {
  title: ReactNode;
  /** What happens if the worker goes ahead: the dialog's accessible description. */
  children: ReactNode;
  confirmLabel: string;
  /** The go-ahead button's words while the call runs ("Removing…"); its usual label when not given. */
  busyLabel?: string;
  cancelLabel: string;
  tone?: 'danger' | 'normal';
  busy?: boolean;
  error?: string | null;
  /** A calm line below the body about the last try ("No file chosen…"): not an error. */
  notice?: string | null;
  /** A third way, between going ahead and keeping things as they are ("Keep as unfinished note"). */
  otherLabel?: string;
  onOther?: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  /** An alert dialog unless said otherwise: it interrupts the worker to ask. */
  role?: 'dialog' | 'alertdialog';
  className?: string;
}) {
  const safe = useRef<HTMLButtonElement>(null);
  const danger = tone === 'danger';
  const confirmButton = (
    <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
      {busy && busyLabel != null ? busyLabel : confirmLabel}
    </button>
  );
  const cancelButton = (
    <button type="button" ref={safe} className={danger ? 'primary' : undefined} onClick={onCancel} disabled={busy}>
      {cancelLabel}
    </button>
  );
  return (
    <Dialog title={title} role={role} onClose={onCancel} dismissable={!busy} initialFocus={safe} className={className} description={children}>
      {notice != null && <p className="status">{notice}</p>}
      <ProblemLine message={error} />
      <div className="dialog-actions">
        {danger ? confirmButton : cancelButton}
        {otherLabel != null && onOther != null && (
          <button type="button" onClick={onOther} disabled={busy}>
            {otherLabel}
          </button>
        )}
        {danger ? cancelButton : confirmButton}
      </div>
    </Dialog>
  );
}
