import type crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describeIssues } from '../../shared/api/describeIssues';
import { REPORT_SCHEMA_ID, ServiceReportDocument } from '../../shared/report/document';
import { SCHOOL_YEAR_REPORT_SCHEMA_ID, SchoolYearReportDocument } from '../../shared/report/schoolYearDocument';
import { isBoundedReadError, readBoundedFileSync, whyUnreadable } from '../vault/boundedRead';
import { isCanonical } from '../common/canonical';
import { PUBLIC_KEY_FILE } from './exportFiles';
import { valueAtPath } from '../../shared/report/catalog';
import { REPORT_GROUPS, STUDENT_COUNT_PATHS, STUDENT_STATISTIC_PATHS } from './cellGroups';
import { publishedGroupView } from './reportDocument';
import { fingerprint, normalizeFingerprint, publicKeyFromPem, SIGNATURE_BYTES, spkiOf, verifyBytes } from '../common/signing';
import { serviceCellProblem } from './serviceSuppression';
import { feasibleRanges, groupPatternProblem, InconsistentCellsError, isSmall } from './suppression';

/**
 * Checks a report the way a district would: the Ed25519 signature over the
 * exact bytes, the document against the schema (and in canonical form, with
 * counts that agree with each other), and the key's fingerprint against the
 * one the report names and, if given, the one expected. Every failed check
 * is listed with its own reason; nothing here throws for a bad report.
 */
export type VerifyCheck = 'file' | 'key' | 'signature' | 'schema' | 'fingerprint' | 'threshold';

/** The smallest k a district accepts unless it says otherwise (`--min-threshold`). */
export const DEFAULT_MIN_THRESHOLD = 10;

export interface VerifyFailure {
  check: VerifyCheck;
  message: string;
}

export interface VerifyResult {
  valid: boolean;
  failures: VerifyFailure[];
  /** The fingerprint of the key the report was checked with, when it could be read. */
  keyFingerprint: string | null;
  /** The document (a month's or a school year's), when it matches the schema. */
  document: AnyReportDocument | null;
  /**
   * Whether the key was pinned by the reader (an expected fingerprint, or a
   * key file of their own). When false, "valid" means only that the report
   * was not altered since it was signed with whatever key came with it:
   * anyone can re-sign a changed report with a fresh key.
   */
  keyPinned: boolean;
}

export interface VerifyInput {
  json: Buffer;
  signature: Buffer;
  publicKeyPem: string;
  /** A fingerprint the reader expects (e.g. read out by the worker); spaces and case are ignored. */
  expectedFingerprint?: string;
  /** Refuse a report whose k is below this, or that shows a count of students from 1 to this − 1 (default 10). */
  minThreshold?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses and checks the document; returns it or the reason it is not a valid report. */
export function parseReportDocument(json: Buffer): { document: ServiceReportDocument } | { failure: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(json));
  } catch {
    return { failure: 'the report is not valid UTF-8 JSON' };
  }
  const result = ServiceReportDocument.safeParse(parsed);
  if (!result.success) return { failure: `the report does not match ${describeSchema(parsed)}: ${describeIssues(result.error)}` };
  if (!isCanonical(json, parsed)) return { failure: 'the report is not in RFC 8785 canonical form' };
  const problem = suppressionProblem(result.data);
  if (problem !== null) return { failure: problem };
  const serviceProblem = serviceCellProblem(result.data);
  if (serviceProblem !== null) return { failure: `the report's counts of services do not agree (${serviceProblem})` };
  return { document: result.data };
}

/** A month's report or a school year's (told apart by `schema`). */
export type AnyReportDocument = ServiceReportDocument | SchoolYearReportDocument;

export function isSchoolYearDocument(document: AnyReportDocument): document is SchoolYearReportDocument {
  return document.schema === SCHOOL_YEAR_REPORT_SCHEMA_ID;
}

/**
 * Parses and checks a month's or a school year's report: the school year's
 * schema, canonical form and the same suppression checks as a month's (its
 * `metrics` have the month's shape and rule); a month's as parseReportDocument.
 */
export function parseAnyReportDocument(json: Buffer): { document: AnyReportDocument } | { failure: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(json));
  } catch {
    return { failure: 'the report is not valid UTF-8 JSON' };
  }
  const schema = typeof parsed === 'object' && parsed !== null ? (parsed as { schema?: unknown }).schema : undefined;
  if (schema !== SCHOOL_YEAR_REPORT_SCHEMA_ID) return parseReportDocument(json);
  const result = SchoolYearReportDocument.safeParse(parsed);
  if (!result.success) return { failure: `the report does not match the schema ${SCHOOL_YEAR_REPORT_SCHEMA_ID}: ${describeIssues(result.error)}` };
  if (!isCanonical(json, parsed)) return { failure: 'the report is not in RFC 8785 canonical form' };
  const problem = suppressionProblem(result.data);
  if (problem !== null) return { failure: problem };
  const serviceProblem = serviceCellProblem(result.data, { schoolYear: true });
  if (serviceProblem !== null) return { failure: `the report's counts of services do not agree (${serviceProblem})` };
  return { document: result.data };
}

/** What breaks the report's own rule (counts that do not add up, a group hidden other than as a whole), or null. */
function suppressionProblem(document: Pick<ServiceReportDocument, 'metrics' | 'threshold'>): string | null {
  for (const group of REPORT_GROUPS) {
    const view = publishedGroupView(document, group);
    const pattern = groupPatternProblem(group, view, document.threshold);
    if (pattern !== null) return `the report hides its counts of students other than as its rule says (${pattern})`;
    try {
      feasibleRanges(group, view, document.threshold);
    } catch (error) {
      if (error instanceof InconsistentCellsError) return `the report's counts of students do not add up (${error.message})`;
      throw error;
    }
  }
  if (typeof valueAtPath(document.metrics, 'studentsSeen') !== 'number') {
    for (const path of STUDENT_STATISTIC_PATHS) {
      if (typeof valueAtPath(document.metrics, path) === 'number') return `${path} is shown although the students seen are hidden`;
    }
  }
  return null;
}

/**
 * Why a district refuses this report at `minThreshold`, or null: its k is
 * below the minimum, or it shows a count of students from 1 to minimum − 1.
 */
export function thresholdProblem(document: Pick<ServiceReportDocument, 'metrics' | 'threshold'>, minThreshold: number): string | null {
  if (document.threshold < minThreshold) return `the report's threshold is ${document.threshold}, below the minimum of ${minThreshold}`;
  for (const path of STUDENT_COUNT_PATHS) {
    const value = valueAtPath(document.metrics, path);
    if (typeof value === 'number' && isSmall(value, minThreshold)) return `${path} shows ${value} students, a count from 1 to ${minThreshold - 1}`;
  }
  return null;
}

function describeSchema(parsed: unknown): string {
  const schema = typeof parsed === 'object' && parsed !== null ? (parsed as { schema?: unknown }).schema : undefined;
  return typeof schema === 'string' && schema !== REPORT_SCHEMA_ID
    ? `the schema ${REPORT_SCHEMA_ID} (it says ${JSON.stringify(schema.slice(0, 60))})`
    : `the schema ${REPORT_SCHEMA_ID}`;
}

export function verifyReport(input: VerifyInput): VerifyResult {
  const failures: VerifyFailure[] = [];
  let key: crypto.KeyObject | null = null;
  let keyFingerprint: string | null = null;
  try {
    key = publicKeyFromPem(input.publicKeyPem);
    keyFingerprint = fingerprint(spkiOf(key));
  } catch (error) {
    failures.push({ check: 'key', message: `the public key cannot be used: ${(error as Error).message}` });
  }

  if (key) {
    if (input.signature.length !== SIGNATURE_BYTES) {
      failures.push({ check: 'signature', message: `the signature is ${input.signature.length} bytes, not ${SIGNATURE_BYTES}` });
    } else if (!verifyBytes(input.json, input.signature, key)) {
      failures.push({ check: 'signature', message: 'the signature does not match the report bytes and this key' });
    }
  }

  const parsed = parseAnyReportDocument(input.json);
  const document = 'document' in parsed ? parsed.document : null;
  if ('failure' in parsed) failures.push({ check: 'schema', message: parsed.failure });
  const tooLow = document === null ? null : thresholdProblem(document, input.minThreshold ?? DEFAULT_MIN_THRESHOLD);
  if (tooLow !== null) failures.push({ check: 'threshold', message: tooLow });

  if (keyFingerprint !== null && document !== null && document.signingKey.fingerprint !== keyFingerprint) {
    failures.push({
      check: 'fingerprint',
      message: `key fingerprint mismatch: the report names key ${document.signingKey.fingerprint} but the public key is ${keyFingerprint}`,
    });
  }
  if (input.expectedFingerprint !== undefined) {
    const expected = normalizeFingerprint(input.expectedFingerprint);
    if (expected === null) {
      failures.push({ check: 'fingerprint', message: 'the expected fingerprint is not 64 hex digits' });
    } else if (keyFingerprint !== null && expected !== keyFingerprint) {
      failures.push({ check: 'fingerprint', message: `key fingerprint mismatch: expected ${expected} but the public key is ${keyFingerprint}` });
    }
  }
  return { valid: failures.length === 0, failures, keyFingerprint, document, keyPinned: input.expectedFingerprint !== undefined };
}

export interface VerifyFilesInput {
  report: string;
  /** Defaults to REPORT.json.sig beside the report. */
  signature?: string;
  /** Defaults to worker-signing-key.pem beside the report; naming that same file pins nothing. */
  publicKey?: string;
  expectedFingerprint?: string;
  minThreshold?: number;
}

export function defaultCompanionFiles(report: string): { signature: string; publicKey: string } {
  return { signature: `${report}.sig`, publicKey: path.join(path.dirname(report), PUBLIC_KEY_FILE) };
}

/**
 * The most of each file `verify` and `district-summary` read. A month's
 * report is tens of KB even for a large caseload (16 MB leaves room for any
 * school); a signature is 64 bytes and a public key about 110, so anything
 * near 64 KB is not one.
 */
export const REPORT_READ_LIMITS = { report: 16 * 1024 * 1024, signature: 64 * 1024, publicKey: 64 * 1024 } as const;

/** A report's file, only if it is a regular file within its limit; otherwise why not, naming it. */
export function readReportFile(file: string, maxBytes: number): { bytes: Buffer } | { problem: string } {
  try {
    return { bytes: readBoundedFileSync(file, maxBytes) };
  } catch (error) {
    const reason = isBoundedReadError(error) ? error.reason : 'unreadable';
    return { problem: reason === 'missing' ? `cannot read ${file}` : `cannot read ${file}: ${whyUnreadable(reason, maxBytes)}` };
  }
}

/** Reads the three files (a missing or unreadable one is a `file` failure) and verifies them. */
export function verifyReportFiles(input: VerifyFilesInput): VerifyResult {
  const defaults = defaultCompanionFiles(input.report);
  const json = readReportFile(input.report, REPORT_READ_LIMITS.report);
  const signature = readReportFile(input.signature ?? defaults.signature, REPORT_READ_LIMITS.signature);
  const pem = readReportFile(input.publicKey ?? defaults.publicKey, REPORT_READ_LIMITS.publicKey);
  if (!('bytes' in json) || !('bytes' in signature) || !('bytes' in pem)) {
    return {
      valid: false,
      failures: [json, signature, pem].flatMap((read) => ('problem' in read ? [{ check: 'file' as const, message: read.problem }] : [])),
      keyFingerprint: null,
      document: null,
      keyPinned: false,
    };
  }
  const publicKeyFile = input.publicKey ?? defaults.publicKey;
  const verdict = verifyReport({ json: json.bytes, signature: signature.bytes, publicKeyPem: pem.bytes.toString('utf8'), expectedFingerprint: input.expectedFingerprint, minThreshold: input.minThreshold });
  const keyOfTheirOwn = input.publicKey !== undefined && !sameFile(publicKeyFile, defaults.publicKey);
  return { ...verdict, keyPinned: verdict.keyPinned || keyOfTheirOwn };
}

function sameFile(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}
