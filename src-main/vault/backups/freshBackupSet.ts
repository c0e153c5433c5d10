import fs from 'node:fs';
import path from 'node:path';
import type { FreshBackupSetResult, FreshSetPlace } from '../../../shared/api/backupSchemas';
import { DATABASE_FILE_NAME } from '../folderLayout';
import { checkDatabaseFile, listBackups, openBackup, type BackupEntry } from './backup';
import { canSeeFolder, offsiteFreshSetPending, recordOffsiteFreshSetPending, type BackupSettingsValue } from './backupSettings';

/*
 * "Start a fresh backup set": after notes were destroyed or earlier versions
 * erased, the backups made before still hold the old text. This makes one
 * new full copy in each backup folder the app manages (this laptop's, and the
 * second place when its drive can be seen), checks it (its files against its
 * description, then the database opened with the key and integrity-checked),
 * and only then removes this vault's older copies in that folder. A crash at
 * any point leaves at least one complete copy in each folder: the new one is
 * complete under its name before the first older one is removed, and an
 * older one leaves the backups' names (one rename) before its files are
 * removed, so it is listed whole or not at all. Backups of another vault in
 * the same folder are never touched. A second place that cannot be seen is
 * remembered and finished when it appears (finishPendingOffsite, from the
 * drive poll).
 */

/** A name no backup listing takes, and one pruneBackups removes once stale (it starts as a partial backup's does). */
const REMOVING_PREFIX = '.partial-removing-';

/** What the fresh set needs of the session's backups. */
export interface FreshSetHost {
  vaultFolder: string;
  vaultId: string;
  dataKey: Buffer;
  settings: BackupSettingsValue;
  now: () => Date;
  /** Writes a full copy into `folder` as "Back up now" does (audited there), and returns it. */
  backUp: (folder: string) => BackupEntry;
  audit: (action: string, details: Record<string, unknown>) => void;
}

/** Checks a copy just made: its files match its description, and its database opens with the key and passes the integrity check. */
export function verifyCopy(folder: string, id: string, dataKey: Buffer): void {
  const entry = openBackup(folder, id);
  checkDatabaseFile(path.join(entry.dir, DATABASE_FILE_NAME), dataKey);
}

/** Removes what a removal cut short left (a crash between the rename and the removal): never a backup, only folders already renamed to go. */
function clearLeftRemovals(folder: string): void {
  for (const name of fs.readdirSync(folder)) {
    if (name.startsWith(REMOVING_PREFIX)) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
  }
}

/** In one folder: a new copy, checked, then this vault's older copies removed. How many went. */
function renewFolder(host: FreshSetHost, folder: string): { copy: BackupEntry; removed: number } {
  const older = () => listBackups(folder).filter((entry) => entry.manifest.vaultId === host.vaultId);
  const before = older().map((entry) => entry.id);
  const copy = host.backUp(folder);
  verifyCopy(folder, copy.id, host.dataKey);
  for (const entry of older()) {
    if (entry.id === copy.id) continue;
    // Renamed out of the backups' names first, so a crash mid-removal never leaves a half backup listed (pruneBackups clears it later).
    const doomed = path.join(folder, `${REMOVING_PREFIX}${entry.id}`);
    fs.renameSync(entry.dir, doomed);
    fs.rmSync(doomed, { recursive: true, force: true });
  }
  clearLeftRemovals(folder);
  // Counted from what was there before, so copies the new one's own thinning removed count too.
  const left = new Set(older().map((entry) => entry.id));
  return { copy, removed: before.filter((id) => !left.has(id)).length };
}

function samePlace(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/**
 * Starts a fresh set: this laptop's backup folder first (a failure there
 * throws, and nothing anywhere was removed), then the second place. A second
 * place that cannot be seen, or that fails mid-way (the drive pulled out), is
 * remembered and named in the result as waiting; the rest stands.
 */
export function startFreshBackupSet(host: FreshSetHost): FreshBackupSetResult {
  const { settings } = host;
  const at = host.now().toISOString();
  const laptop = renewFolder(host, settings.folder);
  const places: FreshSetPlace[] = [{ where: 'backup-folder', folder: settings.folder, newCopy: true, removed: laptop.removed }];
  let waiting: FreshBackupSetResult['waiting'] = null;
  const offsite = settings.offsite;
  if (offsite !== null && !samePlace(offsite.folder, settings.folder)) {
    let done: { removed: number } | null = null;
    if (canSeeFolder(offsite.folder)) {
      try {
        done = renewFolder(host, offsite.folder);
      } catch {
        done = null; // the drive went away mid-way: finished when it is back
      }
    }
    if (done === null) {
      recordOffsiteFreshSetPending(host.vaultFolder, at);
      waiting = { folder: offsite.folder, kind: offsite.kind };
    } else {
      recordOffsiteFreshSetPending(host.vaultFolder, null);
      places.push({ where: 'second-place', folder: offsite.folder, newCopy: true, removed: done.removed });
    }
  }
  const removed = places.reduce((sum, place) => sum + place.removed, 0);
  host.audit('backup.fresh_set', { copy: laptop.copy.id, newCopies: places.length, removed, secondPlaceWaiting: waiting !== null });
  return { at, newCopies: places.length, removed, places, waiting };
}

/**
 * When the second place appears after a fresh set was started without it:
 * a new copy there, checked, then its older copies removed. Null when
 * nothing was waiting or the place still cannot be seen; throws when the
 * copy fails (still waiting: tried again at the next look).
 */
export function finishPendingOffsite(host: FreshSetHost): { removed: number } | null {
  const offsite = host.settings.offsite;
  if (offsite === null || offsiteFreshSetPending(host.vaultFolder) === null || !canSeeFolder(offsite.folder)) return null;
  const { copy, removed } = renewFolder(host, offsite.folder);
  recordOffsiteFreshSetPending(host.vaultFolder, null);
  host.audit('backup.fresh_set_finished', { copy: copy.id, removed });
  return { removed };
}
