import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { MIGRATIONS, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { VaultData } from '../../src-main/vault/vaultData';
import { openTestDatabase, schemaObjects, steppingClock, type TestDatabase } from './testVault';

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
  const students = Array.from({ length: 20 }, (_, index) => data.students.create({ code: `M7-${index}`, grade: (index % 12) + 1, school: 'Harbour' }));
  const noteIds: string[] = [];
  vault.db.transaction(() => {
    for (let index = 0; index < 200; index += 1) {
      const student = students[index % students.length];
      const note = data.notes.create({ studentId: student?.id ?? null, body: `Note ${index} about the lighthouse and week ${index % 7}.` });
      noteIds.push(note.id);
      if (index % 4 === 0) data.services.create({ date: '2026-02-10', minutes: 30, kind: 'individual_session', studentIds: [student?.id ?? ''], noteId: note.id });
    }
  })();
  for (const id of noteIds.slice(0, 12)) data.notes.update(id, { body: `${data.notes.get(id).body} Edited: narwhal.` });
  data.drafts.put({ context: { kind: 'note', noteId: noteIds[0] ?? '', studentId: null, serviceId: null }, body: 'Half a thought', cursor: 3, form: null, resume: true });
  data.students.close(students[3]?.id ?? '', '2026-03-20', 'improved');
  return { noteIds, studentIds: students.map((student) => student.id) };
}

function everyRow(): string {
  const tables = schemaObjects(vault.db, 'table').filter((table) => table !== 'student_names');
  return JSON.stringify(
    tables.map((table) => [table, vault.db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]),
    (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value),
  );
}

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
