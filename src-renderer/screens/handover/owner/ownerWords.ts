import type { HandoverScope, SentHandover } from '../../../../shared/api/handoverSchemas';
import { CallError, plainError } from '../../../api';
import { plainValidationMessage } from '../../../messages';
import type { InputIssue } from '../../../../shared/api/errors';
import { formatLongDate, formatShortDate } from '../../../lib/dates';

/** "1 student", "3 notes": a count with its word. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** "2 students, 14 notes and 9 services" */
export function describeScope(scope: HandoverScope): string {
  return `${countOf(scope.students, 'student')}, ${countOf(scope.notes, 'note')} and ${countOf(scope.services, 'service')}`;
}

/** "Mar 2, 2026 to Mar 27, 2026" (both days included). */
export function describeDates(validFrom: string, validUntil: string, long = false): string {
  const format = long ? formatLongDate : formatShortDate;
  return validFrom === validUntil ? `on ${format(validFrom)} only` : `from ${format(validFrom)} to ${format(validUntil)}`;
}

export type SentStatusTone = 'open' | 'ended' | 'closed' | 'revoked';

/** Where a package stands, in the owner's words; `today` decides whether its end date has passed. */
export function sentStatus(handover: SentHandover, today: string): { label: string; detail: string; tone: SentStatusTone } {
  if (handover.status === 'closed') {
    return { label: 'Taken back', detail: 'The hand-back was imported: the substitute’s notes are with yours now.', tone: 'closed' };
  }
  if (handover.status === 'revoked') {
    return { label: 'Revoked', detail: 'You revoked it. A hand-back for it can still be imported.', tone: 'revoked' };
  }
  if (today > handover.validUntil) {
    return { label: 'Ended, not handed back yet', detail: `Its last day has passed, so ${handover.substitute}’s Sole Notes no longer opens it. Import the hand-back when you get it.`, tone: 'ended' };
  }
  if (today < handover.validFrom) {
    return { label: 'Starts later', detail: `${handover.substitute} can open it from ${formatShortDate(handover.validFrom)}.`, tone: 'open' };
  }
  return { label: 'With the substitute', detail: `${handover.substitute} can open these notes until ${formatShortDate(handover.validUntil)}.`, tone: 'open' };
}

/** A file name for the save dialog: `handover-dana-whitfield-2026-03-02.solehandover`. */
export function suggestedPackageName(substitute: string, validFrom: string | null): string {
  const slug = substitute
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return ['handover', slug === '' ? null : slug, validFrom].filter((part) => part != null).join('-') + '.solehandover';
}

/**
 * Sorts a refusal of bad input by the fields it names (the error's issues),
 * so each message can stand next to its field: { validUntil: "The end date
 * has already passed." }. What names no known field is returned as `rest`.
 */
export function fieldProblems<F extends string>(error: unknown, fields: readonly F[]): { byField: Partial<Record<F, string>>; rest: string | null } {
  if (!(error instanceof CallError) || error.code !== 'INVALID_INPUT') return { byField: {}, rest: null };
  const byField: Partial<Record<F, string>> = {};
  const rest: InputIssue[] = [];
  for (const issue of error.details.issues ?? []) {
    const field = fields.find((candidate) => issue.field === candidate || issue.field?.startsWith(`${candidate}.`) === true);
    if (field != null && byField[field] == null) byField[field] = plainValidationMessage([issue]);
    else rest.push(issue);
  }
  return { byField, rest: rest.length === 0 ? null : plainValidationMessage(rest) };
}

/** A refusal as a form shows it: messages beside the fields they name, and the rest (or the plain error) above the buttons. */
export function formProblems<F extends string>(error: unknown, fields: readonly F[]): { byField: Partial<Record<F, string>>; problem: string | null } {
  const { byField, rest } = fieldProblems(error, fields);
  return { byField, problem: rest ?? (Object.keys(byField).length > 0 ? null : plainError(error)) };
}
