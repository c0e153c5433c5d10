import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Timestamp } from '../../../shared/api/schemas';
import { OFFSITE_KINDS, type OffsiteKind } from '../../../shared/domain/offsiteCopies';
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
 * backups. It holds folder paths, two numbers and times, nothing about any
 * note. Written when the worker changes a setting, answers the question
 * about a second place, and after each copy to that second place (its time,
 * so the sidebar can say when the last one was made while the drive is out).
 *
 * The second place ("copies off this laptop": a USB drive, a network folder)
 * is a second backup folder, kept alongside the first; see offsiteCopies.ts.
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
    offsite: z
      .object({
        folder: z.string().min(1).max(4096),
        kind: z.enum(OFFSITE_KINDS),
        lastCopyAt: Timestamp.nullable(),
        /** A fresh backup set was started while this place could not be seen: its older copies go once a new one is made there. */
        freshSetPendingSince: Timestamp.nullable().optional(),
      })
      .strict()
      .nullable()
      .optional(),
    /** The worker's answer when asked for a second place: later (asked again after a week) or never. */
    offsitePrompt: z.object({ answer: z.enum(['later', 'never']), at: Timestamp }).strict().nullable().optional(),
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
  /** The second place for copies, off this laptop; null until the worker names one. */
  offsite: OffsiteSettings | null;
  offsitePrompt: { answer: 'later' | 'never'; at: string } | null;
}

export interface BackupSettingsPatch {
  /** An absolute folder, or null for the default. */
  folder?: string | null;
  keep?: number;
  automatic?: boolean;
  /** A second place for copies (absolute), or null to stop copying there. */
  offsite?: { folder: string; kind: OffsiteKind } | null;
  /** The worker's answer when asked for a second place: "Not now" or "Don't ask again". */
  offsitePrompt?: 'later' | 'never';
}

export interface OffsiteSettings {
  /** Absolute. */
  folder: string;
  kind: OffsiteKind;
  /** When the last copy was made there (null: none yet). */
  lastCopyAt: string | null;
}

/** Whether a folder can be seen: the second place exists while its drive is plugged in (or its network share is reachable). */
export function canSeeFolder(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
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
    offsite: stored?.offsite ? { folder: path.resolve(stored.offsite.folder), kind: stored.offsite.kind, lastCopyAt: stored.offsite.lastCopyAt } : null,
    offsitePrompt: stored?.offsitePrompt ?? null,
  };
}

function assertOutsideVault(vaultFolder: string, folder: string, field: string): void {
  if (!path.isAbsolute(folder)) throw new VaultError('INVALID_INPUT', `${field}: choose the backup folder by its full path.`);
  const relative = path.relative(path.resolve(vaultFolder), path.resolve(folder));
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw new VaultError('INVALID_INPUT', `${field}: backups cannot go inside the vault folder; choose another folder (a USB drive is best).`);
  }
}

function nextOffsite(stored: StoredSettings | null, patch: BackupSettingsPatch): StoredSettings['offsite'] {
  if (patch.offsite === undefined) return stored?.offsite ?? null;
  if (patch.offsite === null) return null;
  const folder = path.resolve(patch.offsite.folder);
  // The same folder again keeps the time of its last copy, and a fresh set still to finish there.
  const same = stored?.offsite && path.resolve(stored.offsite.folder) === folder ? stored.offsite : null;
  return { folder, kind: patch.offsite.kind, lastCopyAt: same?.lastCopyAt ?? null, freshSetPendingSince: same?.freshSetPendingSince ?? null };
}

/** Records a copy made in the second place (when `folder` is it). */
export function recordOffsiteCopy(vaultFolder: string, folder: string, at: string): void {
  const stored = readStored(vaultFolder);
  if (!stored?.offsite || path.resolve(stored.offsite.folder) !== path.resolve(folder)) return;
  writeStored(vaultFolder, { ...stored, offsite: { ...stored.offsite, lastCopyAt: at } });
}

/** When a fresh backup set still has to reach the second place (its drive was out); null when it need not. */
export function offsiteFreshSetPending(vaultFolder: string): string | null {
  return readStored(vaultFolder)?.offsite?.freshSetPendingSince ?? null;
}

/** Remembers (an ISO time) or forgets (null) that the second place's older copies are to go once a new copy is made there. */
export function recordOffsiteFreshSetPending(vaultFolder: string, since: string | null): void {
  const stored = readStored(vaultFolder);
  if (!stored?.offsite) return;
  writeStored(vaultFolder, { ...stored, offsite: { ...stored.offsite, freshSetPendingSince: since } });
}

function writeStored(vaultFolder: string, next: StoredSettings): void {
  try {
    writeFileAtomicSync(backupSettingsFile(vaultFolder), `${JSON.stringify(next, null, 2)}\n`);
  } catch (error) {
    throw asStorageError(error);
  }
}

export function writeBackupSettings(vaultFolder: string, patch: BackupSettingsPatch, now: Date = new Date()): void {
  const stored = readStored(vaultFolder);
  if (patch.folder != null) assertOutsideVault(vaultFolder, patch.folder, 'folder');
  if (patch.offsite) {
    assertOutsideVault(vaultFolder, patch.offsite.folder, 'offsite.folder');
    if (!canSeeFolder(patch.offsite.folder)) {
      throw new VaultError('INVALID_INPUT', `offsite.folder: ${patch.offsite.folder} is not there; plug in the drive and choose a folder on it.`);
    }
  }
  const next: StoredSettings = {
    format: 'sole-notes-backup-settings',
    version: 1,
    folder: patch.folder === undefined ? (stored?.folder ?? null) : patch.folder === null ? null : path.resolve(patch.folder),
    keep: patch.keep ?? stored?.keep ?? DEFAULT_BACKUP_KEEP,
    automatic: patch.automatic ?? stored?.automatic ?? null,
    offsite: nextOffsite(stored, patch),
    offsitePrompt: patch.offsitePrompt ? { answer: patch.offsitePrompt, at: now.toISOString() } : (stored?.offsitePrompt ?? null),
  };
  writeStored(vaultFolder, next);
}
