import { z } from 'zod';
import { AuditEntry, NoteStatus, Service, Timestamp } from '../../shared/api/schemas';
import { auditHash } from '../vault/repos/audit';
import { revisionHash } from '../vault/repos/notes';

/**
 * What a hand-back carries, encrypted (docs/handover-format.md): the notes
 * the substitute wrote, the revisions they added to the owner's notes, the
 * services they logged, and the package's whole access log.
 */
export const HANDBACK_CONTENTS_FORMAT = 'sole-notes/handback-contents';

const Uuid = z.uuid();
const HashHex = z.string().regex(/^[0-9a-f]{64}$/);

export const HandbackRevision = z
  .object({
    revision: z.number().int().min(1),
    body: z.string().max(200_000),
    status: NoteStatus,
    author: z.string().min(1).max(120),
    at: Timestamp,
    prevHash: z.union([z.literal(''), HashHex]),
    hash: HashHex,
  })
  .strict();
export type HandbackRevision = z.infer<typeof HandbackRevision>;

const NoteFields = {
  id: Uuid,
  studentId: Uuid.nullable(),
  serviceId: Uuid.nullable(),
  findingsAcknowledged: z.boolean(),
  revisions: z.array(HandbackRevision).min(1),
};

export const HandbackContents = z
  .object({
    format: z.literal(HANDBACK_CONTENTS_FORMAT),
    version: z.literal(1),
    handbackId: Uuid,
    packageId: Uuid,
    /** Notes the substitute wrote: every revision, from the first. */
    newNotes: z.array(z.object(NoteFields).strict()),
    /** The owner's notes the substitute changed: the revisions after the one the package held. */
    changedNotes: z.array(z.object({ ...NoteFields, baseRevision: z.number().int().min(1), baseHash: HashHex }).strict()),
    newServices: z.array(Service),
    /** The package's access log, oldest first. */
    accessLog: z.array(AuditEntry),
  })
  .strict();
export type HandbackContents = z.infer<typeof HandbackContents>;

/** True when the revisions continue a note's chain: numbered on from `afterRevision`, each sealed to the one before. */
export function revisionsContinueChain(noteId: string, afterRevision: number, afterHash: string, revisions: readonly HandbackRevision[]): boolean {
  let prevHash = afterHash;
  return revisions.every((revision, index) => {
    const intact =
      revision.revision === afterRevision + index + 1 &&
      revision.prevHash === prevHash &&
      revision.hash === revisionHash(prevHash, { noteId, revision: revision.revision, body: revision.body, status: revision.status, author: revision.author, at: revision.at });
    prevHash = revision.hash;
    return intact;
  });
}

/** True when the access log is one unbroken chain from its first entry. */
export function accessLogIntact(entries: readonly AuditEntry[]): boolean {
  let prevHash = '';
  return entries.every((entry, index) => {
    const intact = entry.seq === index + 1 && entry.prevHash === prevHash && entry.hash === auditHash(prevHash, entry);
    prevHash = entry.hash;
    return intact;
  });
}
