import { NoteRetention, type RetentionDestroyResult, type RetentionDue, type RetentionDueStudent } from '../../../shared/api/retentionSchemas';
import { DEFAULT_NOTE_RETENTION, retentionDueOn } from '../../../shared/domain/noteRetention';
import { VaultError } from '../errors';
import { parseInput } from '../repos/validation';
import type { VaultData } from '../vaultData';
import { writeTransaction } from '../writeTransaction';
import { truncateWriteAheadLog } from './earlierVersions';

/** The settings key of the rule (kept beside the worker's other settings, in the vault). */
export const RETENTION_SETTING_KEY = 'noteRetention';
/** The audit action of a destruction: counts and a date, never a code, a name or text. */
export const RETENTION_DESTROYED_ACTION = 'retention.notes_destroyed';

export function readRetention(data: VaultData): NoteRetention {
  const raw = data.db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck().get(RETENTION_SETTING_KEY);
  if (raw === undefined) return DEFAULT_NOTE_RETENTION;
  const parsed = NoteRetention.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_NOTE_RETENTION;
}

export function writeRetention(data: VaultData, retention: unknown): NoteRetention {
  const value = parseInput(NoteRetention, retention);
  data.db
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(RETENTION_SETTING_KEY, JSON.stringify(value));
  return value;
}

/*
 * What goes with a closed case: its personal notes (a released note is a
 * record given to another agency and stays), with their versions, search
 * entries, follow-ups and drafts (gone with the note, schema 6 and 9), and
 * the drafts of new notes about the student.
 */
const PERSONAL_NOTES = `SELECT id FROM notes WHERE student_id = ? AND status = 'personal'`;
const NEW_NOTE_DRAFTS = `SELECT context_key FROM drafts WHERE note_id IS NULL AND json_extract(context, '$.kind') = 'note' AND json_extract(context, '$.studentId') = ?`;

/** Closed cases whose notes are due to be destroyed today under the worker's rule, with what would go (codes and counts only). */
export function retentionDue(data: VaultData): RetentionDue {
  const retention = readRetention(data);
  const today = data.today();
  const startMonth = data.settings.get().schoolYearStartMonth;
  const countNotes = data.db.prepare<[string], number>(`SELECT count(*) FROM (${PERSONAL_NOTES})`).pluck();
  // Every draft that would go: those of the notes and those of new notes about the student (as destroyTransaction counts them).
  const countDrafts = data.db
    .prepare<{ studentId: string }, number>(`SELECT (SELECT count(*) FROM drafts WHERE note_id IN (${PERSONAL_NOTES.replace('?', '@studentId')})) + (SELECT count(*) FROM (${NEW_NOTE_DRAFTS.replace('?', '@studentId')}))`)
    .pluck();
  const students: RetentionDueStudent[] = [];
  for (const student of data.students.list({ includeClosed: true })) {
    if (student.closedOn == null) continue;
    const dueOn = retentionDueOn(student.closedOn, retention, startMonth);
    if (dueOn === null || dueOn > today) continue;
    const notes = countNotes.get(student.id) ?? 0;
    const drafts = countDrafts.get({ studentId: student.id }) ?? 0;
    if (notes + drafts === 0) continue;
    students.push({ studentId: student.id, code: student.code, closedOn: student.closedOn, dueOn, notes, drafts });
  }
  return { retention, students, notes: students.reduce((sum, student) => sum + student.notes, 0) };
}

/**
 * Destroys the notes of the chosen closed cases, each of which must be due
 * (else nothing is destroyed): notes, every version, their search-index
 * entries (removed from the index with secure-delete), follow-ups and
 * drafts, in one transaction with an audit entry that keeps only counts and
 * the date. Deleted rows are zeroed on disk (secure_delete) and the
 * write-ahead log is truncated after. Backups made before keep their copy.
 */
export function destroyDueNotes(data: VaultData, studentIds: readonly string[]): RetentionDestroyResult {
  const due = new Map(retentionDue(data).students.map((student) => [student.studentId, student]));
  const chosen = [...new Set(studentIds)];
  const notDue = chosen.filter((id) => !due.has(id));
  if (notDue.length > 0) {
    throw new VaultError('INVALID_INPUT', `studentIds: ${notDue.length} of the chosen students have no notes due to be destroyed (the case is open, not yet due, or has none). Nothing was destroyed.`);
  }
  const at = data.clock().toISOString();
  const result = destroyTransaction(data)(chosen, at);
  truncateWriteAheadLog(data.db);
  return result;
}

function destroyTransaction(data: VaultData) {
  const db = data.db;
  const noteIds = db.prepare<[string], string>(PERSONAL_NOTES).pluck();
  const draftKeys = db.prepare<[string], string>(NEW_NOTE_DRAFTS).pluck();
  const versionCount = db.prepare<[string], number>('SELECT count(*) FROM note_revisions WHERE note_id = ?').pluck();
  const draftsOfNote = db.prepare<[string], number>('SELECT count(*) FROM drafts WHERE note_id = ?').pluck();
  const deleteDraft = db.prepare<[string]>('DELETE FROM drafts WHERE context_key = ?');
  return writeTransaction(db, (studentIds: string[], at: string): RetentionDestroyResult => {
    let notes = 0;
    let versions = 0;
    let drafts = 0;
    for (const studentId of studentIds) {
      for (const noteId of noteIds.all(studentId)) {
        versions += versionCount.get(noteId) ?? 0;
        drafts += draftsOfNote.get(noteId) ?? 0;
        data.notes.delete(noteId);
        notes += 1;
      }
      for (const key of draftKeys.all(studentId)) drafts += deleteDraft.run(key).changes;
    }
    data.audit.append(RETENTION_DESTROYED_ACTION, { students: studentIds.length, notes, versions, drafts, on: at.slice(0, 10), rule: readRetention(data).rule });
    return { students: studentIds.length, notes, versions, drafts, at };
  });
}

/** How many saved versions the personal notes of each student hold (for a listing of what is due: counts only). */
export function personalNoteVersions(data: VaultData, studentIds: readonly string[]): Map<string, number> {
  const count = data.db.prepare<[string], number>(`SELECT count(*) FROM note_revisions WHERE note_id IN (${PERSONAL_NOTES})`).pluck();
  return new Map(studentIds.map((id) => [id, count.get(id) ?? 0]));
}
