import { useEffect, useId, useState } from 'react';
import { call } from '../../api';
import { WarningIcon } from '../../components/Icons';
import { onBackupWhen } from '../../lib/backupWords';
import { showRestoredVault } from './afterRestore';
import { RestoreDialog } from './RestoreDialog';

/** How often the vault's status is asked while the background check runs (it takes seconds on a large vault). */
export const INTEGRITY_POLL_MS = 2000;

interface Damage {
  latestBackup: { id: string; createdAt: string } | null;
}

/**
 * After unlock the main side checks every page of the vault in the
 * background. This asks how it went until it has finished; if it found damage,
 * it says so on every screen, calmly, and offers the latest backup. Until then
 * nothing shows: a sound vault says nothing.
 */
export function IntegrityBanner() {
  const id = useId();
  const [damage, setDamage] = useState<Damage | null>(null);
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function ask() {
      try {
        const { state, integrity } = await call('vault.status', {});
        if (stopped || state !== 'unlocked' || integrity == null) return;
        if (integrity.status === 'damaged') setDamage({ latestBackup: integrity.latestBackup ?? null });
        else if (integrity.status === 'checking') timer = setTimeout(() => void ask(), INTEGRITY_POLL_MS);
      } catch {
        // Locked meanwhile, or the main side out of reach: the next unlock asks again.
      }
    }
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  if (damage == null) return null;
  const offer = damage.latestBackup;

  return (
    <section className="restore-banner integrity-banner" role="alert" aria-labelledby={`${id}-title`}>
      <WarningIcon className="restore-banner-icon" />
      <div className="restore-banner-text">
        <p className="restore-banner-title" id={`${id}-title`}>
          Part of the file that holds your notes is damaged.
        </p>
        <p>
          Sole Notes checked every part of your notes after you unlocked it and found damage, as a failing disk can cause. Nothing was deleted. Notes it can read open as
          before. New backups are paused, so the good ones you have are kept.
          {offer == null ? ' There is no backup of your notes to restore: ask your district’s technology support before changing anything.' : ''}
        </p>
      </div>
      {offer != null && (
        <div className="restore-banner-actions">
          <button type="button" className="primary" onClick={() => setRestoring(true)}>
            Restore the backup made {onBackupWhen(offer.createdAt)}…
          </button>
        </div>
      )}
      {restoring && offer != null && (
        <RestoreDialog
          target={{ id: offer.id, createdAt: offer.createdAt, sameVault: true }}
          situation="unlocked"
          onClose={() => setRestoring(false)}
          onRestored={(result) => {
            setRestoring(false);
            void showRestoredVault(result, 'unlocked');
          }}
        />
      )}
    </section>
  );
}
