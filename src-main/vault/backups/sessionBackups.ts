import type { FreshBackupSetResult } from '../../../shared/api/backupSchemas';
import type { BackupOffer } from '../../../shared/api/errors';
import type { OffsiteStatus } from '../../../shared/domain/offsiteCopies';
import { VaultError } from '../errors';
import { DATABASE_FILE_NAME } from '../folderLayout';
import type { OpenVault } from '../openVault';
import { schemaVersion } from '../schema/migrations';
import { asStorageError } from '../storageErrors';
import { listBackups, pruneBackups, writeBackup, type BackupEntry, type BackupReason } from './backup';
import { canSeeFolder, DEFAULT_BACKUP_INTERVAL_MS, readBackupSettings, recordOffsiteCopy, writeBackupSettings, type BackupSettingsPatch, type BackupSettingsValue } from './backupSettings';
import { finishPendingOffsite, startFreshBackupSet, type FreshSetHost } from './freshBackupSet';
import { pendingRestore } from './restore';

export type { FreshBackupSetResult };

/** One backup as the API shows it. */
export interface BackupSummary {
  id: string;
  createdAt: string;
  reason: BackupReason;
  vaultId: string;
  /** Whether it is a backup of the vault in this folder (null when that vault's id cannot be read). */
  sameVault: boolean | null;
  schemaVersion: number;
  bytes: number;
}

export interface PendingRestoreSummary {
  backupId: string;
  backupCreatedAt: string;
  restoredAt: string;
  keys: 'kept' | 'replaced';
}

export interface BackupFailure {
  at: string;
  code: string;
  message: string;
}

export interface BackupListing {
  settings: BackupSettingsValue;
  /** The second place for copies, off this laptop, and whether it can be seen now; null until the worker names one. */
  offsite: OffsiteStatus | null;
  /** Whether the folder listed can be seen; false when it is on a drive not plugged in ("Can't see the drive", not "no backups"). */
  folderReachable: boolean;
  backups: BackupSummary[];
  pendingRestore: PendingRestoreSummary | null;
  lastFailure: BackupFailure | null;
}

export interface BackupOptions {
  /** Back up as the vault locks, at most once per `minIntervalMs`, unless the worker turned it off. Default false (the app turns it on). */
  automatic?: boolean;
  /** Where backups go until the worker picks a folder; default `backups` beside the vault folder. */
  defaultFolder?: string;
  /** Default one day. */
  minIntervalMs?: number;
}

/**
 * The backups of one vault folder as its session makes them (see backup.ts):
 * the settings, a backup now or as the vault locks, and the last failure,
 * remembered for the backups screen.
 */
export class SessionBackups {
  readonly #folder: string;
  readonly #clock: () => Date;
  readonly #defaults: { automatic: boolean; folder: string | undefined; minIntervalMs: number };
  #lastFailure: BackupFailure | null = null;

  constructor(folder: string, clock: () => Date, options: BackupOptions = {}) {
    this.#folder = folder;
    this.#clock = clock;
    this.#defaults = {
      automatic: options.automatic ?? false,
      folder: options.defaultFolder,
      minIntervalMs: options.minIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
    };
  }

  /** Where backups go, how many are kept, whether they are automatic. Readable while locked. */
  settings(): BackupSettingsValue {
    return readBackupSettings(this.#folder, this.#defaults);
  }

  /** Writes the settings and records the change in the open vault's audit log. */
  updateSettings(open: OpenVault, patch: BackupSettingsPatch): BackupSettingsValue {
    writeBackupSettings(this.#folder, patch, this.#clock());
    const settings = this.settings();
    open.data.audit.append('backup.settings_changed', {
      folder: settings.folder,
      customFolder: settings.customFolder,
      keep: settings.keep,
      automatic: settings.automatic,
      offsite: settings.offsite?.folder ?? null,
      offsitePrompt: settings.offsitePrompt?.answer ?? null,
    });
    return settings;
  }

  /** The backups in `folder` (default: the settings' folder), newest first, with the settings, a waiting restore and the last failure. */
  listing(folder: string | undefined, currentVaultId: string | null): BackupListing {
    const settings = this.settings();
    const pending = pendingRestore(this.#folder);
    const listed = folder ?? settings.folder;
    return {
      settings,
      offsite: this.offsiteStatus(),
      // The standard folder is made with the first backup: not there yet means none yet.
      folderReachable: canSeeFolder(listed) || (folder === undefined && !settings.customFolder),
      backups: listBackups(folder ?? settings.folder).map((entry) => summarizeBackup(entry, currentVaultId)),
      pendingRestore: pending && {
        backupId: pending.backupId,
        backupCreatedAt: pending.backupCreatedAt,
        restoredAt: pending.restoredAt,
        keys: pending.keys,
      },
      lastFailure: this.#lastFailure,
    };
  }

  /**
   * Writes a backup into `folder` (default: the settings' folder) and thins
   * out old ones there; a failure is remembered and audited, then thrown.
   */
  backUp(open: OpenVault, reason: BackupReason, folder?: string): BackupEntry {
    const settings = this.settings();
    const destination = folder ?? settings.folder;
    const now = this.#clock();
    try {
      if (open.integrity?.status === 'damaged') {
        throw new VaultError(
          'VAULT_CORRUPT',
          'The vault is damaged, so no backup was made: the backups you have are kept as they are. Restore the newest one.',
        );
      }
      const entry = writeBackup({
        db: open.db,
        dataKey: open.dataKey,
        vaultFolder: this.#folder,
        folder: destination,
        vaultId: open.vaultId,
        schemaVersion: schemaVersion(open.db),
        reason,
        now,
      });
      let removed: string[] = [];
      try {
        removed = pruneBackups(destination, open.vaultId, settings.keep, now);
      } catch {
        // Old backups left in place are not a failure of this one.
      }
      this.#lastFailure = null;
      recordOffsiteCopy(this.#folder, destination, entry.manifest.createdAt);
      open.data.audit.append('backup.created', { id: entry.id, reason, bytes: entry.manifest.files[DATABASE_FILE_NAME].bytes, removed });
      return entry;
    } catch (error) {
      const failure = asStorageError(error, 'backup');
      this.#lastFailure = {
        at: now.toISOString(),
        code: failure instanceof VaultError ? failure.code : 'INTERNAL',
        message: failure instanceof VaultError ? failure.message : 'The backup could not be made.',
      };
      try {
        open.data.audit.append('backup.failed', { reason, code: this.#lastFailure.code });
      } catch {
        // The vault's own disk may be the full one.
      }
      throw failure;
    }
  }

  /** As the vault locks: a backup when automatic backups are on and the last one is a day old (or none); and a copy off the laptop, when that place can be seen. */
  backUpIfDue(open: OpenVault): void {
    const settings = this.settings();
    if (!settings.automatic) return;
    this.#backUpToIfDue(open, settings.folder);
    this.offsiteIfDue(open);
  }

  /**
   * A copy in the second place when it can be seen (the drive is plugged in)
   * and the last copy there is older than the interval; whether one was made.
   * Cheap when nothing is due: the settings file and one existence check.
   */
  offsiteIfDue(open: OpenVault): boolean {
    const status = this.offsiteStatus();
    if (!status?.reachable) return false;
    // A fresh set started while the drive was out is finished first, whether or not copies are automatic.
    if (this.#finishFreshSet(open)) return true;
    if (!this.settings().automatic) return false;
    if (status.lastCopyAt !== null && this.#isRecent(status.lastCopyAt)) return false;
    return this.#backUpToIfDue(open, status.folder);
  }

  /** A new full copy in each backup folder, checked, then this vault's older copies there removed (freshBackupSet.ts). */
  freshSet(open: OpenVault): FreshBackupSetResult {
    if (open.integrity?.status === 'damaged') {
      throw new VaultError('VAULT_CORRUPT', 'The vault is damaged, so no new copy was made and no older copy was removed. Restore the newest backup.');
    }
    return startFreshBackupSet(this.#freshSetHost(open));
  }

  #finishFreshSet(open: OpenVault): boolean {
    try {
      return finishPendingOffsite(this.#freshSetHost(open)) !== null;
    } catch {
      return false; // still waiting: tried again at the next look
    }
  }

  #freshSetHost(open: OpenVault): FreshSetHost {
    return {
      vaultFolder: this.#folder,
      vaultId: open.vaultId,
      dataKey: open.dataKey,
      settings: this.settings(),
      now: this.#clock,
      backUp: (folder) => this.backUp(open, 'manual', folder),
      audit: (action, details) => open.data.audit.append(action, details),
    };
  }

  /** The second place and whether it can be seen; null when none is chosen. */
  offsiteStatus(): OffsiteStatus | null {
    const offsite = this.settings().offsite;
    return offsite && { folder: offsite.folder, kind: offsite.kind, lastCopyAt: offsite.lastCopyAt, reachable: canSeeFolder(offsite.folder) };
  }

  #isRecent(iso: string): boolean {
    const age = this.#clock().getTime() - Date.parse(iso);
    return age >= 0 && age < this.#defaults.minIntervalMs;
  }

  #backUpToIfDue(open: OpenVault, folder: string): boolean {
    try {
      const latest = listBackups(folder).find((entry) => entry.manifest.vaultId === open.vaultId);
      if (latest && this.#isRecent(latest.manifest.createdAt)) return false;
      this.backUp(open, 'automatic', folder);
      return true;
    } catch {
      // Remembered and audited by backUp; locking goes on regardless.
      return false;
    }
  }

  /** The newest backup of this vault (of any vault when its id is unknown), to offer with an error a restore can fix. */
  latestOffer(currentVaultId: string | null): BackupOffer | null {
    try {
      const backups = listBackups(this.settings().folder);
      const newest = currentVaultId === null ? backups[0] : backups.find((entry) => entry.manifest.vaultId === currentVaultId);
      return newest ? { id: newest.id, createdAt: newest.manifest.createdAt } : null;
    } catch {
      return null;
    }
  }
}

export function summarizeBackup(entry: BackupEntry, currentVaultId: string | null): BackupSummary {
  return {
    id: entry.id,
    createdAt: entry.manifest.createdAt,
    reason: entry.manifest.reason,
    vaultId: entry.manifest.vaultId,
    sameVault: currentVaultId === null ? null : entry.manifest.vaultId === currentVaultId,
    schemaVersion: entry.manifest.schemaVersion,
    bytes: entry.manifest.files[DATABASE_FILE_NAME].bytes,
  };
}
