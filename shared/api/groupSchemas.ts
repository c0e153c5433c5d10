import { z } from 'zod';
import { Id, Timestamp } from './schemas';

/*
 * Saved groups: a named set of students the worker sees together (a weekly
 * friendship group, a lunch bunch), picked in one step when logging a group
 * session. A group holds only students' ids and the worker's own name for it.
 */

export const GroupName = z
  .string()
  .trim()
  .min(1, 'enter a name for the group')
  .max(80, 'a group name is at most 80 characters');

/** A group has at least one student and at most as many as a group session may hold. */
export const GroupStudentIds = z.array(Id).min(1, 'choose at least one student').max(200, 'a group holds at most 200 students');

export const StudentGroup = z.object({
  id: Id,
  name: z.string(),
  /** In the order the worker chose them. */
  studentIds: z.array(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type StudentGroup = z.infer<typeof StudentGroup>;

export const GroupCreateInput = z.object({ name: GroupName, studentIds: GroupStudentIds }).strict();
export type GroupCreateInput = z.infer<typeof GroupCreateInput>;

export const GroupUpdateInput = z.object({ id: Id, name: GroupName.optional(), studentIds: GroupStudentIds.optional() }).strict();
export type GroupUpdateInput = z.infer<typeof GroupUpdateInput>;
