import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchAllInput, SearchResult, type SearchAllInput as SearchAllQuery } from '../../shared/api/searchSchemas';
import { searchAll } from '../../src-main/vault/search/searchAll';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, type TestDatabase } from './testVault';

let vault: TestDatabase & { data: VaultData };
const ids: Record<string, string> = {};

/** Every result as 'note:<name>' or 'service:<name>', in the order given. */
function find(query: SearchAllQuery): string[] {
  const results = searchAll(vault.data, SearchAllInput.parse(query));
  for (const result of results) expect(SearchResult.safeParse(result).success).toBe(true);
  const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return results.map((result) => (result.type === 'note' ? `note:${names.get(result.noteId)}` : `service:${names.get(result.serviceId)}`));
}

beforeEach(() => {
  vault = openTestVault();
  const { students, notes, services } = vault.data;
  vault.data.settings.update({ timeZone: 'UTC' });
  ids.ana = students.create({ code: '7B-014', knownAs: 'Ana Ruiz' }).id;
  ids.ben = students.create({ code: '8C-220', knownAs: 'Ben Ortiz' }).id;
  // Notes written on 2026-03-02 (the test clock), not for a service.
  ids.anaBus = notes.create({ studentId: ids.ana, body: 'Talked about the bus stop and her mornings.' }).id;
  ids.benBus = notes.create({ studentId: ids.ben, body: 'Bus pass lost again; called the office.' }).id;
  ids.anaLunch = notes.create({ studentId: ids.ana, body: 'Ben sat with her at lunch, which helped.' }).id;
  ids.benFlagged = notes.create({ studentId: ids.ben, body: 'Mom says he was diagnosed with ADHD.', findingsAcknowledged: true }).id;
  // Services, one with its note.
  ids.anaSession = services.create({ date: '2026-02-20', minutes: 30, kind: 'individual_session', studentIds: [ids.ana], issueCategoryIds: ['attendance'] }).id;
  ids.anaSessionNote = notes.create({ studentId: ids.ana, serviceId: ids.anaSession, body: 'Planned a check-in before first period.' }).id;
  services.update(ids.anaSession, { date: '2026-02-20', minutes: 30, kind: 'individual_session', studentIds: [ids.ana], issueCategoryIds: ['attendance'], noteId: ids.anaSessionNote });
  ids.group = services.create({ date: '2026-03-01', minutes: 45, kind: 'group_session', studentIds: [ids.ana, ids.ben] }).id;
  ids.consult = services.create({ date: '2026-02-25', minutes: 15, kind: 'staff_consultation' }).id;
});
afterEach(() => {
  vault.dispose();
});

describe('one search over notes and services', () => {
  it("finds a student's notes and services by the private name, the note for a service shown once with it", () => {
    const found = find({ query: 'ana' });
    expect(found.sort()).toEqual(['note:anaBus', 'note:anaLunch', 'note:anaSessionNote', 'service:group'].sort());
    const [entry] = searchAll(vault.data, SearchAllInput.parse({ query: 'ruiz', kinds: ['individual_session'] }));
    expect(entry).toMatchObject({ type: 'note', noteId: ids.anaSessionNote, date: '2026-02-20', service: { id: ids.anaSession, kind: 'individual_session', minutes: 30 } });
    expect(entry?.students).toEqual([{ id: ids.ana, code: '7B-014', knownAs: 'Ana Ruiz' }]);
    expect(find({ query: '8c-2' }).sort()).toEqual(['note:benBus', 'note:benFlagged', 'service:group'].sort());
  });

  it("finds notes by their words, with the words marked, and narrows them to one student", () => {
    expect(find({ query: 'bus' }).sort()).toEqual(['note:anaBus', 'note:benBus']);
    const [hit] = searchAll(vault.data, SearchAllInput.parse({ query: 'bus', studentId: ids.ben }));
    expect(hit).toMatchObject({ type: 'note', noteId: ids.benBus });
    expect(hit?.type === 'note' ? hit.snippet.filter((part) => part.match).map((part) => part.text) : []).toEqual(['Bus']);
  });

  it('matches services by kind, issue and student, having no words of their own', () => {
    expect(find({ query: 'attendance' })).toEqual(['service:anaSession']);
    expect(find({ query: 'staff consult' })).toEqual(['service:consult']);
    expect(find({ query: 'ortiz group' })).toEqual(['service:group']);
  });

  it('filters by days, by kind and to flagged notes', () => {
    expect(find({ from: '2026-02-01', to: '2026-02-28', sort: 'date' })).toEqual(['service:consult', 'note:anaSessionNote']);
    expect(find({ kinds: ['staff_consultation', 'group_session'], sort: 'date' })).toEqual(['service:group', 'service:consult']);
    expect(find({ flagged: true })).toEqual(['note:benFlagged']);
    expect(find({ query: 'ben', flagged: true })).toEqual(['note:benFlagged']);
    expect(find({ from: '2026-03-02', studentId: ids.ana, sort: 'date' })).toEqual(['note:anaLunch', 'note:anaBus']);
  });

  it('sorts by relevance (the student named first, then the words) or by date', () => {
    // "ben" names Ben (his notes and the group) and is a word of a note about Ana, newer than most of them.
    const byRelevance = find({ query: 'ben', sort: 'relevance' });
    expect(byRelevance.at(-1)).toBe('note:anaLunch');
    expect(byRelevance.slice(0, 3).sort()).toEqual(['note:benBus', 'note:benFlagged', 'service:group'].sort());
    expect(find({ query: 'ben', sort: 'date' })).toEqual(['note:benFlagged', 'note:anaLunch', 'note:benBus', 'service:group']);
  });

  it('keeps to the limit and answers nothing for words that match nothing', () => {
    expect(find({ limit: 2, sort: 'date' })).toHaveLength(2);
    expect(find({ query: 'zebra' })).toEqual([]);
  });

  it('refuses a first day after the last', () => {
    expect(SearchAllInput.safeParse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
  });
});
