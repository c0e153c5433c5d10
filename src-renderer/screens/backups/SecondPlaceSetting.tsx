import { useState } from 'react';
import type { BackupListing } from '../../../shared/api/backupSchemas';
import { placeName, type OffsiteKind } from '../../../shared/domain/offsiteCopies';
import { call, isQuietError, plainError } from '../../api';
import { FolderIcon } from '../../components/Icons';
import { useBackupsStore } from '../../state/backupsStore';
import { useUiStore } from '../../state/uiStore';

/** Settings → Backups: the second place for copies, off this laptop; choose, change or stop it. */
export function SecondPlaceSetting({ offsite, onProblem }: { offsite: BackupListing['offsite']; onProblem: (problem: string | null) => void }) {
  const [busy, setBusy] = useState(false);

  async function change(next: { folder: string; kind: OffsiteKind } | null, done: string) {
    onProblem(null);
    setBusy(true);
    try {
      await useBackupsStore.getState().updateSettings({ offsite: next });
      useUiStore.getState().announce(done);
    } catch (error) {
      if (!isQuietError(error)) onProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  async function choose(kind: OffsiteKind) {
    onProblem(null);
    try {
      const { folder } = await call('system.chooseFolder', { purpose: 'backup-folder' });
      if (folder != null) await change({ folder, kind }, `Copies will also go to the ${placeName(kind)}.`);
    } catch (error) {
      if (!isQuietError(error)) onProblem(plainError(error));
    }
  }

  return (
    <div className="field second-place-setting">
      <h3>Copies off this laptop</h3>
      {offsite == null ? (
        <p className="hint">None yet. A copy on a USB drive or a network folder keeps your notes if the laptop is lost or breaks.</p>
      ) : (
        <>
          <p className="backup-folder-path">
            <FolderIcon />
            <span className="path">{offsite.folder}</span>
          </p>
          <p className="hint">
            {offsite.reachable
              ? `On a ${placeName(offsite.kind)}. A copy is made there as your notes lock, and when the drive is plugged in, at most once a day.`
              : offsite.kind === 'usb'
                ? 'Can’t see the drive. Plug it in and a copy is made within a minute.'
                : 'Can’t see the network folder right now.'}
          </p>
        </>
      )}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void choose('usb')}>
          {offsite == null ? 'Choose a USB drive…' : 'Use a USB drive…'}
        </button>
        <button type="button" disabled={busy} onClick={() => void choose('network')}>
          {offsite == null ? 'Choose a network folder…' : 'Use a network folder…'}
        </button>
        {offsite != null && (
          <button type="button" className="link" disabled={busy} onClick={() => void change(null, 'Copies off this laptop stopped.')}>
            Stop these copies
          </button>
        )}
      </div>
    </div>
  );
}
