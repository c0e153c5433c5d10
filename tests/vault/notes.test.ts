import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Note, NoteRevision, NoteSummary } from '../../shared/api/schemas';
import { notePreview } from '../../shared/domain/notePreview';
import { revisionHash, verifyNoteHistory } from '../../src-main/vault/repos/notes';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, type TestDatabase } from './testVault';

const MISSING_ID = '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11';

let vault: TestDatabase & { data: VaultData };
let notes: VaultData['notes'];

beforeEach(() => {
  vault = openTestVault();
  notes = vault.data.notes;
});
afterEach(() => {
  vault.dispose();
});

function count(sql: string, ...params: unknown[]): number {
  return vault.db.prepare(sql).pluck().get(...params) as number;
}

describe('notes.create and get', () => {
  it('stores a personal note at revision 1 with the findings the check counts in it', () => {
    const student = vault.data.students.create({ code: 'N-1' });
    const note = notes.create({
      studentId: student.id,
      body: 'Mom says he was diagnosed with ADHD. Call her at 555-867-5309 or mom@example.com.',
      findingsAcknowledged: true,
    });
    expect(Note.safeParse(note).success).toBe(true);
    expect(note).toMatchObject({
      studentId: student.id,
      serviceId: null,
      status: 'personal',
      revision: 1,
      findings: { diagnostic: 1, verbatim: 0, identifier: 2 },
      findingsAcknowledged: true,
    });
    expect(notes.get(note.id)).toEqual(note);
  });

  it('defaults findings to zero and acknowledgement to false', () => {
    expect(notes.create({ body: 'x' })).toMatchObject({ findings: { diagnostic: 0, verbatim: 0, identifier: 0 }, findingsAcknowledged: false });
  });

  it('refuses an unknown student or service with NOT_FOUND and writes nothing', () => {
    expect(() => notes.create({ studentId: MISSING_ID, body: 'x' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('student') }));
    expect(() => notes.create({ serviceId: MISSING_ID, body: 'x' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('service') }));
    expect(count('SELECT count(*) FROM notes')).toBe(0);
  });

  it('refuses a body over 200,000 characters', () => {
    expect(() => notes.create({ body: 'a'.repeat(200_001) })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('reports a missing id as NOT_FOUND', () => {
    expect(() => notes.get(MISSING_ID)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: 'No note with that id.' }));
    expect(() => notes.history(MISSING_ID)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('notes.list', () => {
  it('lists summaries, most recently changed first, with a collapsed preview', () => {
    const first = notes.create({ body: 'First\n\n  note   here' });
    const second = notes.create({ body: 'Second note' });
    notes.update(first.id, { body: 'First note,\tedited' });
    const list = notes.list();
    expect(list.map((summary) => summary.id)).toEqual([first.id, second.id]);
    expect(list[0]?.preview).toBe('First note, edited');
    expect(list[0]).not.toHaveProperty('body');
    for (const summary of list) expect(NoteSummary.safeParse(summary).success).toBe(true);
  });

  it('filters by student and pages with limit and offset', () => {
    const student = vault.data.students.create({ code: 'P-1' });
    const ids = [1, 2, 3].map((n) => notes.create({ studentId: student.id, body: `note ${n}` }).id);
    notes.create({ body: 'someone else' });
    expect(notes.list({ studentId: student.id }).map((summary) => summary.id)).toEqual([...ids].reverse());
    expect(notes.list({ studentId: student.id, limit: 1, offset: 1 }).map((summary) => summary.id)).toEqual([ids[1]]);
    expect(notes.list()).toHaveLength(4);
  });

  it('cuts a long preview to about 160 characters', () => {
    const preview = notePreview(`${'word '.repeat(100)}`);
    expect(preview.length).toBeLessThanOrEqual(161);
    expect(preview.endsWith('…')).toBe(true);
    expect(notePreview('  short  one ')).toBe('short one');
  });
});

describe('notes.update', () => {
  it('saves a new body as the next revision', () => {
    const note = notes.create({ body: 'Version one.' });
    const updated = notes.update(note.id, { body: 'Version two. She said "I hate it here."' });
    expect(updated).toMatchObject({ body: 'Version two. She said "I hate it here."', revision: 2, findings: { diagnostic: 0, verbatim: 1, identifier: 0 } });
    expect(updated.updatedAt > note.updatedAt).toBe(true);
    expect(updated.createdAt).toBe(note.createdAt);
    expect(notes.history(note.id).map((revision) => revision.body)).toEqual(['Version one.', 'Version two. She said "I hate it here."']);
  });

  it('writes nothing when body and acknowledgement are unchanged', () => {
    const note = notes.create({ body: 'Same.', findingsAcknowledged: true });
    expect(notes.update(note.id, { body: 'Same.' })).toEqual(note);
    expect(notes.update(note.id, { body: 'Same.', findingsAcknowledged: true })).toEqual(note);
    expect(count('SELECT count(*) FROM note_revisions WHERE note_id = ?', note.id)).toBe(1);
  });

  it('records a change of acknowledgement alone as a revision', () => {
    const note = notes.create({ body: 'Same.' });
    const updated = notes.update(note.id, { body: 'Same.', findingsAcknowledged: true });
    expect(updated).toMatchObject({ findingsAcknowledged: true, revision: 2 });
  });

  it('reports a missing id as NOT_FOUND', () => {
    expect(() => notes.update(MISSING_ID, { body: 'x' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('note history', () => {
  it('is a hash chain from revision 1 that verifies', () => {
    const note = notes.create({ body: 'One.' });
    notes.update(note.id, { body: 'Two.' });
    notes.update(note.id, { body: 'Three.' });
    const history = notes.history(note.id);
    for (const revision of history) expect(NoteRevision.safeParse(revision).success).toBe(true);
    expect(history.map((revision) => revision.revision)).toEqual([1, 2, 3]);
    expect(history[0]?.prevHash).toBe('');
    expect(history[1]?.prevHash).toBe(history[0]?.hash);
    expect(history[2]?.prevHash).toBe(history[1]?.hash);
    expect(history.every((revision) => revision.author === 'owner')).toBe(true);
    expect(verifyNoteHistory(history)).toBe(true);
  });

  it('uses the documented hash, so anyone can recompute it', async () => {
    const { createHash } = await import('node:crypto');
    const note = notes.create({ body: 'Check me.' });
    const [revision] = notes.history(note.id);
    if (!revision) throw new Error('no revision');
    const expected = createHash('sha256')
      .update(`\n${JSON.stringify([note.id, 1, 'Check me.', 'personal', 'owner', revision.at])}`)
      .digest('hex');
    expect(revision.hash).toBe(expected);
    expect(revisionHash('', revision)).toBe(expected);
  });

  it('does not verify when a body was altered, a revision dropped or reordered', () => {
    const note = notes.create({ body: 'One.' });
    notes.update(note.id, { body: 'Two.' });
    notes.update(note.id, { body: 'Three.' });
    const history = notes.history(note.id);
    expect(verifyNoteHistory(history.map((revision, index) => (index === 1 ? { ...revision, body: 'Tw0.' } : revision)))).toBe(false);
    expect(verifyNoteHistory([history[0], history[2]].filter((revision) => revision !== undefined))).toBe(false);
    expect(verifyNoteHistory([...history].reverse())).toBe(false);
    expect(verifyNoteHistory([])).toBe(false);
  });

  it('refuses an UPDATE of a stored revision', () => {
    const note = notes.create({ body: 'Original.' });
    expect(() => vault.db.prepare("UPDATE note_revisions SET body = 'Forged.' WHERE note_id = ?").run(note.id)).toThrow(/append-only/);
    expect(notes.history(note.id)[0]?.body).toBe('Original.');
  });

  it('refuses to delete revisions while their note exists', () => {
    const note = notes.create({ body: 'Keep my history.' });
    expect(() => vault.db.prepare('DELETE FROM note_revisions WHERE note_id = ?').run(note.id)).toThrow(/only with their note/);
    expect(count('SELECT count(*) FROM note_revisions WHERE note_id = ?', note.id)).toBe(1);
  });

  it('refuses to delete a note without its revisions', () => {
    const note = notes.create({ body: 'Orphan attempt.' });
    expect(() => vault.db.prepare('DELETE FROM notes WHERE id = ?').run(note.id)).toThrow(/FOREIGN KEY/);
    expect(notes.get(note.id).body).toBe('Orphan attempt.');
  });
});

describe('notes.delete', () => {
  it('removes the note and its revisions, and unlinks a service that pointed at it', () => {
    const student = vault.data.students.create({ code: 'D-1' });
    const note = notes.create({ body: 'To be removed.' });
    notes.update(note.id, { body: 'To be removed, edited.' });
    const service = vault.data.services.create({ date: '2026-03-02', minutes: 30, kind: 'individual_session', studentIds: [student.id], noteId: note.id });
    notes.delete(note.id);
    expect(() => notes.get(note.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(count('SELECT count(*) FROM note_revisions WHERE note_id = ?', note.id)).toBe(0);
    expect(vault.data.services.get(service.id).noteId).toBeNull();
  });

  it('reports a missing id as NOT_FOUND', () => {
    expect(() => notes.delete(MISSING_ID)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('flagged counts', () => {
  it('counts each student’s notes that hold findings, leaves out students without any and notes about no student, and follows edits and deletes', () => {
    const a = vault.data.students.create({ code: 'F-1' }).id;
    const b = vault.data.students.create({ code: 'F-2' }).id;
    vault.data.students.create({ code: 'F-3' });
    const flaggedA = notes.create({ studentId: a, body: 'He takes Adderall now.' });
    notes.create({ studentId: a, body: 'She said "I hate recess."' });
    notes.create({ studentId: a, body: 'Quiet morning.' });
    notes.create({ studentId: b, body: 'Grandmother’s number is 555-201-3344.' });
    notes.create({ body: 'Diagnosed with ADHD, about nobody in particular.' });
    expect(notes.flaggedCounts()).toEqual({ [a]: 2, [b]: 1 });
    notes.update(flaggedA.id, { body: 'Calmer today.' });
    expect(notes.flaggedCounts()).toEqual({ [a]: 1, [b]: 1 });
    notes.delete(notes.list({ studentId: b })[0]?.id ?? '');
    expect(notes.flaggedCounts()).toEqual({ [a]: 1 });
  });
});

