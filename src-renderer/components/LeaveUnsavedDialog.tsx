import { activeDraft } from '../lib/draftSender';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * "Leave without saving?" for a note being edited: let the changes go, keep
 * them as an unfinished note, or go back to editing. One question for the
 * worker's own notes and for notes handed over to them.
 */
export function LeaveUnsavedDialog({ onLeave, onStay }: { onLeave: () => void; onStay: () => void }) {
  return (
    <ConfirmDialog
      title="Leave without saving?"
      tone="danger"
      confirmLabel="Leave without saving"
      otherLabel="Keep as unfinished note"
      cancelLabel="Keep editing"
      onConfirm={() => {
        activeDraft()?.discard();
        onLeave();
      }}
      onOther={() => {
        activeDraft()?.keepForLater();
        onLeave();
      }}
      onCancel={onStay}
    >
      <p>Your changes to this note have not been saved. Keep them as an unfinished note to finish later, or let them go.</p>
    </ConfirmDialog>
  );
}
