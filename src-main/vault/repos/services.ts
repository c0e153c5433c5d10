import crypto from 'node:crypto';
import { Id, IsoDate, ServiceFields, type Service } from '../../../shared/api/schemas';
import { DEFAULT_PD_AUDIENCE, type PdAudience } from '../../../shared/domain/guidelineList';
import { serviceDateProblem } from '../../../shared/domain/serviceDates';
import { serviceKindInfo, type ServiceKind, type TeamType } from '../../../shared/domain/serviceKinds';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import { parseInput } from './validation';
import { writeTransaction } from '../writeTransaction';

interface ServiceRow {
  id: string;
  date: string;
  minutes: number;
  kind: string;
  team_type: string | null;
  note_id: string | null;
  created_at: string;
  updated_at: string;
}

interface ServiceRowWithLinks extends ServiceRow {
  student_ids: string;
  category_ids: string;
  pd_audience: string | null;
}

export interface ServiceFilter {
  from?: string;
  to?: string;
  studentId?: string;
}

const EARLIEST_DATE = '0000-01-01';
const LATEST_DATE = '9999-12-31';

const selectWithLinks = (hasAudience: boolean) => `
  SELECT s.*,
    (SELECT json_group_array(student_id) FROM service_students WHERE service_id = s.id) AS student_ids,
    (SELECT json_group_array(category_id) FROM service_issues WHERE service_id = s.id) AS category_ids,
    ${hasAudience ? '(SELECT audience FROM pd_provided_audience WHERE service_id = s.id)' : 'NULL'} AS pd_audience
  FROM services s`;

function toService(row: ServiceRowWithLinks): Service {
  return {
    id: row.id,
    date: row.date,
    minutes: row.minutes,
    kind: row.kind as ServiceKind,
    teamType: row.team_type as TeamType | null,
    studentIds: JSON.parse(row.student_ids) as string[],
    issueCategoryIds: JSON.parse(row.category_ids) as string[],
    noteId: row.note_id,
    ...(row.kind === 'pd_provided' ? { pdAudience: (row.pd_audience ?? DEFAULT_PD_AUDIENCE) as PdAudience } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Logged services, with the students they involved and the issues they addressed. */
export class ServiceRepository {
  private readonly selectInRange;
  private readonly selectForStudentInRange;
  private readonly selectById;
  private readonly studentExists;
  private readonly categoryExists;
  private readonly noteExists;
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteRow;
  private readonly insertStudentLink;
  private readonly insertIssueLink;
  private readonly deleteStudentLinks;
  private readonly deleteIssueLinks;
  private readonly writeWithLinks;
  private readonly serviceExists;

  /**
   * `today` is the worker's date (their time zone, the vault's clock): a new
   * or moved date is held to `serviceDateProblem` against it.
   */
  constructor(
    db: VaultDatabase,
    private readonly clock: () => Date,
    private readonly today: () => string,
  ) {
    // A handover package's database has no pd_provided_audience table (migration 12): its trainings read as within the district.
    const hasAudience = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'pd_provided_audience'").get() !== undefined;
    const SELECT_WITH_LINKS = selectWithLinks(hasAudience);
    const putAudience = hasAudience
      ? db.prepare<[string, string]>('INSERT INTO pd_provided_audience (service_id, audience) VALUES (?, ?) ON CONFLICT (service_id) DO UPDATE SET audience = excluded.audience')
      : null;
    const deleteAudience = hasAudience ? db.prepare<[string]>('DELETE FROM pd_provided_audience WHERE service_id = ?') : null;
    const order = 'ORDER BY s.date DESC, s.created_at DESC, s.id';
    this.selectInRange = db.prepare<[{ from: string; to: string }], ServiceRowWithLinks>(
      `${SELECT_WITH_LINKS} WHERE s.date BETWEEN @from AND @to ${order}`,
    );
    this.selectForStudentInRange = db.prepare<[{ from: string; to: string; studentId: string }], ServiceRowWithLinks>(
      `${SELECT_WITH_LINKS}
       WHERE s.id IN (SELECT service_id FROM service_students WHERE student_id = @studentId)
         AND s.date BETWEEN @from AND @to ${order}`,
    );
    this.selectById = db.prepare<[string], ServiceRowWithLinks>(`${SELECT_WITH_LINKS} WHERE s.id = ?`);
    this.studentExists = db.prepare<[string], number>('SELECT 1 FROM students WHERE id = ?').pluck();
    this.categoryExists = db.prepare<[string], number>('SELECT 1 FROM issue_categories WHERE id = ?').pluck();
    this.noteExists = db.prepare<[string], number>('SELECT 1 FROM notes WHERE id = ?').pluck();
    this.serviceExists = db.prepare<[string], number>('SELECT 1 FROM services WHERE id = ?').pluck();
    this.insertRow = db.prepare<[ServiceRow]>(
      `INSERT INTO services (id, date, minutes, kind, team_type, note_id, created_at, updated_at)
       VALUES (@id, @date, @minutes, @kind, @team_type, @note_id, @created_at, @updated_at)`,
    );
    this.updateRow = db.prepare<[ServiceRow]>(
      `UPDATE services SET date = @date, minutes = @minutes, kind = @kind, team_type = @team_type, note_id = @note_id,
         updated_at = @updated_at
       WHERE id = @id`,
    );
    this.deleteRow = db.prepare<[string]>('DELETE FROM services WHERE id = ?');
    this.insertStudentLink = db.prepare<[string, string]>('INSERT INTO service_students (service_id, student_id) VALUES (?, ?)');
    this.insertIssueLink = db.prepare<[string, string]>('INSERT INTO service_issues (service_id, category_id) VALUES (?, ?)');
    this.deleteStudentLinks = db.prepare<[string]>('DELETE FROM service_students WHERE service_id = ?');
    this.deleteIssueLinks = db.prepare<[string]>('DELETE FROM service_issues WHERE service_id = ?');

    this.writeWithLinks = writeTransaction(db, (row: ServiceRow, studentIds: readonly string[], categoryIds: readonly string[], isNew: boolean, audience: PdAudience | null) => {
      if (isNew) {
        this.insertRow.run(row);
      } else {
        this.updateRow.run(row);
        this.deleteStudentLinks.run(row.id);
        this.deleteIssueLinks.run(row.id);
      }
      for (const studentId of studentIds) this.insertStudentLink.run(row.id, studentId);
      for (const categoryId of categoryIds) this.insertIssueLink.run(row.id, categoryId);
      if (audience === null) deleteAudience?.run(row.id);
      else putAudience?.run(row.id, audience);
    });
  }

  /** Newest first; `from` and `to` are inclusive dates. */
  list(filter: ServiceFilter = {}): Service[] {
    const from = filter.from === undefined ? EARLIEST_DATE : parseInput(IsoDate, filter.from);
    const to = filter.to === undefined ? LATEST_DATE : parseInput(IsoDate, filter.to);
    const rows =
      filter.studentId === undefined
        ? this.selectInRange.all({ from, to })
        : this.selectForStudentInRange.all({ from, to, studentId: parseInput(Id, filter.studentId) });
    return rows.map(toService);
  }

  get(id: string): Service {
    const row = this.selectById.get(id);
    if (!row) throw new VaultError('NOT_FOUND', 'No service with that id.');
    return toService(row);
  }

  /**
   * `options.id` keeps the id a service already has elsewhere (one logged by a
   * substitute, merged from a hand-back). Its date was checked where it was
   * logged and is kept as it is: refusing it here would lose the work.
   */
  create(fields: ServiceFields, options: { id?: string } = {}): Service {
    const input = this.checkFields(fields);
    if (options.id === undefined) this.checkDate(input.columns.date);
    const timestamp = this.clock().toISOString();
    const id = options.id === undefined ? crypto.randomUUID() : parseInput(Id, options.id);
    const row: ServiceRow = { id, ...input.columns, created_at: timestamp, updated_at: timestamp };
    this.writeWithLinks(row, input.studentIds, input.categoryIds, true, input.pdAudience ?? (input.columns.kind === 'pd_provided' ? DEFAULT_PD_AUDIENCE : null));
    return this.get(row.id);
  }

  /** Replaces every field of the service, its students and its issue categories included. */
  update(id: string, fields: ServiceFields): Service {
    const current = this.get(id);
    const input = this.checkFields(fields);
    if (input.columns.date !== current.date) this.checkDate(input.columns.date);
    const row: ServiceRow = { id, ...input.columns, created_at: current.createdAt, updated_at: this.clock().toISOString() };
    const audience = input.columns.kind === 'pd_provided' ? (input.pdAudience ?? current.pdAudience ?? DEFAULT_PD_AUDIENCE) : null;
    this.writeWithLinks(row, input.studentIds, input.categoryIds, false, audience);
    return this.get(id);
  }

  delete(id: string): void {
    if (this.deleteRow.run(id).changes === 0) throw new VaultError('NOT_FOUND', 'No service with that id.');
  }

  /** Whether a service with this id is in the vault. */
  exists(id: string): boolean {
    return this.serviceExists.get(id) !== undefined;
  }

  private checkDate(date: string): void {
    const problem = serviceDateProblem(date, this.today());
    if (problem !== null) throw new VaultError('INVALID_INPUT', `date: ${problem}.`);
  }

  private checkFields(fields: ServiceFields) {
    const input = parseInput(ServiceFields, fields);
    const studentIds = [...new Set(input.studentIds ?? [])];
    const categoryIds = [...new Set(input.issueCategoryIds ?? [])];
    checkStudentCount(input.kind, studentIds.length);
    for (const studentId of studentIds) {
      if (this.studentExists.get(studentId) === undefined) throw new VaultError('NOT_FOUND', `No student with id ${studentId}.`);
    }
    for (const categoryId of categoryIds) {
      if (this.categoryExists.get(categoryId) === undefined) throw new VaultError('NOT_FOUND', `No issue category with id ${categoryId}.`);
    }
    const noteId = input.noteId ?? null;
    if (noteId !== null && this.noteExists.get(noteId) === undefined) throw new VaultError('NOT_FOUND', `No note with id ${noteId}.`);
    const columns = { date: input.date, minutes: input.minutes, kind: input.kind, team_type: input.teamType ?? null, note_id: noteId };
    return { columns, studentIds, categoryIds, pdAudience: input.pdAudience ?? null };
  }
}

/** The domain says who each kind of service is with: one student, several, none, or any. */
function checkStudentCount(kind: ServiceKind, count: number): void {
  const info = serviceKindInfo(kind);
  const problem =
    info.withStudents === 'one' && count !== 1
      ? 'is logged with exactly one student'
      : info.withStudents === 'many' && count === 0
        ? 'needs at least one student'
        : info.withStudents === 'none' && count > 0
          ? 'is not logged with students'
          : null;
  if (problem !== null) throw new VaultError('INVALID_INPUT', `studentIds: ${info.label} ${problem}.`);
}
