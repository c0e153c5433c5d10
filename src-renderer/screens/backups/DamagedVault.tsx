import { useId, useState } from 'react';
import type { BackupOffer } from '../../../shared/api/errors';
import { CallError } from '../../api';
import { HistoryIcon, ShieldIcon } from '../../components/Icons';
import { onBackupWhen } from '../../lib/backupWords';
import { showRestoredVault } from './afterRestore';
import { RestoreDialog } from './RestoreDialog';
import { RestoreFromFolder } from './RestoreFromFolder';

const DAMAGE_CODES = ['VAULT_CORRUPT', 'KEYS_CORRUPT', 'VAULT_NOT_FOUND'] as const;
export type DamageCode = (typeof DAMAGE_CODES)[number];

export interface Damage {
  code: DamageCode;
  /** The newest backup of this vault in the backup folder; null when there is none. */
  latestBackup: BackupOffer | null;
}

/**
 * The unlock found the vault damaged (or its database gone): what the main
 * side said, as a Damage, or null for any other failure. A missing vault
 * without a backup offer is not damage (the first-run screen handles it).
 */
export function damageFrom(error: unknown): Damage | null {
  if (!(error instanceof CallError)) return null;
  const code = DAMAGE_CODES.find((candidate) => candidate === error.code);
  if (code == null) return null;
  if (code === 'VAULT_NOT_FOUND' && error.details.latestBackup === undefined) return null;
  return { code, latestBackup: error.details.latestBackup ?? null };
}

const WHAT_HAPPENED: Record<DamageCode, string> = {
  VAULT_CORRUPT: 'Part of the file that holds your notes on this laptop is damaged, so Sole Notes did not open it. This can happen when a disk fails or the laptop loses power while saving.',
  KEYS_CORRUPT: 'The file that unlocks your notes on this laptop is damaged, so Sole Notes cannot open them.',
  VAULT_NOT_FOUND: 'The file that holds your notes is missing from this laptop, so Sole Notes cannot open it.',
};

/** In place of the unlock form: nothing was changed, and the latest backup of this vault, with the restore flow. */
export function DamagedVault({ damage, onBack }: { damage: Damage; onBack: () => void }) {
  const id = useId();
  const [restoring, setRestoring] = useState(false);
  const offer = damage.latestBackup;

  return (
    <main className="screen">
      <section className="card card-wide damaged-vault" aria-labelledby={`${id}-title`}>
        <p className="brand brand-large">
          <ShieldIcon className="brand-icon" />
          <span>Sole Notes</span>
        </p>
        <h1 id={`${id}-title`}>Your notes could not be opened</h1>
        <p>{WHAT_HAPPENED[damage.code]}</p>
        <p className="damaged-unchanged">
          <strong>Nothing was changed or deleted.</strong>
        </p>
        {offer != null ? (
          <div className="backup-offer">
            <HistoryIcon className="backup-offer-icon" />
            <div>
              <h2>Restore your latest backup</h2>
              <p>
                Your latest backup was made {onBackupWhen(offer.createdAt)}. Restoring it brings back your notes as they were then. Sole Notes checks the backup first,
                and keeps the damaged notes aside.
              </p>
              <div className="form-actions">
                <button type="button" className="primary" onClick={() => setRestoring(true)}>
                  Restore this backup…
                </button>
                <RestoreFromFolder situation="damaged" label="Choose another backup…" onRestored={(result) => void showRestoredVault(result, 'damaged')} />
              </div>
            </div>
          </div>
        ) : (
          <div className="backup-offer">
            <HistoryIcon className="backup-offer-icon" />
            <div>
              <h2>Restore from a backup</h2>
              <p>There is no backup of your notes in the backup folder. If you kept backups on a USB drive, plug it in and choose the folder that holds them.</p>
              <div className="form-actions">
                <RestoreFromFolder situation="damaged" className="primary" label="Choose a backup folder…" onRestored={(result) => void showRestoredVault(result, 'damaged')} />
              </div>
            </div>
          </div>
        )}
        <p className="hint">If you are not sure what to do, ask your district’s technology support before deleting anything.</p>
        <p className="forgot">
          <button type="button" className="link" onClick={onBack}>
            Back to unlocking
          </button>
        </p>
      </section>
      {restoring && offer != null && (
        <RestoreDialog
          target={{ id: offer.id, createdAt: offer.createdAt, sameVault: null }}
          situation="damaged"
          onClose={() => setRestoring(false)}
          onRestored={(result) => {
            setRestoring(false);
            void showRestoredVault(result, 'damaged');
          }}
        />
      )}
    </main>
  );
}
