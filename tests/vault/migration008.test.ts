import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { MIGRATIONS, migrate, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { migration008StudentGroups } from '../../src-main/vault/schema/008-student-groups';
import { VaultData } from '../../src-main/vault/vaultData';
import { everyRowExcept, fillWithNotesAndServices, openTestDatabase, schemaObjects, steppingClock, type TestDatabase } from './testVault';

/*
 * Migration 8 adds saved groups of students. A filled vault from before it
 * keeps every row of every table, its search and its hash chains; the new
 * tables start empty and hold groups that survive a reopen.
 */

let vault: TestDatabase;

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

const before008 = () => MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration008StudentGroups));
const NEW_TABLES = ['student_groups', 'student_group_members'];

function fillBefore008(): { data: VaultData; noteIds: string[]; studentIds: string[] } {
  migrateWith(vault.db, before008());
  const data = new VaultData(vault.db, steppingClock());
  const { noteIds, studentIds } = fillWithNotesAndServices(vault.db, data, {
    codePrefix: 'M8', students: 12, notes: 120, serviceEvery: 4, serviceKind: 'group_session', topic: 'the lunch group', weeks: 5, editedWord: 'pelican', edits: 6,
  });
  data.settings.update({ autoLockMinutes: 9 });
  return { data, noteIds, studentIds };
}

const everyRow = () => everyRowExcept(vault.db, NEW_TABLES);

describe('migration 8: saved groups', () => {
  it('upgrades a filled vault without changing or losing anything', () => {
    const { data, noteIds } = fillBefore008();
    const rows = everyRow();
    expect(data.notes.search('pelican', 100)).toHaveLength(6);
    expect(schemaObjects(vault.db, 'table')).not.toContain('student_groups');

    migrateWith(vault.db, MIGRATIONS.slice(0, migration008StudentGroups.version));
    expect(schemaVersion(vault.db)).toBe(migration008StudentGroups.version);
    expect(everyRow()).toBe(rows);
    const after = new VaultData(vault.db, steppingClock('2026-04-01T09:00:00.000Z'));
    expect(after.notes.search('pelican', 100)).toHaveLength(6);
    expect(noteIds.every((id) => verifyNoteHistory(after.notes.history(id)))).toBe(true);
    expect(after.audit.verify()).toMatchObject({ intact: true });
    expect(after.settings.get().autoLockMinutes).toBe(9);
    expect(after.groups.list()).toEqual([]);
    expect(vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps a group, its students in their order, across a reopen; nothing is written on a refusal', () => {
    const { studentIds } = fillBefore008();
    migrate(vault.db);
    const data = new VaultData(vault.db, steppingClock('2026-04-01T09:00:00.000Z'));
    const chosen = [studentIds[3], studentIds[1], studentIds[7], studentIds[0]] as string[];
    const group = data.groups.create({ name: 'Friendship group', studentIds: chosen });
    expect(() => data.groups.create({ name: 'friendship GROUP', studentIds: chosen })).toThrow(/already a group/);
    expect(() => data.groups.update({ id: group.id, studentIds: [...chosen, '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11'] })).toThrow(/No student/);
    vault.reopen();
    const reopened = new VaultData(vault.db);
    expect(reopened.groups.list()).toEqual([{ ...group, studentIds: chosen }]);
    expect(() => vault.db.prepare("INSERT INTO student_group_members (group_id, student_id, position) VALUES (?, 'nobody', 0)").run(group.id)).toThrow(/FOREIGN KEY/);
    reopened.groups.delete(group.id);
    expect(vault.db.prepare('SELECT count(*) FROM student_group_members').pluck().get()).toBe(0);
  });
});
