import { z } from 'zod';
import { MAX_RETENTION_MONTHS } from '../domain/noteRetention';
import { Id, IsoDate, Timestamp } from './schemas';

/** When the notes of a closed case are destroyed (shared/domain/noteRetention.ts). */
export const NoteRetention = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('off') }).strict(),
  z.object({ rule: z.literal('school_year_end') }).strict(),
  z.object({ rule: z.literal('months_after_closing'), months: z.number().int().min(1).max(MAX_RETENTION_MONTHS) }).strict(),
]);
export type NoteRetention = z.infer<typeof NoteRetention>;

/** One closed case whose notes are due: its code, when it closed and became due, how many notes would go. No text. */
export const RetentionDueStudent = z.object({
  studentId: Id,
  code: z.string(),
  closedOn: IsoDate,
  dueOn: IsoDate,
  notes: z.number().int().min(0),
  drafts: z.number().int().min(0),
});
export type RetentionDueStudent = z.infer<typeof RetentionDueStudent>;

export const RetentionDue = z.object({
  retention: NoteRetention,
  students: z.array(RetentionDueStudent),
  notes: z.number().int().min(0),
});
export type RetentionDue = z.infer<typeof RetentionDue>;

export const RetentionDestroyInput = z.object({ studentIds: z.array(Id).min(1).max(5000) }).strict();

export const RetentionDestroyResult = z.object({
  students: z.number().int().min(0),
  notes: z.number().int().min(0),
  versions: z.number().int().min(0),
  drafts: z.number().int().min(0),
  at: Timestamp,
});
export type RetentionDestroyResult = z.infer<typeof RetentionDestroyResult>;

/** What erasing a note's earlier flagged versions did: which versions (number and hash); never their text. */
export const EarlierVersionsErased = z.object({
  noteId: Id,
  erased: z.array(z.object({ revision: z.number().int().min(1), hash: z.string() })),
  at: Timestamp.nullable(),
});
export type EarlierVersionsErased = z.infer<typeof EarlierVersionsErased>;
