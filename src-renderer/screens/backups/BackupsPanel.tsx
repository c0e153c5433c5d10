import { useEffect, useId, useState } from 'react';
import type { BackupInfo, BackupListing } from '../../../shared/api/backupSchemas';
import { call, isQuietError, plainError } from '../../api';
import { FolderIcon, WarningIcon } from '../../components/Icons';
import { NumberField } from '../../components/NumberField';
import { ProblemLine } from '../../components/ProblemLine';
import { backupReasonLabel, backupWhenAtStart, formatBytes, onBackupWhen } from '../../lib/backupWords';
import { useBackupsStore } from '../../state/backupsStore';
import { useUiStore } from '../../state/uiStore';
import { showRestoredVault } from './afterRestore';
import { RestoreDialog, type RestoreTarget } from './RestoreDialog';
import { RestoreFromFolder } from './RestoreFromFolder';
import { FreshBackupSet } from './FreshBackupSet';
import { SecondPlaceSetting } from './SecondPlaceSetting';

/**
 * Settings → Backups: where backups go, how many are kept, automatic on or
 * off, "Back up now", the backups there, the last failure in plain words,
 * and restoring one (from the list, or from another folder).
 */
export function BackupsPanel() {
  const id = useId();
  const listing = useBackupsStore((store) => store.listing);
  const status = useBackupsStore((store) => store.status);
  const error = useBackupsStore((store) => store.error);

  useEffect(() => {
    void useBackupsStore.getState().load();
  }, []);

  return (
    <section className="panel backups-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Backups</h2>
      <p className="hint">
        Encrypted copies of your notes. A backup opens only with the passphrase you had when it was made, or with your recovery key.
      </p>
      {status === 'error' && <ProblemLine message={error} />}
      {listing == null ? status !== 'error' && <p className="status">Looking for backups…</p> : <BackupsContent listing={listing} />}
    </section>
  );
}

function BackupsContent({ listing }: { listing: BackupListing }) {
  const id = useId();
  const announce = useUiStore((store) => store.announce);
  const [backingUp, setBackingUp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<RestoreTarget | null>(null);
  const { settings, backups, lastFailure } = listing;

  async function backUpNow() {
    setBackingUp(true);
    setProblem(null);
    try {
      await useBackupsStore.getState().backUpNow();
      announce('Backup made.');
    } catch {
      // The failure shows as the last failure (an alert), in the main side's plain words.
    } finally {
      setBackingUp(false);
    }
  }

  return (
    <>
      {lastFailure != null && (
        <div className="backup-failure" role="alert">
          <WarningIcon />
          <div>
            <p className="backup-failure-title">No backup could be made {onBackupWhen(lastFailure.at)}.</p>
            <p>{failureAdvice(lastFailure.code, lastFailure.message)}</p>
          </div>
        </div>
      )}

      <div className="backups-layout">
        <div className="backups-settings">
          <BackupFolder folder={settings.folder} custom={settings.customFolder} reachable={listing.folderReachable} onProblem={setProblem} />
          <SecondPlaceSetting offsite={listing.offsite} onProblem={setProblem} />
          <AutomaticBackups automatic={settings.automatic} onProblem={setProblem} />
          <KeepCount keep={settings.keep} onProblem={setProblem} />
          <ProblemLine message={problem} />
        </div>

        <div className="backups-list-area">
          <div className="backups-list-head">
            <h3 id={`${id}-list`}>Backups in this folder</h3>
            <button type="button" className="primary" onClick={() => void backUpNow()} disabled={backingUp}>
              {backingUp ? 'Backing up…' : 'Back up now'}
            </button>
          </div>
          {!listing.folderReachable ? (
            <p className="empty">Can’t see the drive this folder is on. Plug it in to see its backups and make new ones.</p>
          ) : backups.length === 0 ? (
            <p className="empty">No backups in this folder yet.</p>
          ) : (
            <ul className="backup-list" aria-labelledby={`${id}-list`}>
              {backups.map((backup) => (
                <BackupRow key={backup.id} backup={backup} onRestore={() => setRestoring({ id: backup.id, createdAt: backup.createdAt, sameVault: backup.sameVault })} />
              ))}
            </ul>
          )}
          <div className="backups-fresh-set">
            <p className="hint">After notes were destroyed or flagged words removed from earlier versions, older backups still hold them.</p>
            <FreshBackupSet />
          </div>
          <div className="backups-restore-other">
            <RestoreFromFolder situation="unlocked" label="Restore from another folder…" onRestored={(result) => void showRestoredVault(result, 'unlocked')} />
          </div>
        </div>
      </div>

      {restoring != null && (
        <RestoreDialog
          target={restoring}
          situation="unlocked"
          onClose={() => setRestoring(null)}
          onRestored={(result) => {
            setRestoring(null);
            void showRestoredVault(result, 'unlocked');
          }}
        />
      )}
    </>
  );
}

/** What to do about a failed backup, in the worker's terms; the main side's own words for anything else. */
function failureAdvice(code: string, message: string): string {
  switch (code) {
    case 'STORAGE_UNAVAILABLE':
      return 'Sole Notes could not reach the backup folder. If it is on a USB drive, plug the drive in, then choose Back up now.';
    case 'STORAGE_FULL':
      return 'The disk that holds the backup folder is full. Free some space on it, or choose another folder.';
    case 'STORAGE_READ_ONLY':
      return 'Sole Notes may not write to the backup folder (the drive may be locked or read-only). Choose another folder.';
    default:
      return message;
  }
}

function BackupRow({ backup, onRestore }: { backup: BackupInfo; onRestore: () => void }) {
  const when = backupWhenAtStart(backup.createdAt);
  return (
    <li className="backup-row">
      <span className="backup-row-text">
        <span className="backup-when">{when}</span>
        <span className="subtle">
          {backupReasonLabel(backup.reason)} · {formatBytes(backup.bytes)}
        </span>
        {backup.sameVault === false && <span className="backup-other">From another set of notes</span>}
      </span>
      <button type="button" className="small" onClick={onRestore} aria-label={`Restore the backup made ${onBackupWhen(backup.createdAt)}`}>
        Restore…
      </button>
    </li>
  );
}

function BackupFolder({ folder, custom, reachable, onProblem }: { folder: string; custom: boolean; reachable: boolean; onProblem: (problem: string | null) => void }) {
  const announce = useUiStore((store) => store.announce);
  const [busy, setBusy] = useState(false);

  async function change(next: string | null) {
    onProblem(null);
    setBusy(true);
    try {
      await useBackupsStore.getState().updateSettings({ folder: next });
      announce(next == null ? 'Backups go to the standard folder again.' : 'Backups go to the folder you chose.');
    } catch (error) {
      if (!isQuietError(error)) onProblem(plainError(error));
    } finally {
      setBusy(false);
    }
  }

  async function choose() {
    onProblem(null);
    try {
      const { folder: chosen } = await call('system.chooseFolder', { purpose: 'backup-folder' });
      if (chosen != null) await change(chosen);
    } catch (error) {
      if (!isQuietError(error)) onProblem(plainError(error));
    }
  }

  /** Opens the folder in the system's file manager, to see the backups or copy them by hand. */
  async function show() {
    onProblem(null);
    try {
      await call('system.showInFolder', { path: folder });
    } catch (error) {
      if (!isQuietError(error)) onProblem(plainError(error));
    }
  }

  return (
    <div className="field backup-folder">
      <h3>Where backups go</h3>
      <p className="backup-folder-path">
        <FolderIcon />
        <span className="path">{folder}</span>
      </p>
      <p className="hint">
        {custom
          ? 'A folder you chose. If it is on a USB drive, plug the drive in before Sole Notes locks, or the backup cannot be made.'
          : 'The standard folder, on this laptop beside your notes. A folder on a USB drive also keeps your notes safe if the laptop is lost or breaks.'}
      </p>
      <div className="form-actions backup-folder-actions">
        <button type="button" onClick={() => void choose()} disabled={busy}>
          Choose another folder…
        </button>
        {reachable && (
          <button type="button" onClick={() => void show()}>
            Show in folder
          </button>
        )}
        {custom && (
          <button type="button" className="quiet" onClick={() => void change(null)} disabled={busy}>
            Use the standard folder
          </button>
        )}
      </div>
    </div>
  );
}

function AutomaticBackups({ automatic, onProblem }: { automatic: boolean; onProblem: (problem: string | null) => void }) {
  const id = useId();
  const announce = useUiStore((store) => store.announce);
  return (
    <div className="field">
      <label className="check">
        <input
          type="checkbox"
          checked={automatic}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            const next = event.target.checked;
            onProblem(null);
            useBackupsStore
              .getState()
              .updateSettings({ automatic: next })
              .then(() => announce(next ? 'Automatic backups are on.' : 'Automatic backups are off.'))
              .catch((error: unknown) => {
                if (!isQuietError(error)) onProblem(plainError(error));
              });
          }}
        />
        <span>Back up automatically</span>
      </label>
      <p className="hint" id={`${id}-hint`}>
        When Sole Notes locks, at most once a day.
      </p>
    </div>
  );
}

function KeepCount({ keep, onProblem }: { keep: number; onProblem: (problem: string | null) => void }) {
  const id = useId();
  const announce = useUiStore((store) => store.announce);

  /** Saves the number the field accepted (on leaving it or Enter, like every other setting: no Save button), unless it is kept already. */
  function apply(count: number) {
    if (count === keep) return;
    onProblem(null);
    useBackupsStore
      .getState()
      .updateSettings({ keep: count })
      .then(() => announce(`Sole Notes keeps the newest ${count} ${count === 1 ? 'backup' : 'backups'}.`))
      .catch((error: unknown) => {
        if (!isQuietError(error)) onProblem(plainError(error));
      });
  }

  return (
    <NumberField
      id={`${id}-keep`}
      label="Backups to keep"
      value={keep}
      min={1}
      max={100}
      invalidText="Enter a whole number from 1 to 100."
      hint="Beyond this number, the oldest backups of your notes are removed. Backups of another set of notes in the same folder are never removed."
      onCommit={apply}
    />
  );
}
