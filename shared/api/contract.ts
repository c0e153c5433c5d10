import { z } from 'zod';
import { CASE_OUTCOME_IDS } from '../domain/caseOutcomes';
import { FindingSchema } from '../redaction/findingSchema';
import {
  CeuSummary,
  ReportExportInput,
  ReportExportResult,
  ReportHistoryEntry,
  ReportPreview,
  ReportPreviewInput,
  SigningKeyInfo,
} from './reportSchemas';
import {
  AuditEntry,
  CategoryId,
  Id,
  IsoDate,
  IssueCategory,
  Note,
  NoteBody,
  NoteRevision,
  NoteSummary,
  Passphrase,
  PassphraseStrength,
  RecoveryKeyText,
  SearchHit,
  Service,
  ServiceFields,
  Settings,
  Student,
  StudentFields,
  VaultState,
} from './schemas';

const Empty = z.object({}).strict();
const ById = z.object({ id: Id }).strict();
const Done = z.object({ done: z.literal(true) });

/**
 * The whole API between the renderer (or any other front door) and the main
 * side: each command's name with the schema of its input and of its result.
 * The router validates both; nothing else crosses the boundary.
 */
export const COMMANDS = {
  'vault.status': {
    input: Empty,
    output: z.object({ state: VaultState }),
  },
  'vault.passphraseStrength': {
    input: z.object({ passphrase: z.string().max(1024) }).strict(),
    output: PassphraseStrength,
  },
  'vault.create': {
    input: z.object({ passphrase: Passphrase }).strict(),
    output: z.object({ recoveryKey: z.string() }),
  },
  'vault.unlock': {
    input: z.object({ passphrase: Passphrase }).strict(),
    output: Done,
  },
  'vault.unlockWithRecovery': {
    input: z.object({ recoveryKey: RecoveryKeyText, newPassphrase: Passphrase }).strict(),
    output: Done,
  },
  'vault.changePassphrase': {
    input: z.object({ currentPassphrase: Passphrase, newPassphrase: Passphrase }).strict(),
    output: Done,
  },
  'vault.lock': {
    input: Empty,
    output: Done,
  },

  'students.list': {
    input: z.object({ includeClosed: z.boolean().optional() }).strict(),
    output: z.array(Student),
  },
  'students.get': { input: ById, output: Student },
  'students.create': { input: StudentFields.strict(), output: Student },
  'students.update': {
    input: StudentFields.partial().extend({ id: Id }).strict(),
    output: Student,
  },
  'students.close': {
    input: z.object({ id: Id, closedOn: IsoDate, outcome: z.enum(CASE_OUTCOME_IDS) }).strict(),
    output: Student,
  },
  'students.reopen': { input: ById, output: Student },

  'services.list': {
    input: z
      .object({ from: IsoDate.optional(), to: IsoDate.optional(), studentId: Id.optional() })
      .strict(),
    output: z.array(Service),
  },
  'services.get': { input: ById, output: Service },
  'services.create': { input: ServiceFields, output: Service },
  'services.update': {
    input: z.object({ id: Id, fields: ServiceFields }).strict(),
    output: Service,
  },
  'services.delete': { input: ById, output: Done },

  'notes.list': {
    input: z
      .object({
        studentId: Id.optional(),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    output: z.array(NoteSummary),
  },
  'notes.get': { input: ById, output: Note },
  'notes.history': { input: ById, output: z.array(NoteRevision) },
  'notes.create': {
    input: z
      .object({
        studentId: Id.nullable().optional(),
        serviceId: Id.nullable().optional(),
        body: NoteBody,
        findingsAcknowledged: z.boolean().optional(),
      })
      .strict(),
    output: Note,
  },
  'notes.update': {
    input: z
      .object({ id: Id, body: NoteBody, findingsAcknowledged: z.boolean().optional() })
      .strict(),
    output: Note,
  },
  'notes.delete': { input: ById, output: Done },
  'notes.search': {
    input: z
      .object({
        query: z.string().max(500),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    output: z.array(SearchHit),
  },

  'redaction.check': {
    input: z.object({ text: z.string().max(2_000_000, 'the text is limited to 2,000,000 characters') }).strict(),
    output: z.object({ findings: z.array(FindingSchema) }),
  },

  'categories.list': { input: Empty, output: z.array(IssueCategory) },
  'categories.create': {
    input: z.object({ label: z.string().trim().min(1).max(60) }).strict(),
    output: IssueCategory,
  },
  'categories.update': {
    input: z
      .object({ id: CategoryId, label: z.string().trim().min(1).max(60).optional(), archived: z.boolean().optional() })
      .strict(),
    output: IssueCategory,
  },

  'settings.get': { input: Empty, output: Settings },
  'settings.update': { input: Settings.partial().strict(), output: Settings },

  'audit.list': {
    input: z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.array(AuditEntry),
  },
  'audit.verify': {
    input: Empty,
    output: z.object({ intact: z.boolean(), entries: z.number().int(), firstBrokenSeq: z.number().int().nullable() }),
  },

  /** The month's signed aggregate report as it would be exported, with what is suppressed and why, and chart series. */
  'reports.preview': { input: ReportPreviewInput, output: ReportPreview },
  /** Writes the report's JSON, signature, public key, CSV and printable HTML to the folder; recorded in the audit log. */
  'reports.export': { input: ReportExportInput, output: ReportExportResult },
  /** Past exports, newest first, from the audit log. */
  'reports.history': { input: Empty, output: z.array(ReportHistoryEntry) },
  'keys.signingFingerprint': { input: Empty, output: SigningKeyInfo },
  'ceu.summary': { input: Empty, output: CeuSummary },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(COMMANDS, name);
}
