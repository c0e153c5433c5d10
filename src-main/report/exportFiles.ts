import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ReportExportResult } from '../../shared/api/reportSchemas';
import { checkOutputFolder, existingOrdinaryFile, rulesWithoutVault, type OutputRules } from '../files/outputPath';
import { writeFileAtomicSync } from '../vault/atomicFile';
import { MAX_STATE_FILE_BYTES, readBoundedFileSync } from '../vault/boundedRead';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import type { SignedMonthReport } from './monthReport';
import { exportedMonths } from './exportedMonths';
import { fixThresholdAtExport, schoolYearOf, thresholdForMonth } from './reportThresholds';
import { writeTransaction } from '../vault/writeTransaction';
import { finishInterruptedExports, swapInReportFiles, type SwapFile } from './exportSwap';
import { renderReportCsv } from './reportCsv';
import { renderReportHtml } from './reportHtml';
import { publicKeyFromPem, spkiOf, spkiPem } from '../common/signing';

/** The five files of a monthly report, and the audit action that records their export. */
export const REPORT_EXPORT_ACTION = 'report.exported';
/** Follows a `report.exported` entry whose files could not be swapped in (`exportSeq` names it). */
export const REPORT_EXPORT_FAILED_ACTION = 'report.export_failed';
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
 * Writes a signed report's files into `folder` (held to `rules`, see
 * files/outputPath.ts): the JSON, its signature, the CSV and the HTML are
 * swapped in together (exportSwap.ts), the signature last, replacing a month
 * already there only when `rules.replace`; the public key file is written
 * when the folder has none. The export is recorded in the audit log, with
 * every file's SHA-256, before the files are swapped in.
 */
export function exportReportFiles(data: VaultData, report: SignedMonthReport, folder: string, rules: OutputRules = rulesWithoutVault(false)): ReportExportResult {
  const period = report.document.period;
  const monthThreshold = thresholdForMonth(data, period);
  if (report.document.threshold !== monthThreshold) {
    throw new VaultError(
      'INVALID_INPUT',
      `threshold: ${period} is reported with k = ${monthThreshold}, the smallest number shown for the ${schoolYearOf(period)} school year` +
        `${exportedMonths(data).latest(period) ? ' and the k it was already sent with' : ''}; one month is never sent at two different k. Nothing was written.`,
    );
  }
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
  const month: SwapFile[] = [
    { name: names.json, bytes: report.bytes },
    { name: names.signature, bytes: report.signature },
    { name: names.csv, bytes: Buffer.from(renderReportCsv(report.document), 'utf8') },
    { name: names.html, bytes: Buffer.from(renderReportHtml(report.document), 'utf8') },
  ];
  // The same key's file stays as it is; a missing one is written before the signature it checks arrives.
  const keyFileThere = fs.existsSync(publicKeyFile);
  const publicKeyBytes = keyFileThere ? readBoundedFileSync(publicKeyFile, MAX_STATE_FILE_BYTES) : pem;
  const byName = new Map([...month.map((file) => [file.name, file.bytes] as const), [names.publicKey, publicKeyBytes] as const]);
  const files = [names.json, names.signature, names.publicKey, names.csv, names.html].map((name) => {
    const bytes = byName.get(name) as Buffer;
    return { name, path: path.join(target, name), sha256: sha256Hex(bytes), bytes: bytes.length };
  });

  // Recorded before the signed files can be seen in the folder, so a crash in
  // the swap can never leave a report that may reach the district without its
  // entry; a swap that fails is recorded as such right after.
  // The month's numbers are recorded with it (exportedMonths.ts), and its school year's k is fixed from now on.
  const recorded = writeTransaction(data.db, () => {
    fixThresholdAtExport(data, period, report.document.threshold);
    exportedMonths(data).record({
      period,
      correction: report.publication.correction,
      threshold: report.document.threshold,
      document: report.bytes.toString('utf8'),
      basis: report.publication.basis,
    });
    return data.audit.append(REPORT_EXPORT_ACTION, {
      period,
      threshold: report.document.threshold,
      ...(report.publication.correction > 0 ? { correction: report.publication.correction } : {}),
      fingerprint: report.fingerprint,
      folder: target,
      files: files.map(({ name, sha256, bytes }) => ({ name, sha256, bytes })),
    });
  })();
  try {
    if (!keyFileThere) writeFileAtomicSync(publicKeyFile, pem, 0o644);
    swapInReportFiles(target, period, month, names.signature);
  } catch (error) {
    data.audit.append(REPORT_EXPORT_FAILED_ACTION, { period, folder: target, exportSeq: recorded.seq });
    if (error instanceof VaultError) throw error;
    throw new VaultError('INTERNAL', `Could not write the ${period} report into ${target}: ${(error as Error).message}`, { cause: error });
  }
  return { folder: target, period, fingerprint: report.fingerprint, files };
}
