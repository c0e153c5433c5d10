import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from '../atomicFile';
import { defaultBackupFolder } from './backup';
import { MAX_STATE_FILE_BYTES, readBoundedFileSync } from '../boundedRead';
import { VaultError } from '../errors';
import { asStorageError } from '../storageErrors';
import { BACKUP_SETTINGS_FILE_NAME } from '../folderLayout';

/**
 * `vault.backup.json`, beside the vault: where backups go, how many to keep,
 * and whether they are made automatically. It sits outside the encrypted
 * database on purpose: a vault that no longer opens must still find its
 * backups. It holds a folder path and two numbers, nothing about any note.
 * Written only when the worker changes a setting.
 */
export const DEFAULT_BACKUP_KEEP = 10;
export const MAX_BACKUP_KEEP = 100;
/** "At most daily". */
export const DEFAULT_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

const StoredSettings = z
  .object({
    format: z.literal('sole-notes-backup-settings'),
    version: z.literal(1),
    folder: z.string().min(1).max(4096).nullable(),
    keep: z.number().int().min(1).max(MAX_BACKUP_KEEP),
    automatic: z.boolean().nullable(),
  })
  .strict();
type StoredSettings = z.infer<typeof StoredSettings>;

export interface BackupSettingsValue {
  /** The folder backups go to, absolute. */
  folder: string;
  /** False while the folder is the default one beside the vault. */
  customFolder: boolean;
  keep: number;
  /** A backup as the vault locks, at most once a day. */
  automatic: boolean;
}

export interface BackupSettingsPatch {
  /** An absolute folder, or null for the default. */
  folder?: string | null;
  keep?: number;
  automatic?: boolean;
}

export function backupSettingsFile(vaultFolder: string): string {
  return path.join(vaultFolder, BACKUP_SETTINGS_FILE_NAME);
}

function readStored(vaultFolder: string): StoredSettings | null {
  try {
    const parsed = StoredSettings.safeParse(JSON.parse(readBoundedFileSync(backupSettingsFile(vaultFolder), MAX_STATE_FILE_BYTES).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The settings in force: what the worker chose over the defaults. A damaged file reads as the defaults. */
export function readBackupSettings(vaultFolder: string, defaults: { folder?: string; automatic: boolean }): BackupSettingsValue {
  const stored = readStored(vaultFolder);
  const folder = stored?.folder ?? defaults.folder ?? defaultBackupFolder(vaultFolder);
  return {
    folder: path.resolve(folder),
    customFolder: stored?.folder != null,
    keep: stored?.keep ?? DEFAULT_BACKUP_KEEP,
    automatic: stored?.automatic ?? defaults.automatic,
  };
}

export function writeBackupSettings(vaultFolder: string, patch: BackupSettingsPatch): void {
  const stored = readStored(vaultFolder);
  if (patch.folder != null) {
    if (!path.isAbsolute(patch.folder)) throw new VaultError('INVALID_INPUT', 'folder: choose the backup folder by its full path.');
    const relative = path.relative(path.resolve(vaultFolder), path.resolve(patch.folder));
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
      throw new VaultError('INVALID_INPUT', 'folder: backups cannot go inside the vault folder; choose another folder (a USB drive is best).');
    }
  }
  const next: StoredSettings = {
    format: 'sole-notes-backup-settings',
    version: 1,
    folder: patch.folder === undefined ? (stored?.folder ?? null) : patch.folder === null ? null : path.resolve(patch.folder),
    keep: patch.keep ?? stored?.keep ?? DEFAULT_BACKUP_KEEP,
    automatic: patch.automatic ?? stored?.automatic ?? null,
  };
  try {
    writeFileAtomicSync(backupSettingsFile(vaultFolder), `${JSON.stringify(next, null, 2)}\n`);
  } catch (error) {
    throw asStorageError(error);
  }
}
