import { z } from 'zod';
import { CASE_OUTCOME_IDS } from '../domain/caseOutcomes';
import { STUDENT_NAME_MAX_LENGTH } from '../domain/studentNames';
import { PD_AUDIENCE_IDS } from '../domain/guidelineList';
import { SERVICE_KIND_IDS, TEAM_TYPE_IDS } from '../domain/serviceKinds';

/** A calendar date, `YYYY-MM-DD`, that exists (no 2025-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'not a real calendar date');

/** An instant, as produced by `Date.prototype.toISOString()`. */
export const Timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'expected an ISO timestamp');

export const Id = z.string().uuid('expected an id');

/** A passphrase as typed; strength is judged by the vault, not here. */
export const Passphrase = z.string().min(1, 'enter a passphrase').max(1024, 'passphrase is too long');

/** 8 groups of 5 base32 characters; separators and case are forgiven. */
export const RecoveryKeyText = z.string().min(1, 'enter the recovery key').max(200, 'recovery key is too long');

/** Pseudonymous student code: letters, digits, dash, underscore, dot. */
export const StudentCode = z
  .string()
  .trim()
  .min(1, 'enter a student code')
  .max(32, 'student code is at most 32 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'student code may hold letters, digits, dot, dash and underscore');

/** -1 is pre-kindergarten, 0 kindergarten, 1-12 the grades, 13 post-secondary transition. */
export const Grade = z.number().int().min(-1).max(13);
export const Tier = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const ShortText = z.string().trim().max(120);

/**
 * The name a worker knows a student by ("how I know them": a name, initials,
 * a teacher, a homeroom). Private to this computer: never in a report, an
 * export or a disclosure unless the worker chooses. The length rule lives in
 * shared/domain/studentNames.ts so the renderer can use it too.
 */
export const StudentKnownAs = z.string().trim().max(STUDENT_NAME_MAX_LENGTH, `a name is at most ${STUDENT_NAME_MAX_LENGTH} characters`);

export const Student = z.object({
  id: Id,
  code: z.string(),
  grade: Grade.nullable(),
  school: z.string().nullable(),
  tier: Tier.nullable(),
  iep: z.boolean(),
  plan504: z.boolean(),
  openedOn: IsoDate,
  closedOn: IsoDate.nullable(),
  outcome: z.enum(CASE_OUTCOME_IDS).nullable(),
  /** How the worker knows the student; null when none is set. */
  knownAs: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Student = z.infer<typeof Student>;

export const StudentFields = z.object({
  code: StudentCode,
  grade: Grade.nullable().optional(),
  school: ShortText.nullable().optional(),
  tier: Tier.nullable().optional(),
  iep: z.boolean().optional(),
  plan504: z.boolean().optional(),
  openedOn: IsoDate.optional(),
  /** Empty or null removes the name. */
  knownAs: StudentKnownAs.nullable().optional(),
});
export type StudentFields = z.infer<typeof StudentFields>;

export const ServiceKindId = z.enum(SERVICE_KIND_IDS);
export const TeamTypeId = z.enum(TEAM_TYPE_IDS);
/** Where professional development was provided (services of kind pd_provided only). */
export const PdAudienceId = z.enum(PD_AUDIENCE_IDS);
export const CategoryId = z.string().regex(/^[a-z0-9_]{1,40}$/, 'expected an issue category id');

export const Service = z.object({
  id: Id,
  date: IsoDate,
  minutes: z.number().int(),
  kind: ServiceKindId,
  teamType: TeamTypeId.nullable(),
  studentIds: z.array(Id),
  issueCategoryIds: z.array(CategoryId),
  noteId: Id.nullable(),
  /** Professional development provided: within the district or outside it. Present on pd_provided services only. */
  pdAudience: PdAudienceId.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Service = z.infer<typeof Service>;

const ServiceFieldsShape = z.object({
  date: IsoDate,
  minutes: z.number().int().min(1, 'minutes must be at least 1').max(1440, 'minutes cannot exceed a day'),
  kind: ServiceKindId,
  teamType: TeamTypeId.nullable().optional(),
  studentIds: z.array(Id).max(200).optional(),
  issueCategoryIds: z.array(CategoryId).max(50).optional(),
  noteId: Id.nullable().optional(),
  /** pd_provided only; without it a new training counts as within the district, and an edited one keeps what it had. */
  pdAudience: PdAudienceId.optional(),
});

/** A team type belongs to team meetings and only to them; "within or outside the district" to professional development provided. */
export const ServiceFields = ServiceFieldsShape.strict()
  .refine((service) => (service.kind === 'team_meeting') === (service.teamType != null), {
    message: 'a team meeting needs a team type, and only a team meeting has one',
    path: ['teamType'],
  })
  .refine((service) => service.pdAudience === undefined || service.kind === 'pd_provided', {
    message: 'only professional development provided says whether it was within or outside the district',
    path: ['pdAudience'],
  });
export type ServiceFields = z.infer<typeof ServiceFields>;

export const NoteStatus = z.enum(['personal', 'released']);
export const FindingCounts = z.object({
  diagnostic: z.number().int().min(0),
  verbatim: z.number().int().min(0),
  identifier: z.number().int().min(0),
});
export type FindingCounts = z.infer<typeof FindingCounts>;

export const NoteBody = z.string().max(200_000, 'a note is limited to 200,000 characters');

export const Note = z.object({
  id: Id,
  studentId: Id.nullable(),
  serviceId: Id.nullable(),
  body: z.string(),
  status: NoteStatus,
  findings: FindingCounts,
  /** The worker saved with findings left and chose to keep them. */
  findingsAcknowledged: z.boolean(),
  revision: z.number().int().min(1),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Note = z.infer<typeof Note>;

export const NoteSummary = Note.omit({ body: true }).extend({ preview: z.string() });
export type NoteSummary = z.infer<typeof NoteSummary>;

export const NoteRevision = z.object({
  noteId: Id,
  revision: z.number().int().min(1),
  body: z.string(),
  status: NoteStatus,
  author: z.string(),
  at: Timestamp,
  prevHash: z.string(),
  hash: z.string(),
  /**
   * When the worker erased this version's text (it held flagged words fixed
   * later): `body` is then empty, the hash and place in the chain stay.
   * Null or absent for a version whose text is kept.
   */
  erasedAt: Timestamp.nullable().optional(),
});
export type NoteRevision = z.infer<typeof NoteRevision>;

export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export const SearchHit = z.object({
  noteId: Id,
  studentId: Id.nullable(),
  studentCode: z.string().nullable(),
  snippet: z.array(SnippetPart),
  /** A released note is a record now; a hit says so. */
  status: NoteStatus,
  updatedAt: Timestamp,
});
export type SearchHit = z.infer<typeof SearchHit>;

export const IssueCategory = z.object({
  id: CategoryId,
  label: z.string(),
  archived: z.boolean(),
  builtin: z.boolean(),
});
export type IssueCategory = z.infer<typeof IssueCategory>;

/** A calendar month, `YYYY-MM`: the period of a service report. */
export const ReportMonth = z
  .string()
  .regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

/** The smallest count of students a report shows; counts from 1 to k-1 are suppressed. */
export const REPORT_THRESHOLDS = [5, 10, 11, 16] as const;
export const DEFAULT_REPORT_THRESHOLD = 10;
export const ReportThreshold = z.literal(REPORT_THRESHOLDS, { error: 'the report threshold is 5, 10, 11 or 16' });
export type ReportThreshold = z.infer<typeof ReportThreshold>;

/** True when the JavaScript runtime knows the IANA time zone (or UTC offset) by that name. */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name such as `America/New_York`. */
export const TimeZone = z
  .string()
  .min(1, 'enter a time zone')
  .max(64, 'a time zone name is at most 64 characters')
  .regex(/^[A-Za-z0-9_+\-/]+$/, 'expected an IANA time zone such as America/New_York')
  .refine(isKnownTimeZone, 'not a time zone this computer knows');

export const Settings = z.object({
  autoLockMinutes: z.number().int().min(1).max(240),
  theme: z.enum(['system', 'light', 'dark']),
  textSize: z.enum(['normal', 'large', 'larger']),
  /** k of the service report: student counts from 1 to k-1 are suppressed. */
  reportThreshold: ReportThreshold,
  /** The worker's time zone: decides "today", hence the current month and CEU cycle. */
  timeZone: TimeZone,
  /** First day of the worker's current five-year CEU cycle; null until the worker sets it. */
  ceuCycleStart: IsoDate.nullable(),
  /** The month (1 to 12) the school year starts in: July (7) unless the worker sets another. The school-year report, k per school year and the school year's evidence follow it. */
  schoolYearStartMonth: z.number().int().min(1, 'the school year starts in a month from 1 to 12').max(12, 'the school year starts in a month from 1 to 12'),
  /** Whether the 90-hour certificate requirement applies to the worker (a certificate holder serving in a Connecticut public school); off, hours are shown without it. */
  ceuRequirementApplies: z.boolean(),
  /** The kind and minutes of the last service logged: the next new service starts from them. Null until one is logged. */
  lastServiceKind: ServiceKindId.nullable(),
  lastServiceMinutes: z.number().int().min(1).max(1440).nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const AuditEntry = z.object({
  seq: z.number().int().min(1),
  at: Timestamp,
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const VaultState = z.enum(['absent', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof VaultState>;

export const PassphraseStrength = z.object({
  score: z.number().int().min(0).max(4),
  acceptable: z.boolean(),
  warning: z.string().nullable(),
  suggestions: z.array(z.string()),
});
export type PassphraseStrength = z.infer<typeof PassphraseStrength>;
