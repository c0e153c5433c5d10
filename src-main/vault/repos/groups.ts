import crypto from 'node:crypto';
import { GroupCreateInput, GroupUpdateInput, type StudentGroup } from '../../../shared/api/groupSchemas';
import { Id } from '../../../shared/api/schemas';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import { parseInput } from './validation';
import { writeTransaction } from '../writeTransaction';

interface GroupRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

interface GroupRowWithMembers extends GroupRow {
  student_ids: string;
}

const SELECT_WITH_MEMBERS = `
  SELECT g.*,
    (SELECT json_group_array(student_id) FROM (SELECT student_id FROM student_group_members WHERE group_id = g.id ORDER BY position)) AS student_ids
  FROM student_groups g`;

function toGroup(row: GroupRowWithMembers): StudentGroup {
  return { id: row.id, name: row.name, studentIds: JSON.parse(row.student_ids) as string[], createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Saved groups: named sets of students, picked in one step when logging a group session. */
export class GroupRepository {
  private readonly selectAll;
  private readonly selectById;
  private readonly selectByName;
  private readonly studentExists;
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteRow;
  private readonly deleteMembers;
  private readonly insertMember;
  private readonly write;

  constructor(
    db: VaultDatabase,
    private readonly clock: () => Date,
  ) {
    this.selectAll = db.prepare<[], GroupRowWithMembers>(`${SELECT_WITH_MEMBERS} ORDER BY g.name COLLATE NOCASE, g.id`);
    this.selectById = db.prepare<[string], GroupRowWithMembers>(`${SELECT_WITH_MEMBERS} WHERE g.id = ?`);
    this.selectByName = db.prepare<[string], string>('SELECT id FROM student_groups WHERE name = ? COLLATE NOCASE').pluck();
    this.studentExists = db.prepare<[string], number>('SELECT 1 FROM students WHERE id = ?').pluck();
    this.insertRow = db.prepare<[GroupRow]>('INSERT INTO student_groups (id, name, created_at, updated_at) VALUES (@id, @name, @created_at, @updated_at)');
    this.updateRow = db.prepare<[{ id: string; name: string; updated_at: string }]>('UPDATE student_groups SET name = @name, updated_at = @updated_at WHERE id = @id');
    this.deleteRow = db.prepare<[string]>('DELETE FROM student_groups WHERE id = ?');
    this.deleteMembers = db.prepare<[string]>('DELETE FROM student_group_members WHERE group_id = ?');
    this.insertMember = db.prepare<[string, string, number]>('INSERT INTO student_group_members (group_id, student_id, position) VALUES (?, ?, ?)');
    this.write = writeTransaction(db, (row: { id: string; name: string; updated_at: string; created_at?: string }, studentIds: readonly string[] | null) => {
      if (row.created_at !== undefined) this.insertRow.run({ ...row, created_at: row.created_at });
      else this.updateRow.run(row);
      if (studentIds !== null) {
        this.deleteMembers.run(row.id);
        studentIds.forEach((studentId, position) => this.insertMember.run(row.id, studentId, position));
      }
    });
  }

  /** Every group, by name. */
  list(): StudentGroup[] {
    return this.selectAll.all().map(toGroup);
  }

  get(id: string): StudentGroup {
    const row = this.selectById.get(parseInput(Id, id));
    if (!row) throw new VaultError('NOT_FOUND', 'No group with that id.');
    return toGroup(row);
  }

  create(input: GroupCreateInput): StudentGroup {
    const { name, studentIds } = parseInput(GroupCreateInput, input);
    this.refuseTakenName(name, null);
    const students = this.checkStudents(studentIds);
    const timestamp = this.clock().toISOString();
    const id = crypto.randomUUID();
    this.write({ id, name, created_at: timestamp, updated_at: timestamp }, students);
    return this.get(id);
  }

  /** Renames the group, or changes its students, or both. */
  update(input: GroupUpdateInput): StudentGroup {
    const { id, name, studentIds } = parseInput(GroupUpdateInput, input);
    const current = this.get(id);
    const newName = name ?? current.name;
    this.refuseTakenName(newName, id);
    const students = studentIds === undefined ? null : this.checkStudents(studentIds);
    this.write({ id, name: newName, updated_at: this.clock().toISOString() }, students);
    return this.get(id);
  }

  delete(id: string): void {
    if (this.deleteRow.run(parseInput(Id, id)).changes === 0) throw new VaultError('NOT_FOUND', 'No group with that id.');
  }

  private refuseTakenName(name: string, ownId: string | null): void {
    const taken = this.selectByName.get(name);
    if (taken !== undefined && taken !== ownId) throw new VaultError('CONFLICT', `There is already a group called "${name}". Choose another name.`);
  }

  private checkStudents(studentIds: readonly string[]): string[] {
    const unique = [...new Set(studentIds)];
    for (const studentId of unique) {
      if (this.studentExists.get(studentId) === undefined) throw new VaultError('NOT_FOUND', `No student with id ${studentId}.`);
    }
    return unique;
  }
}
