import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { MIGRATIONS, migrate, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { VaultData } from '../../src-main/vault/vaultData';
import { everyRowExcept, fillWithNotesAndServices, openTestDatabase, schemaObjects, steppingClock, type TestDatabase } from './testVault';

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
  const { noteIds } = fillWithNotesAndServices(vault.db, data, {
    codePrefix: 'M6', students: 20, notes: 300, serviceEvery: 3, serviceKind: 'individual_session', topic: 'the harbour walk', weeks: 7, editedWord: 'seahorse', edits: 15,
  });
  data.settings.update({ autoLockMinutes: 12 });
  return { data, noteIds };
}

const everyRow = () => everyRowExcept(vault.db, ['drafts']);

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
