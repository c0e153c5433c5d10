import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Timestamp } from '../../../shared/api/schemas';
import { syncFileSync, syncFolderSync, writeFileAtomicSync } from '../atomicFile';
import { MAX_STATE_FILE_BYTES, readBoundedFileSync } from '../boundedRead';
import { DATABASE_FILES, databaseFile, KEY_FILE_NAME, RESTORE_ASIDE_DIR } from '../folderLayout';

/*
 * Putting a backup in place of the vault, so that nothing is ever lost:
 *
 *   1. The backup's database (and, if needed, keys file) is copied into the
 *      vault folder under a staging name and checked there (by the caller).
 *   2. `before-restore/restore.json` is written with phase "swapping".
 *   3. The current vault's files are moved into `before-restore/` (renamed,
 *      never deleted; the keys file is copied when it stays in use).
 *   4. The staged files are renamed into place; the phase becomes "swapped".
 *
 * Until the worker confirms, `before-restore/` holds the vault as it was, and
 * undo puts it back (keeping what the restored vault held meanwhile in
 * `restore-undone-<time>/`). A crash during step 2–4 is rolled back the next
 * time the folder is looked at; a crash during an undo is finished then.
 *
 * Which files may be the only copy of a vault, at each step: the vault's own
 * files are moved into `before-restore/` only after a valid marker is there
 * (step 2 writes it whole, under a temporary name first), and stay there,
 * marked, until they are moved back or the worker keeps the restore. So a
 * `before-restore/` without a valid marker holding only temporary files is
 * left from a crash before the restore began: it is treated as absent and
 * removed. Anything else in it without a valid marker is never deleted: it
 * is moved to `before-restore-unmarked-<time>/`, so that it never blocks a
 * restore either. `before-restore/` is removed by first renaming it to
 * `.before-restore-removing-<hex>/`, so a crash mid-removal never leaves a
 * folder with its marker gone and some files left.
 */

const MARKER_NAME = 'restore.json';
const STAGING_DB = '.restore-staging.db';
const STAGING_KEYS = '.restore-staging.keys.json';
const REMOVING_PREFIX = '.before-restore-removing-';
const UNMARKED_PREFIX = 'before-restore-unmarked-';
/** writeFileAtomicSync's temporary file for the marker. */
const MARKER_TEMP_PATTERN = /^\.restore\.json\.[0-9a-f]{12}\.tmp$/;
/** The database and the files SQLite keeps beside it. */

const RestoreMarker = z
  .object({
    format: z.literal('sole-notes-restore'),
    version: z.literal(1),
    phase: z.enum(['swapping', 'swapped', 'undoing', 'undoing-back']),
    backupId: z.string().max(200),
    backupCreatedAt: Timestamp,
    restoredAt: Timestamp,
    /** 'kept': the current keys file stays in use (a copy is set aside); 'replaced': the backup's keys file is used. */
    keys: z.enum(['kept', 'replaced']),
    /** Where an undo puts what the restored vault held; set when the undo starts. */
    undoneDir: z.string().max(200).nullable(),
  })
  .strict();
export type RestoreMarker = z.infer<typeof RestoreMarker>;

export function stagingPaths(vaultFolder: string): { database: string; keys: string } {
  return { database: path.join(vaultFolder, STAGING_DB), keys: path.join(vaultFolder, STAGING_KEYS) };
}

function asideDir(vaultFolder: string): string {
  return path.join(vaultFolder, RESTORE_ASIDE_DIR);
}

function markerFile(vaultFolder: string): string {
  return path.join(asideDir(vaultFolder), MARKER_NAME);
}

function readMarker(vaultFolder: string): RestoreMarker | null {
  try {
    const parsed = RestoreMarker.safeParse(JSON.parse(readBoundedFileSync(markerFile(vaultFolder), MAX_STATE_FILE_BYTES).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    // Missing or unreadable. An unreadable marker is left alone, and so is the folder it describes.
    return null;
  }
}

function writeMarker(vaultFolder: string, marker: RestoreMarker): void {
  writeFileAtomicSync(markerFile(vaultFolder), `${JSON.stringify(marker, null, 2)}\n`);
}

/** The restore waiting for the worker to keep it or undo it, if any. */
export function pendingRestore(vaultFolder: string): RestoreMarker | null {
  const marker = readMarker(vaultFolder);
  return marker?.phase === 'swapped' ? marker : null;
}

/** True when `before-restore/` exists at all, readable or not: no new restore may start over it. */
export function asideExists(vaultFolder: string): boolean {
  return fs.existsSync(asideDir(vaultFolder));
}

export function removeStaging(vaultFolder: string): void {
  const staging = stagingPaths(vaultFolder);
  fs.rmSync(staging.database, { force: true });
  fs.rmSync(staging.keys, { force: true });
}

function move(from: string, to: string): void {
  if (fs.existsSync(from)) fs.renameSync(from, to);
}

/** Removes `before-restore/` in one step (a rename), then its contents. */
function removeAside(vaultFolder: string): void {
  const removing = path.join(vaultFolder, `${REMOVING_PREFIX}${crypto.randomBytes(6).toString('hex')}`);
  fs.renameSync(asideDir(vaultFolder), removing);
  syncFolderSync(vaultFolder);
  fs.rmSync(removing, { recursive: true, force: true });
}

/** Folders whose removal a crash interrupted (see removeAside). */
function finishRemovals(vaultFolder: string): void {
  for (const name of fs.readdirSync(vaultFolder)) {
    if (name.startsWith(REMOVING_PREFIX)) fs.rmSync(path.join(vaultFolder, name), { recursive: true, force: true });
  }
}

/**
 * `before-restore/` without a valid marker: its temporary files are a crash
 * before the restore began and are removed; anything else is kept, never
 * deleted, under a name of its own.
 */
function clearUnmarkedAside(vaultFolder: string, clock: () => Date): void {
  const aside = asideDir(vaultFolder);
  for (const name of fs.readdirSync(aside)) {
    if (MARKER_TEMP_PATTERN.test(name)) fs.rmSync(path.join(aside, name), { force: true });
  }
  if (fs.readdirSync(aside).length === 0) fs.rmdirSync(aside);
  else fs.renameSync(aside, path.join(vaultFolder, `${UNMARKED_PREFIX}${clock().toISOString().replace(/[-:.]/g, '')}`));
  syncFolderSync(vaultFolder);
}

/**
 * Steps 2–4. The caller has closed the vault's database and staged the
 * backup's files. On failure, everything is put back before the error is
 * rethrown.
 */
export function swapInBackup(vaultFolder: string, info: Pick<RestoreMarker, 'backupId' | 'backupCreatedAt' | 'restoredAt' | 'keys'>): void {
  const aside = asideDir(vaultFolder);
  const staging = stagingPaths(vaultFolder);
  fs.mkdirSync(aside, { mode: 0o700 });
  const marker: RestoreMarker = { format: 'sole-notes-restore', version: 1, phase: 'swapping', undoneDir: null, ...info };
  try {
    writeMarker(vaultFolder, marker);
    for (const name of DATABASE_FILES) move(path.join(vaultFolder, name), path.join(aside, name));
    const keys = path.join(vaultFolder, KEY_FILE_NAME);
    if (fs.existsSync(keys)) {
      if (info.keys === 'replaced') fs.renameSync(keys, path.join(aside, KEY_FILE_NAME));
      else {
        fs.copyFileSync(keys, path.join(aside, KEY_FILE_NAME));
        syncFileSync(path.join(aside, KEY_FILE_NAME));
      }
    }
    syncFolderSync(aside);
    fs.renameSync(staging.database, databaseFile(vaultFolder));
    if (info.keys === 'replaced') fs.renameSync(staging.keys, keys);
    syncFolderSync(vaultFolder);
    writeMarker(vaultFolder, { ...marker, phase: 'swapped' });
  } catch (error) {
    rollBackSwap(vaultFolder, marker);
    throw error;
  }
}

/**
 * Undoes steps 2–4 of a swap that did not finish. The staged database is
 * renamed into place only after every current file was set aside, so: while
 * the staging file exists, the database in place is the worker's own; once it
 * is gone, the database in place is the backup's copy, never opened, which
 * the backup itself still holds. The same goes for the keys file.
 */
function rollBackSwap(vaultFolder: string, marker: RestoreMarker): void {
  const aside = asideDir(vaultFolder);
  const staging = stagingPaths(vaultFolder);
  // Only while the original is still aside: run again after a crash part-way, the file in place may be the original, moved back.
  if (!fs.existsSync(staging.database) && fs.existsSync(databaseFile(aside))) fs.rmSync(databaseFile(vaultFolder), { force: true });
  for (const name of DATABASE_FILES) move(path.join(aside, name), path.join(vaultFolder, name));

  const keys = path.join(vaultFolder, KEY_FILE_NAME);
  if (marker.keys === 'replaced') {
    if (!fs.existsSync(staging.keys) && fs.existsSync(path.join(aside, KEY_FILE_NAME))) fs.rmSync(keys, { force: true });
    move(path.join(aside, KEY_FILE_NAME), keys);
  }
  syncFolderSync(vaultFolder);
  removeAside(vaultFolder);
  removeStaging(vaultFolder);
}

/**
 * Brings the folder to a consistent state after a crash: a swap that did
 * not finish is rolled back, an undo that did not finish is finished, and
 * staging files of a restore that never began are removed, as is a
 * `before-restore/` that has no valid marker (see clearUnmarkedAside).
 */
export function recoverInterruptedRestore(vaultFolder: string, clock: () => Date = () => new Date()): void {
  if (!fs.existsSync(vaultFolder)) return;
  finishRemovals(vaultFolder);
  if (!fs.existsSync(asideDir(vaultFolder))) {
    if (fs.existsSync(stagingPaths(vaultFolder).database) || fs.existsSync(stagingPaths(vaultFolder).keys)) removeStaging(vaultFolder);
    return;
  }
  const marker = readMarker(vaultFolder);
  if (marker === null) {
    // The marker never got written whole (step 2): nothing of the vault was moved under one.
    clearUnmarkedAside(vaultFolder, clock);
    removeStaging(vaultFolder);
    return;
  }
  if (marker.phase === 'swapping') rollBackSwap(vaultFolder, marker);
  else if (marker.phase === 'undoing' || marker.phase === 'undoing-back') finishUndo(vaultFolder, marker);
}

/** The worker keeps the restored vault: the set-aside one is removed. */
export function confirmRestore(vaultFolder: string): void {
  removeAside(vaultFolder);
}

/**
 * The worker goes back to the vault as it was before the restore. What the
 * restored vault holds now is kept in `restore-undone-<time>/`; the caller
 * has closed the database. Returns that folder's name.
 */
export function undoRestore(vaultFolder: string, now: Date): string {
  const marker = pendingRestore(vaultFolder);
  if (!marker) throw new Error('no restore is pending');
  const undoneDir = `restore-undone-${now.toISOString().replace(/[-:.]/g, '')}`;
  const next: RestoreMarker = { ...marker, phase: 'undoing', undoneDir };
  writeMarker(vaultFolder, next);
  finishUndo(vaultFolder, next);
  return undoneDir;
}

/**
 * Two steps, each safe to run again after a crash: first every file of the
 * restored vault goes to `undone` (phase "undoing"), then every set-aside
 * file comes back (phase "undoing-back").
 */
function finishUndo(vaultFolder: string, marker: RestoreMarker): void {
  const aside = asideDir(vaultFolder);
  const keys = path.join(vaultFolder, KEY_FILE_NAME);
  if (marker.phase === 'undoing') {
    const undone = path.join(vaultFolder, marker.undoneDir ?? 'restore-undone');
    fs.mkdirSync(undone, { recursive: true, mode: 0o700 });
    for (const name of DATABASE_FILES) move(path.join(vaultFolder, name), path.join(undone, name));
    if (marker.keys === 'replaced') move(keys, path.join(undone, KEY_FILE_NAME));
    else if (fs.existsSync(keys)) fs.copyFileSync(keys, path.join(undone, KEY_FILE_NAME));
    syncFolderSync(undone);
    syncFolderSync(vaultFolder);
    writeMarker(vaultFolder, { ...marker, phase: 'undoing-back' });
  }
  for (const name of DATABASE_FILES) move(path.join(aside, name), path.join(vaultFolder, name));
  if (marker.keys === 'replaced') move(path.join(aside, KEY_FILE_NAME), keys);
  syncFolderSync(vaultFolder);
  removeAside(vaultFolder);
}
