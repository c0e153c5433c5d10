import { firstBrokenRevision } from '../repos/notes';
import type { AuditVerification } from '../repos/audit';
import type { VaultData } from '../vaultData';
import { NOTE_VERSIONS_ERASED_ACTION, type ErasedVersion } from './earlierVersions';

export interface BrokenNoteHistory {
  noteId: string;
  studentCode: string | null;
  /** The first version that does not fit the chain. */
  revision: number;
  why: string;
}

export interface VaultHistoryCheck {
  intact: boolean;
  notesChecked: number;
  brokenNotes: BrokenNoteHistory[];
  audit: AuditVerification;
}

/** Every erased version the audit log records, as `noteId/revision` → hash. */
function recordedErasures(data: VaultData): Map<string, string> {
  const recorded = new Map<string, string>();
  for (const entry of data.audit.listByAction(NOTE_VERSIONS_ERASED_ACTION, 10_000)) {
    const { noteId, versions } = entry.details as { noteId?: unknown; versions?: unknown };
    if (typeof noteId !== 'string' || !Array.isArray(versions)) continue;
    for (const version of versions as Partial<ErasedVersion>[]) {
      if (typeof version.revision === 'number' && typeof version.hash === 'string') recorded.set(`${noteId}/${version.revision}`, version.hash);
    }
  }
  return recorded;
}

/**
 * Checks every note's version chain and the audit chain. A version whose text
 * was erased must also be one the audit log recorded erasing, with the same
 * hash: a version emptied by anything else is reported, as is any hash or
 * text that no longer fits.
 */
export function checkVaultHistory(data: VaultData): VaultHistoryCheck {
  const codes = new Map(data.students.list({ includeClosed: true }).map((student) => [student.id, student.code]));
  const erasures = recordedErasures(data);
  const brokenNotes: BrokenNoteHistory[] = [];
  const ids = data.notes.allIds();
  for (const noteId of ids) {
    const note = data.notes.get(noteId);
    const history = data.notes.history(noteId);
    const studentCode = note.studentId === null ? null : (codes.get(note.studentId) ?? null);
    const broken = firstBrokenRevision(history);
    const head = history.at(-1);
    if (history.length === 0) {
      brokenNotes.push({ noteId, studentCode, revision: 1, why: 'the note has no saved versions' });
    } else if (broken !== null) {
      brokenNotes.push({ noteId, studentCode, revision: broken, why: 'its text or hash does not match the chain' });
    } else if (head && (head.revision !== note.revision || head.body !== note.body || head.status !== note.status)) {
      brokenNotes.push({ noteId, studentCode, revision: head.revision, why: 'the current text differs from the last saved version' });
    } else {
      const unrecorded = history.find((revision) => revision.erasedAt != null && erasures.get(`${noteId}/${revision.revision}`) !== revision.hash);
      if (unrecorded) brokenNotes.push({ noteId, studentCode, revision: unrecorded.revision, why: 'its text is gone but no erasure of it is in the audit log' });
    }
  }
  const audit = data.audit.verify();
  return { intact: brokenNotes.length === 0 && audit.intact, notesChecked: ids.length, brokenNotes, audit };
}
