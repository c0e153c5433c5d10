import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateWith } from '../../src-main/vault/schema/migrations';
import { VaultData } from '../../src-main/vault/vaultData';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { openTestDatabase, steppingClock, type TestDatabase } from './testVault';

/* Migration 10: a vault with notes from before keeps every version and its chain; an earlier version's text becomes erasable, nothing else changeable. */

let vault: TestDatabase;
beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

describe('migration 10 (erasable note versions)', () => {
  it('keeps the notes and chains of a vault from before, and lets only the text of an earlier version be erased', () => {
    migrateWith(vault.db, MIGRATIONS.slice(0, 9));
    const before = new VaultData(vault.db, steppingClock());
    const note = before.notes.create({ body: 'First text.' });
    before.notes.update(note.id, { body: 'Second text.' });
    const history = before.notes.history(note.id);

    migrateWith(vault.db, MIGRATIONS.slice(0, 10));
    const after = new VaultData(vault.db, steppingClock());
    expect(after.notes.history(note.id)).toEqual(history.map((revision) => ({ ...revision, erasedAt: null })));
    expect(verifyNoteHistory(after.notes.history(note.id))).toBe(true);

    vault.db.prepare("UPDATE note_revisions SET body = '', erased_at = '2026-03-03T10:00:00.000Z' WHERE note_id = ? AND revision = 1").run(note.id);
    expect(verifyNoteHistory(after.notes.history(note.id))).toBe(true);
    expect(() => vault.db.prepare("UPDATE note_revisions SET body = 'x' WHERE note_id = ? AND revision = 2").run(note.id)).toThrow(/append-only/);
    // The text goes only with a date of erasure, and a date of erasure only with the text gone.
    expect(() => vault.db.prepare("UPDATE note_revisions SET erased_at = '2026-03-03T10:00:00.000Z' WHERE note_id = ? AND revision = 2").run(note.id)).toThrow();
    expect(() => vault.db.prepare("UPDATE note_revisions SET body = '' WHERE note_id = ? AND revision = 2").run(note.id)).toThrow(/append-only/);
    expect(() => vault.db.prepare('DELETE FROM note_revisions WHERE note_id = ?').run(note.id)).toThrow(/deleted only with their note/);
  });
});
