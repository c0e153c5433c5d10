import fs from 'node:fs';
import path from 'node:path';
import { HANDBACK_MAGIC } from '../handover/container';
import { BACKUP_ID_PATTERN, BACKUP_MANIFEST_NAME, defaultBackupFolder } from '../vault/backups/backup';
import { VaultError } from '../vault/errors';
import { KEY_FILE_NAME } from '../vault/folderLayout';

/*
 * The one guard every writer of a file the worker names goes through (the
 * command line and the router alike: the renderer can pass any path):
 *   - nothing is written inside a Sole Notes vault folder or a backup folder:
 *     the open vault's own folders (its folder, the backup folder in its
 *     settings and the default one), and any folder that is recognisably one
 *     (it holds a `vault.keys.json`, or it is or holds a backup), so that a
 *     writer with no vault open is held to it too. A package vault lives in
 *     `<vault>/handovers/<id>/`, so this also keeps a hand-back out of the
 *     folder that is deleted once it is written;
 *   - symbolic links cannot get around it: the nearest existing ancestor of
 *     the path is resolved to its real path before anything is compared;
 *   - an existing file is replaced only when the worker chose to (`--replace`,
 *     or a save dialog that asked), never a folder or anything but a regular
 *     file, and never a hand-back: it may be the only copy of a substitute's
 *     work.
 */

/** What a writer is held to. */
export interface OutputRules {
  /** Folders nothing may be written into: the open vault's folder and its backup folders (none when no vault is open). */
  protectedFolders: readonly string[];
  /** The worker chose to replace an existing file (`--replace`, or a save dialog that already asked). */
  replace: boolean;
}

/** The rules for a writer with no vault open: recognisable vault and backup folders only. */
export function rulesWithoutVault(replace: boolean): OutputRules {
  return { protectedFolders: [], replace };
}

/** The rules for a writer working for the vault in `session.folder`. */
export function vaultOutputRules(session: { readonly folder: string; backupSettings(): { folder: string } }, replace: boolean): OutputRules {
  const folder = path.resolve(session.folder);
  const protectedFolders = [folder, defaultBackupFolder(folder)];
  try {
    protectedFolders.push(session.backupSettings().folder);
  } catch {
    // Unreadable settings read as the defaults, already listed.
  }
  return { protectedFolders, replace };
}

/** macOS and Windows file systems usually ignore case, so `/Vault` and `/vault` are one folder there. */
export const CASE_INSENSITIVE_FILE_SYSTEM = process.platform === 'darwin' || process.platform === 'win32';

/** Whether `child` is `parent` or lies under it (both absolute, both resolved). */
export function isSameOrInside(child: string, parent: string, caseInsensitive = CASE_INSENSITIVE_FILE_SYSTEM): boolean {
  const fold = (text: string) => (caseInsensitive ? text.toLowerCase() : text);
  const relative = path.relative(fold(parent), fold(child));
  if (relative === '') return true;
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * The path as the file system will reach it: `..` resolved, then the nearest
 * ancestor that exists replaced by its real path (symbolic links followed),
 * with the parts that do not exist yet added back.
 */
export function realOutputPath(file: string): string {
  let existing = path.resolve(file);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(file);
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

function isBackupName(name: string): boolean {
  return BACKUP_ID_PATTERN.test(name) || name.startsWith('.partial-sole-notes-backup-');
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A folder holding backups: one of its entries is a backup folder (with its manifest) or a backup being written. */
function holdsBackups(folder: string): boolean {
  let dir: fs.Dir;
  try {
    dir = fs.opendirSync(folder);
  } catch {
    return false;
  }
  try {
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      if (!isBackupName(entry.name)) continue;
      if (entry.name.startsWith('.partial-') || isFile(path.join(folder, entry.name, BACKUP_MANIFEST_NAME))) return true;
    }
    return false;
  } finally {
    dir.closeSync();
  }
}

type Place = 'vault' | 'backups';

/** What `real` (a real path) lies inside, looking at the folders themselves: a vault folder, a backup folder, or neither. */
function recognisedPlace(real: string): Place | null {
  for (let folder = real; ; folder = path.dirname(folder)) {
    if (isBackupName(path.basename(folder))) return 'backups';
    if (isFile(path.join(folder, KEY_FILE_NAME))) return 'vault';
    if (holdsBackups(folder)) return 'backups';
    if (path.dirname(folder) === folder) return null;
  }
}

function placeOf(target: string, rules: OutputRules): Place | null {
  const real = realOutputPath(target);
  const [vaultFolder, ...backupFolders] = rules.protectedFolders.map(realOutputPath);
  if (vaultFolder !== undefined && isSameOrInside(real, vaultFolder)) return 'vault';
  if (backupFolders.some((folder) => isSameOrInside(real, folder))) return 'backups';
  return recognisedPlace(real);
}

/** INVALID_INPUT when `target` (absolute) is inside a vault folder or a backup folder. */
export function refuseProtectedPlace(target: string, field: string, rules: OutputRules): void {
  const place = placeOf(target, rules);
  if (place === 'vault') {
    throw new VaultError('INVALID_INPUT', `${field}: ${target} is inside the Sole Notes vault folder; choose a place outside it.`);
  }
  if (place === 'backups') {
    throw new VaultError('INVALID_INPUT', `${field}: ${target} is inside a Sole Notes backup folder; choose a place outside it.`);
  }
}

function absolute(file: string, field: string, what: 'file' | 'folder'): string {
  if (!path.isAbsolute(file)) throw new VaultError('INVALID_INPUT', `${field}: choose the ${what} by its full path.`);
  return path.resolve(file);
}

function startsWithHandback(file: string): boolean {
  try {
    // Without blocking, and only a regular file: a pipe named as the output must not hang the check.
    const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      if (!fs.fstatSync(fd).isFile()) return false;
      const start = Buffer.alloc(HANDBACK_MAGIC.length);
      const read = fs.readSync(fd, start, 0, start.length, 0);
      return read === start.length && start.equals(HANDBACK_MAGIC);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Whether something is at `target`; INVALID_INPUT when it is a folder or anything but a regular file (never replaced). */
export function existingOrdinaryFile(target: string, field: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return false; // nothing there
  }
  if (stat.isDirectory()) throw new VaultError('INVALID_INPUT', `${field}: ${target} is a folder; choose a file name.`);
  if (!stat.isFile()) throw new VaultError('INVALID_INPUT', `${field}: ${target} is not an ordinary file, so it is not replaced; choose another name.`);
  return true;
}

/**
 * What may happen to an existing entry at `target`: nothing there, or a
 * regular file (not a hand-back) the worker chose to replace. Throws otherwise.
 */
export function refuseToReplace(target: string, field: string, replace: boolean): void {
  if (!existingOrdinaryFile(target, field)) return;
  if (startsWithHandback(target)) {
    throw new VaultError(
      'CONFLICT',
      `${target} is already a hand-back, perhaps of another handover, and may be the only copy of its notes. Save this one under another name; nothing was changed.`,
    );
  }
  if (!replace) {
    throw new VaultError('CONFLICT', `${target} already exists; nothing was written. Choose another name, or choose to replace it.`);
  }
}

/**
 * Checks a file to write: absolute, outside every vault and backup folder,
 * in a folder that exists, and replacing nothing the worker did not choose to
 * replace. Returns the absolute path to write.
 */
export function checkOutputFile(file: string, field: string, rules: OutputRules): string {
  const target = absolute(file, field, 'file');
  refuseProtectedPlace(target, field, rules);
  const folder = path.dirname(target);
  let isFolder = false;
  try {
    isFolder = fs.statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new VaultError('INVALID_INPUT', `${field}: the folder ${folder} does not exist.`);
  refuseToReplace(target, field, rules.replace);
  return target;
}

/** Checks a folder to write files into (made if missing): absolute, and outside every vault and backup folder. */
export function checkOutputFolder(folder: string, field: string, rules: OutputRules): string {
  const target = absolute(folder, field, 'folder');
  refuseProtectedPlace(target, field, rules);
  return target;
}

/**
 * Checks a folder to write backups into (`backup now --to`): absolute, and
 * outside the vault folder and any other recognisable vault folder. Unlike
 * other outputs it may be (or hold) a backup folder: that is its purpose.
 */
export function checkBackupDestination(folder: string, field: string, vaultFolder: string): string {
  const target = absolute(folder, field, 'folder');
  const real = realOutputPath(target);
  if (isSameOrInside(real, realOutputPath(vaultFolder)) || recognisedPlace(real) === 'vault') {
    throw new VaultError('INVALID_INPUT', `${field}: ${target} is inside a Sole Notes vault folder; backups must go outside it (a USB drive is best).`);
  }
  return target;
}
