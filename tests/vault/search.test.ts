import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SearchHit } from '../../shared/api/schemas';
import { SEARCH_SQL, toMatchQuery, toSnippetParts } from '../../src-main/vault/repos/search';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, type TestDatabase } from './testVault';

let vault: TestDatabase & { data: VaultData };
let notes: VaultData['notes'];

beforeEach(() => {
  vault = openTestVault();
  notes = vault.data.notes;
});
afterEach(() => {
  vault.dispose();
});

function hitIds(query: string): string[] {
  return notes.search(query).map((hit) => hit.noteId);
}

describe('toMatchQuery', () => {
  it('quotes each word and ANDs them; word* becomes a prefix', () => {
    expect(toMatchQuery('bus schedule')).toBe('"bus" AND "schedule"');
    expect(toMatchQuery('sched* bus')).toBe('"sched"* AND "bus"');
    expect(toMatchQuery('a OR "b" NEAR(c)')).toBe('"a" AND "OR" AND "b" AND "NEAR" AND "c"');
    expect(toMatchQuery('élève')).toBe('"élève"');
  });

  it('has nothing to search in empty or punctuation-only text', () => {
    for (const text of ['', '   ', '"', '*', '-', ':', '^', '()', '" * - : ^ ( ) +']) expect(toMatchQuery(text)).toBeNull();
  });
});

describe('toSnippetParts', () => {
  it('splits on the private markers and collapses whitespace', () => {
    expect(toSnippetParts('the \uE000bus\uE001 was\n\nlate')).toEqual([
      { text: 'the ', match: false },
      { text: 'bus', match: true },
      { text: ' was late', match: false },
    ]);
  });
});

describe('notes.search', () => {
  it('finds notes by word, with the student code and a valid hit', () => {
    const student = vault.data.students.create({ code: 'R-100' });
    const bus = notes.create({ studentId: student.id, body: 'Talked about the bus schedule change.' });
    notes.create({ body: 'Lunch with the counselor.' });
    const hits = notes.search('bus');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ noteId: bus.id, studentId: student.id, studentCode: 'R-100', status: 'personal', updatedAt: bus.updatedAt });
    expect(SearchHit.safeParse(hits[0]).success).toBe(true);
  });

  it('says when a hit is a released note', () => {
    const note = notes.create({ body: 'Shared the attendance plan with the clinic.' });
    notes.markReleased(note.id);
    expect(notes.search('clinic').map((hit) => hit.status)).toEqual(['released']);
  });

  it('ANDs words and ignores letter case and diacritics', () => {
    const both = notes.create({ body: 'The café meeting about attendance.' });
    notes.create({ body: 'The cafe was closed.' });
    expect(hitIds('CAFE attendance')).toEqual([both.id]);
    expect(hitIds('café')).toHaveLength(2);
  });

  it('finds prefixes', () => {
    const note = notes.create({ body: 'Discussed scheduling conflicts.' });
    expect(hitIds('sched*')).toEqual([note.id]);
    expect(hitIds('sc*')).toEqual([note.id]);
    expect(hitIds('sched')).toEqual([]);
  });

  it('ranks a note that mentions the word three times above one that mentions it once', () => {
    const once = notes.create({ body: 'Worry came up once during a long talk about classes, lunch, friends and the weekend.' });
    const thrice = notes.create({ body: 'Worry about tests, worry about home, worry about the bus, and the weekend.' });
    expect(hitIds('worry')).toEqual([thrice.id, once.id]);
  });

  it('marks the matched words in the snippet parts, without markup', () => {
    notes.create({ body: 'Before the meeting we talked about the bus and then about lunch.' });
    const [hit] = notes.search('bus');
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['bus']);
    expect(hit?.snippet.map((part) => part.text).join('')).toContain('talked about the bus and');
    expect(JSON.stringify(hit?.snippet)).not.toMatch(/[<>\uE000\uE001]/);
  });

  it('follows an edit: the old word is gone, the new word is found', () => {
    const note = notes.create({ body: 'Plans for the zebra exhibit.' });
    notes.update(note.id, { body: 'Plans for the giraffe exhibit.' });
    expect(hitIds('zebra')).toEqual([]);
    expect(hitIds('giraffe')).toEqual([note.id]);
  });

  it('follows a delete, and secure-delete removes the word from the index pages', () => {
    const note = notes.create({ body: 'Quokkapalooza planning session.' });
    notes.create({ body: 'Another note so the index is not empty.' });
    const indexHolds = () =>
      (vault.db.prepare('SELECT block FROM notes_fts_data').pluck().all() as (Buffer | null)[]).some((block) => block?.includes('quokkapalooza'));
    expect(indexHolds()).toBe(true);
    notes.delete(note.id);
    expect(hitIds('quokkapalooza')).toEqual([]);
    expect(indexHolds()).toBe(false);
  });

  it('treats hostile queries as plain words and never throws', () => {
    notes.create({ body: 'Talked about near misses or other things.' });
    for (const query of ['"', '*', 'NEAR(', 'a OR', '-', ':', '^', 'body:near', '"near', 'near"*', 'NOT', '(((', 'near -other', '\u0000', '💥*']) {
      expect(() => notes.search(query), query).not.toThrow();
    }
    expect(notes.search('"')).toEqual([]);
    expect(notes.search('*')).toEqual([]);
    expect(hitIds('NEAR(')).toHaveLength(1);
    expect(hitIds('body:near')).toEqual([]);
  });

  it('respects the limit', () => {
    for (let n = 0; n < 5; n += 1) notes.create({ body: `homework note ${n}` });
    expect(notes.search('homework', 3)).toHaveLength(3);
    expect(notes.search('homework')).toHaveLength(5);
  });

  it('drives the query from the full-text index and never scans notes', () => {
    const plan = vault.db
      .prepare(`EXPLAIN QUERY PLAN ${SEARCH_SQL}`)
      .all({ match: '"bus"*', start: '[', end: ']', tokens: 16, limit: 20 }) as { detail: string }[];
    const details = plan.map((step) => step.detail);
    expect(details[0]).toMatch(/SCAN notes_fts VIRTUAL TABLE/);
    expect(details.join('\n')).toMatch(/SEARCH n USING INTEGER PRIMARY KEY/);
    expect(details.join('\n')).not.toMatch(/SCAN n\b|SCAN notes\b/);
    // FTS5 sorts by rank itself, so SQLite builds no sorter of snippets.
    expect(details.join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
