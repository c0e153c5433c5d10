import { z } from 'zod';
import { Fingerprint, ServiceReportDocument } from '../report/document';
import { SchoolYearName } from '../report/schoolYearDocument';
import { IsoDate, ReportMonth, ReportThreshold, ServiceKindId, Timestamp } from './schemas';

/** Inputs and results of the report, key and CEU commands. */

/** `threshold` other than the month's k gives a preview only (export refuses it); `correction` asks for a correction of a month already sent. */
export const ReportPreviewInput = z.object({ month: ReportMonth, threshold: ReportThreshold.optional(), correction: z.boolean().optional() }).strict();

export const ReportExportInput = z
  .object({
    month: ReportMonth,
    /** An absolute folder path, as a folder picker gives it; made if missing. */
    folder: z.string().min(1, 'choose a folder').max(4096, 'the folder path is too long'),
    /** Must be the month's k when given (its school year's, or the one it was sent with); anything else is INVALID_INPUT. */
    threshold: ReportThreshold.optional(),
    /** The worker confirms a correction of a month already sent whose numbers changed; without it the month comes out exactly as sent. */
    correction: z.boolean().optional(),
    /** Replace the month's report already saved in the folder; without it that is CONFLICT, and nothing is written. */
    replace: z.boolean().optional(),
  })
  .strict();

/**
 * Why the worker's own preview says a number is hidden (the report itself
 * never says): small, a count of students from 1 to k-1; group, hidden with
 * its group; statistic, a median or mean; services, individual sessions that
 * would tell how many students were seen.
 */
export const HIDDEN_WHY = ['small', 'group', 'statistic', 'services'] as const;
export type HiddenWhy = (typeof HIDDEN_WHY)[number];

export const SuppressedCellInfo = z.object({
  path: z.string(),
  label: z.string(),
  reason: z.enum(HIDDEN_WHY),
  /** Why, in a sentence the worker can read. */
  explanation: z.string(),
});
export type SuppressedCellInfo = z.infer<typeof SuppressedCellInfo>;

export const ReportCharts = z.object({
  /** The worker's own minutes; `suppressed` says the exported report hides them (and why), null when it shows them. */
  minutesByServiceKind: z.array(
    z.object({ kind: ServiceKindId, label: z.string(), minutes: z.number().int().min(0), suppressed: z.enum(HIDDEN_WHY).nullable() }),
  ),
  /** Monday-to-Sunday weeks, cut at the month's edges; shown in the app only, never exported. */
  sessionsPerWeek: z.array(
    z.object({
      weekStart: IsoDate,
      weekEnd: IsoDate,
      individual: z.number().int().min(0),
      group: z.number().int().min(0),
    }),
  ),
  /** After suppression: a suppressed category has value null and says why. */
  studentsPerIssueCategory: z.array(
    z.object({
      category: z.string(),
      label: z.string(),
      value: z.number().int().min(0).nullable(),
      suppressed: z.enum(HIDDEN_WHY).nullable(),
    }),
  ),
});
export type ReportCharts = z.infer<typeof ReportCharts>;

export const ReportPreview = z.object({
  document: ServiceReportDocument,
  /** How this month stands to the reports already sent: null when never sent. */
  sent: z
    .object({
      /** The latest correction sent (0: the first report). */
      correction: z.number().int().min(0),
      /** A correction would show other numbers than those sent. */
      correctionAvailable: z.boolean(),
    })
    .nullable(),
  suppressed: z.array(SuppressedCellInfo),
  charts: ReportCharts,
});
export type ReportPreview = z.infer<typeof ReportPreview>;

export const ExportedFile = z.object({
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

export const ReportExportResult = z.object({
  folder: z.string(),
  period: ReportMonth,
  fingerprint: Fingerprint,
  files: z.array(ExportedFile.extend({ path: z.string() })),
});
export type ReportExportResult = z.infer<typeof ReportExportResult>;

/** The school-year report (such as 2026-27, from the start month set: July unless changed), at the school year's k; a year already in the folder is replaced only with `replace`. */
export const SchoolYearExportInput = z
  .object({
    schoolYear: SchoolYearName,
    /** An absolute folder path, as a folder picker gives it; made if missing. */
    folder: z.string().min(1, 'choose a folder').max(4096, 'the folder path is too long'),
    replace: z.boolean().optional(),
  })
  .strict();
export const SchoolYearExportResult = ReportExportResult.extend({ period: SchoolYearName });
export type SchoolYearExportResult = z.infer<typeof SchoolYearExportResult>;

export const ReportHistoryEntry = z.object({
  seq: z.number().int().min(1),
  at: Timestamp,
  /** A month's report (period 2026-03) or a school year's (period 2026-27). */
  kind: z.enum(['month', 'school-year']),
  period: z.union([ReportMonth, SchoolYearName]),
  threshold: ReportThreshold,
  correction: z.number().int().min(1).optional(),
  fingerprint: Fingerprint,
  folder: z.string(),
  files: z.array(ExportedFile),
});
export type ReportHistoryEntry = z.infer<typeof ReportHistoryEntry>;

export const SigningKeyInfo = z.object({
  algorithm: z.literal('Ed25519'),
  fingerprint: Fingerprint,
  createdAt: Timestamp,
});
export type SigningKeyInfo = z.infer<typeof SigningKeyInfo>;

export const CEU_REQUIRED_HOURS = 90;
export const CONTACT_HOURS_PER_CEU = 10;
export const CEU_CYCLE_YEARS = 5;

export const CeuSummary = z.object({
  /** not-set: the worker has not set a cycle start; not-started: it is in the future; current: today is inside the cycle. */
  status: z.enum(['not-set', 'not-started', 'current']),
  today: IsoDate,
  cycleStart: IsoDate.nullable(),
  /** The cycle's last day. */
  cycleEnd: IsoDate.nullable(),
  /** Professional development attended within the cycle, up to today. */
  sessions: z.number().int().min(0),
  minutes: z.number().int().min(0),
  contactHours: z.number().min(0),
  ceus: z.number().min(0),
  requiredHours: z.literal(CEU_REQUIRED_HOURS),
  requiredCeus: z.number(),
  remainingHours: z.number().min(0),
});
export type CeuSummary = z.infer<typeof CeuSummary>;

export const ReportThresholdChange = z
  .object({
    threshold: ReportThreshold,
    reason: z.string().trim().min(3, 'say in a few words why').max(500),
  })
  .strict();
export const ReportThresholdInfo = z.object({
  schoolYear: z.string(),
  threshold: ReportThreshold,
  /** Months of this school year already sent: while any is, k cannot change until the next school year. */
  sentMonths: z.array(ReportMonth),
});
export type ReportThresholdInfo = z.infer<typeof ReportThresholdInfo>;
