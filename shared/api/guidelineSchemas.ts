import { z } from 'zod';
import { DUTY_MINUTES_MAX, DUTY_NAME_MAX_LENGTH, STORY_MAX_LENGTH } from '../domain/guidelineList';
import { Id, ReportMonth, Timestamp } from './schemas';

/*
 * Standing administrative duties and success stories (issue 14): the worker's
 * own words that go into the monthly report, so each is checked for
 * identifying details before it is stored (src-main/vault/reportText.ts).
 */

export const DutyName = z
  .string()
  .trim()
  .min(1, 'enter a name for the duty')
  .max(DUTY_NAME_MAX_LENGTH, `a duty name is at most ${DUTY_NAME_MAX_LENGTH} characters`);
export const DutyMinutesPerMonth = z
  .number()
  .int('minutes are a whole number')
  .min(1, 'minutes per month must be at least 1')
  .max(DUTY_MINUTES_MAX, `minutes per month cannot exceed ${DUTY_MINUTES_MAX}`);

export const AdministrativeDuty = z.object({
  id: Id,
  name: z.string(),
  minutesPerMonth: z.number().int(),
  /** The first month the duty stands in. */
  fromMonth: ReportMonth,
  /** The last month it stood in, once ended; null while it stands. */
  untilMonth: ReportMonth.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type AdministrativeDuty = z.infer<typeof AdministrativeDuty>;

export const DutyCreateInput = z
  .object({ name: DutyName, minutesPerMonth: DutyMinutesPerMonth, fromMonth: ReportMonth.optional() })
  .strict();
export type DutyCreateInput = z.infer<typeof DutyCreateInput>;

export const DutyUpdateInput = z
  .object({ id: Id, name: DutyName.optional(), minutesPerMonth: DutyMinutesPerMonth.optional(), fromMonth: ReportMonth.optional() })
  .strict();
export type DutyUpdateInput = z.infer<typeof DutyUpdateInput>;

/** Ends a duty after `untilMonth` (default: the current month); it still shows in the months it stood in. */
export const DutyEndInput = z.object({ id: Id, untilMonth: ReportMonth.optional() }).strict();
export type DutyEndInput = z.infer<typeof DutyEndInput>;

export const StoryText = z
  .string()
  .trim()
  .min(1, 'write the story first')
  .max(STORY_MAX_LENGTH, `a story is at most ${STORY_MAX_LENGTH} characters`);

export const SuccessStory = z.object({
  id: Id,
  month: ReportMonth,
  text: z.string(),
  /** When the worker confirmed it may go in the report; null until then. */
  confirmedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SuccessStory = z.infer<typeof SuccessStory>;

export const StoryListInput = z.object({ month: ReportMonth }).strict();
export const StoryCreateInput = z.object({ month: ReportMonth, text: StoryText }).strict();
export type StoryCreateInput = z.infer<typeof StoryCreateInput>;
export const StoryUpdateInput = z.object({ id: Id, text: StoryText }).strict();
export type StoryUpdateInput = z.infer<typeof StoryUpdateInput>;
