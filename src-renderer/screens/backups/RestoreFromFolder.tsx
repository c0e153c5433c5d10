import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { BackupInfo } from '../../../shared/api/backupSchemas';
import type { CommandOutput } from '../../../shared/api/contract';
import { call, isQuietError, plainError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FolderIcon } from '../../components/Icons';
import { ProblemLine } from '../../components/ProblemLine';
import { backupReasonLabel, backupWhenAtStart, formatBytes } from '../../lib/backupWords';
import { RestoreDialog, type RestoreMethod, type RestoreSituation, type RestoreTarget } from './RestoreDialog';

type Phase =
  | { name: 'idle' }
  | { name: 'choosing' }
  | { name: 'pick'; folder: string; backups: BackupInfo[] }
  | { name: 'restore'; target: RestoreTarget; folder: string; backups: BackupInfo[] };

/**
 * "Restore from another folder": the system's folder dialog (purpose
 * `backup-source`: a USB drive, say), the backups found there, then the
 * restore dialog for the one the worker picks.
 */
export function RestoreFromFolder({
  situation,
  label,
  className,
  onRestored,
}: {
  situation: RestoreSituation;
  label: string;
  className?: string;
  onRestored: (result: CommandOutput<'backups.restore'>, method: RestoreMethod) => void;
}) {
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);

  async function chooseFolder() {
    setProblem(null);
    setPhase({ name: 'choosing' });
    try {
      const { folder } = await call('system.chooseFolder', { purpose: 'backup-source' });
      if (folder == null) {
        setPhase({ name: 'idle' });
        return;
      }
      const listing = await call('backups.list', { folder });
      setPhase({ name: 'pick', folder, backups: listing.backups });
    } catch (error) {
      setPhase({ name: 'idle' });
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  return (
    <>
      <button type="button" className={className} onClick={() => void chooseFolder()} disabled={phase.name === 'choosing'}>
        <FolderIcon />
        <span>{label}</span>
      </button>
      <ProblemLine message={problem} />
      {phase.name === 'pick' && (
        <PickBackupDialog
          folder={phase.folder}
          backups={phase.backups}
          onClose={() => setPhase({ name: 'idle' })}
          onChooseAnother={() => void chooseFolder()}
          onPick={(backup) => setPhase({ name: 'restore', folder: phase.folder, backups: phase.backups, target: { id: backup.id, createdAt: backup.createdAt, sameVault: backup.sameVault, folder: phase.folder } })}
        />
      )}
      {phase.name === 'restore' && (
        <RestoreDialog
          target={phase.target}
          situation={situation}
          onClose={() => setPhase({ name: 'pick', folder: phase.folder, backups: phase.backups })}
          onRestored={(result, method) => {
            setPhase({ name: 'idle' });
            onRestored(result, method);
          }}
        />
      )}
    </>
  );
}

function PickBackupDialog({
  folder,
  backups,
  onClose,
  onChooseAnother,
  onPick,
}: {
  folder: string;
  backups: BackupInfo[];
  onClose: () => void;
  onChooseAnother: () => void;
  onPick: (backup: BackupInfo) => void;
}) {
  const id = useId();
  const [chosen, setChosen] = useState(backups[0]?.id ?? '');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const backup = backups.find((candidate) => candidate.id === chosen);
    if (backup != null) onPick(backup);
  }

  if (backups.length === 0) {
    return (
      <Dialog
        title="No backups in this folder"
        onClose={onClose}
        description={
          <>
            <p>
              Sole Notes found no backups in <span className="path">{folder}</span>.
            </p>
            <p>Each backup is a folder whose name starts with “sole-notes-backup”. Choose the folder that holds those folders, on this laptop or on the USB drive.</p>
          </>
        }
      >
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="primary" onClick={onChooseAnother}>
            Choose another folder…
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Choose a backup"
      onClose={onClose}
      className="dialog-wide"
      description={
        <p>
          Backups in <span className="path">{folder}</span>, newest first.
        </p>
      }
    >
      <form onSubmit={submit} noValidate>
        <fieldset className="field">
          <legend className="sr-only">Backups</legend>
          <ul className="backup-choices">
            {backups.map((backup) => (
              <li key={backup.id}>
                <label className="check backup-choice">
                  <input type="radio" name={`${id}-backup`} value={backup.id} checked={chosen === backup.id} onChange={() => setChosen(backup.id)} />
                  <span className="backup-choice-text">
                    <span className="backup-when">{backupWhenAtStart(backup.createdAt)}</span>
                    <span className="subtle">
                      {backupReasonLabel(backup.reason)} · {formatBytes(backup.bytes)}
                      {backup.sameVault === false && ' · from another set of notes'}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="quiet" onClick={onChooseAnother}>
            Choose another folder…
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={chosen === ''}>
            Continue
          </button>
        </div>
      </form>
    </Dialog>
  );
}
