import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Student } from '../../shared/api/schemas';
import { CASE_OUTCOME_IDS } from '../../shared/domain/caseOutcomes';
import { localIsoDate } from '../../src-main/vault/repos/students';
import { openTestVault, steppingClock, type TestDatabase } from './testVault';
import type { VaultData } from '../../src-main/vault/vaultData';

const MISSING_ID = '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11';

let vault: TestDatabase & { data: VaultData };
let students: VaultData['students'];

beforeEach(() => {
  vault = openTestVault(steppingClock('2026-03-02T09:00:00.000Z'));
  students = vault.data.students;
});
afterEach(() => {
  vault.dispose();
});

describe('students.create', () => {
  it('returns a valid Student with defaults filled in', () => {
    const student = students.create({ code: ' R-100 ', grade: 7, school: 'Lincoln', tier: 2, iep: true });
    expect(Student.safeParse(student).success).toBe(true);
    expect(student).toMatchObject({
      code: 'R-100',
      grade: 7,
      school: 'Lincoln',
      tier: 2,
      iep: true,
      plan504: false,
      closedOn: null,
      outcome: null,
    });
    expect(student.openedOn).toBe(localIsoDate(new Date('2026-03-02T09:00:00.000Z')));
    expect(student.createdAt).toBe('2026-03-02T09:00:00.000Z');
    expect(students.get(student.id)).toEqual(student);
  });

  it('keeps a given opening date', () => {
    expect(students.create({ code: 'A-1', openedOn: '2025-09-02' }).openedOn).toBe('2025-09-02');
  });

  it('refuses a duplicate code, in any letter case, with CONFLICT', () => {
    students.create({ code: 'DUP-1' });
    expect(() => students.create({ code: 'dup-1' })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: 'A student with code dup-1 already exists.' }));
    expect(students.list()).toHaveLength(1);
  });

  it('refuses input that breaks the schema with INVALID_INPUT', () => {
    expect(() => students.create({ code: 'has space' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => students.create({ code: 'A-2', grade: 14 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('grade') }));
  });
});

describe('students.get and getByCode', () => {
  it('finds by id, and by code in any letter case', () => {
    const student = students.create({ code: 'Kx-9' });
    expect(students.getByCode('kx-9')?.id).toBe(student.id);
    expect(students.getByCode('nobody')).toBeNull();
  });

  it('reports a missing id as NOT_FOUND', () => {
    expect(() => students.get(MISSING_ID)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: 'No student with that id.' }));
  });
});

describe('students.list', () => {
  it('orders by code and leaves closed cases out unless asked', () => {
    const b = students.create({ code: 'b-2' });
    students.create({ code: 'C-3' });
    students.create({ code: 'A-1' });
    students.close(b.id, '2026-03-02', 'improved');
    expect(students.list().map((student) => student.code)).toEqual(['A-1', 'C-3']);
    expect(students.list({ includeClosed: true }).map((student) => student.code)).toEqual(['A-1', 'b-2', 'C-3']);
  });
});

describe('students.update', () => {
  it('changes only the given fields, clears with null and moves updatedAt', () => {
    const student = students.create({ code: 'U-1', grade: 3, school: 'Oak', tier: 1 });
    const updated = students.update(student.id, { grade: 4, school: null });
    expect(updated).toMatchObject({ code: 'U-1', grade: 4, school: null, tier: 1 });
    expect(updated.updatedAt > student.updatedAt).toBe(true);
    expect(updated.createdAt).toBe(student.createdAt);
    expect(students.get(student.id)).toEqual(updated);
  });

  it('refuses a code another student has, but lets a student recase its own', () => {
    const first = students.create({ code: 'X-1' });
    students.create({ code: 'X-2' });
    expect(() => students.update(first.id, { code: 'x-2' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(students.update(first.id, { code: 'x-1' }).code).toBe('x-1');
  });

  it('refuses to open a closed case after the day it closed', () => {
    const student = students.create({ code: 'Z-1', openedOn: '2026-01-05' });
    students.close(student.id, '2026-02-01', 'moved');
    expect(() => students.update(student.id, { openedOn: '2026-02-02' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('reports a missing id as NOT_FOUND', () => {
    expect(() => students.update(MISSING_ID, { grade: 2 })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('students.close and reopen', () => {
  it('records the closing date and outcome, and reopening clears them', () => {
    const student = students.create({ code: 'C-1', openedOn: '2026-01-05' });
    const closed = students.close(student.id, '2026-02-20', 'goals_met');
    expect(closed).toMatchObject({ closedOn: '2026-02-20', outcome: 'goals_met' });
    const reopened = students.reopen(student.id);
    expect(reopened).toMatchObject({ closedOn: null, outcome: null });
    expect(students.get(student.id)).toEqual(reopened);
  });

  it('accepts every case outcome the domain defines', () => {
    for (const [index, outcome] of CASE_OUTCOME_IDS.entries()) {
      const student = students.create({ code: `O-${index}`, openedOn: '2026-01-05' });
      expect(students.close(student.id, '2026-01-06', outcome).outcome).toBe(outcome);
    }
  });

  it('refuses a closing date before the opening date, closing twice and reopening an open case', () => {
    const student = students.create({ code: 'C-2', openedOn: '2026-01-05' });
    expect(() => students.close(student.id, '2026-01-04', 'moved')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => students.reopen(student.id)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    students.close(student.id, '2026-01-05', 'moved');
    expect(() => students.close(student.id, '2026-01-09', 'other')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('refuses an unknown outcome or an impossible date', () => {
    const student = students.create({ code: 'C-3' });
    expect(() => students.close(student.id, '2026-02-30', 'moved')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => students.close(student.id, '2026-04-01', 'vanished' as never)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
