import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile, ReportExportResult } from '../../shared/api/reportSchemas';
import { writeFileAtomicSync } from '../vault/atomicFile';
import { readBoundedFileSync } from '../vault/boundedRead';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import type { SignedMonthReport } from './monthReport';
import { renderReportCsv } from './reportCsv';
import { renderReportHtml } from './reportHtml';
import { publicKeyFromPem, spkiOf, spkiPem } from './signing';

/**
 * Writes a signed report's five files into a folder, each atomically (a
 * temporary file beside it, flushed, then renamed over the name), and records
 * the export in the audit log with every file's SHA-256.
 */
export const REPORT_EXPORT_ACTION = 'report.exported';
export const PUBLIC_KEY_FILE = 'worker-signing-key.pem';

export function reportFileNames(period: string) {
  const json = `service-report-${period}.json`;
  return { json, signature: `${json}.sig`, publicKey: PUBLIC_KEY_FILE, csv: `service-report-${period}.csv`, html: `service-report-${period}.html` };
}

export function sha256Hex(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** A key file already in the folder must be this worker's own, or the export would replace someone else's. */
function refuseForeignKeyFile(file: string, spki: Buffer): void {
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

export function exportReportFiles(data: VaultData, report: SignedMonthReport, folder: string): ReportExportResult {
  const target = path.resolve(folder);
  try {
    fs.mkdirSync(target, { recursive: true });
  } catch {
    throw new VaultError('INVALID_INPUT', `folder: cannot create the folder ${target}.`);
  }
  if (!fs.statSync(target).isDirectory()) throw new VaultError('INVALID_INPUT', `folder: ${target} is not a folder.`);

  const names = reportFileNames(report.document.period);
  refuseForeignKeyFile(path.join(target, names.publicKey), report.publicKey);
  const contents: [string, Buffer][] = [
    [names.json, report.bytes],
    [names.signature, report.signature],
    [names.publicKey, Buffer.from(spkiPem(report.publicKey), 'utf8')],
    [names.csv, Buffer.from(renderReportCsv(report.document), 'utf8')],
    [names.html, Buffer.from(renderReportHtml(report.document), 'utf8')],
  ];

  const files: (ExportedFile & { path: string })[] = [];
  for (const [name, bytes] of contents) {
    const file = path.join(target, name);
    try {
      // Readable by others (0644): these files are meant to be handed to the district.
      writeFileAtomicSync(file, bytes, 0o644);
    } catch (error) {
      throw new VaultError('INTERNAL', `Could not write ${file}: ${(error as Error).message}`, { cause: error });
    }
    files.push({ name, path: file, sha256: sha256Hex(bytes), bytes: bytes.length });
  }

  data.audit.append(REPORT_EXPORT_ACTION, {
    period: report.document.period,
    threshold: report.document.threshold,
    fingerprint: report.fingerprint,
    folder: target,
    files: files.map(({ name, sha256, bytes }) => ({ name, sha256, bytes })),
  });
  return { folder: target, period: report.document.period, fingerprint: report.fingerprint, files };
}
