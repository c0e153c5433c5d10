import { z } from 'zod';
import { Id, NoteBody, Timestamp } from './schemas';

/*
 * Unfinished notes: what the worker is typing in an editor, kept in the
 * vault until it is saved or discarded (see src-main/vault/drafts/).
 */

/**
 * Which editor a draft belongs to; one draft per context. A note being
 * edited is known by its id alone; a new note by the student and service it
 * is written for. `package-note` is a note in a package handed to this
 * worker: its draft is kept in this worker's own vault, under the package's
 * id, and is deleted with the package when it is handed back.
 */
export const DraftContext = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note'), noteId: Id.nullable(), studentId: Id.nullable(), serviceId: Id.nullable() }).strict(),
  z.object({ kind: z.literal('service'), serviceId: Id.nullable(), packageId: Id.nullable() }).strict(),
  z.object({ kind: z.literal('package-note'), packageId: Id, noteId: Id.nullable(), studentId: Id.nullable() }).strict(),
]);
export type DraftContext = z.infer<typeof DraftContext>;

/** The other fields of a service form being filled in, as typed (kept with its note). */
export const ServiceFormDraft = z
  .object({
    date: z.string().max(40),
    minutes: z.string().max(40),
    kind: z.string().max(40),
    teamType: z.string().max(40),
    studentIds: z.array(Id).max(500),
    categoryIds: z.array(z.string().max(40)).max(200),
  })
  .strict();
export type ServiceFormDraft = z.infer<typeof ServiceFormDraft>;

/** The "Follow up on" field of the editor, as typed (a day not finished yet is kept as it is). */
export const DraftFollowUp = z.string().max(40);

export const DraftPutInput = z
  .object({
    context: DraftContext,
    body: NoteBody,
    /** Where the cursor was in `body`; past the end reads as the end. */
    cursor: z.number().int().min(0).max(200_000),
    form: ServiceFormDraft.optional(),
    /** The note editor's or the service form's "Follow up on" field; empty or left out: none typed. */
    followUp: DraftFollowUp.optional(),
    /**
     * Whether the worker is brought back to this draft after the next unlock
     * (default true: they were typing in it). False when they left it for
     * later ("Keep as unfinished note").
     */
    resume: z.boolean().optional(),
  })
  .strict();
export type DraftPutInput = z.input<typeof DraftPutInput>;

export const Draft = z.object({
  context: DraftContext,
  body: z.string(),
  cursor: z.number().int().min(0),
  form: ServiceFormDraft.nullable(),
  /** The "Follow up on" field as it was typed; absent when none was. */
  followUp: DraftFollowUp.optional(),
  resume: z.boolean(),
  updatedAt: Timestamp,
});
export type Draft = z.infer<typeof Draft>;

export const DraftContextInput = z.object({ context: DraftContext }).strict();

/** What the last lock of this run kept: how many unfinished notes the worker will be brought back to. */
export const DraftsAtLock = z.object({ kept: z.number().int().min(0) });
