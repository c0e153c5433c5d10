import { z } from 'zod';
import { Id, IsoDate, Service, Timestamp } from './schemas';

/*
 * Follow-ups: a "follow up on" day the worker puts on a note or a service.
 * It stays on Today until marked done. The worker's own reminder: never in a
 * report, an export or a handover package.
 */

/** What a follow-up is about: exactly one note or one service. */
const exactlyOne = (value: { noteId?: string; serviceId?: string }) => (value.noteId === undefined) !== (value.serviceId === undefined);
const EXACTLY_ONE = 'give either noteId (a note) or serviceId (a service), not both';

export const FollowUpTarget = z.object({ noteId: Id.optional(), serviceId: Id.optional() }).strict().refine(exactlyOne, EXACTLY_ONE);
export type FollowUpTarget = z.infer<typeof FollowUpTarget>;

export const FollowUp = z.object({
  id: Id,
  noteId: Id.nullable(),
  serviceId: Id.nullable(),
  dueOn: IsoDate,
  doneAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type FollowUp = z.infer<typeof FollowUp>;

/** Sets (or moves) the follow-up day of a note or service; a done one becomes open again. */
export const FollowUpSetInput = z.object({ noteId: Id.optional(), serviceId: Id.optional(), dueOn: IsoDate }).strict().refine(exactlyOne, EXACTLY_ONE);
export type FollowUpSetInput = z.infer<typeof FollowUpSetInput>;

/** An open follow-up as Today shows it: what it is about, in the worker's own words. */
export const DueFollowUp = FollowUp.extend({
  /** The students it is about (the note's student, or the service's students). */
  studentIds: z.array(Id),
  /** A note's first words (null for a service). */
  notePreview: z.string().nullable(),
  /** A service's kind id and minutes (null for a note). */
  serviceKind: z.string().nullable(),
  minutes: z.number().int().nullable(),
  /** The day of the service, or the day the note was written. */
  on: IsoDate,
});
export type DueFollowUp = z.infer<typeof DueFollowUp>;

/** Everything the Today screen shows, in one call. */
export const TodaySummary = z.object({
  /** Today on the worker's calendar. */
  today: IsoDate,
  /** Services dated today, newest first, with their totals. */
  services: z.array(Service),
  totals: z.object({ count: z.number().int(), minutes: z.number().int() }),
  /** Open follow-ups due today or before, oldest first. */
  followUps: z.array(DueFollowUp),
  /** How many open follow-ups are due after today. */
  laterFollowUps: z.number().int(),
  /** The students seen most recently (open cases), most recent first. */
  recentStudents: z.array(z.object({ studentId: Id, lastSeen: IsoDate })),
});
export type TodaySummary = z.infer<typeof TodaySummary>;
