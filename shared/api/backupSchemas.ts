import { z } from 'zod';
import { Passphrase, RecoveryKeyText, Timestamp } from './schemas';
import { OFFSITE_KINDS } from '../domain/offsiteCopies';

/** A backup is named by its folder: `sole-notes-backup-<UTC time>-<4 hex>`. */
export const BackupId = z.string().regex(/^sole-notes-backup-\d{8}T\d{9}Z-[0-9a-f]{4}$/, 'expected a backup id');

/** A folder chosen by the worker, by its full path (checked on the main side). */
export const BackupFolder = z.string().trim().min(1, 'choose a folder').max(4096, 'the folder path is too long');

export const BackupInfo = z.object({
  id: BackupId,
  createdAt: Timestamp,
  /** 'automatic': made as the vault locked (at most daily); 'manual': the worker asked. */
  reason: z.enum(['automatic', 'manual']),
  vaultId: z.string(),
  /** A backup of the vault in this folder; null when that vault's id cannot be read (its keys file is damaged). */
  sameVault: z.boolean().nullable(),
  schemaVersion: z.number().int().min(0),
  /** Size of the encrypted database in the backup. */
  bytes: z.number().int().min(0),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupSettings = z.object({
  folder: z.string(),
  /** False while backups go to the default folder beside the vault. */
  customFolder: z.boolean(),
  keep: z.number().int().min(1).max(100),
  automatic: z.boolean(),
  /** The second place for copies, off this laptop (a USB drive, a network folder); null until the worker names one. */
  offsite: z.object({ folder: z.string(), kind: z.enum(OFFSITE_KINDS), lastCopyAt: Timestamp.nullable() }).nullable(),
  /** The worker's answer when asked for a second place ("Not now" asks again after a week). */
  offsitePrompt: z.object({ answer: z.enum(['later', 'never']), at: Timestamp }).nullable(),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupSettingsPatch = z
  .object({
    /** A full path (a USB drive, say), or null to go back to the default folder. */
    folder: BackupFolder.nullable().optional(),
    keep: z.number().int().min(1, 'keep at least one backup').max(100, 'at most 100 backups are kept').optional(),
    automatic: z.boolean().optional(),
    /** A second place for copies off this laptop: a folder that exists now (the drive plugged in); null to stop. */
    offsite: z.object({ folder: BackupFolder, kind: z.enum(OFFSITE_KINDS) }).strict().nullable().optional(),
    /** "Not now" (asked again after a week) or "Don't ask again". */
    offsitePrompt: z.enum(['later', 'never']).optional(),
  })
  .strict();

export const PendingRestore = z.object({
  backupId: BackupId,
  backupCreatedAt: Timestamp,
  restoredAt: Timestamp,
  /** 'kept': the passphrase in use before the restore still opens the vault; 'replaced': the backup's passphrase does. */
  keys: z.enum(['kept', 'replaced']),
});
export type PendingRestore = z.infer<typeof PendingRestore>;

export const BackupListing = z.object({
  settings: BackupSettings,
  /** The second place, and whether it can be seen now (false: the drive is not plugged in). */
  offsite: z.object({ folder: z.string(), kind: z.enum(OFFSITE_KINDS), lastCopyAt: Timestamp.nullable(), reachable: z.boolean() }).nullable(),
  /** Whether the folder listed can be seen: false when it is on a drive that is not plugged in. */
  folderReachable: z.boolean(),
  /** Newest first. */
  backups: z.array(BackupInfo),
  /** A restore waiting for the worker to keep it or undo it. */
  pendingRestore: PendingRestore.nullable(),
  /** The last backup that failed in this session (a USB drive not plugged in, a full disk); null after a success. */
  lastFailure: z.object({ at: Timestamp, code: z.string(), message: z.string() }).nullable(),
});
export type BackupListing = z.infer<typeof BackupListing>;

export const BackupListInput = z
  .object({
    /** Look in another folder than the one in the settings (a USB drive on a new laptop). */
    folder: BackupFolder.optional(),
  })
  .strict();

export const RestoreInput = z
  .object({
    id: BackupId,
    folder: BackupFolder.optional(),
    /** Needed unless the vault is unlocked and its key opens the backup: the passphrase in use when the backup was made. */
    passphrase: Passphrase.optional(),
    recoveryKey: RecoveryKeyText.optional(),
    /**
     * With the recovery key: the passphrase from now on, as when unlocking with
     * it. It replaces the passphrase of the backup's time, which the worker
     * may no longer know, whenever the backup's keys replace the vault's.
     */
    newPassphrase: Passphrase.optional(),
  })
  .strict()
  .refine((input) => input.passphrase === undefined || input.recoveryKey === undefined, {
    message: 'give the passphrase or the recovery key, not both',
    path: ['recoveryKey'],
  })
  .refine((input) => (input.recoveryKey === undefined) === (input.newPassphrase === undefined), {
    message: 'a restore with the recovery key sets a new passphrase: give both, or neither',
    path: ['newPassphrase'],
  });

export const RestoreResult = z.object({ backup: BackupInfo, pendingRestore: PendingRestore });
export const UndoRestoreResult = z.object({
  /** Where what the restored vault held is kept (in the vault folder). */
  keptIn: z.string(),
});

/** One backup folder a fresh set renewed: a new copy made there, then this vault's older copies removed. */
export const FreshSetPlace = z.object({
  /** 'backup-folder': the backup folder (this laptop's, or the one the worker chose); 'second-place': the copies off this laptop. */
  where: z.enum(['backup-folder', 'second-place']),
  folder: z.string(),
  newCopy: z.boolean(),
  removed: z.number().int().min(0),
});
export type FreshSetPlace = z.infer<typeof FreshSetPlace>;

/** What "Start a fresh backup set" did, and the second place it could not reach (finished when its drive is back). */
export const FreshBackupSetResult = z.object({
  at: Timestamp,
  newCopies: z.number().int().min(0),
  removed: z.number().int().min(0),
  places: z.array(FreshSetPlace),
  waiting: z.object({ folder: z.string(), kind: z.enum(OFFSITE_KINDS) }).nullable(),
});
export type FreshBackupSetResult = z.infer<typeof FreshBackupSetResult>;
