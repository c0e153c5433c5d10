import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { INDEX_LEAF_BYTES } from '../../src-main/vault/schema/005-index-leaves-fit-pages';
import { MIGRATIONS, migrate, migrateWith, schemaVersion } from '../../src-main/vault/schema/migrations';
import { VaultData } from '../../src-main/vault/vaultData';
import { seededRandom } from '../helpers/seededRandom';
import { openTestDatabase, steppingClock, type TestDatabase } from './testVault';

/*
 * Migration 5 rebuilds the full-text index with leaves that fit an encrypted
 * page. In a real SQLCipher vault filled at version 4, full leaves spill into
 * overflow pages; after the migration none do, every note and search hit is
 * as it was, and leaves written later fit too.
 */

let vault: TestDatabase;

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => vault.dispose());

/** Two-syllable words from a seeded draw: enough distinct words that the index has many full leaves. */
function vocabulary(count: number): string[] {
  const random = seededRandom(5);
  const syllables = ['ba', 'ko', 'mi', 'ru', 'te', 'sa', 'lo', 'ni', 'pe', 'du', 'fa', 'gi', 'ho', 'ja', 've', 'zu'];
  const pick = () => syllables[Math.floor(random() * syllables.length)] as string;
  return Array.from({ length: count }, (_, index) => `${pick()}${pick()}${pick()}${index.toString(36)}`);
}

/** A version-4 vault with 600 notes (some edited, one deleted), its index merged into full leaves. */
function fillAtVersion4(): { data: VaultData; noteIds: string[]; words: string[] } {
  migrateWith(vault.db, MIGRATIONS.slice(0, 4));
  expect(schemaVersion(vault.db)).toBe(4);
  const data = new VaultData(vault.db, steppingClock());
  const words = vocabulary(3000);
  const random = seededRandom(9);
  const noteIds: string[] = [];
  vault.db.transaction(() => {
    for (let index = 0; index < 600; index += 1) {
      const body = Array.from({ length: 40 }, () => words[Math.floor(random() * words.length)]).join(' ');
      noteIds.push(data.notes.create({ body: `Note ${index}: ${body}.` }).id);
    }
  })();
  for (const id of noteIds.slice(0, 20)) data.notes.update(id, { body: `${data.notes.get(id).body} Edited: lanternfish.` });
  const secret = data.notes.create({ body: 'A word never to be found again: quokkapalooza.' });
  data.notes.delete(secret.id);
  vault.db.prepare("INSERT INTO notes_fts (notes_fts) VALUES ('optimize')").run();
  return { data, noteIds, words };
}

function indexPages(): Record<string, number> {
  const rows = vault.db.prepare("SELECT pagetype, count(*) AS pages FROM dbstat WHERE name = 'notes_fts_data' GROUP BY pagetype").all() as {
    pagetype: string;
    pages: number;
  }[];
  return Object.fromEntries(rows.map((row) => [row.pagetype, row.pages]));
}

function largestLeaf(): number {
  return vault.db.prepare('SELECT max(length(block)) FROM notes_fts_data').pluck().get() as number;
}

function snapshot(data: VaultData, noteIds: string[], queries: string[]) {
  return {
    notes: vault.db.prepare('SELECT * FROM notes ORDER BY seq').all(),
    revisions: vault.db.prepare('SELECT * FROM note_revisions ORDER BY note_id, revision').all(),
    histories: noteIds.map((id) => verifyNoteHistory(data.notes.history(id))),
    search: Object.fromEntries(queries.map((query) => [query, data.notes.search(query, 200).sort((a, b) => a.noteId.localeCompare(b.noteId))])),
  };
}

describe('migration 5: full-text index leaves that fit an encrypted page', () => {
  it('at version 4 the full leaves of an encrypted vault spill into overflow pages', () => {
    fillAtVersion4();
    expect(largestLeaf()).toBeGreaterThan(4000);
    expect(indexPages().overflow ?? 0).toBeGreaterThan(20);
  });

  it('rebuilds the index so that no leaf overflows, and keeps every note, revision and search hit', () => {
    const { data, noteIds, words } = fillAtVersion4();
    const queries = [...words.slice(0, 40), 'lanternfish', 'quokkapalooza', 'Note', `${words[7]?.slice(0, 4) ?? ''}*`];
    const before = snapshot(data, noteIds, queries);
    expect(before.search.lanternfish).toHaveLength(20);
    expect(before.search.quokkapalooza).toEqual([]);

    migrateWith(vault.db, MIGRATIONS.slice(0, 5));
    expect(schemaVersion(vault.db)).toBe(5);
    const after = snapshot(new VaultData(vault.db, steppingClock('2026-04-01T09:00:00.000Z')), noteIds, queries);
    expect(after).toEqual(before);
    expect(after.histories.every(Boolean)).toBe(true);

    expect(vault.db.prepare("SELECT v FROM notes_fts_config WHERE k = 'pgsz'").pluck().get()).toBe(INDEX_LEAF_BYTES);
    expect(largestLeaf()).toBeGreaterThan(INDEX_LEAF_BYTES - 100);
    expect(largestLeaf()).toBeLessThanOrEqual(INDEX_LEAF_BYTES + 8);
    expect(indexPages().overflow ?? 0).toBe(0);
    expect(() => vault.db.prepare("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    const blocks = vault.db.prepare('SELECT block FROM notes_fts_data').pluck().all() as (Buffer | null)[];
    expect(blocks.some((block) => block?.includes('quokkapalooza'))).toBe(false);
    expect(vault.db.prepare("SELECT v FROM notes_fts_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
    expect(vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leaves written afterwards, by saves and by merges, fit their pages too', () => {
    const { noteIds, words } = fillAtVersion4();
    migrate(vault.db);
    const data = new VaultData(vault.db, steppingClock('2026-04-01T09:00:00.000Z'));
    const random = seededRandom(13);
    for (let index = 0; index < 300; index += 1) {
      const body = Array.from({ length: 40 }, () => words[Math.floor(random() * words.length)]).join(' ');
      if (index % 2 === 0) data.notes.create({ body });
      else data.notes.update(noteIds[index] as string, { body });
    }
    vault.db.prepare("INSERT INTO notes_fts (notes_fts) VALUES ('optimize')").run();
    expect(largestLeaf()).toBeGreaterThan(INDEX_LEAF_BYTES - 100);
    expect(indexPages().overflow ?? 0).toBe(0);
    expect(data.notes.search(words[3] as string, 200).length).toBeGreaterThan(0);
  });
});
