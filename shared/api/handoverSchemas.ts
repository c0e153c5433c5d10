import { z } from 'zod';
import { Fingerprint } from '../report/document';
import { Id, IsoDate, Note, NoteBody, ServiceFields, Timestamp } from './schemas';
import { orderReferenceProblem, personLabelProblem, substituteNameProblem } from './textRules';
import { handoverLengthProblem } from '../domain/handoverLength';

export { handoverDays, handoverLengthProblem, MAX_HANDOVER_DAYS } from '../domain/handoverLength';

/** A zod check from one of textRules' functions: its reason becomes the issue's message. */
function applyRule(problem: (text: string) => string | null) {
  return (text: string, context: z.RefinementCtx) => {
    const reason = problem(text);
    if (reason !== null) context.addIssue({ code: 'custom', message: reason });
  };
}

/**
 * Inputs and results of the handover, release and disclosure commands. File
 * paths are absolute paths the worker chose (a file dialog gives them); the
 * main side refuses a relative one.
 */

export const FilePath = z.string().min(1, 'choose a file').max(4096, 'the file path is too long');

/**
 * Whether the worker chose to replace a file already at the path (a save
 * dialog that asked, `--replace` on the command line). Without it an
 * existing file is refused with CONFLICT; a folder or a hand-back is never
 * replaced, and no file is ever written inside the vault or backup folder.
 */
export const ReplaceChoice = z.boolean().optional();

/** What a revision's author becomes in the owner's vault, so 'owner' itself is refused. */
export const SubstituteName = z.string().trim().superRefine(applyRule(substituteNameProblem));

/** A person's name or label shown beside a key; optional where it is used. */
export const PersonLabel = z.string().trim().superRefine(applyRule(personLabelProblem));

/** The one-time handover code as typed: 5 groups of 5; separators, case and I/L/O are forgiven. */
export const HandoverCodeText = z.string().min(1, 'enter the handover code').max(100, 'the handover code is too long');

export const HandoverKeyInfo = z.object({
  algorithm: z.literal('X25519'),
  fingerprint: Fingerprint,
  createdAt: Timestamp,
});
export type HandoverKeyInfo = z.infer<typeof HandoverKeyInfo>;

/** The cover colleague named ahead: whose key a sudden handover is sealed to, and when its words were checked. */
export const CoverColleague = z.object({
  name: z.string(),
  fingerprint: Fingerprint,
  checkedAt: Timestamp,
});
export type CoverColleague = z.infer<typeof CoverColleague>;

export const NameCoverColleagueInput = z
  .object({
    /** The `.solekey` file the colleague gave. */
    keyFile: FilePath,
    name: SubstituteName,
    /** The fingerprint whose words the worker read aloud with the colleague; refused if the file now holds another key. */
    fingerprint: Fingerprint,
  })
  .strict();

export const HandoverKeyFileInfo = z.object({
  path: z.string(),
  fingerprint: Fingerprint,
  label: z.string().nullable(),
  createdAt: Timestamp.nullable(),
});
export type HandoverKeyFileInfo = z.infer<typeof HandoverKeyFileInfo>;

/** How much a package holds: counts only, never names or codes. */
export const HandoverScope = z.object({
  students: z.number().int().min(0),
  notes: z.number().int().min(0),
  services: z.number().int().min(0),
});
export type HandoverScope = z.infer<typeof HandoverScope>;

export const HandoverRecipientInput = z.discriminatedUnion('kind', [
  /** The substitute's public key file (`.solekey`), which they exported and gave to the owner. */
  z.object({ kind: z.literal('key'), keyFile: FilePath }).strict(),
  /** A one-time code, shown once, for a substitute who has no key yet. */
  z.object({ kind: z.literal('code') }).strict(),
  /** The cover colleague named ahead in this vault (their checked key is stored): no file and no code. */
  z.object({ kind: z.literal('colleague') }).strict(),
]);

export const HandoverRecipient = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('key'), fingerprint: Fingerprint, label: z.string().nullable() }),
  z.object({ kind: z.literal('code') }),
]);
export type HandoverRecipient = z.infer<typeof HandoverRecipient>;

export const CreateHandoverInput = z
  .object({
    /** The chosen students, or the whole (open) caseload. */
    students: z.union([z.literal('caseload'), z.array(Id).min(1, 'choose at least one student').max(5000)]),
    substitute: SubstituteName,
    /** The owner's name for the substitute's banner; without it the banner names the owner's key. */
    ownerName: PersonLabel.optional(),
    validFrom: IsoDate,
    validUntil: IsoDate,
    recipient: HandoverRecipientInput,
    /**
     * The names the owner knows these students by go into the package only
     * when the owner ticks it, so the substitute knows who is who. Off when left out.
     */
    includeNames: z.boolean().optional(),
    /** Where to write the `.solehandover` file. */
    file: FilePath,
    replace: ReplaceChoice,
  })
  .strict()
  .refine((input) => input.validUntil >= input.validFrom, { message: 'the end date is before the start date', path: ['validUntil'] })
  .superRefine((input, context) => {
    const problem = handoverLengthProblem(input.validFrom, input.validUntil);
    if (problem !== null) context.addIssue({ code: 'custom', message: `${problem}. Choose an earlier last day`, path: ['validUntil'] });
  });

export const CreateHandoverResult = z.object({
  packageId: Id,
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
  substitute: z.string(),
  validFrom: IsoDate,
  validUntil: IsoDate,
  recipient: HandoverRecipient,
  /** The one-time code, shown once and never stored; null for a key recipient. */
  code: z.string().nullable(),
  scope: HandoverScope,
});
export type CreateHandoverResult = z.infer<typeof CreateHandoverResult>;

export const SentHandover = z.object({
  packageId: Id,
  substitute: z.string(),
  recipient: HandoverRecipient,
  validFrom: IsoDate,
  validUntil: IsoDate,
  scope: HandoverScope,
  createdAt: Timestamp,
  /** open: out with the substitute; revoked: the owner revoked it; closed: the hand-back was imported. */
  status: z.enum(['open', 'revoked', 'closed']),
  revokedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
});
export type SentHandover = z.infer<typeof SentHandover>;

export const RevokeHandoverResult = z.object({
  handover: SentHandover,
  /** Says plainly what revoking can and cannot do. */
  notice: z.string(),
});

export const HandbackImportResult = z.object({
  handbackId: Id,
  packageId: Id,
  substitute: z.string(),
  substituteFingerprint: Fingerprint,
  /** True when this hand-back had already been imported: nothing was changed. */
  alreadyImported: z.boolean(),
  newNotes: z.number().int().min(0),
  changedNotes: z.number().int().min(0),
  /** Notes the owner had also changed after making the package: both texts are in the history. */
  changedByBoth: z.number().int().min(0),
  newServices: z.number().int().min(0),
  accessLogEntries: z.number().int().min(0),
  /** The access log's hash chain was unbroken (entries are appended to the audit log either way). */
  accessLogIntact: z.boolean(),
  importedAt: Timestamp,
});
export type HandbackImportResult = z.infer<typeof HandbackImportResult>;

/** Whether now is inside the package's dates, days in the owner's time zone (the signed instants of its manifest). */
export const HandoverValidity = z.enum(['not-yet-valid', 'active', 'expired']);

export const HandoverPackageInfo = z.object({
  packageId: Id,
  ownerName: z.string().nullable(),
  /** The owner's signing key, which signed the file. */
  ownerFingerprint: Fingerprint,
  /** The owner's handover key: its words are the ones the owner's Sole Notes shows as "Your words". */
  ownerHandoverFingerprint: Fingerprint,
  substitute: z.string(),
  validFrom: IsoDate,
  validUntil: IsoDate,
  recipient: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('key'), fingerprint: Fingerprint, forThisVault: z.boolean() }),
    z.object({ kind: z.literal('code') }),
  ]),
  scope: HandoverScope,
  createdAt: Timestamp,
  validity: HandoverValidity,
  /** Already opened in this vault. */
  alreadyOpened: z.boolean(),
});
export type HandoverPackageInfo = z.infer<typeof HandoverPackageInfo>;

export const ReceivedHandover = z.object({
  packageId: Id,
  ownerName: z.string().nullable(),
  /** The owner's signing key, which signed the file. */
  ownerFingerprint: Fingerprint,
  /** The owner's handover key: its words are the ones the owner's Sole Notes shows as "Your words". */
  ownerHandoverFingerprint: Fingerprint,
  substitute: z.string(),
  validFrom: IsoDate,
  validUntil: IsoDate,
  scope: HandoverScope,
  receivedAt: Timestamp,
  status: z.enum(['open', 'handed_back']),
  /** For an open package: whether today is inside its dates. Null once handed back. */
  validity: HandoverValidity.nullable(),
  handedBackAt: Timestamp.nullable(),
  /** The persistent banner over the handover vault: whose notes these are and until when. */
  banner: z.string(),
});
export type ReceivedHandover = z.infer<typeof ReceivedHandover>;

export const HandbackResult = z.object({
  handbackId: Id,
  packageId: Id,
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
  newNotes: z.number().int().min(0),
  changedNotes: z.number().int().min(0),
  newServices: z.number().int().min(0),
  accessLogEntries: z.number().int().min(0),
  /** The package's copy in this vault was deleted (and that was recorded). */
  packageDeleted: z.literal(true),
});
export type HandbackResult = z.infer<typeof HandbackResult>;

const InPackage = { packageId: Id };

export const HandoverNotesListInput = z
  .object({
    ...InPackage,
    studentId: Id.optional(),
    limit: z.number().int().min(1).max(500).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
export const HandoverNoteInput = z.object({ ...InPackage, id: Id }).strict();
export const HandoverNoteCreateInput = z
  .object({
    ...InPackage,
    studentId: Id.nullable().optional(),
    serviceId: Id.nullable().optional(),
    body: NoteBody,
    findingsAcknowledged: z.boolean().optional(),
  })
  .strict();
export const HandoverNoteUpdateInput = z
  .object({ ...InPackage, id: Id, body: NoteBody, findingsAcknowledged: z.boolean().optional() })
  .strict();
export const HandoverServiceCreateInput = z.object({ ...InPackage, fields: ServiceFields }).strict();
export const InPackageInput = z.object(InPackage).strict();

export const NoteRelease = z.object({
  noteId: Id,
  agency: z.string(),
  reason: z.string(),
  releasedOn: IsoDate,
  /** The revision that recorded the change of status. */
  revision: z.number().int().min(1),
  recordedAt: Timestamp,
});
export type NoteRelease = z.infer<typeof NoteRelease>;

export const ReleaseNoteInput = z
  .object({
    id: Id,
    agency: z.string().trim().min(1, 'name the agency').max(200, 'the agency is at most 200 characters'),
    reason: z.string().trim().min(1, 'say why the note is released').max(2000, 'the reason is at most 2,000 characters'),
    /** The day it was released; today when not given. */
    releasedOn: IsoDate.optional(),
  })
  .strict();

export const ReleaseNoteResult = z.object({
  note: Note,
  release: NoteRelease,
  /** Explains that the note is now a record, not a personal note. */
  notice: z.string(),
});

export const OrderReference = z.string().trim().superRefine(applyRule(orderReferenceProblem));

export const DisclosureInput = z
  .object({
    noteIds: z.array(Id).min(1, 'choose at least one note').max(1000, 'at most 1,000 notes at a time'),
    orderReference: OrderReference,
    /** The names the worker knows the students by are printed only when the worker chooses. Off when left out. */
    includeNames: z.boolean().optional(),
    file: FilePath,
    replace: ReplaceChoice,
  })
  .strict();

export const DisclosureResult = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
  orderReference: z.string(),
  notes: z.number().int().min(1),
});
export type DisclosureResult = z.infer<typeof DisclosureResult>;
