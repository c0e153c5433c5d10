import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile, ReportExportResult } from '../../shared/api/reportSchemas';
import { checkOutputFolder, existingOrdinaryFile, type OutputRules } from '../files/outputPath';
import { writeFileAtomicSync } from '../vault/atomicFile';
import { MAX_STATE_FILE_BYTES, readBoundedFileSync } from '../vault/boundedRead';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import { publicKeyFromPem, spkiOf, spkiPem } from '../common/signing';
import { finishInterruptedExports, swapInReportFiles, type SwapFile } from './exportSwap';

export const PUBLIC_KEY_FILE = 'worker-signing-key.pem';

export function reportFileNames(period: string) {
  const json = `service-report-${period}.json`;
  return { json, signature: `${json}.sig`, publicKey: PUBLIC_KEY_FILE, csv: `service-report-${period}.csv`, html: `service-report-${period}.html` };
}

export function sha256Hex(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** A key file already in the folder must be this worker's own, or the export would replace someone else's. */
export function refuseForeignKeyFile(file: string, spki: Buffer): void {
  if (!fs.existsSync(file)) return;
  let same: boolean;
  try {
    // A public key file is about 110 bytes; anything near 64 KB is not one.
    same = spkiOf(publicKeyFromPem(readBoundedFileSync(file, 64 * 1024).toString('utf8'))).equals(spki);
  } catch {
    same = false;
  }
  if (!same) {
    throw new VaultError('CONFLICT', `The folder already holds a ${PUBLIC_KEY_FILE} that is not this vault's signing key; choose another folder.`);
  }
}

/**
 * The month's files already in the folder, which only `replace` may replace
 * (the district may already have the copy that was sent); a folder or
 * anything but a regular file under one of their names is never replaced.
 */
export function refuseToReplaceMonth(target: string, period: string, names: readonly string[], replace: boolean): void {
  const present = names.filter((name) => existingOrdinaryFile(path.join(target, name), 'folder'));
  if (present.length > 0 && !replace) {
    throw new VaultError(
      'CONFLICT',
      `The ${period} report is already saved in ${target}; nothing was written. Replace it only if you mean to: the district may already have the copy you sent.`,
      { details: { alreadySaved: true } },
    );
  }
}

/**
 * A signed report ready for its folder: a month's (2026-03) or a school
 * year's (2026-27). Both are written by `writeReportFolder`, the one writer.
 */
export interface ReportForFolder {
  /** 2026-03 or 2026-27: names the files (`service-report-<period>.*`). */
  period: string;
  /** "the 2026-03 report", "the 2026-27 school-year report": for messages. */
  what: string;
  json: Buffer;
  signature: Buffer;
  csv: string;
  html: string;
  publicKey: Buffer;
  fingerprint: string;
  /**
   * Records the export inside the vault, in the same transaction as its
   * audit entry: returns that entry (its `seq` names it if the swap fails).
   */
  record(folder: string, files: readonly ExportedFile[]): { seq: number };
  /** The audit action that follows the record when its files could not be swapped in. */
  failedAction: string;
}

/**
 * Writes a signed report's files into `folder` (held to `rules`, see
 * files/outputPath.ts): the JSON, its signature, the CSV and the HTML are
 * swapped in together (exportSwap.ts), the signature last, replacing a report
 * already there only when `rules.replace`; the public key file is written
 * when the folder has none. The export is recorded (`report.record`, with
 * every file's SHA-256) before the files are swapped in.
 */
export function writeReportFolder(data: VaultData, report: ReportForFolder, folder: string, rules: OutputRules): ReportExportResult {
  const { period } = report;
  const target = checkOutputFolder(folder, 'folder', rules);
  try {
    fs.mkdirSync(target, { recursive: true });
  } catch {
    throw new VaultError('INVALID_INPUT', `folder: cannot create the folder ${target}.`);
  }
  if (!fs.statSync(target).isDirectory()) throw new VaultError('INVALID_INPUT', `folder: ${target} is not a folder.`);
  finishInterruptedExports(target);

  const names = reportFileNames(period);
  const publicKeyFile = path.join(target, names.publicKey);
  refuseForeignKeyFile(publicKeyFile, report.publicKey);
  refuseToReplaceMonth(target, period, [names.json, names.signature, names.csv, names.html], rules.replace);

  const pem = Buffer.from(spkiPem(report.publicKey), 'utf8');
  const swapped: SwapFile[] = [
    { name: names.json, bytes: report.json },
    { name: names.signature, bytes: report.signature },
    { name: names.csv, bytes: Buffer.from(report.csv, 'utf8') },
    { name: names.html, bytes: Buffer.from(report.html, 'utf8') },
  ];
  // The same key's file stays as it is; a missing one is written before the signature it checks arrives.
  const keyFileThere = fs.existsSync(publicKeyFile);
  const publicKeyBytes = keyFileThere ? readBoundedFileSync(publicKeyFile, MAX_STATE_FILE_BYTES) : pem;
  const byName = new Map([...swapped.map((file) => [file.name, file.bytes] as const), [names.publicKey, publicKeyBytes] as const]);
  const files = [names.json, names.signature, names.publicKey, names.csv, names.html].map((name) => {
    const bytes = byName.get(name) as Buffer;
    return { name, path: path.join(target, name), sha256: sha256Hex(bytes), bytes: bytes.length };
  });

  // Recorded before the signed files can be seen in the folder, so a crash in
  // the swap can never leave a report that may reach the district without its
  // entry; a swap that fails is recorded as such right after.
  const recorded = data.transaction(() => report.record(target, files.map(({ name, sha256, bytes }) => ({ name, sha256, bytes }))));
  try {
    if (!keyFileThere) writeFileAtomicSync(publicKeyFile, pem, 0o644);
    swapInReportFiles(target, period, swapped, names.signature);
  } catch (error) {
    data.audit.append(report.failedAction, { period, folder: target, exportSeq: recorded.seq });
    if (error instanceof VaultError) throw error;
    throw new VaultError('INTERNAL', `Could not write ${report.what} into ${target}: ${(error as Error).message}`, { cause: error });
  }
  return { folder: target, period, fingerprint: report.fingerprint, files };
}
