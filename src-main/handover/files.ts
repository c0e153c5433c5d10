import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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

/** Writes the bytes to `file` (an absolute path whose folder exists) and returns the path written. */
export function writeChosenFile(file: string, field: string, bytes: Buffer, mode = 0o600): string {
  const target = absolutePath(file, field);
  const folder = path.dirname(target);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new VaultError('INVALID_INPUT', `${field}: the folder ${folder} does not exist.`);
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new VaultError('INVALID_INPUT', `${field}: ${target} is a folder.`);
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
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new VaultError('INTERNAL', `Could not write ${target}: ${(error as Error).message}`, { cause: error });
  }
  return target;
}
