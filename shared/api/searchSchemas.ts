import { z } from 'zod';
import { Id, IsoDate, NoteStatus, ServiceKindId, SnippetPart, Timestamp } from './schemas';

/*
 * One search over notes and services (issue 13, §6). Notes are matched by
 * their words (the full-text index); services, which have no index, by their
 * kind, issues, students and their note's words; both by the codes and the
 * private names of their students.
 */

export const SEARCH_ALL_MAX_LIMIT = 200;

export const SearchAllInput = z
  .object({
    /** Words to find; empty or absent lists everything the filters let through, newest first. */
    query: z.string().max(500).optional(),
    studentId: Id.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** Services of these kinds, and the notes written for them. */
    kinds: z.array(ServiceKindId).max(20).optional(),
    /** Only notes the redaction check flagged (findings left in them). */
    flagged: z.boolean().optional(),
    sort: z.enum(['date', 'relevance']).default('relevance'),
    limit: z.number().int().min(1).max(SEARCH_ALL_MAX_LIMIT).default(50),
  })
  .strict()
  .refine((input) => input.from == null || input.to == null || input.from <= input.to, {
    message: 'the first day comes after the last day',
    path: ['to'],
  });
export type SearchAllInput = z.input<typeof SearchAllInput>;
export type SearchAllFilters = z.output<typeof SearchAllInput>;

export const SearchStudent = z.object({ id: Id, code: z.string(), knownAs: z.string().nullable() });
export type SearchStudent = z.infer<typeof SearchStudent>;

const ServiceSummary = z.object({
  id: Id,
  kind: ServiceKindId,
  minutes: z.number().int(),
  date: IsoDate,
});

export const NoteResult = z.object({
  type: z.literal('note'),
  noteId: Id,
  /** The day the note is about: its service's date, or the day it was written. */
  date: IsoDate,
  students: z.array(SearchStudent),
  /** The matched words marked, or the note's opening when it was found by its student. */
  snippet: z.array(SnippetPart),
  status: NoteStatus,
  flagged: z.boolean(),
  /** The service the note was written for, shown with it as one entry. */
  service: ServiceSummary.nullable(),
  updatedAt: Timestamp,
});
export type NoteResult = z.infer<typeof NoteResult>;

export const ServiceResult = z.object({
  type: z.literal('service'),
  serviceId: Id,
  date: IsoDate,
  kind: ServiceKindId,
  minutes: z.number().int(),
  students: z.array(SearchStudent),
  issueLabels: z.array(z.string()),
  noteId: Id.nullable(),
});
export type ServiceResult = z.infer<typeof ServiceResult>;

export const SearchResult = z.discriminatedUnion('type', [NoteResult, ServiceResult]);
export type SearchResult = z.infer<typeof SearchResult>;
