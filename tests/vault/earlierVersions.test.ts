import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note, NoteRevision } from '../../shared/api/schemas';
import type { EarlierVersionsErased } from '../../shared/api/retentionSchemas';
import { NOTE_VERSIONS_ERASED_ACTION } from '../../src-main/vault/erasure/earlierVersions';
import { checkVaultHistory } from '../../src-main/vault/erasure/historyCheck';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { call, makeVault, refusal, type TestVault } from '../handover/fixtures';
import { makeTempDir, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';
import { pagesHolding, vaultDatabaseFile } from '../helpers/vaultDisk';

/*
 * "Nothing flagged stays behind" (issue 15): after a save that removed
 * flagged words, the earlier versions that held them can be erased. The
 * erased version keeps its hash and place in the chain; its text is gone from
 * every page of the database file; the audit log says which, when and why.
 */

const FLAGGED = 'Mom says Quillon was diagnosed with ADHD; call her at 555-867-5309.';
const FIXED = 'Talked with Quillon about the move; he is settling in.';
const WORDS_THAT_MUST_GO = ['diagnosed with ADHD', '555-867-5309'];

let root: string;
let owner: TestVault;

beforeEach(async () => {
  root = makeTempDir('sole-notes-erase-');
  owner = await makeVault(root, 'owner');
});
afterEach(() => {
  owner.session.lock();
  removeDir(root);
});

async function flaggedThenFixed(): Promise<{ note: Note; before: NoteRevision[] }> {
  const student = await call<{ id: string }>(owner, 'students.create', { code: 'QL-1' });
  const note = await call<Note>(owner, 'notes.create', { studentId: student.id, body: FLAGGED, findingsAcknowledged: true });
  await call(owner, 'notes.update', { id: note.id, body: FIXED });
  return { note, before: await call<NoteRevision[]>(owner, 'notes.history', { id: note.id }) };
}

/** Every value of every row of every table (FTS shadow tables included), as text. */
function everythingStored(): string {
  const db = owner.session.data.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return tables
    .map((table) =>
      JSON.stringify(
        db.prepare(`SELECT * FROM "${table}"`).all(),
        (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('latin1') : value),
      ),
    )
    .join('\n');
}

function indexedTerms(): string[] {
  const db = owner.session.data.db;
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.note_terms USING fts5vocab(main, notes_fts, row)');
  return db.prepare('SELECT term FROM temp.note_terms').pluck().all() as string[];
}

describe('erasing the flagged words from earlier versions', () => {
  it('is offered for a note whose earlier version held flagged words, and erases that version, keeping its hash and the chain', async () => {
    const { note, before } = await flaggedThenFixed();
    expect(await call(owner, 'notes.flaggedEarlier', { id: note.id })).toEqual({ versions: 1 });

    const result = await call<EarlierVersionsErased>(owner, 'notes.eraseEarlier', { id: note.id });
    expect(result.erased).toEqual([{ revision: 1, hash: before[0]?.hash }]);

    const after = await call<NoteRevision[]>(owner, 'notes.history', { id: note.id });
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ revision: 1, body: '', hash: before[0]?.hash, prevHash: '', erasedAt: result.at });
    expect(after[1]).toEqual({ ...before[1], erasedAt: null });
    expect(verifyNoteHistory(after)).toBe(true);
    expect(checkVaultHistory(owner.session.data)).toMatchObject({ intact: true, brokenNotes: [] });
    expect(await call(owner, 'notes.flaggedEarlier', { id: note.id })).toEqual({ versions: 0 });
  });

  it('records which version, when and why in the audit log, without a word of the text', async () => {
    const { note, before } = await flaggedThenFixed();
    const result = await call<EarlierVersionsErased>(owner, 'notes.eraseEarlier', { id: note.id });
    const [entry] = owner.session.data.audit.listByAction(NOTE_VERSIONS_ERASED_ACTION);
    expect(entry?.details).toMatchObject({ noteId: note.id, erasedAt: result.at, versions: [{ revision: 1, hash: before[0]?.hash }] });
    expect(String(entry?.details.reason)).toMatch(/flagged words/);
    const stored = JSON.stringify(entry);
    for (const words of [...WORDS_THAT_MUST_GO, 'Quillon', 'settling']) expect(stored).not.toContain(words);
    expect(owner.session.data.audit.verify().intact).toBe(true);
  });

  it('leaves the flagged words nowhere: not in any table, not in the search index, not on any page of the database file', async () => {
    const { note } = await flaggedThenFixed();
    // The connection zeroes what it deletes or overwrites.
    expect(owner.session.data.db.pragma('secure_delete', { simple: true })).toBe(1);
    // Before: the earlier version's words are on a page of the file (so the scan below can see them).
    owner.session.lock();
    expect((await pagesHolding(owner.folder, 'diagnosed with ADHD')).length).toBeGreaterThan(0);
    await owner.session.unlock(TEST_PASSPHRASE);
    expect(owner.session.data.db.pragma('secure_delete', { simple: true })).toBe(1);
    await call(owner, 'notes.eraseEarlier', { id: note.id });

    const stored = everythingStored();
    for (const words of WORDS_THAT_MUST_GO) expect(stored).not.toContain(words);
    expect(indexedTerms()).not.toContain('adhd');
    expect(indexedTerms()).toContain('settling');
    expect(await call(owner, 'notes.search', { query: 'ADHD' })).toEqual([]);

    owner.session.lock();
    const wal = `${vaultDatabaseFile(owner.folder)}-wal`;
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    for (const words of WORDS_THAT_MUST_GO) expect(await pagesHolding(owner.folder, words), words).toEqual([]);
    expect((await pagesHolding(owner.folder, FIXED)).length).toBeGreaterThan(0); // the scan does see stored text
    await owner.session.unlock(TEST_PASSPHRASE);
  });

  it('shows an erased version in a court-order disclosure as erased on its date, with its hash, and the chain intact', async () => {
    const { note, before } = await flaggedThenFixed();
    const result = await call<EarlierVersionsErased>(owner, 'notes.eraseEarlier', { id: note.id });
    const file = path.join(root, 'disclosure.html');
    await call(owner, 'disclosure.courtOrder', { noteIds: [note.id], orderReference: 'Case 2026-CV-7', file });
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain(`Text erased on ${result.at?.slice(0, 10) ?? '?'}`);
    expect(html).toContain(before[0]?.hash);
    expect(html).toContain('hash chain intact');
    expect(html).toContain(FIXED.replace(/'/g, '&#39;'));
    for (const words of WORDS_THAT_MUST_GO) expect(html).not.toContain(words);
  });

  it('erases nothing twice, never the current version, and refuses any other change to a version', async () => {
    const { note } = await flaggedThenFixed();
    await call(owner, 'notes.eraseEarlier', { id: note.id });
    expect(await call(owner, 'notes.eraseEarlier', { id: note.id })).toMatchObject({ erased: [], at: null });
    expect(owner.session.data.audit.listByAction(NOTE_VERSIONS_ERASED_ACTION)).toHaveLength(1);

    // A note whose current text still holds the flag: its current version is never erased.
    const kept = await call<Note>(owner, 'notes.create', { body: FLAGGED, findingsAcknowledged: true });
    expect(await call(owner, 'notes.eraseEarlier', { id: kept.id })).toMatchObject({ erased: [] });
    expect((await call<NoteRevision[]>(owner, 'notes.history', { id: kept.id }))[0]?.body).toBe(FLAGGED);

    const db = owner.session.data.db;
    expect(() => db.prepare("UPDATE note_revisions SET body = 'changed' WHERE note_id = ? AND revision = 2").run(note.id)).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE note_revisions SET erased_at = NULL WHERE note_id = ? AND revision = 1').run(note.id)).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE note_revisions SET body = '', erased_at = '2026-03-01T10:00:00.000Z', hash = ? WHERE note_id = ? AND revision = 2").run('0'.repeat(64), note.id)).toThrow(/append-only/);
    expect((await refusal(owner, 'notes.eraseEarlier', { id: '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11' })).code).toBe('NOT_FOUND');
  });
});

describe('an unfinished note that held flagged words', () => {
  it('is gone once the note is saved, whether it was still waiting or already written', async () => {
    const student = await call<{ id: string }>(owner, 'students.create', { code: 'QL-2' });
    const note = await call<Note>(owner, 'notes.create', { studentId: student.id, body: FIXED });
    const context = { kind: 'note', noteId: note.id, studentId: student.id, serviceId: null };
    await call(owner, 'drafts.put', { context, body: FLAGGED, cursor: 3 });
    expect(await call(owner, 'drafts.get', { context })).toMatchObject({ body: FLAGGED }); // written now
    await call(owner, 'notes.update', { id: note.id, body: `${FIXED} Again.` });
    expect(await call(owner, 'drafts.get', { context })).toBeNull();

    // A new note's draft, still waiting in memory when the note is saved.
    const newContext = { kind: 'note', noteId: null, studentId: student.id, serviceId: null };
    await call(owner, 'drafts.put', { context: newContext, body: FLAGGED, cursor: 3 });
    await call(owner, 'notes.create', { studentId: student.id, body: FIXED });
    expect(await call(owner, 'drafts.get', { context: newContext })).toBeNull();
    expect(owner.session.data.db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
    for (const words of WORDS_THAT_MUST_GO) expect(everythingStored()).not.toContain(words);
  });
});
