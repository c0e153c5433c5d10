import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { MIGRATIONS, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { VaultData } from '../../src-main/vault/vaultData';
import { everyRowExcept, fillWithNotesAndServices, openTestDatabase, schemaObjects, steppingClock, type TestDatabase } from './testVault';

/*
 * Migration 7 adds the private names students are known by, in a table of
 * their own. A filled version-6 vault keeps every row of every table, its
 * search, its hash chains and its drafts; every student starts with no name.
 */

let vault: TestDatabase;

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

function fillAtVersion6(): { noteIds: string[]; studentIds: string[] } {
  migrateWith(vault.db, MIGRATIONS.slice(0, 6));
  expect(schemaVersion(vault.db)).toBe(6);
  const data = new VaultData(vault.db, steppingClock());
  const { noteIds, studentIds } = fillWithNotesAndServices(vault.db, data, {
    codePrefix: 'M7', students: 20, notes: 200, serviceEvery: 4, serviceKind: 'individual_session', topic: 'the lighthouse', weeks: 7, editedWord: 'narwhal', edits: 12,
    student: () => ({ school: 'Harbour' }),
  });
  data.drafts.put({ context: { kind: 'note', noteId: noteIds[0] ?? '', studentId: null, serviceId: null }, body: 'Half a thought', cursor: 3, form: null, resume: true });
  data.students.close(studentIds[3] ?? '', '2026-03-20', 'improved');
  return { noteIds, studentIds };
}

const everyRow = () => everyRowExcept(vault.db, ['student_names']);

describe('migration 7: private student names', () => {
  it('upgrades a filled version-6 vault without changing or losing anything', () => {
    const { noteIds, studentIds } = fillAtVersion6();
    const before = everyRow();
    migrateWith(vault.db, MIGRATIONS.slice(0, 7));
    expect(schemaVersion(vault.db)).toBe(7);
    expect(everyRow()).toBe(before);
    const after = new VaultData(vault.db, steppingClock('2026-04-01T09:00:00.000Z'));
    expect(after.notes.search('narwhal', 100)).toHaveLength(12);
    expect(noteIds.every((id) => verifyNoteHistory(after.notes.history(id)))).toBe(true);
    expect(after.audit.verify()).toMatchObject({ intact: true });
    expect(after.drafts.list()).toHaveLength(1);
    const students = after.students.list({ includeClosed: true });
    expect(students.map((student) => student.id).sort()).toEqual([...studentIds].sort());
    expect(students.every((student) => student.knownAs === null)).toBe(true);
    expect(vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('names can be given after the upgrade and are not in the full-text index', () => {
    const { studentIds } = fillAtVersion6();
    migrateWith(vault.db, MIGRATIONS.slice(0, 7));
    const data = new VaultData(vault.db, steppingClock('2026-04-01T09:00:00.000Z'));
    data.students.update(studentIds[0] ?? '', { knownAs: 'Quillon' });
    expect(data.notes.search('Quillon', 10)).toEqual([]);
    expect(schemaObjects(vault.db, 'trigger').filter((name) => name.includes('name'))).toEqual([]);
    vault.reopen();
    expect(new VaultData(vault.db).students.get(studentIds[0] ?? '').knownAs).toBe('Quillon');
  });
});
