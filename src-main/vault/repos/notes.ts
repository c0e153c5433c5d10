import crypto from 'node:crypto';
import { z } from 'zod';
import {
  type FindingCounts,
  Id,
  NoteBody,
  type Note,
  type NoteRevision,
  type NoteSummary,
  type SearchHit,
  Timestamp,
} from '../../../shared/api/schemas';
import { NOTE_PREVIEW_LENGTH, notePreview } from '../../../shared/domain/notePreview';
import { checkNote, summarizeFindings } from '../../../shared/redaction';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import { requireWellFormed } from '../wellFormedText';
import { chainHash } from './hashing';
import { NoteSearch } from './search';
import { parseInput } from './validation';
import { writeTransaction } from '../writeTransaction';

/**
 * The redaction check runs again here on every save, whoever saves (the app,
 * the CLI, an import), so the stored count per kind always matches the body.
 */
function findingsSummaryJson(body: string): string {
  const summary: FindingCounts = summarizeFindings(checkNote(body));
  return JSON.stringify(summary);
}

/** Who wrote a revision: the vault's owner (a substitute's hand-back brings other authors). */
export const OWNER_AUTHOR = 'owner';
const DEFAULT_LIST_LIMIT = 100;

const NewNoteInput = z.object({
  studentId: Id.nullable().optional(),
  serviceId: Id.nullable().optional(),
  body: NoteBody,
  findingsAcknowledged: z.boolean().optional(),
});
export type NewNote = z.input<typeof NewNoteInput>;

const NoteEditInput = z.object({
  body: NoteBody,
  findingsAcknowledged: z.boolean().optional(),
});
export type NoteEdit = z.input<typeof NoteEditInput>;

const ListInput = z.object({
  studentId: Id.optional(),
  limit: z.number().int().min(1).max(500).optional(),
  offset: z.number().int().min(0).optional(),
});
export type NoteFilter = z.input<typeof ListInput>;

interface NoteRow {
  seq: number;
  id: string;
  student_id: string | null;
  service_id: string | null;
  body: string;
  status: string;
  findings_json: string;
  findings_acknowledged: number;
  revision: number;
  created_at: string;
  updated_at: string;
}

type SummaryRow = Omit<NoteRow, 'body'> & { head: string };

interface RevisionRow {
  note_id: string;
  revision: number;
  body: string;
  status: string;
  author: string;
  at: string;
  prev_hash: string;
  hash: string;
  /** Absent in a database before migration 10. */
  erased_at?: string | null;
}

/** The hash that seals one revision to the one before it. */
export function revisionHash(prevHash: string, revision: Omit<NoteRevision, 'prevHash' | 'hash'>): string {
  return chainHash(prevHash, [revision.noteId, revision.revision, revision.body, revision.status, revision.author, revision.at]);
}

const HEX_HASH = /^[0-9a-f]{64}$/u;

/**
 * The number of the first revision that does not fit the chain, or null when
 * the revisions form an unbroken chain from revision 1: numbered in order,
 * each linked to the one before, each hash matching its content. An erased
 * revision (its text gone, migration 10) cannot be hashed again: it must be
 * empty and keep a well-formed hash, and the next revision's hash, which
 * covers it, pins that hash. The current (last) revision is never erased.
 */
export function firstBrokenRevision(revisions: readonly NoteRevision[]): number | null {
  let prevHash = '';
  for (const [index, revision] of revisions.entries()) {
    const erased = revision.erasedAt != null;
    const contentFits = erased
      ? revision.body === '' && HEX_HASH.test(revision.hash) && index < revisions.length - 1
      : revision.hash === revisionHash(prevHash, revision);
    const intact = revision.noteId === revisions[0]?.noteId && revision.revision === index + 1 && revision.prevHash === prevHash && contentFits;
    if (!intact) return revision.revision;
    prevHash = revision.hash;
  }
  return null;
}

/** True when the revisions form an unbroken chain (firstBrokenRevision). An empty history proves nothing, so it is false. */
export function verifyNoteHistory(revisions: readonly NoteRevision[]): boolean {
  return revisions.length > 0 && firstBrokenRevision(revisions) === null;
}

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    studentId: row.student_id,
    serviceId: row.service_id,
    body: row.body,
    status: row.status as Note['status'],
    findings: JSON.parse(row.findings_json) as FindingCounts,
    findingsAcknowledged: row.findings_acknowledged === 1,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSummary(row: SummaryRow): NoteSummary {
  const { body: _body, ...note } = toNote({ ...row, body: '' });
  return { ...note, preview: notePreview(row.head) };
}

function toRevision(row: RevisionRow): NoteRevision {
  return {
    noteId: row.note_id,
    revision: row.revision,
    body: row.body,
    status: row.status as NoteRevision['status'],
    author: row.author,
    at: row.at,
    prevHash: row.prev_hash,
    hash: row.hash,
    erasedAt: row.erased_at ?? null,
  };
}

/**
 * Personal notes. Every saved change appends a hash-chained revision, so the
 * worker can show later that a note was not altered after the fact.
 */
export class NoteRepository {
  private readonly selectPage;
  private readonly selectFlaggedCounts;
  private readonly selectPageForStudent;
  private readonly selectById;
  private readonly selectRevisions;
  private readonly selectRevisionHash;
  private readonly studentExists;
  private readonly serviceExists;
  private readonly insertRow;
  private readonly updateRow;
  private readonly insertRevision;
  private readonly deleteRow;
  private readonly deleteRevisions;
  private readonly saveTx;
  private readonly deleteTx;
  private readonly searcher: NoteSearch;
  private readonly selectAllIds;
  private readonly selectRevisionOf;

  /**
   * `author` names who writes through this repository: the vault's owner, or
   * in a substitute's handover vault the substitute (from the package).
   */
  constructor(
    db: VaultDatabase,
    private readonly clock: () => Date,
    private readonly author: string = OWNER_AUTHOR,
  ) {
    // Enough of the body for a preview without reading whole long notes.
    const summaryColumns = `seq, id, student_id, service_id, status, findings_json, findings_acknowledged, revision, created_at, updated_at,
      substr(body, 1, ${NOTE_PREVIEW_LENGTH * 4}) AS head`;
    this.selectPage = db.prepare<[{ limit: number; offset: number }], SummaryRow>(
      `SELECT ${summaryColumns} FROM notes ORDER BY updated_at DESC, seq DESC LIMIT @limit OFFSET @offset`,
    );
    this.selectPageForStudent = db.prepare<[{ studentId: string; limit: number; offset: number }], SummaryRow>(
      `SELECT ${summaryColumns} FROM notes WHERE student_id = @studentId
       ORDER BY updated_at DESC, seq DESC LIMIT @limit OFFSET @offset`,
    );
    this.selectFlaggedCounts = db.prepare<[], { student_id: string; flagged: number }>(
      `SELECT student_id, COUNT(*) AS flagged FROM notes
       WHERE student_id IS NOT NULL
         AND json_extract(findings_json, '$.diagnostic') + json_extract(findings_json, '$.verbatim') + json_extract(findings_json, '$.identifier') > 0
       GROUP BY student_id`,
    );
    this.selectById = db.prepare<[string], NoteRow>('SELECT * FROM notes WHERE id = ?');
    this.selectRevisions = db.prepare<[string], RevisionRow>('SELECT * FROM note_revisions WHERE note_id = ? ORDER BY revision');
    this.selectRevisionHash = db
      .prepare<[string, number], string>('SELECT hash FROM note_revisions WHERE note_id = ? AND revision = ?')
      .pluck();
    this.studentExists = db.prepare<[string], number>('SELECT 1 FROM students WHERE id = ?').pluck();
    this.serviceExists = db.prepare<[string], number>('SELECT 1 FROM services WHERE id = ?').pluck();
    this.insertRow = db.prepare<[Omit<NoteRow, 'seq'>]>(
      `INSERT INTO notes (id, student_id, service_id, body, status, findings_json, findings_acknowledged, revision, created_at, updated_at)
       VALUES (@id, @student_id, @service_id, @body, @status, @findings_json, @findings_acknowledged, @revision, @created_at, @updated_at)`,
    );
    this.updateRow = db.prepare<[Omit<NoteRow, 'seq'>]>(
      `UPDATE notes SET body = @body, status = @status, findings_json = @findings_json, findings_acknowledged = @findings_acknowledged,
         revision = @revision, updated_at = @updated_at
       WHERE id = @id AND revision = @revision - 1`,
    );
    this.insertRevision = db.prepare<[RevisionRow]>(
      `INSERT INTO note_revisions (note_id, revision, body, status, author, at, prev_hash, hash)
       VALUES (@note_id, @revision, @body, @status, @author, @at, @prev_hash, @hash)`,
    );
    this.deleteRow = db.prepare<[string]>('DELETE FROM notes WHERE id = ?');
    this.deleteRevisions = db.prepare<[string]>('DELETE FROM note_revisions WHERE note_id = ?');

    this.saveTx = writeTransaction(db, (row: Omit<NoteRow, 'seq'>, isNew: boolean, author: string = this.author, at: string = row.updated_at) => {
      if (isNew) this.insertRow.run(row);
      else if (this.updateRow.run(row).changes !== 1) {
        throw new VaultError('CONFLICT', 'The note changed while it was being saved; open it again.');
      }
      this.appendRevision(row, author, at);
    });
    this.deleteTx = writeTransaction(db, (id: string) => {
      if (this.deleteRow.run(id).changes === 0) throw new VaultError('NOT_FOUND', 'No note with that id.');
      this.deleteRevisions.run(id);
    });
    this.searcher = new NoteSearch(db);
    this.selectAllIds = db.prepare<[], string>('SELECT id FROM notes ORDER BY seq').pluck();
    this.selectRevisionOf = db.prepare<[string], number>('SELECT revision FROM notes WHERE id = ?').pluck();
  }

  /** Most recently changed first. */
  list(filter: NoteFilter = {}): NoteSummary[] {
    const { studentId, limit = DEFAULT_LIST_LIMIT, offset = 0 } = parseInput(ListInput, filter);
    const rows =
      studentId === undefined
        ? this.selectPage.all({ limit, offset })
        : this.selectPageForStudent.all({ studentId, limit, offset });
    return rows.map(toSummary);
  }

  get(id: string): Note {
    return toNote(this.requireRow(id));
  }

  /** How many of each student's notes hold findings (flags), for the caseload; students without any are left out. */
  flaggedCounts(): Record<string, number> {
    return Object.fromEntries(this.selectFlaggedCounts.all().map((row) => [row.student_id, row.flagged]));
  }

  /** Every revision of the note, oldest first. */
  history(id: string): NoteRevision[] {
    this.requireRow(id);
    return this.selectRevisions.all(id).map(toRevision);
  }

  create(fields: NewNote): Note {
    const input = parseInput(NewNoteInput, fields);
    const studentId = input.studentId ?? null;
    const serviceId = input.serviceId ?? null;
    if (studentId !== null && this.studentExists.get(studentId) === undefined) {
      throw new VaultError('NOT_FOUND', `No student with id ${studentId}.`);
    }
    if (serviceId !== null && this.serviceExists.get(serviceId) === undefined) {
      throw new VaultError('NOT_FOUND', `No service with id ${serviceId}.`);
    }
    const timestamp = this.clock().toISOString();
    const row: Omit<NoteRow, 'seq'> = {
      id: crypto.randomUUID(),
      student_id: studentId,
      service_id: serviceId,
      body: input.body,
      status: 'personal',
      findings_json: findingsSummaryJson(input.body),
      findings_acknowledged: input.findingsAcknowledged === true ? 1 : 0,
      revision: 1,
      created_at: timestamp,
      updated_at: timestamp,
    };
    this.saveTx(row, true);
    return this.get(row.id);
  }

  /**
   * Saves a new body; the acknowledgement keeps its value unless given. Saving
   * the same body with the same acknowledgement changes nothing.
   */
  update(id: string, edit: NoteEdit): Note {
    const input = parseInput(NoteEditInput, edit);
    const current = this.requireRow(id);
    const acknowledged = input.findingsAcknowledged === undefined ? current.findings_acknowledged : Number(input.findingsAcknowledged);
    if (input.body === current.body && acknowledged === current.findings_acknowledged) return toNote(current);
    const row: NoteRow = {
      ...current,
      body: input.body,
      findings_json: findingsSummaryJson(input.body),
      findings_acknowledged: acknowledged,
      revision: current.revision + 1,
      updated_at: this.clock().toISOString(),
    };
    this.saveTx(row, false);
    return this.get(id);
  }

  /**
   * Marks the note released to another agency: a new revision with the same
   * text and status 'released' records the change. A note already released
   * stays as it is (null is returned).
   */
  markReleased(id: string): Note | null {
    const current = this.requireRow(id);
    if (current.status === 'released') return null;
    this.saveTx({ ...current, status: 'released', revision: current.revision + 1, updated_at: this.clock().toISOString() }, false);
    return this.get(id);
  }

  /**
   * Saves text written by someone else, elsewhere (a substitute, brought in by
   * a hand-back): a new note with the given id, or the next revision on top of
   * the current head of an existing one. The earlier revisions, the owner's
   * among them, stay in the chain; the revision carries its author and the
   * time it was written, the note the time of the merge. The redaction check
   * runs as on every save. Text equal to the current head adds nothing.
   */
  saveWrittenBy(author: string, at: string, note: NewNote & { id: string }): Note {
    const input = parseInput(NewNoteInput.extend({ id: Id }), note);
    const authorName = parseInput(z.string().trim().min(1).max(120), author);
    const writtenAt = parseInput(Timestamp, at);
    const current = this.selectById.get(input.id);
    const acknowledged = input.findingsAcknowledged === true ? 1 : 0;
    const timestamp = this.clock().toISOString();
    if (current) {
      if (current.body === input.body) return toNote(current);
      const row: NoteRow = {
        ...current,
        body: input.body,
        findings_json: findingsSummaryJson(input.body),
        findings_acknowledged: acknowledged,
        revision: current.revision + 1,
        updated_at: timestamp,
      };
      this.saveTx(row, false, authorName, writtenAt);
      return this.get(input.id);
    }
    const studentId = input.studentId ?? null;
    const serviceId = input.serviceId ?? null;
    if (studentId !== null && this.studentExists.get(studentId) === undefined) throw new VaultError('NOT_FOUND', `No student with id ${studentId}.`);
    const row: Omit<NoteRow, 'seq'> = {
      id: input.id,
      student_id: studentId,
      service_id: serviceId !== null && this.serviceExists.get(serviceId) !== undefined ? serviceId : null,
      body: input.body,
      status: 'personal',
      findings_json: findingsSummaryJson(input.body),
      findings_acknowledged: acknowledged,
      revision: 1,
      created_at: timestamp,
      updated_at: timestamp,
    };
    this.saveTx(row, true, authorName, writtenAt);
    return this.get(input.id);
  }

  /** Removes the note, its revisions and its words from the search index. */
  delete(id: string): void {
    this.deleteTx(id);
  }

  search(query: string, limit = 20): SearchHit[] {
    return this.searcher.search(query, limit);
  }

  /** The id of every note (oldest first), for checking every history. */
  allIds(): string[] {
    return this.selectAllIds.all();
  }

  /** The note's current revision number, or null when there is no such note. */
  revisionOf(id: string): number | null {
    return this.selectRevisionOf.get(id) ?? null;
  }

  private appendRevision(row: Omit<NoteRow, 'seq'>, author: string, at: string): void {
    const prevHash = row.revision === 1 ? '' : this.selectRevisionHash.get(row.id, row.revision - 1);
    if (prevHash === undefined) throw new VaultError('INTERNAL', 'The note history is missing its latest revision.');
    const revision = { noteId: row.id, revision: row.revision, body: row.body, status: row.status as Note['status'], author, at };
    // SQLite would store U+FFFD for a lone surrogate, and the hash would no longer match the stored text.
    requireWellFormed(revision, 'The note');
    this.insertRevision.run({
      note_id: revision.noteId,
      revision: revision.revision,
      body: revision.body,
      status: revision.status,
      author: revision.author,
      at: revision.at,
      prev_hash: prevHash,
      hash: revisionHash(prevHash, revision),
    });
  }

  private requireRow(id: string): NoteRow {
    const row = this.selectById.get(id);
    if (!row) throw new VaultError('NOT_FOUND', 'No note with that id.');
    return row;
  }
}
