import { useRef, useState } from 'react';
import { call, isQuietError, plainError } from '../api';
import { FreshBackupSet } from '../screens/backups/FreshBackupSet';
import { useUiStore } from '../state/uiStore';
import { ConfirmDialog } from './ConfirmDialog';
import { Dialog } from './Dialog';

/**
 * Asked once, right after a save that took flagged words out of a note,
 * when earlier versions of it still hold them: remove their text, or keep
 * them. The history keeps a line for each cleared version (its date and
 * seal), so the note can still be shown not to have been changed otherwise.
 * Once removed, it says that backups made before still hold them and offers
 * a fresh backup set in one step.
 */
export function EraseEarlierDialog({ noteId, versions, onClose }: { noteId: string; versions: number; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [erased, setErased] = useState<number | null>(null);
  const them = versions === 1 ? 'it' : 'each';

  async function erase() {
    setBusy(true);
    setProblem(null);
    try {
      const result = await call('notes.eraseEarlier', { id: noteId });
      const count = result.erased.length;
      // The next dialog's title says how many were cleared, and offers a fresh backup set (backups made before still hold the words).
      if (count > 0) return setErased(count);
      useUiStore.getState().announce('No earlier version held flagged words.');
      onClose();
    } catch (error) {
      if (isQuietError(error)) return;
      setProblem(plainError(error));
      setBusy(false);
    }
  }

  if (erased != null) return <ErasedFromEarlier count={erased} onClose={onClose} />;

  return (
    <ConfirmDialog
      title="Remove the flagged words from earlier versions?"
      tone="danger"
      confirmLabel="Remove from earlier versions"
      busyLabel="Removing…"
      cancelLabel="Keep earlier versions"
      busy={busy}
      error={problem}
      onConfirm={() => void erase()}
      onCancel={onClose}
    >
      <p>
        You took flagged words out of this note. {versions === 1 ? 'An earlier version' : `${versions} earlier versions`} of it still {versions === 1 ? 'holds' : 'hold'} them,
        and a court order would show every version.
      </p>
      <p>
        Removing clears the text of {versions === 1 ? 'that version' : 'those versions'} for good. The note’s history keeps a line for {them}, with the date it was cleared, so
        you can still show nothing else was changed. Copies in backups made before today stay until newer backups replace them.
      </p>
    </ConfirmDialog>
  );
}

/** After the erasure: what was removed, and the copies backups still hold, with a fresh backup set in one step. */
function ErasedFromEarlier({ count, onClose }: { count: number; onClose: () => void }) {
  const done = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={`Flagged words removed from ${count} earlier version${count === 1 ? '' : 's'}`}
      onClose={onClose}
      initialFocus={done}
      description={
        <p>
          Backups made before today still hold them until newer backups replace them. To remove them now, start a fresh backup set: one new backup of your notes as they
          are now, then the older backups removed. Afterwards you can’t go back to a backup from an earlier day.
        </p>
      }
    >
      <FreshBackupSet askFirst={false} />
      <div className="dialog-actions">
        <button type="button" ref={done} onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
