import { z } from 'zod';
import { CASE_OUTCOME_IDS } from '../domain/caseOutcomes';
import {
  BackupInfo,
  BackupListInput,
  BackupListing,
  BackupSettings,
  BackupSettingsPatch,
  FreshBackupSetResult,
  RestoreInput,
  RestoreResult,
  UndoRestoreResult,
} from './backupSchemas';
import { Draft, DraftContextInput, DraftPutInput, DraftsAtLock } from './draftSchemas';
import { SearchAllInput, SearchResult } from './searchSchemas';
import { EarlierVersionsErased, NoteRetention, RetentionDestroyInput, RetentionDestroyResult, RetentionDue } from './retentionSchemas';
import {
  CeuProgress,
  EvidenceSummary,
  PdGoal,
  PdGoalCreateInput,
  PdGoalUpdateInput,
  SchoolYear,
  SchoolYearInput,
  SelfEvaluation,
  SelfEvaluationEntry,
  SelfEvaluationExportInput,
  SelfEvaluationExportResult,
  SelfEvaluationRateInput,
  SupervisionAddInput,
  SupervisionOverview,
  SupervisionSession,
} from './growthSchemas';
import { FollowUp, FollowUpSetInput, FollowUpTarget, TodaySummary } from './followUpSchemas';
import { GroupCreateInput, GroupUpdateInput, StudentGroup } from './groupSchemas';
import {
  AdministrativeDuty,
  DutyCreateInput,
  DutyEndInput,
  DutyUpdateInput,
  StoryCreateInput,
  StoryListInput,
  StoryUpdateInput,
  SuccessStory,
} from './guidelineSchemas';
import { QuickUnlockSetInput, QuickUnlockStatus, UnlockWithPinInput } from './quickUnlockSchemas';
import { FindingSchema } from '../redaction/findingSchema';
import { ChooseFileInput, ChooseFileResult, ChooseFolderInput, ChooseFolderResult, SavedPathInput } from './systemSchemas';
import {
  CoverColleague,
  CreateHandoverInput,
  NameCoverColleagueInput,
  CreateHandoverResult,
  DisclosureInput,
  DisclosureResult,
  FilePath,
  HandbackResult,
  HandbackImportResult,
  HandoverCodeText,
  HandoverKeyFileInfo,
  HandoverKeyInfo,
  HandoverNoteCreateInput,
  HandoverNoteInput,
  HandoverNoteUpdateInput,
  HandoverNotesListInput,
  HandoverPackageInfo,
  HandoverServiceCreateInput,
  InPackageInput,
  NoteRelease,
  PersonLabel,
  ReplaceChoice,
  ReceivedHandover,
  ReleaseNoteInput,
  ReleaseNoteResult,
  RevokeHandoverResult,
  SentHandover,
} from './handoverSchemas';
import {
  CeuSummary,
  ReportExportInput,
  ReportExportResult,
  SchoolYearExportInput,
  SchoolYearExportResult,
  ReportHistoryEntry,
  ReportThresholdChange,
  ReportThresholdInfo,
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
  /**
   * `integrity` (unlocked only): the full check of the vault's pages that runs
   * in the background after unlock. 'damaged' comes with the newest backup to
   * restore, and from then on no backup is made (it would thin out good ones).
   */
  'vault.status': {
    input: Empty,
    output: z.object({
      state: VaultState,
      integrity: z
        .object({
          status: z.enum(['checking', 'ok', 'damaged']),
          latestBackup: z.object({ id: z.string(), createdAt: z.string() }).nullable().optional(),
        })
        .optional(),
    }),
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
  /** Unlocks with the PIN after a short lock: WRONG_PIN with `attemptsLeft`, then PIN_EXPIRED (the passphrase is needed). */
  'vault.unlockWithPin': { input: UnlockWithPinInput, output: Done },
  /** Works while locked: whether a PIN unlock is possible now and the tries left; never anything secret. */
  'quickUnlock.status': { input: Empty, output: QuickUnlockStatus },
  /** Sets or changes the PIN (vault unlocked, passphrase typed in this run); it lasts until the end of the working day. */
  'quickUnlock.set': { input: QuickUnlockSetInput, output: QuickUnlockStatus },
  /** Turns the PIN off. */
  'quickUnlock.clear': { input: Empty, output: QuickUnlockStatus },

  /** Backups, their settings and a restore waiting to be kept; works locked and with no vault (restore on a new laptop). */
  'backups.list': { input: BackupListInput, output: BackupListing },
  /** A backup now (vault unlocked); the oldest beyond the number to keep are removed. */
  'backups.create': { input: Empty, output: BackupInfo },
  /** A new full copy in each backup folder, checked, then this vault's older copies there removed (vault unlocked); a second place out of reach is finished when it is back. */
  'backups.freshSet': { input: Empty, output: FreshBackupSetResult },
  /** Checks the backup, sets the current vault aside and puts the backup in its place; leaves it unlocked. */
  'backups.restore': { input: RestoreInput, output: RestoreResult },
  /** Keeps the restored vault: the one set aside is deleted (vault unlocked). */
  'backups.confirmRestore': { input: Empty, output: Done },
  /** Goes back to the vault as it was before the restore (vault unlocked); leaves it locked. */
  'backups.undoRestore': { input: Empty, output: UndoRestoreResult },
  /** Backup folder (a USB drive, say), how many to keep, automatic on or off (vault unlocked). */
  'backups.updateSettings': { input: BackupSettingsPatch, output: BackupSettings },

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
  /** Student id → the last day they were seen (latest service or note), for pickers to list recent students first. */
  'students.lastSeen': { input: Empty, output: z.record(Id, IsoDate) },

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

  /** Saved groups of students, for logging a group session in one step. */
  'groups.list': { input: Empty, output: z.array(StudentGroup) },
  'groups.create': { input: GroupCreateInput, output: StudentGroup },
  'groups.update': { input: GroupUpdateInput, output: StudentGroup },
  'groups.delete': { input: ById, output: Done },

  /** Standing administrative duties (504 coordinator, attendance committee), listed by name and minutes per month in each month's report. */
  'duties.list': { input: Empty, output: z.array(AdministrativeDuty) },
  'duties.create': { input: DutyCreateInput, output: AdministrativeDuty },
  'duties.update': { input: DutyUpdateInput, output: AdministrativeDuty },
  'duties.end': { input: DutyEndInput, output: AdministrativeDuty },
  'duties.delete': { input: ById, output: Done },

  /** De-identified success stories for a month's report: shown in it only once confirmed; changing the text takes the confirmation back. */
  'stories.list': { input: StoryListInput, output: z.array(SuccessStory) },
  'stories.create': { input: StoryCreateInput, output: SuccessStory },
  'stories.update': { input: StoryUpdateInput, output: SuccessStory },
  'stories.confirm': { input: ById, output: SuccessStory },
  'stories.unconfirm': { input: ById, output: SuccessStory },
  'stories.delete': { input: ById, output: Done },

  /** A "follow up on" day on a note or a service: it stays on Today until done. Never exported. */
  'followUps.get': { input: FollowUpTarget, output: FollowUp.nullable() },
  'followUps.set': { input: FollowUpSetInput, output: FollowUp },
  'followUps.clear': { input: FollowUpTarget, output: Done },
  'followUps.done': { input: ById, output: Done },

  /** Everything the Today screen shows (services today and totals, follow-ups due, students seen recently), in one call. */
  'today.summary': { input: Empty, output: TodaySummary },

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
  /** For each student with flagged notes (findings left in them), how many: the caseload's "flagged notes" column. */
  'notes.flaggedCounts': { input: Empty, output: z.record(Id, z.number().int().min(1)) },
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
  /** How many earlier versions of the note still hold words the redaction check flags (released versions aside). */
  'notes.flaggedEarlier': { input: ById, output: z.object({ versions: z.number().int().min(0) }) },
  /** Erases the text of those versions: each keeps its hash and place in the chain; the audit log records which, when and why. */
  'notes.eraseEarlier': { input: ById, output: EarlierVersionsErased },
  'notes.search': {
    input: z
      .object({
        query: z.string().max(500),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    output: z.array(SearchHit),
  },

  /** One search over notes and services: words, a student (code or private name), days, kinds, flagged notes; by date or relevance. */
  'search.all': { input: SearchAllInput, output: z.array(SearchResult) },

  /* Unfinished notes: kept in the vault while typed, never searched, reported, handed over or exported. */
  /** The editor's text and cursor; written to the vault within 2 s, and at once when a lock begins. */
  'drafts.put': { input: DraftPutInput, output: Done },
  /** The draft of one editor, if there is one. */
  'drafts.get': { input: DraftContextInput, output: Draft.nullable() },
  /** Every unfinished note, most recent first. */
  'drafts.list': { input: Empty, output: z.array(Draft) },
  /** Deletes a draft (the note was saved, or the worker discarded it). */
  'drafts.discard': { input: DraftContextInput, output: Done },
  /** Answers while locked: how many unfinished notes the last lock kept (none known: 0). */
  'drafts.atLock': { input: Empty, output: DraftsAtLock },

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

  /* When the personal notes of a closed case are destroyed (off by default). */
  'retention.get': { input: Empty, output: NoteRetention },
  'retention.set': { input: NoteRetention, output: NoteRetention },
  /** Closed cases whose notes are due under the rule: codes and counts, no text. */
  'retention.due': { input: Empty, output: RetentionDue },
  /** Destroys the notes (versions, search entries, drafts) of the chosen due cases; the audit log keeps counts and the date. */
  'retention.destroy': { input: RetentionDestroyInput, output: RetentionDestroyResult },

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
  /** Writes the school year's signed report (the month's numbers over July to June, same rule) and its files to the folder; recorded in the audit log. */
  'reports.exportSchoolYear': { input: SchoolYearExportInput, output: SchoolYearExportResult },
  /** Past exports, newest first, from the audit log. */
  'reports.history': { input: Empty, output: z.array(ReportHistoryEntry) },
  /** k of the current school year, and the months of it already sent (while any is, k stays). */
  'reports.thresholdInfo': { input: Empty, output: ReportThresholdInfo },
  /** Changes k from the current school year on, with the worker's reason (audit log); CONFLICT once a month of the year was sent. */
  'reports.changeThreshold': { input: ReportThresholdChange, output: ReportThresholdInfo },
  'keys.signingFingerprint': { input: Empty, output: SigningKeyInfo },
  'ceu.summary': { input: Empty, output: CeuSummary },

  /* Professional growth: the worker's own practice, never a student. */
  /** Counts from the worker's log over a school year, offered as evidence: numbers only. */
  'growth.evidence': { input: SchoolYearInput, output: EvidenceSummary },
  /** Every competency indicator with this year's rating and evidence note, and last year's rating. */
  'selfEvaluation.get': { input: SchoolYearInput, output: SelfEvaluation },
  /** Rates one indicator and keeps its evidence note; refused if the note names a student on the caseload. */
  'selfEvaluation.rate': { input: SelfEvaluationRateInput, output: SelfEvaluationEntry },
  /** Writes the printable self-evaluation (HTML, no student information); recorded in the audit log. */
  'selfEvaluation.export': { input: SelfEvaluationExportInput, output: SelfEvaluationExportResult },
  /** Professional development goals, each tied to a competency indicator; all years unless one is named. */
  'pdGoals.list': { input: z.object({ schoolYear: SchoolYear.optional() }).strict(), output: z.array(PdGoal) },
  'pdGoals.create': { input: PdGoalCreateInput, output: PdGoal },
  'pdGoals.update': { input: PdGoalUpdateInput, output: PdGoal },
  'pdGoals.delete': { input: ById, output: Done },
  /** Professional development attended over the five-year cycle, per cycle year, and what is left. */
  'ceu.progress': { input: Empty, output: CeuProgress },
  /** The weekly supervision streak, this school year's minutes by kind, and its sessions. */
  'supervision.overview': { input: Empty, output: SupervisionOverview },
  'supervision.add': { input: SupervisionAddInput, output: SupervisionSession },
  'supervision.delete': { input: ById, output: Done },

  /** Asks the worker to pick a folder (the system's folder dialog); null when they cancel. Needs no vault; NOT_AVAILABLE from the command line. */
  'system.chooseFolder': { input: ChooseFolderInput, output: ChooseFolderResult },
  /** Asks the worker for a file to open, or a name to save under (the system's file dialog); null when they cancel. Needs no vault; NOT_AVAILABLE from the command line. */
  'system.chooseFile': { input: ChooseFileInput, output: ChooseFileResult },
  /** Shows a file Sole Notes saved since it was opened in the system's file manager (a folder it saved into: that folder). Anything else is INVALID_INPUT; NOT_AVAILABLE from the command line. */
  'system.showInFolder': { input: SavedPathInput, output: Done },
  /** Opens a file Sole Notes saved since it was opened in the system's app for it (a printable page: the web browser, to print). Anything else is INVALID_INPUT; NOT_AVAILABLE from the command line. */
  'system.openFile': { input: SavedPathInput, output: Done },

  /* Handover to a temporary substitute: the owner's side. */
  /** This vault's X25519 handover key: its fingerprint, to read out to an owner. */
  'handover.keyInfo': { input: Empty, output: HandoverKeyInfo },
  /** Writes this vault's public handover key as a `.solekey` file, for the substitute to give to the owner. */
  'handover.exportKey': {
    input: z.object({ file: FilePath, label: PersonLabel.optional(), replace: ReplaceChoice }).strict(),
    output: z.object({ path: z.string(), fingerprint: HandoverKeyInfo.shape.fingerprint, label: z.string().nullable() }),
  },
  /** Reads a substitute's `.solekey` file: its fingerprint, to compare with the substitute before making a package. */
  'handover.readKeyFile': { input: z.object({ file: FilePath }).strict(), output: HandoverKeyFileInfo },
  /** The cover colleague named ahead, or null. */
  'handover.colleague': { input: Empty, output: CoverColleague.nullable() },
  /** Names (or replaces) the cover colleague from their key file, once the word check matched; recorded. */
  'handover.nameColleague': { input: NameCoverColleagueInput, output: CoverColleague },
  /** Forgets the cover colleague; recorded. */
  'handover.removeColleague': { input: Empty, output: z.object({ removed: z.literal(true) }) },
  /** Makes a `.solehandover` package; a code recipient gets the one-time code in the result, shown once. */
  'handover.create': { input: CreateHandoverInput, output: CreateHandoverResult },
  /** Packages this vault made, newest first, with their status. */
  'handover.sent': { input: Empty, output: z.array(SentHandover) },
  /** Revokes an open handover here (recorded); the notice says what that cannot do. */
  'handover.revoke': {
    input: z.object({ packageId: Id, reason: z.string().trim().max(500).optional() }).strict(),
    output: RevokeHandoverResult,
  },
  /** Imports a `.solehandback`: merged with the substitute as author, access log appended, handover closed; a replay changes nothing. */
  'handover.importHandBack': { input: z.object({ file: FilePath }).strict(), output: HandbackImportResult },

  /* Handover: the substitute's side. Every command on a package names it by packageId. */
  /** What a package says about itself (checked, not opened): whose, for whom, dates, whether it needs a code. */
  'handover.inspect': { input: z.object({ file: FilePath }).strict(), output: HandoverPackageInfo },
  /** Opens a `.solehandover` file as a separate handover vault; `code` for a code package. */
  'handover.open': { input: z.object({ file: FilePath, code: HandoverCodeText.optional() }).strict(), output: ReceivedHandover },
  /** Packages opened in this vault, newest first, each with its banner. */
  'handover.received': { input: Empty, output: z.array(ReceivedHandover) },
  /** Enters a handover vault (recorded as an opening in its access log); returns its banner. */
  'handover.enter': { input: InPackageInput, output: ReceivedHandover },
  'handover.students.list': { input: InPackageInput, output: z.array(Student) },
  'handover.notes.list': { input: HandoverNotesListInput, output: z.array(NoteSummary) },
  /** Recorded in the package's access log as a note viewed. */
  'handover.notes.get': { input: HandoverNoteInput, output: Note },
  /** Recorded in the package's access log as a note viewed. */
  'handover.notes.history': { input: HandoverNoteInput, output: z.array(NoteRevision) },
  'handover.notes.create': { input: HandoverNoteCreateInput, output: Note },
  'handover.notes.update': { input: HandoverNoteUpdateInput, output: Note },
  'handover.services.list': { input: InPackageInput, output: z.array(Service) },
  'handover.services.create': { input: HandoverServiceCreateInput, output: Service },
  /** The owner's issue categories, as they were when the package was made. */
  'handover.categories.list': { input: InPackageInput, output: z.array(IssueCategory) },
  /** The package's own access log, newest first. */
  'handover.accessLog': { input: InPackageInput, output: z.array(AuditEntry) },
  /** Writes the `.solehandback` for the owner, then deletes this vault's copy of the package (recorded). */
  'handover.handBack': { input: z.object({ packageId: Id, file: FilePath, replace: ReplaceChoice }).strict(), output: HandbackResult },

  /* Every other way a note leaves sole possession. */
  /** Marks a note released to another agency: it becomes a record (a new revision records the change). */
  'notes.release': { input: ReleaseNoteInput, output: ReleaseNoteResult },
  /** Every release of a note, oldest first. */
  'notes.releases': { input: ById, output: z.array(NoteRelease) },
  /** Writes the printable court-order disclosure of the chosen notes; recorded in the audit log. */
  'disclosure.courtOrder': { input: DisclosureInput, output: DisclosureResult },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(COMMANDS, name);
}
