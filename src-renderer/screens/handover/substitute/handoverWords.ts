import type { ReceivedHandover } from '../../../../shared/api/handoverSchemas';
import type { AuditEntry } from '../../../../shared/api/schemas';
import { dateFromIso, formatLongDate, formatShortDate, todayIso } from '../../../lib/dates';
import { countOf } from '../owner/ownerWords';

/**
 * How the substitute's screens put a package into words: whose notes, how
 * long is left, what it holds, where it stands, and what its access log says.
 */

type Owner = { ownerName: string | null; ownerFingerprint: string };

/** "Jordan Reyes", or, when the owner gave no name, "the colleague who made it" (their words tell them apart). */
export function ownerLabel(owner: Pick<Owner, 'ownerName'>): string {
  if (owner.ownerName != null && owner.ownerName.trim() !== '') return owner.ownerName;
  return 'the colleague who made it';
}

/** "Jordan Reyes’s notes" */
export function ownerNotes(owner: Owner): string {
  if (owner.ownerName != null && owner.ownerName.trim() !== '') return `${owner.ownerName}’s notes`;
  return 'A colleague’s notes';
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateFromIso(to).getTime() - dateFromIso(from).getTime()) / 86_400_000);
}

/** "12 days left", counting today; "last day today"; null outside the dates. */
export function daysLeft(validFrom: string, validUntil: string, today = todayIso()): string | null {
  if (today < validFrom || today > validUntil) return null;
  const left = daysBetween(today, validUntil) + 1;
  return left === 1 ? 'today is the last day' : `${left} days left, today included`;
}

export function dateRange(validFrom: string, validUntil: string): string {
  return `${formatShortDate(validFrom)} to ${formatShortDate(validUntil)}`;
}


export type ReceivedStatus = 'active' | 'not-yet-valid' | 'ended' | 'handed-back';

export function receivedStatus(received: Pick<ReceivedHandover, 'status' | 'validity'>): ReceivedStatus {
  if (received.status === 'handed_back') return 'handed-back';
  if (received.validity === 'not-yet-valid') return 'not-yet-valid';
  if (received.validity === 'expired') return 'ended';
  return 'active';
}

export const STATUS_LABELS: Record<ReceivedStatus, string> = {
  active: 'Active',
  'not-yet-valid': 'Not started yet',
  ended: 'Ended',
  'handed-back': 'Handed back',
};

/** One line on where a received package stands. */
export function statusLine(received: ReceivedHandover): string {
  switch (receivedStatus(received)) {
    case 'active':
      return `Until ${formatLongDate(received.validUntil)}: ${daysLeft(received.validFrom, received.validUntil) ?? ''}.`;
    case 'not-yet-valid':
      return `Starts on ${formatLongDate(received.validFrom)}.`;
    case 'ended':
      return `Ended on ${formatLongDate(received.validUntil)}. Its notes are no longer shown; hand it back to return your work and the access log.`;
    case 'handed-back':
      return `Handed back${received.handedBackAt == null ? '' : ` on ${formatShortDate(received.handedBackAt.slice(0, 10))}`}; the copy on this laptop was deleted.`;
  }
}

export interface AccessContext {
  /** A student's code, by the package's student id. */
  studentCode(id: string): string | null;
  /** The code of the student a note is about, by the note's id. */
  noteStudentCode(noteId: string): string | null;
}

/** What an access-log entry records, in plain words. */
export function describeAccess(entry: AuditEntry, context: AccessContext, owner: string): string {
  const details = entry.details;
  const count = typeof details.count === 'number' ? details.count : null;
  const noteAbout = typeof details.noteId === 'string' ? context.noteStudentCode(details.noteId) : null;
  const note = noteAbout == null ? 'A note' : `A note about ${noteAbout}`;
  switch (entry.action) {
    case 'handover.package_created':
      return `${owner.charAt(0).toUpperCase()}${owner.slice(1)} made the handover file`;
    case 'handover.opened':
      return details.first === true ? 'The handover file was opened on this laptop' : 'These notes were opened';
    case 'notes.listed': {
      const who = typeof details.studentId === 'string' ? context.studentCode(details.studentId) : null;
      const what = count == null ? 'The list of notes was shown' : `The list of notes was shown (${countOf(count, 'note')})`;
      return who == null ? what : `${what} for ${who}`;
    }
    case 'note.viewed':
      return details.history === true ? `${note}: its earlier versions were opened` : `${note} was opened`;
    case 'note.created':
      return `${note} was written`;
    case 'note.edited':
      return `${note} was changed`;
    case 'service.created':
      return 'A service was logged';
    case 'handover.handed_back':
      return `Handed back to ${owner}`;
    default:
      return entry.action;
  }
}
