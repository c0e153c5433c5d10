import { useState } from 'react';
import type { FreshBackupSetResult } from '../../../shared/api/backupSchemas';
import { placeName } from '../../../shared/domain/offsiteCopies';
import { call, isQuietError, plainError } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProblemLine } from '../../components/ProblemLine';
import { useBackupsStore } from '../../state/backupsStore';
import { useUiStore } from '../../state/uiStore';

/** What a fresh set did, in a worker's words: "Older copies removed: 6; one new copy made." */
export function freshSetWords(result: FreshBackupSetResult): string {
  const made = result.newCopies === 1 ? 'one new copy made' : `${result.newCopies} new copies made`;
  return `Older copies removed: ${result.removed}; ${made}.`;
}

/** The place a fresh set could not reach, and that it will be finished there: null when none. */
export function freshSetWaitingWords(result: FreshBackupSetResult): string | null {
  if (result.waiting == null) return null;
  return result.waiting.kind === 'usb'
    ? 'Can’t see the USB drive: its older copies stay until you plug it in. Sole Notes finishes the fresh set there as soon as it sees the drive.'
    : `Can’t reach the ${placeName(result.waiting.kind)}: its older copies stay until it is back. Sole Notes finishes the fresh set there as soon as it can.`;
}

/**
 * "Start a fresh backup set": one new backup of the notes as they are now,
 * checked, and only then the older backups removed, in the backup folder and
 * the second place. Asked first (a backup from an earlier day can no longer
 * be restored afterwards), unless `askFirst` is false because the screen
 * around it has just said so.
 */
export function FreshBackupSet({ askFirst = true, className }: { askFirst?: boolean; className?: string }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<FreshBackupSetResult | null>(null);

  async function start() {
    setBusy(true);
    setProblem(null);
    try {
      const result = await call('backups.freshSet', {});
      setDone(result);
      setAsking(false);
      useUiStore.getState().announce(freshSetWords(result));
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setBusy(false);
      void useBackupsStore.getState().load();
    }
  }

  const waiting = done == null ? null : freshSetWaitingWords(done);
  return (
    <div className={className == null ? 'fresh-backup-set' : `fresh-backup-set ${className}`}>
      {done == null ? (
        <button type="button" onClick={() => (askFirst ? setAsking(true) : void start())} disabled={busy}>
          {busy && !asking ? 'Starting a fresh set…' : 'Start a fresh backup set'}
        </button>
      ) : (
        <div role="status">
          <p>{freshSetWords(done)}</p>
          {waiting != null && <p className="hint">{waiting}</p>}
        </div>
      )}
      {!asking && <ProblemLine message={problem} />}
      {asking && (
        <ConfirmDialog
          title="Start a fresh backup set?"
          tone="danger"
          confirmLabel="Start a fresh set"
          busyLabel="Starting a fresh set…"
          cancelLabel="Cancel"
          busy={busy}
          error={problem}
          onConfirm={() => void start()}
          onCancel={() => setAsking(false)}
        >
          <p>Sole Notes makes one new backup of your notes as they are now and checks it. Only then does it remove the older backups, here and in your second place for copies.</p>
          <p>Afterwards you can’t go back to a backup from an earlier day. Copies you made yourself elsewhere stay as they are.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
