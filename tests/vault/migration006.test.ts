import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { MIGRATIONS, migrate, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { VaultData } from '../../src-main/vault/vaultData';
import { openTestDatabase, schemaObjects, steppingClock, type TestDatabase } from './testVault';

/*
 * Migration 6 adds the table of unfinished notes. A filled version-5 vault
 * keeps every row of every table, its search and its hash chains; the new
 * table starts empty, is not in the full-text index, and its triggers tie a
 * package's drafts to the package.
 */

let vault: TestDatabase;

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

function fillAtVersion5(): { data: VaultData; noteIds: string[] } {
  migrateWith(vault.db, MIGRATIONS.slice(0, 5));
  expect(schemaVersion(vault.db)).toBe(5);
  const data = new VaultData(vault.db, steppingClock());
  const students = Array.from({ length: 20 }, (_, index) => data.students.create({ code: `M6-${index}`, grade: (index % 12) + 1 }));
  const noteIds: string[] = [];
  vault.db.transaction(() => {
    for (let index = 0; index < 300; index += 1) {
      const student = students[index % students.length];
      const note = data.notes.create({ studentId: student?.id ?? null, body: `Note ${index} about the harbour walk and week ${index % 7}.` });
      noteIds.push(note.id);
      if (index % 3 === 0) data.services.create({ date: '2026-02-10', minutes: 30, kind: 'individual_session', studentIds: [student?.id ?? ''], noteId: note.id });
    }
  })();
  for (const id of noteIds.slice(0, 15)) data.notes.update(id, { body: `${data.notes.get(id).body} Edited: seahorse.` });
  data.settings.update({ autoLockMinutes: 12 });
  return { data, noteIds };
}

/** Every row of every table but the new one (the full-text index's own tables included). */
function everyRow(): string {
  const tables = schemaObjects(vault.db, 'table').filter((table) => table !== 'drafts');
  return JSON.stringify(
    tables.map((table) => [table, vault.db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]),
    (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value),
  );
}

describe('migration 6: unfinished notes', () => {
  it('upgrades a filled version-5 vault without changing or losing anything', () => {
    const { data, noteIds } = fillAtVersion5();
    const before = everyRow();
    const hits = data.notes.search('seahorse', 100).length;
    expect(hits).toBe(15);

    migrateWith(vault.db, MIGRATIONS.slice(0, 6));
    expect(schemaVersion(vault.db)).toBe(6);
    expect(everyRow()).toBe(before);
    const after = new VaultData(vault.db, steppingClock('2026-04-01T09:00:00.000Z'));
    expect(after.notes.search('seahorse', 100)).toHaveLength(hits);
    expect(noteIds.every((id) => verifyNoteHistory(after.notes.history(id)))).toBe(true);
    expect(after.audit.verify()).toMatchObject({ intact: true });
    expect(after.drafts.list()).toEqual([]);
    expect(schemaObjects(vault.db, 'trigger')).toEqual(expect.arrayContaining(['drafts_leave_with_handed_back_package', 'drafts_leave_with_removed_package']));
    expect(vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps a draft out of the full-text index and survives a reopen', () => {
    const { noteIds } = fillAtVersion5();
    migrate(vault.db);
    const data = new VaultData(vault.db, steppingClock('2026-04-01T09:00:00.000Z'));
    const context = { kind: 'note', noteId: noteIds[0] ?? '', studentId: null, serviceId: null } as const;
    expect(data.drafts.put({ context, body: 'Unfinished: walrusdraft.', cursor: 4, form: null, resume: true })).toBe(true);
    expect(data.notes.search('walrusdraft', 10)).toEqual([]);
    vault.reopen();
    const reopened = new VaultData(vault.db);
    expect(reopened.drafts.get(context)).toMatchObject({ body: 'Unfinished: walrusdraft.', cursor: 4 });
  });

  it("deletes a package's drafts when the package is handed back or removed, and writes none for it afterwards", () => {
    migrate(vault.db);
    const data = new VaultData(vault.db, steppingClock());
    const packageId = crypto.randomUUID();
    vault.db
      .prepare("INSERT INTO handovers_received (package_id, manifest, package_key, received_at) VALUES (?, '{}', ?, '2026-03-02T09:00:00.000Z')")
      .run(packageId, crypto.randomBytes(32));
    const context = { kind: 'package-note', packageId, noteId: null, studentId: null } as const;
    expect(data.drafts.put({ context, body: 'For the owner, unfinished.', cursor: 0, form: null, resume: true })).toBe(true);
    expect(data.drafts.list()).toHaveLength(1);
    vault.db
      .prepare("UPDATE handovers_received SET status = 'handed_back', package_key = NULL, handed_back_at = '2026-03-03T09:00:00.000Z' WHERE package_id = ?")
      .run(packageId);
    expect(data.drafts.list()).toEqual([]);
    expect(data.drafts.put({ context, body: 'Too late.', cursor: 0, form: null, resume: true })).toBe(false);
    expect(data.drafts.belongsToSomething(context)).toBe(false);
  });
});
