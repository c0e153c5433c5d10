import { useEffect, useId, useState } from 'react';
import { call, CallError, isQuietError, plainError } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { HistoryIcon } from '../../components/Icons';
import { ProblemLine } from '../../components/ProblemLine';
import { onBackupWhen } from '../../lib/backupWords';
import { useBackupsStore } from '../../state/backupsStore';
import { refreshVaultState, useVaultStore } from '../../state/vaultStore';

export const UNDONE_NOTICE = 'Your notes are back as they were before the restore. Unlock them with the passphrase you used then.';

/**
 * While a restore waits to be kept or undone, on every screen: which day the
 * worker is looking at, and the two ways out. Shown again after each unlock
 * until the worker chooses.
 */
export function PendingRestoreBanner() {
  const id = useId();
  const pending = useBackupsStore((store) => store.listing?.pendingRestore ?? null);
  const [asking, setAsking] = useState<'keep' | 'undo' | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void useBackupsStore.getState().load();
  }, []);

  if (pending == null) return null;
  const when = onBackupWhen(pending.backupCreatedAt);

  async function keep() {
    setBusy(true);
    setProblem(null);
    try {
      await useBackupsStore.getState().keepRestore();
      setAsking(null);
      // The dialog said what keeping deletes, and the banner goes: no notice besides.
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    setBusy(true);
    setProblem(null);
    try {
      await call('backups.undoRestore', {});
    } catch (error) {
      // STALE: the vault's own lock event came first, which is what an undo does.
      if (!(error instanceof CallError && error.code === 'STALE')) {
        setBusy(false);
        if (!isQuietError(error)) setProblem(plainError(error));
        return;
      }
    }
    useVaultStore.getState().locked(null, UNDONE_NOTICE);
    // On a laptop that had no vault before the restore, going back leaves none.
    await refreshVaultState();
  }

  return (
    <section className="restore-banner" aria-labelledby={`${id}-title`}>
      <HistoryIcon className="restore-banner-icon" />
      <div className="restore-banner-text">
        <p className="restore-banner-title" id={`${id}-title`}>
          You are looking at your notes as they were {when}.
        </p>
        <p>Keep it, or go back to how it was before. Until you choose, your notes from before the restore are kept aside, not deleted.</p>
        <ProblemLine message={problem} />
      </div>
      <div className="restore-banner-actions">
        <button type="button" className="primary" onClick={() => setAsking('keep')}>
          Keep these notes
        </button>
        <button type="button" onClick={() => setAsking('undo')}>
          Go back to how it was before
        </button>
      </div>
      {asking === 'keep' && <KeepDialog when={when} busy={busy} onConfirm={() => void keep()} onClose={() => setAsking(null)} />}
      {asking === 'undo' && <UndoDialog busy={busy} onConfirm={() => void undo()} onClose={() => setAsking(null)} />}
    </section>
  );
}

function KeepDialog({ when, busy, onConfirm, onClose }: { when: string; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <ConfirmDialog
      title={`Keep your notes as they were ${when}?`}
      confirmLabel="Keep the restored notes"
      busyLabel="Keeping…"
      cancelLabel="Not yet"
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onClose}
    >
      <p>Your notes from before the restore are then deleted, with anything written after this backup was made. This cannot be undone.</p>
    </ConfirmDialog>
  );
}

function UndoDialog({ busy, onConfirm, onClose }: { busy: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <ConfirmDialog
      title="Go back to how it was before the restore?"
      confirmLabel="Go back"
      busyLabel="Going back…"
      cancelLabel="Not yet"
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onClose}
    >
      <p>Sole Notes locks and puts back your notes as they were just before the restore. Unlock it with the passphrase you used then.</p>
      <p>Changes made since the restore are not carried over; a copy of them stays in the Sole Notes folder.</p>
    </ConfirmDialog>
  );
}
