import type { BackupOffer } from '../../shared/api/errors';
import { startIntegrityCheck, type IntegrityOutcome, type IntegrityStatus } from './integrityCheck';
import type { OpenVault } from './openVault';

/** How the open vault's full integrity check stands (see integrityCheck.ts); with the newest backup once damage is found. */
export interface IntegrityReport {
  status: IntegrityStatus;
  latestBackup?: BackupOffer | null;
}

/**
 * The background integrity check of each vault the session opens, and the
 * thread it runs on, which must have let go of the database file before a
 * restore renames it.
 */
export class IntegrityWatch {
  readonly #file: string;
  /** Settles when the last check's thread has ended. */
  #thread: Promise<void> = Promise.resolve();

  constructor(databaseFile: string) {
    this.#file = databaseFile;
  }

  /**
   * Starts the check on `opened`. Damage found is recorded in its audit log
   * where it still can be (the damaged pages may be elsewhere), if it is
   * still the session's open vault; from then on every backup is refused
   * (SessionBackups.backUp), so that the good backups are never thinned out
   * in favour of a damaged copy. The worker learns of it from the vault
   * status, with the newest backup to restore.
   */
  start(opened: OpenVault, stillOpen: (opened: OpenVault) => boolean): void {
    const check = startIntegrityCheck(this.#file, opened.dataKey, (outcome: IntegrityOutcome) => {
      if (!stillOpen(opened)) return;
      try {
        opened.data.audit.append('vault.integrity_failed', { problems: outcome.problems.length });
      } catch {
        // The audit log's own pages may be the damaged ones.
      }
    });
    opened.integrity = check;
    this.#thread = check.exited;
  }

  /**
   * Stops the open vault's check, if one runs, and waits until its thread
   * has closed the database file: a restore renames that file, which Windows
   * refuses while any connection holds it open. Returns whether a check was
   * stopped before it finished (the caller may start it again).
   */
  async stopAndWait(open: OpenVault | null): Promise<boolean> {
    const running = open?.integrity?.status === 'checking';
    open?.integrity?.stop();
    await this.#thread;
    return running;
  }

  /** Settles once the last check's thread has ended. */
  threadEnded(): Promise<void> {
    return this.#thread;
  }

  /** The open vault's check; null while locked. */
  report(open: OpenVault | null, latestBackup: () => BackupOffer | null): IntegrityReport | null {
    if (!open) return null;
    const status = open.integrity?.status ?? 'ok';
    return status === 'damaged' ? { status, latestBackup: latestBackup() } : { status };
  }

  /** Resolves when the open vault's check has finished (null: locked or stopped first). */
  async checked(open: OpenVault | null): Promise<IntegrityStatus | null> {
    if (!open) return null;
    if (!open.integrity) return 'ok';
    const outcome = await open.integrity.done;
    return outcome?.status ?? null;
  }
}
