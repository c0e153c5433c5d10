import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VaultError } from '../errors';
import { MAX_STATE_FILE_BYTES, readBoundedFileSync } from '../boundedRead';
import { KEY_FILE_LOCK_NAME } from '../folderLayout';

/*
 * `vault.keys.lock`: held around every read-modify-write of `vault.keys.json`
 * (creating a vault, changing or resetting the passphrase, a restore that
 * puts a backup's keys file in place), so that of two Sole Notes processes
 * changing the keys at once — two windows, the app and the command line —
 * one goes ahead and the other is told CONFLICT before it changes anything.
 * Without it both would read the same keys file, both would report success,
 * and only the last rename would count.
 *
 * The lock is a file, created only if absent, holding the holder's pid, host
 * and time. A lock left by a crash is stale, and is taken over, when its process
 * is gone (same host) or it is older than STALE_AFTER_MS (a change takes a
 * few seconds; another host's pid cannot be checked). Taking over renames
 * the stale file away first and checks that the file moved is the one judged
 * stale (by inode), so two processes cannot both take over the same lock.
 * Times are the machine's own clock (shared by every process), never a
 * session's injected one.
 */

/** Longer than any change of the keys file takes, even with the calibrated key derivation twice. */
const STALE_AFTER_MS = 2 * 60_000;
/** A lock file with no readable record (only where it is created in place: a crash before its record was written) is judged by its age alone. */
const UNREADABLE_STALE_AFTER_MS = 10_000;
/** A lock's record before it is linked in place, and a stale lock being taken over: removed with other leftovers after a crash. */
export const LOCK_LEFTOVER_PATTERN = /^\.vault\.keys\.lock\.[0-9a-f]{12}\.(tmp|stale)$/;

const HELD_MESSAGE =
  'Another Sole Notes window (or the command line) is changing the vault’s passphrase or keys at this moment, so nothing was changed here. Try again in a moment.';

interface LockRecord {
  pid: number;
  host: string;
  at: number;
}

export interface KeyFileLock {
  release(): void;
}

function lockPath(folder: string): string {
  return path.join(folder, KEY_FILE_LOCK_NAME);
}

function inode(file: string): bigint | null {
  try {
    return fs.statSync(file, { bigint: true }).ino;
  } catch {
    return null;
  }
}

/** Where hard links are not supported (FAT and exFAT drives), the lock is created in place instead. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP']);

/**
 * Creates the lock file if there is none; false when it exists. The record
 * is written to a temporary file first and linked to the lock's name (which
 * fails if the name is taken), so a lock is never seen half written.
 */
function tryCreate(folder: string, file: string, record: LockRecord): boolean {
  const temporary = path.join(folder, `.${KEY_FILE_LOCK_NAME}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    // Inside the try: on a full disk the file is made but its record is not, and it must not stay.
    fs.writeFileSync(temporary, JSON.stringify(record), { mode: 0o600, flag: 'wx' });
    fs.linkSync(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // ENOENT: our temporary file was tidied away by a holder of the lock.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    if (NO_HARD_LINKS.has(code)) return tryCreateInPlace(file, record);
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

function tryCreateInPlace(file: string, record: LockRecord): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(fd, JSON.stringify(record));
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return true;
}

function readRecord(file: string): LockRecord | null {
  try {
    const parsed = JSON.parse(readBoundedFileSync(file, MAX_STATE_FILE_BYTES).toString('utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.at === 'number') {
      return { pid: parsed.pid, host: parsed.host, at: parsed.at };
    }
    return null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(file: string, now: number): boolean {
  const record = readRecord(file);
  if (record === null) {
    try {
      return now - fs.statSync(file).mtimeMs > UNREADABLE_STALE_AFTER_MS;
    } catch {
      return true; // gone meanwhile
    }
  }
  if (now - record.at > STALE_AFTER_MS || record.at - now > STALE_AFTER_MS) return true;
  return record.host === os.hostname() && !processAlive(record.pid);
}

/** Moves a stale lock away, unless another process took the name meanwhile (then gives it back). */
function takeOver(folder: string, file: string, staleInode: bigint): void {
  const aside = path.join(folder, `.${KEY_FILE_LOCK_NAME}.${crypto.randomBytes(6).toString('hex')}.stale`);
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (inode(aside) !== staleInode) {
    // A live lock, taken after the stale one was judged: put it back under its name.
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone else holds the name now; that lock stands.
    }
    fs.rmSync(aside, { force: true });
    throw new VaultError('CONFLICT', HELD_MESSAGE);
  }
  fs.rmSync(aside, { force: true });
}

/**
 * Takes the keys file lock of `folder`, or throws CONFLICT while another
 * live process holds it. Null when the folder does not exist (there is no
 * keys file to protect; the caller then fails on its own terms).
 */
export function acquireKeyFileLock(folder: string): KeyFileLock | null {
  if (!fs.existsSync(folder)) return null;
  const file = lockPath(folder);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryCreate(folder, file, { pid: process.pid, host: os.hostname(), at: Date.now() })) {
      const ours = inode(file);
      return {
        release() {
          // Only our own lock: after a takeover by mistake the name may hold another's.
          if (ours !== null && inode(file) === ours) fs.rmSync(file, { force: true });
        },
      };
    }
    const heldInode = inode(file);
    if (heldInode === null) continue; // released meanwhile
    if (!isStale(file, Date.now())) throw new VaultError('CONFLICT', HELD_MESSAGE);
    takeOver(folder, file, heldInode);
  }
  throw new VaultError('CONFLICT', HELD_MESSAGE);
}

/** Runs `work` holding the keys file lock (see acquireKeyFileLock). */
export async function withKeyFileLock<T>(folder: string, work: () => Promise<T>): Promise<T> {
  const lock = acquireKeyFileLock(folder);
  try {
    return await work();
  } finally {
    lock?.release();
  }
}

/** The synchronous form of withKeyFileLock. */
export function withKeyFileLockSync<T>(folder: string, work: () => T): T {
  const lock = acquireKeyFileLock(folder);
  try {
    return work();
  } finally {
    lock?.release();
  }
}
