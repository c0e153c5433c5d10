import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Student } from '../../shared/api/schemas';
import { studentMatchRank } from '../../shared/domain/studentNames';
import { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, steppingClock, type TestDatabase } from './testVault';

/*
 * The private name a worker knows a student by (issue 13 §2): stored in its
 * own table, read back with the student, changed and removed, matched by the
 * student search rule, and the caseload's last-seen days in one query.
 */

let vault: TestDatabase & { data: VaultData };
let data: VaultData;

beforeEach(() => {
  vault = openTestVault(steppingClock('2026-03-02T09:00:00.000Z'));
  data = vault.data;
});
afterEach(() => vault.dispose());

describe('a student’s private name', () => {
  it('is stored with the student, read back everywhere a student is read, and survives a reopen', () => {
    const ana = data.students.create({ code: '7B-014', knownAs: '  Ana R. (Ms. Lee, homeroom 12)  ' });
    expect(Student.safeParse(ana).success).toBe(true);
    expect(ana.knownAs).toBe('Ana R. (Ms. Lee, homeroom 12)');
    expect(data.students.get(ana.id).knownAs).toBe('Ana R. (Ms. Lee, homeroom 12)');
    expect(data.students.getByCode('7b-014')?.knownAs).toBe('Ana R. (Ms. Lee, homeroom 12)');
    expect(data.students.list().map((student) => student.knownAs)).toEqual(['Ana R. (Ms. Lee, homeroom 12)']);
    expect(data.students.close(ana.id, '2026-03-02', 'improved').knownAs).toBe('Ana R. (Ms. Lee, homeroom 12)');
    expect(data.students.reopen(ana.id).knownAs).toBe('Ana R. (Ms. Lee, homeroom 12)');
    vault.reopen();
    const reopened = openAgain();
    expect(reopened.students.get(ana.id).knownAs).toBe('Ana R. (Ms. Lee, homeroom 12)');
  });

  it('is kept apart from the students table, so what reads students alone never sees it', () => {
    const ana = data.students.create({ code: 'S-1', knownAs: 'Zebediah' });
    const row = vault.db.prepare('SELECT * FROM students WHERE id = ?').get(ana.id) as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain('Zebediah');
    expect(vault.db.prepare('SELECT name FROM student_names WHERE student_id = ?').pluck().get(ana.id)).toBe('Zebediah');
  });

  it('is changed, left alone when not in the patch, and removed by an empty or null name', () => {
    const student = data.students.create({ code: 'S-2' });
    expect(student.knownAs).toBeNull();
    expect(data.students.update(student.id, { knownAs: 'Jo' }).knownAs).toBe('Jo');
    expect(data.students.update(student.id, { grade: 4 }).knownAs).toBe('Jo');
    expect(data.students.update(student.id, { knownAs: 'Jo M.' }).knownAs).toBe('Jo M.');
    expect(data.students.update(student.id, { knownAs: '   ' }).knownAs).toBeNull();
    expect(vault.db.prepare('SELECT COUNT(*) FROM student_names').pluck().get()).toBe(0);
    data.students.update(student.id, { knownAs: 'Jo' });
    expect(data.students.update(student.id, { knownAs: null }).knownAs).toBeNull();
    expect(data.students.get(student.id).knownAs).toBeNull();
  });

  it('refuses a name over 120 characters and writes nothing', () => {
    expect(() => data.students.create({ code: 'S-3', knownAs: 'x'.repeat(121) })).toThrow(/120/);
    expect(data.students.getByCode('S-3')).toBeNull();
    const student = data.students.create({ code: 'S-4', knownAs: 'Kept' });
    expect(() => data.students.update(student.id, { knownAs: 'y'.repeat(121), grade: 3 })).toThrow(/120/);
    expect(data.students.get(student.id)).toMatchObject({ knownAs: 'Kept', grade: null });
  });

  it('is matched by the student search rule: code first, then a word of the name, then anywhere', () => {
    const ana = data.students.create({ code: '7B-014', knownAs: 'Ana Rivera, Ms. Lee' });
    const other = data.students.create({ code: 'ANA-2' });
    const rank = (query: string) => data.students.list().map((student) => [student.code, studentMatchRank(student, query)]);
    expect(rank('ana')).toEqual([
      ['7B-014', 1],
      ['ANA-2', 0],
    ]);
    expect(rank('lee')).toEqual([
      ['7B-014', 1],
      ['ANA-2', null],
    ]);
    expect(rank('rivera 7b')).toEqual([
      ['7B-014', 1],
      ['ANA-2', null],
    ]);
    expect(rank('iver')).toEqual([
      ['7B-014', 2],
      ['ANA-2', null],
    ]);
    expect(studentMatchRank({ code: 'X', knownAs: 'Zoë' }, 'zoe')).toBe(1);
    expect(ana.id).not.toBe(other.id);
  });
});

describe('last seen', () => {
  it('gives each student the day of their latest service or note, in one query; the unseen are absent', () => {
    const [a, b, c, d] = ['A-1', 'B-1', 'C-1', 'D-1'].map((code) => data.students.create({ code, openedOn: '2026-01-05' })) as [Student, Student, Student, Student];
    data.services.create({ date: '2026-02-10', minutes: 30, kind: 'individual_session', studentIds: [a.id] });
    data.services.create({ date: '2026-02-20', minutes: 30, kind: 'group_session', studentIds: [a.id, b.id] });
    data.services.create({ date: '2026-01-15', minutes: 30, kind: 'individual_session', studentIds: [c.id] });
    data.notes.create({ studentId: c.id, body: 'A note written today.' });
    const today = new Date('2026-03-02T09:00:00.000Z');
    const localDay = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(data.students.lastSeen()).toEqual({ [a.id]: '2026-02-20', [b.id]: '2026-02-20', [c.id]: localDay });
    expect(data.students.lastSeen()[d.id]).toBeUndefined();
  });
});

function openAgain(): VaultData {
  return new VaultData(vault.db);
}
