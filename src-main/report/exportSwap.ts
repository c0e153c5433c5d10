import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { syncFolderSync, writeFileAtomicSync } from '../vault/atomicFile';
import { MAX_STATE_FILE_BYTES, readBoundedFileSync } from '../vault/boundedRead';

/*
 * A month's report files go into the export folder together: at no instant
 * does the folder hold a `service-report-YYYY-MM.json.sig` beside a `.json`
 * it does not sign, whatever moment a crash or a power cut picks.
 *
 * The new files are first written and flushed in a work folder of their own
 * inside the export folder, `.service-report-YYYY-MM.export-<pid>-<random>/`:
 *   new/        the new files, complete
 *   old/        the files they replace, moved aside during the swap
 *   ready.json  the marker: new/ is complete and the swap may begin
 * Then the swap, in this order: the old signature is moved aside first, then
 * the old report files; the new report files are moved in, and the new
 * signature LAST. Once the new signature is in the folder the export is
 * done, and the work folder is removed.
 *
 * A swap left half-done (the process killed, the power cut) is rolled back by
 * the next export into that folder, and by `verify` reading it: while the new
 * signature is still in new/, the new files that reached the folder go back
 * to new/, the old ones come back from old/, the old signature last. A work
 * folder without its marker never touched the folder's files; it is removed.
 */

const WORK_FOLDER = /^\.service-report-(\d{4}-\d{2})\.export-(\d+)-[0-9a-f]+$/;
const READY_FILE = 'ready.json';
const NEW_FOLDER = 'new';
const OLD_FOLDER = 'old';

export interface SwapFile {
  name: string;
  bytes: Buffer;
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function writeFlushed(file: string, bytes: Buffer): void {
  // Readable by others (0644): these files are meant to be handed to the district.
  const fd = fs.openSync(file, 'wx', 0o644);
  try {
    fs.writeSync(fd, bytes, 0, bytes.length, 0);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A process that is still running (and so may be swapping in its own work folder). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false; // this process swaps one export at a time, synchronously
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeWorkFolder(work: string): void {
  // The marker goes first: a work folder without it is only ever removed.
  fs.rmSync(path.join(work, READY_FILE), { force: true });
  fs.rmSync(work, { recursive: true, force: true });
}

/**
 * Puts `files` into `folder` in place of the files of the same names, the
 * file named `signature` last (see above). Returns once the new files are
 * in place and flushed.
 */
export function swapInReportFiles(folder: string, period: string, files: readonly SwapFile[], signature: string): void {
  const work = path.join(folder, `.service-report-${period}.export-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
  const fresh = path.join(work, NEW_FOLDER);
  const aside = path.join(work, OLD_FOLDER);
  const reportFiles = files.filter((file) => file.name !== signature).map((file) => file.name);
  try {
    fs.mkdirSync(work, { mode: 0o700 });
    fs.mkdirSync(fresh);
    fs.mkdirSync(aside);
    for (const file of files) writeFlushed(path.join(fresh, file.name), file.bytes);
    syncFolderSync(fresh);
    writeFileAtomicSync(path.join(work, READY_FILE), `${JSON.stringify({ format: 'sole-notes-report-swap', period, signature, files: reportFiles })}\n`);
    syncFolderSync(folder);
  } catch (error) {
    removeWorkFolder(work); // nothing in the folder was touched yet
    throw error;
  }

  const move = (from: string, to: string) => {
    if (exists(from)) fs.renameSync(from, to);
  };
  move(path.join(folder, signature), path.join(aside, signature));
  syncFolderSync(folder);
  for (const name of reportFiles) move(path.join(folder, name), path.join(aside, name));
  for (const name of reportFiles) fs.renameSync(path.join(fresh, name), path.join(folder, name));
  syncFolderSync(folder);
  fs.renameSync(path.join(fresh, signature), path.join(folder, signature));
  syncFolderSync(folder);
  removeWorkFolder(work);
}

function isPlainName(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && path.basename(name) === name && name !== '.' && name !== '..';
}

function rollBack(folder: string, work: string, period: string): void {
  const fresh = path.join(work, NEW_FOLDER);
  const aside = path.join(work, OLD_FOLDER);
  const json = `service-report-${period}.json`;
  const signature = `${json}.sig`;
  // The marker names the files swapped; the month's usual three if it cannot be read.
  let names = [json, `service-report-${period}.csv`, `service-report-${period}.html`];
  try {
    const marker = JSON.parse(readBoundedFileSync(path.join(work, READY_FILE), MAX_STATE_FILE_BYTES).toString('utf8')) as { files?: unknown };
    if (Array.isArray(marker.files)) names = [...new Set([json, ...marker.files.filter(isPlainName)])];
  } catch {
    // the usual three
  }
  for (const name of names) {
    // A new file missing from new/ reached the folder: it goes back first, then the old one returns.
    if (!exists(path.join(fresh, name)) && exists(path.join(folder, name))) fs.renameSync(path.join(folder, name), path.join(fresh, name));
    if (exists(path.join(aside, name))) fs.renameSync(path.join(aside, name), path.join(folder, name));
  }
  syncFolderSync(folder);
  if (exists(path.join(aside, signature))) fs.renameSync(path.join(aside, signature), path.join(folder, signature));
  syncFolderSync(folder);
}

/**
 * Finishes what an interrupted export left in `folder`: a swap not done is
 * rolled back (the folder holds what it held before), a done one's work
 * folder is removed. Work folders of a process still running are left alone.
 * Returns the months whose swap was rolled back.
 */
export function finishInterruptedExports(folder: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const rolledBack: string[] = [];
  for (const entry of entries) {
    const match = WORK_FOLDER.exec(entry.name);
    if (!match || !entry.isDirectory()) continue;
    const [, period, pid] = match as unknown as [string, string, string];
    if (isRunning(Number(pid))) continue;
    const work = path.join(folder, entry.name);
    const signature = `service-report-${period}.json.sig`;
    if (exists(path.join(work, READY_FILE)) && exists(path.join(work, NEW_FOLDER, signature))) {
      rollBack(folder, work, period);
      rolledBack.push(period);
    }
    removeWorkFolder(work);
  }
  return rolledBack;
}
