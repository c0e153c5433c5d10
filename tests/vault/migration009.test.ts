import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { MIGRATIONS, migrate, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { migration009FollowUps } from '../../src-main/vault/schema/009-follow-ups';
import { VaultData } from '../../src-main/vault/vaultData';
import { openTestDatabase, schemaObjects, steppingClock, type TestDatabase } from './testVault';

/*
 * Migration 9 adds follow-ups. A filled version-8 vault keeps every row of
 * every table, its search, its hash chains, its names and groups; the new
 * table starts empty and holds follow-ups that survive a reopen.
 */

let vault: TestDatabase;

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

const before009 = () => MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration009FollowUps));

function fillVersion8(): { noteIds: string[]; serviceIds: string[] } {
  migrateWith(vault.db, before009());
  expect(schemaVersion(vault.db)).toBe(8);
  const data = new VaultData(vault.db, steppingClock());
  const students = Array.from({ length: 12 }, (_, index) => data.students.create({ code: `M9-${index}`, grade: (index % 12) + 1, knownAs: `Pupil ${index}` }));
  const noteIds: string[] = [];
  const serviceIds: string[] = [];
  vault.db.transaction(() => {
    for (let index = 0; index < 120; index += 1) {
      const student = students[index % students.length];
      const note = data.notes.create({ studentId: student?.id ?? null, body: `Note ${index} about the lunch group and week ${index % 5}.` });
      noteIds.push(note.id);
      if (index % 4 === 0) {
        serviceIds.push(data.services.create({ date: '2026-02-10', minutes: 30, kind: 'group_session', studentIds: students.slice(0, 3).map((s) => s.id), noteId: note.id }).id);
      }
    }
  })();
  for (const id of noteIds.slice(0, 6)) data.notes.update(id, { body: `${data.notes.get(id).body} Edited: pelican.` });
  data.groups.create({ name: 'Lunch bunch', studentIds: students.slice(0, 4).map((s) => s.id) });
  data.settings.update({ autoLockMinutes: 9 });
  return { noteIds, serviceIds };
}

function everyRow(): string {
  const tables = schemaObjects(vault.db, 'table').filter((table) => table !== 'follow_ups');
  return JSON.stringify(
    tables.map((table) => [table, vault.db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]),
    (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value),
  );
}

describe('migration 9: follow-ups', () => {
  it('upgrades a filled version-8 vault without changing or losing anything', () => {
    const { noteIds } = fillVersion8();
    const rows = everyRow();
    expect(schemaObjects(vault.db, 'table')).not.toContain('follow_ups');

    migrateWith(vault.db, MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration009FollowUps) + 1));
    expect(schemaVersion(vault.db)).toBe(9);
    expect(everyRow()).toBe(rows);
    const after = new VaultData(vault.db, steppingClock('2026-04-01T09:00:00.000Z'));
    expect(after.notes.search('pelican', 100)).toHaveLength(6);
    expect(noteIds.every((id) => verifyNoteHistory(after.notes.history(id)))).toBe(true);
    expect(after.audit.verify()).toMatchObject({ intact: true });
    expect(after.settings.get().autoLockMinutes).toBe(9);
    expect(after.groups.list()).toHaveLength(1);
    expect(after.students.list().map((student) => student.knownAs)).toContain('Pupil 3');
    expect(after.followUps.dueBy('2026-12-31')).toEqual([]);
    expect(vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps follow-ups across a reopen; one per note or service, about exactly one of them', () => {
    const { noteIds, serviceIds } = fillVersion8();
    migrate(vault.db);
    const data = new VaultData(vault.db, steppingClock('2026-04-01T09:00:00.000Z'));
    const onNote = data.followUps.set({ noteId: noteIds[5] as string, dueOn: '2026-04-02' });
    const onService = data.followUps.set({ serviceId: serviceIds[1] as string, dueOn: '2026-03-30' });
    vault.reopen();
    const reopened = new VaultData(vault.db);
    expect(reopened.followUps.dueBy('2026-04-02')).toMatchObject([{ id: onService.id }, { id: onNote.id }]);
    const insert = vault.db.prepare(
      "INSERT INTO follow_ups (id, note_id, service_id, due_on, created_at, updated_at) VALUES (?, ?, ?, '2026-04-03', '2026-04-01T09:00:00.000Z', '2026-04-01T09:00:00.000Z')",
    );
    expect(() => insert.run('a'.repeat(36), noteIds[7], serviceIds[2])).toThrow(/CHECK/);
    expect(() => insert.run('b'.repeat(36), null, null)).toThrow(/CHECK/);
    expect(() => insert.run('c'.repeat(36), noteIds[5], null)).toThrow(/UNIQUE/);
    expect(() => insert.run('d'.repeat(36), '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11', null)).toThrow(/FOREIGN KEY/);
  });
});
