import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueCategory, Note, NoteRevision } from '../../shared/api/schemas';
import { createRouter, type Router } from '../../src-main/api/router';
import { VaultError } from '../../src-main/vault/errors';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { toWellFormedDeep } from '../../src-main/vault/wellFormedText';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { cli } from '../helpers/cliHarness';
import { createdVault, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';

/*
 * A lone UTF-16 surrogate (half of an emoji, from a broken paste) cannot be
 * stored: SQLite keeps U+FFFD in its place. Text crossing the router is made
 * well-formed before it is hashed or stored, so a note's history always
 * verifies; below the router, a hash chain refuses text it could not store
 * as hashed.
 */

let root: string;
let session: VaultSession;
let router: Router;

async function value<T>(name: string, input: unknown): Promise<T> {
  const result = await router.invoke(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof VaultError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  ({ session, root } = await createdVault());
  router = createRouter(session, { reportInternalError: (command, error) => console.error(command, error) });
});

afterAll(() => {
  session.lock();
  removeDir(root);
});

describe('text crossing the router is made well-formed', () => {
  it('a note with a lone surrogate is saved with U+FFFD in its place, and its history verifies', async () => {
    const created = await value<Note>('notes.create', { body: 'Met him \uD800 at lunch; the rest of the note is kept.' });
    expect(created.body).toBe('Met him \uFFFD at lunch; the rest of the note is kept.');
    const updated = await value<Note>('notes.update', { id: created.id, body: 'Second visit \uDC00\uD83D.' });
    expect(updated.body).toBe('Second visit \uFFFD\uFFFD.');
    const history = await value<NoteRevision[]>('notes.history', { id: created.id });
    expect(history).toHaveLength(2);
    expect(verifyNoteHistory(history)).toBe(true);
  });

  it('every string anywhere in the input, nested and in keys, is made well-formed; whole pairs are kept', async () => {
    const category = await value<IssueCategory>('categories.create', { label: 'Transitions \uD800' });
    expect(category.label).toBe('Transitions \uFFFD');
    const emoji = await value<Note>('notes.create', { body: 'A good day 😀' });
    expect(emoji.body).toBe('A good day 😀');
    await value('notes.release', { id: emoji.id, agency: 'County \uDBFF office', reason: 'Court order \uDC01' });
    const audit = await value<{ intact: boolean }>('audit.verify', {});
    expect(audit.intact).toBe(true);
    const [entry] = session.data.audit.listByAction('note.released');
    expect(entry?.details).toMatchObject({ agency: 'County \uFFFD office', reason: 'Court order \uFFFD' });
  });
});

describe('toWellFormedDeep', () => {
  it('repairs strings at any depth and in keys, keeps other values, and copies a cycle once', () => {
    const cyclic: Record<string, unknown> = { ['k\uD800']: ['a\uDC00', { deep: '\uD83D' }], n: 1, flag: true, none: null };
    cyclic.self = cyclic;
    const bytes = Buffer.from('x');
    cyclic.bytes = bytes;
    const repaired = toWellFormedDeep(cyclic) as Record<string, unknown>;
    expect(repaired['k\uFFFD']).toEqual(['a\uFFFD', { deep: '\uFFFD' }]);
    expect(repaired).toMatchObject({ n: 1, flag: true, none: null });
    expect(repaired.self).toBe(repaired);
    expect(repaired.bytes).toBe(bytes);
    expect(cyclic['k\uD800']).toEqual(['a\uDC00', { deep: '\uD83D' }]);
  });
});

describe('below the router, hash chains refuse text they could not store as hashed', () => {
  it('a note, an edit or an audit entry holding a lone surrogate is refused with INVALID_INPUT, and nothing is written', () => {
    const notesBefore = session.data.notes.list({ limit: 500 }).length;
    const auditBefore = session.data.audit.verify().entries;
    expect(codeOf(() => session.data.notes.create({ body: 'broken \uD800 text' }))).toBe('INVALID_INPUT');
    const note = session.data.notes.create({ body: 'whole text' });
    expect(codeOf(() => session.data.notes.update(note.id, { body: 'broken \uDC00' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => session.data.audit.append('note.viewed\uD800', {}))).toBe('INVALID_INPUT');
    expect(codeOf(() => session.data.audit.append('note.viewed', { nested: { text: ['\uD800'] } }))).toBe('INVALID_INPUT');
    expect(session.data.notes.list({ limit: 500 })).toHaveLength(notesBefore + 1);
    expect(session.data.notes.history(note.id)).toHaveLength(1);
    expect(session.data.audit.verify()).toMatchObject({ intact: true, entries: auditBefore });
  });
});

describe('the command line', () => {
  it('note add --text with a lone surrogate saves U+FFFD, and the note\'s history verifies', async () => {
    const folder = session.folder;
    session.lock();
    const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };
    const added = await cli(['note', 'add', '--vault', folder, '--text', 'From the shell \uD800 here'], { env });
    expect(added.code, added.stderr).toBe(0);
    await session.unlock(TEST_PASSPHRASE);
    const id = added.stdout.trim();
    expect(session.data.notes.get(id).body).toBe('From the shell \uFFFD here');
    expect(verifyNoteHistory(session.data.notes.history(id))).toBe(true);
  });
});
