import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkOutputFile, type OutputRules } from '../files/outputPath';
import { syncFolderSync } from '../vault/atomicFile';
import { isBoundedReadError, readBoundedFileSync } from '../vault/boundedRead';
import { VaultError } from '../vault/errors';

/**
 * Files the worker chose: read with a size bound, written atomically (a
 * temporary file beside the target, flushed, renamed over it) and readable
 * by the worker's account only.
 */
export const MAX_HANDOVER_FILE_BYTES = 1024 * 1024 * 1024;

/** Input paths are absolute, as a file dialog gives them. */
export function absolutePath(file: string, field: string): string {
  if (!path.isAbsolute(file)) throw new VaultError('INVALID_INPUT', `${field}: choose the file by its full path.`);
  return path.resolve(file);
}

/** Only a regular file, and never more than `maxBytes` of it (boundedRead.ts). */
export function readChosenFile(file: string, field: string, maxBytes = MAX_HANDOVER_FILE_BYTES): Buffer {
  const target = absolutePath(file, field);
  try {
    return readBoundedFileSync(target, maxBytes);
  } catch (error) {
    const reason = isBoundedReadError(error) ? error.reason : 'unreadable';
    const problem = {
      missing: `there is no file at ${target}.`,
      'not-a-file': `${target} is not a file.`,
      'too-large': `${target} is far too large to be a Sole Notes file.`,
      unreadable: `${target} could not be read.`,
    }[reason];
    throw new VaultError('INVALID_INPUT', `${field}: ${problem}`, { cause: error });
  }
}

/**
 * Writes the bytes to `file` and returns the path written, once the guard
 * (files/outputPath.ts) agreed: outside every vault and backup folder, in a
 * folder that exists, replacing an existing file only when `rules.replace`.
 * The temporary file is flushed before the rename and the folder after it,
 * so the file is on disk, whole, when this returns.
 */
export function writeChosenFile(file: string, field: string, bytes: Buffer, rules: OutputRules, mode = 0o600): string {
  const target = checkOutputFile(file, field, rules);
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'wx', mode);
    try {
      fs.writeSync(fd, bytes, 0, bytes.length, 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, target);
    syncFolderSync(folder);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new VaultError('INTERNAL', `Could not write ${target}: ${(error as Error).message}`, { cause: error });
  }
  return target;
}
