import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Replaces `folder/name` atomically, as `writeKeyFile` does: a temporary file
 * beside it is written and flushed, renamed over the old one, and the folder
 * flushed. A crash or a full disk leaves the old file or the new one, never a
 * mix; the temporary file is removed on failure.
 */
export function writeFileAtomicSync(file: string, content: string | Buffer, mode = 0o600): void {
  const folder = path.dirname(file);
  const temporary = path.join(folder, `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'wx', mode);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  syncFolderSync(folder);
}

/** Flushes a folder's entries (renames, new files) to disk. */
export function syncFolderSync(folder: string): void {
  // Windows cannot open a folder for flushing; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes one file's contents to disk. */
export function syncFileSync(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
