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

const StudentPatch = StudentFields.partial();
const CaseOutcomeId = z.enum(CASE_OUTCOME_IDS);

/** The calendar date on the worker's machine, `YYYY-MM-DD`. */
export function localIsoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function toStudent(row: StudentRow): Student {
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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
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

  constructor(
    db: VaultDatabase,
    private readonly clock: () => Date,
  ) {
    this.selectAll = db.prepare<[], StudentRow>('SELECT * FROM students ORDER BY code');
    this.selectOpen = db.prepare<[], StudentRow>('SELECT * FROM students WHERE closed_on IS NULL ORDER BY code');
    this.selectById = db.prepare<[string], StudentRow>('SELECT * FROM students WHERE id = ?');
    this.selectByCode = db.prepare<[string], StudentRow>('SELECT * FROM students WHERE code = ?');
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
    return rows.map(toStudent);
  }

  get(id: string): Student {
    return toStudent(this.requireRow(id));
  }

  /** The student with that code (any letter case), or null. */
  getByCode(code: string): Student | null {
    const row = this.selectByCode.get(code.trim());
    return row ? toStudent(row) : null;
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
      opened_on: input.openedOn ?? localIsoDate(at),
      closed_on: null,
      outcome: null,
      created_at: timestamp,
      updated_at: timestamp,
    };
    this.insertRow.run(row);
    return toStudent(row);
  }

  /** Changes only the fields present in the patch; `null` clears a field. */
  update(id: string, patch: Partial<StudentFields>): Student {
    const changes = parseInput(StudentPatch, patch);
    const current = this.requireRow(id);
    if (changes.code !== undefined) this.refuseTakenCode(changes.code, id);
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
    this.updateRow.run(next);
    return toStudent(next);
  }

  close(id: string, closedOn: string, outcome: CaseOutcome): Student {
    const date = parseInput(IsoDate, closedOn);
    const outcomeId = parseInput(CaseOutcomeId, outcome);
    const current = this.requireRow(id);
    if (current.closed_on !== null) throw new VaultError('CONFLICT', `The case for ${current.code} is already closed.`);
    if (date < current.opened_on) {
      throw new VaultError('INVALID_INPUT', `closedOn: the case for ${current.code} opened on ${current.opened_on}, after that date.`);
    }
    const next: StudentRow = { ...current, closed_on: date, outcome: outcomeId, updated_at: this.clock().toISOString() };
    this.setClosed.run(next);
    return toStudent(next);
  }

  reopen(id: string): Student {
    const current = this.requireRow(id);
    if (current.closed_on === null) throw new VaultError('CONFLICT', `The case for ${current.code} is open.`);
    const next: StudentRow = { ...current, closed_on: null, outcome: null, updated_at: this.clock().toISOString() };
    this.setClosed.run(next);
    return toStudent(next);
  }

  private requireRow(id: string): StudentRow {
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
