import crypto from 'node:crypto';
import { z } from 'zod';
import { IsoDate, StudentFields, type Student } from '../../../shared/api/schemas';
import { CASE_OUTCOME_IDS, type CaseOutcome } from '../../../shared/domain/caseOutcomes';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import { parseInput } from './validation';

interface StudentRow {
  id: string;
  code: string;
  grade: number | null;
  school: string | null;
  tier: number | null;
  iep: number;
  plan504: number;
  opened_on: string;
  closed_on: string | null;
  outcome: string | null;
  created_at: string;
  updated_at: string;
}

/** A student row read with the name the worker knows them by (student_names, migration 7). */
interface NamedStudentRow extends StudentRow {
  known_as: string | null;
}

/** Each student with the name joined in; only the repository reads names. */
const NAMED = 'SELECT s.*, n.name AS known_as FROM students s LEFT JOIN student_names n ON n.student_id = s.id';
/** A database from before migration 7 (read while it is filled at an older version) has no names. */
const UNNAMED = 'SELECT s.*, NULL AS known_as FROM students s';

const StudentPatch = StudentFields.partial();
const CaseOutcomeId = z.enum(CASE_OUTCOME_IDS);

/** The calendar date on the computer's own clock and zone, `YYYY-MM-DD` (tests and demo data; the vault reads its own zone). */
export function localIsoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function toStudent(row: StudentRow, knownAs: string | null): Student {
  return {
    id: row.id,
    code: row.code,
    grade: row.grade,
    school: row.school,
    tier: row.tier as Student['tier'],
    iep: row.iep === 1,
    plan504: row.plan504 === 1,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    outcome: row.outcome as CaseOutcome | null,
    knownAs,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fromNamedRow({ known_as, ...row }: NamedStudentRow): Student {
  return toStudent(row, known_as);
}

/** A name as stored: trimmed, and an empty one is no name. */
function nameToStore(knownAs: string | null | undefined): string | null {
  const trimmed = knownAs?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The caseload: pseudonymous students, opened and closed, never deleted. */
export class StudentRepository {
  private readonly selectAll;
  private readonly selectOpen;
  private readonly selectById;
  private readonly selectByCode;
  private readonly insertRow;
  private readonly updateRow;
  private readonly setClosed;
  private readonly putName;
  private readonly deleteName;
  private readonly selectLastSeen;

  private readonly writeName: (studentId: string, knownAs: string | null) => void;
  private readonly inTransaction: (work: () => void) => void;

  /**
   * `today` is the worker's date (the vault's clock in their time zone
   * setting): a case opened without a date opens on it, whatever zone the
   * computer is set to.
   */
  constructor(
    db: VaultDatabase,
    private readonly clock: () => Date,
    private readonly today: () => string,
  ) {
    const hasNames = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'student_names'").get() !== undefined;
    const NAMED_OR_NOT = hasNames ? NAMED : UNNAMED;
    this.selectAll = db.prepare<[], NamedStudentRow>(`${NAMED_OR_NOT} ORDER BY s.code`);
    this.selectOpen = db.prepare<[], NamedStudentRow>(`${NAMED_OR_NOT} WHERE s.closed_on IS NULL ORDER BY s.code`);
    this.selectById = db.prepare<[string], NamedStudentRow>(`${NAMED_OR_NOT} WHERE s.id = ?`);
    this.selectByCode = db.prepare<[string], NamedStudentRow>(`${NAMED_OR_NOT} WHERE s.code = ?`);
    this.putName = hasNames
      ? db.prepare<[{ student_id: string; name: string }]>(
          'INSERT INTO student_names (student_id, name) VALUES (@student_id, @name) ON CONFLICT (student_id) DO UPDATE SET name = excluded.name',
        )
      : null;
    this.deleteName = hasNames ? db.prepare<[string]>('DELETE FROM student_names WHERE student_id = ?') : null;
    // The last day each student was seen: their latest service, or the local day of their latest note.
    this.selectLastSeen = db.prepare<[], { student_id: string; last_seen: string }>(
      `SELECT student_id, MAX(day) AS last_seen FROM (
         SELECT ss.student_id, sv.date AS day FROM service_students ss JOIN services sv ON sv.id = ss.service_id
         UNION ALL
         SELECT student_id, date(created_at, 'localtime') AS day FROM notes WHERE student_id IS NOT NULL
       ) GROUP BY student_id`,
    );
    this.writeName = (studentId: string, knownAs: string | null) => {
      if (this.putName === null || this.deleteName === null) throw new VaultError('INTERNAL', 'This vault is not upgraded to hold student names yet.');
      if (knownAs === null) this.deleteName.run(studentId);
      else this.putName.run({ student_id: studentId, name: knownAs });
    };
    this.inTransaction = (work: () => void) => db.transaction(work)();
    this.insertRow = db.prepare<[StudentRow]>(
      `INSERT INTO students (id, code, grade, school, tier, iep, plan504, opened_on, closed_on, outcome, created_at, updated_at)
       VALUES (@id, @code, @grade, @school, @tier, @iep, @plan504, @opened_on, @closed_on, @outcome, @created_at, @updated_at)`,
    );
    this.updateRow = db.prepare<[StudentRow]>(
      `UPDATE students SET code = @code, grade = @grade, school = @school, tier = @tier, iep = @iep, plan504 = @plan504,
         opened_on = @opened_on, updated_at = @updated_at
       WHERE id = @id`,
    );
    this.setClosed = db.prepare<[{ id: string; closed_on: string | null; outcome: string | null; updated_at: string }]>(
      'UPDATE students SET closed_on = @closed_on, outcome = @outcome, updated_at = @updated_at WHERE id = @id',
    );
  }

  /** Ordered by code; closed cases only when asked for. */
  list(options: { includeClosed?: boolean } = {}): Student[] {
    const rows = options.includeClosed === true ? this.selectAll.all() : this.selectOpen.all();
    return rows.map(fromNamedRow);
  }

  get(id: string): Student {
    return fromNamedRow(this.requireRow(id));
  }

  /**
   * Student id → the last day they were seen (`YYYY-MM-DD`): their most recent
   * service, or the day of their most recent note. Students never seen are absent.
   * One query for the whole caseload, so pickers can put the recent ones first.
   */
  lastSeen(): Record<string, string> {
    return Object.fromEntries(this.selectLastSeen.all().map((row) => [row.student_id, row.last_seen]));
  }

  /** The student with that code (any letter case), or null. */
  getByCode(code: string): Student | null {
    const row = this.selectByCode.get(code.trim());
    return row ? fromNamedRow(row) : null;
  }

  create(fields: StudentFields): Student {
    const input = parseInput(StudentFields, fields);
    this.refuseTakenCode(input.code, null);
    const at = this.clock();
    const timestamp = at.toISOString();
    const row: StudentRow = {
      id: crypto.randomUUID(),
      code: input.code,
      grade: input.grade ?? null,
      school: emptyToNull(input.school),
      tier: input.tier ?? null,
      iep: input.iep === true ? 1 : 0,
      plan504: input.plan504 === true ? 1 : 0,
      opened_on: input.openedOn ?? this.today(),
      closed_on: null,
      outcome: null,
      created_at: timestamp,
      updated_at: timestamp,
    };
    const knownAs = nameToStore(input.knownAs);
    this.inTransaction(() => {
      this.insertRow.run(row);
      if (knownAs !== null) this.writeName(row.id, knownAs);
    });
    return toStudent(row, knownAs);
  }

  /** Changes only the fields present in the patch; `null` clears a field. */
  update(id: string, patch: Partial<StudentFields>): Student {
    const changes = parseInput(StudentPatch, patch);
    const { known_as: currentName, ...current } = this.requireRow(id);
    if (changes.code !== undefined) this.refuseTakenCode(changes.code, id);
    const knownAs = changes.knownAs !== undefined ? nameToStore(changes.knownAs) : currentName;
    const next: StudentRow = {
      ...current,
      code: changes.code ?? current.code,
      grade: changes.grade !== undefined ? changes.grade : current.grade,
      school: changes.school !== undefined ? emptyToNull(changes.school) : current.school,
      tier: changes.tier !== undefined ? changes.tier : current.tier,
      iep: changes.iep !== undefined ? Number(changes.iep) : current.iep,
      plan504: changes.plan504 !== undefined ? Number(changes.plan504) : current.plan504,
      opened_on: changes.openedOn ?? current.opened_on,
      updated_at: this.clock().toISOString(),
    };
    if (next.closed_on !== null && next.opened_on > next.closed_on) {
      throw new VaultError('INVALID_INPUT', 'openedOn: a case cannot open after the day it closed.');
    }
    this.inTransaction(() => {
      this.updateRow.run(next);
      if (changes.knownAs !== undefined) this.writeName(id, knownAs);
    });
    return toStudent(next, knownAs);
  }

  close(id: string, closedOn: string, outcome: CaseOutcome): Student {
    const date = parseInput(IsoDate, closedOn);
    const outcomeId = parseInput(CaseOutcomeId, outcome);
    const { known_as: knownAs, ...current } = this.requireRow(id);
    if (current.closed_on !== null) throw new VaultError('CONFLICT', `The case for ${current.code} is already closed.`);
    if (date < current.opened_on) {
      throw new VaultError('INVALID_INPUT', `closedOn: the case for ${current.code} opened on ${current.opened_on}, after that date.`);
    }
    const next: StudentRow = { ...current, closed_on: date, outcome: outcomeId, updated_at: this.clock().toISOString() };
    this.setClosed.run(next);
    return toStudent(next, knownAs);
  }

  /**
   * Without a date the close is undone: the case is open again from the day
   * it first opened (a close made by mistake). With `reopenedOn`, the case
   * opens anew on that day: it counts as a new case in that month, and its
   * length of treatment runs from that day. It cannot reopen before it closed.
   */
  reopen(id: string, reopenedOn?: string): Student {
    const date = reopenedOn === undefined ? undefined : parseInput(IsoDate, reopenedOn);
    const { known_as: knownAs, ...current } = this.requireRow(id);
    if (current.closed_on === null) throw new VaultError('CONFLICT', `The case for ${current.code} is open.`);
    if (date !== undefined && date < current.closed_on) {
      throw new VaultError('INVALID_INPUT', `date: the case for ${current.code} closed on ${current.closed_on}; it cannot reopen before that.`);
    }
    const updatedAt = this.clock().toISOString();
    const next: StudentRow = { ...current, opened_on: date ?? current.opened_on, closed_on: null, outcome: null, updated_at: updatedAt };
    this.inTransaction(() => {
      this.setClosed.run(next); // first: the table holds a closing day never before the opening day
      if (date !== undefined) this.updateRow.run(next);
    });
    return toStudent(next, knownAs);
  }

  private requireRow(id: string): NamedStudentRow {
    const row = this.selectById.get(id);
    if (!row) throw new VaultError('NOT_FOUND', 'No student with that id.');
    return row;
  }

  private refuseTakenCode(code: string, exceptId: string | null): void {
    const holder = this.selectByCode.get(code);
    if (holder && holder.id !== exceptId) throw new VaultError('CONFLICT', `A student with code ${code} already exists.`);
  }
}

function emptyToNull(text: string | null | undefined): string | null {
  return text == null || text === '' ? null : text;
}
