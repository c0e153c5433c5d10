import type { Note, Service, ServiceFields } from '../../shared/api/schemas';
import { checkNote, summarizeFindings } from '../../shared/redaction/index';

/*
 * The records the fake bridges make, built as the main side builds them:
 * the same fields for the worker's own vault and for a package.
 */

/** A new note at revision 1, with its findings counted as the main side counts them. */
export function newNote(id: string, at: string, fields: { studentId?: string | null; serviceId?: string | null; body: string; findingsAcknowledged?: boolean }): Note {
  return {
    id,
    studentId: fields.studentId ?? null,
    serviceId: fields.serviceId ?? null,
    body: fields.body,
    status: 'personal',
    findings: summarizeFindings(checkNote(fields.body)),
    findingsAcknowledged: fields.findingsAcknowledged === true,
    revision: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** The next revision of `current` with a new body; the acknowledgement keeps its value unless given. */
export function editedNote(current: Note, at: string, body: string, findingsAcknowledged: boolean | undefined): Note {
  return {
    ...current,
    body,
    findings: summarizeFindings(checkNote(body)),
    findingsAcknowledged: findingsAcknowledged ?? current.findingsAcknowledged,
    revision: current.revision + 1,
    updatedAt: at,
  };
}

/** A service from its fields, as created (or, with `createdAt` kept, as updated). */
export function serviceFrom(id: string, fields: ServiceFields, times: { createdAt: string; updatedAt: string }): Service {
  return {
    id,
    date: fields.date,
    minutes: fields.minutes,
    kind: fields.kind,
    teamType: fields.teamType ?? null,
    studentIds: fields.studentIds ?? [],
    issueCategoryIds: fields.issueCategoryIds ?? [],
    noteId: fields.noteId ?? null,
    ...times,
  };
}
