import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { MIGRATIONS, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { VaultData } from '../../src-main/vault/vaultData';
import { openTestDatabase, steppingClock, type TestDatabase } from './testVault';

/*
 * Migration 4 rebuilds the full-text index without prefix indexes and makes
 * notes_by_service partial. A vault filled at version 3 must come through
 * with every note, revision, audit entry and search hit as it was, both hash
 * chains intact, and the index still free of deleted text.
 */

let vault: TestDatabase;

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

const WORDS = ['harbor', 'lantern', 'meadow', 'kettle', 'copper', 'ribbon', 'walnut', 'pebble', 'thistle', 'saffron', 'quarry', 'falcon'];

/** Migration 4 alone (later migrations have tests of their own). */
function migrateToVersion4(): void {
  migrateWith(vault.db, MIGRATIONS.slice(0, 4));
}

/** Everything a worker could read back, as plain data. */
function snapshot(db: TestDatabase['db'], data: VaultData, noteIds: string[]) {
  const queries = [...WORDS, 'ha*', 'lan*', 'mead*', 'peb*', 'zz*', 'harbor lantern', 'quokkapalooza', 'Note'];
  return {
    notes: db.prepare('SELECT * FROM notes ORDER BY seq').all(),
    revisions: db.prepare('SELECT * FROM note_revisions ORDER BY note_id, revision').all(),
    audit: db.prepare('SELECT * FROM audit ORDER BY seq').all(),
    services: db.prepare('SELECT * FROM services ORDER BY id').all(),
    histories: noteIds.filter((id) => db.prepare('SELECT 1 FROM notes WHERE id = ?').get(id)).map((id) => verifyNoteHistory(data.notes.history(id))),
    search: Object.fromEntries(queries.map((query) => [query, data.notes.search(query, 200).sort((a, b) => a.noteId.localeCompare(b.noteId))])),
  };
}

/** A version-3 vault with notes (some edited, some deleted, one linked to a service), filled through the repositories. */
function fillAtVersion3(): { data: VaultData; noteIds: string[]; serviceId: string; linkedNoteId: string } {
  migrateWith(vault.db, MIGRATIONS.slice(0, 3));
  expect(schemaVersion(vault.db)).toBe(3);
  const data = new VaultData(vault.db, steppingClock());
  const student = data.students.create({ code: 'M-4', grade: 6 });
  const noteIds: string[] = [];
  for (let index = 0; index < 120; index += 1) {
    const words = Array.from({ length: 12 + (index % 9) }, (_, w) => WORDS[(index * 7 + w * 5) % WORDS.length]).join(' ');
    noteIds.push(data.notes.create({ studentId: index % 3 === 0 ? student.id : null, body: `Note ${index}: ${words}.` }).id);
  }
  for (const id of noteIds.slice(0, 30)) data.notes.update(id, { body: `${data.notes.get(id).body} Edited: pebble falcon.` });
  for (const id of noteIds.slice(30, 35)) data.notes.update(id, { body: 'Rewritten twice.', findingsAcknowledged: true });
  const secret = data.notes.create({ body: 'A word never to be found again: quokkapalooza.' });
  data.notes.delete(secret.id);
  for (const id of noteIds.slice(100, 110)) data.notes.delete(id);
  const service = data.services.create({ date: '2026-03-02', minutes: 30, kind: 'individual_session', studentIds: [student.id] });
  const linked = data.notes.create({ studentId: student.id, serviceId: service.id, body: 'After the session: harbor walk planned.' });
  noteIds.push(linked.id);
  data.audit.append('test.filled', { notes: noteIds.length });
  return { data, noteIds, serviceId: service.id, linkedNoteId: linked.id };
}

describe('migration 4: leaner writes', () => {
  it('keeps every note, revision, audit entry and search hit of a version-3 vault, with both hash chains intact', () => {
    const { data, noteIds } = fillAtVersion3();
    const before = snapshot(vault.db, data, noteIds);
    expect(before.search.harbor?.length).toBeGreaterThan(10);
    expect(before.search['ha*']?.length).toBeGreaterThan(10);
    expect(before.search.quokkapalooza).toEqual([]);

    migrateToVersion4();
    expect(schemaVersion(vault.db)).toBe(4);
    const migrated = new VaultData(vault.db, steppingClock('2026-04-01T09:00:00.000Z'));
    const after = snapshot(vault.db, migrated, noteIds);
    expect(after).toEqual(before);
    expect(after.histories.every(Boolean)).toBe(true);
    expect(migrated.audit.verify()).toMatchObject({ intact: true, entries: before.audit.length });

    // The rebuilt index agrees with the notes, and holds no trace of deleted text.
    expect(() => vault.db.prepare("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    const blocks = vault.db.prepare('SELECT block FROM notes_fts_data').pluck().all() as (Buffer | null)[];
    expect(blocks.some((block) => block?.includes('quokkapalooza'))).toBe(false);
    expect(blocks.some((block) => block?.includes('harbor'))).toBe(true);
    expect(vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('rebuilds the index without prefix indexes, with secure-delete and bm25 as before', () => {
    fillAtVersion3();
    migrateToVersion4();
    const sql = vault.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'notes_fts'").pluck().get() as string;
    expect(sql).not.toMatch(/prefix/);
    expect(sql).toMatch(/content\s*=\s*'notes'/);
    expect(sql).toMatch(/unicode61 remove_diacritics 2/);
    expect(vault.db.prepare("SELECT v FROM notes_fts_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
    expect(vault.db.prepare("SELECT v FROM notes_fts_config WHERE k = 'rank'").pluck().get()).toBe('bm25()');
  });

  it('keeps the index in step afterwards: an edit drops the old words from the index pages, a new note is found', () => {
    const { noteIds } = fillAtVersion3();
    migrateToVersion4();
    const data = new VaultData(vault.db, steppingClock('2026-04-01T09:00:00.000Z'));
    const id = noteIds[40] as string;
    data.notes.update(id, { body: 'Only one word now: xylophonic.' });
    expect(data.notes.search('xylophonic').map((hit) => hit.noteId)).toEqual([id]);
    expect(data.notes.search('xylo*').map((hit) => hit.noteId)).toEqual([id]);
    data.notes.update(id, { body: 'Replaced again.' });
    expect(data.notes.search('xylophonic')).toEqual([]);
    const blocks = vault.db.prepare('SELECT block FROM notes_fts_data').pluck().all() as (Buffer | null)[];
    expect(blocks.some((block) => block?.includes('xylophonic'))).toBe(false);
    expect(verifyNoteHistory(data.notes.history(id))).toBe(true);
  });

  it('notes_by_service holds only linked notes, is still used to find them, and a deleted service still unlinks its note', () => {
    const { data, serviceId, linkedNoteId } = fillAtVersion3();
    migrateToVersion4();
    const indexSql = vault.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'notes_by_service'").pluck().get() as string;
    expect(indexSql).toMatch(/WHERE service_id IS NOT NULL/);
    const entries = vault.db.prepare('SELECT count(*) FROM notes INDEXED BY notes_by_service WHERE service_id IS NOT NULL').pluck().get();
    expect(entries).toBe(1);
    const plan = vault.db.prepare('EXPLAIN QUERY PLAN SELECT id FROM notes WHERE service_id = ?').all('x') as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING INDEX notes_by_service/);

    data.services.delete(serviceId);
    expect(data.notes.get(linkedNoteId).serviceId).toBeNull();
    expect(vault.db.pragma('foreign_key_check')).toEqual([]);
  });
});
