import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note } from '../../shared/api/schemas';
import type { RetentionDestroyResult, RetentionDue } from '../../shared/api/retentionSchemas';
import { retentionDueOn, retentionIsDue } from '../../shared/domain/noteRetention';
import { RETENTION_DESTROYED_ACTION } from '../../src-main/vault/erasure/retention';
import { checkVaultHistory } from '../../src-main/vault/erasure/historyCheck';
import { call, makeVault, refusal, type TestVault } from '../handover/fixtures';
import { makeTempDir, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';
import { pagesHolding, vaultDatabaseFile } from '../helpers/vaultDisk';

/*
 * Retention (issue 15): the worker chooses when the notes of a closed case
 * are destroyed; when due, the app lists what will go (codes and counts),
 * and on confirmation destroys notes, versions, drafts and index entries.
 * The audit keeps counts and a date only.
 */

describe('when notes of a closed case are due', () => {
  it('never, by default', () => {
    expect(retentionDueOn('2025-01-10', { rule: 'off' })).toBeNull();
    expect(retentionIsDue('2000-01-10', { rule: 'off' }, '2030-01-01')).toBe(false);
  });

  it('after the end of the school year (June 30) in which the case closed', () => {
    const rule = { rule: 'school_year_end' } as const;
    expect(retentionDueOn('2025-06-30', rule)).toBe('2025-07-01');
    expect(retentionDueOn('2025-01-02', rule)).toBe('2025-07-01');
    expect(retentionDueOn('2025-07-01', rule)).toBe('2026-07-01');
    expect(retentionDueOn('2025-12-19', rule)).toBe('2026-07-01');
    expect(retentionIsDue('2025-12-19', rule, '2026-06-30')).toBe(false);
    expect(retentionIsDue('2025-12-19', rule, '2026-07-01')).toBe(true);
  });

  it('N calendar months after closing, a missing day becoming the month’s last', () => {
    expect(retentionDueOn('2025-08-31', { rule: 'months_after_closing', months: 6 })).toBe('2026-02-28');
    expect(retentionDueOn('2023-08-31', { rule: 'months_after_closing', months: 6 })).toBe('2024-02-29');
    expect(retentionDueOn('2025-11-15', { rule: 'months_after_closing', months: 2 })).toBe('2026-01-15');
    expect(retentionDueOn('2025-01-15', { rule: 'months_after_closing', months: 24 })).toBe('2027-01-15');
  });
});

const SECRET = 'Wrenfield told me about the custody hearing and the bruise on her arm';
const KEPT = 'Released summary of attendance support for Ottoline';

let root: string;
let owner: TestVault;

beforeEach(async () => {
  root = makeTempDir('sole-notes-retention-');
  owner = await makeVault(root, 'owner', '2026-01-10T09:00:00.000Z');
});
afterEach(() => {
  owner.session.lock();
  removeDir(root);
});

/** A case closed on 2026-01-15 with two personal notes (one edited), a released note, a follow-up and two unfinished notes; and an open case. */
async function closedCase() {
  const closed = await call<{ id: string }>(owner, 'students.create', { code: 'RT-1', openedOn: '2025-09-01' });
  const open = await call<{ id: string }>(owner, 'students.create', { code: 'RT-2', openedOn: '2025-09-01' });
  const first = await call<Note>(owner, 'notes.create', { studentId: closed.id, body: SECRET });
  await call(owner, 'notes.update', { id: first.id, body: `${SECRET}; she asked me to keep it between us` });
  await call(owner, 'notes.create', { studentId: closed.id, body: 'Second meeting with Wrenfield about the hearing.' });
  const released = await call<Note>(owner, 'notes.create', { studentId: closed.id, body: KEPT });
  await call(owner, 'notes.release', { id: released.id, agency: 'County Family Services', reason: 'Records request' });
  await call(owner, 'followUps.set', { noteId: first.id, dueOn: '2026-01-20' });
  const openNote = await call<Note>(owner, 'notes.create', { studentId: open.id, body: 'Open case: Wrenfield cousin visited.' });
  await call(owner, 'drafts.put', { context: { kind: 'note', noteId: first.id, studentId: closed.id, serviceId: null }, body: `${SECRET} (draft)`, cursor: 0 });
  await call(owner, 'drafts.put', { context: { kind: 'note', noteId: null, studentId: closed.id, serviceId: null }, body: 'Wrenfield new draft', cursor: 0 });
  await call(owner, 'drafts.list'); // written
  await call(owner, 'students.close', { id: closed.id, closedOn: '2026-01-15', outcome: 'moved' });
  return { closed, open, first, released, openNote };
}

function everythingStored(): string {
  const db = owner.session.data.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return tables.map((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all(), (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v))).join('\n');
}

describe('retention on a real vault', () => {
  it('is off by default: nothing is ever proposed', async () => {
    await closedCase();
    owner.clock.set('2030-01-01T09:00:00.000Z');
    expect(await call(owner, 'retention.get')).toEqual({ rule: 'off' });
    expect(await call<RetentionDue>(owner, 'retention.due')).toEqual({ retention: { rule: 'off' }, students: [], notes: 0 });
  });

  it('proposes a closed case once due, with its code and counts and no text, and refuses cases not due', async () => {
    const { closed, open } = await closedCase();
    expect(await call(owner, 'retention.set', { rule: 'months_after_closing', months: 3 })).toEqual({ rule: 'months_after_closing', months: 3 });
    owner.clock.set('2026-04-14T09:00:00.000Z');
    expect((await call<RetentionDue>(owner, 'retention.due')).students).toEqual([]);
    expect((await refusal(owner, 'retention.destroy', { studentIds: [closed.id] })).code).toBe('INVALID_INPUT');

    owner.clock.set('2026-04-15T09:00:00.000Z');
    const due = await call<RetentionDue>(owner, 'retention.due');
    expect(due).toEqual({
      retention: { rule: 'months_after_closing', months: 3 },
      students: [{ studentId: closed.id, code: 'RT-1', closedOn: '2026-01-15', dueOn: '2026-04-15', notes: 2, drafts: 2 }],
      notes: 2,
    });
    expect(JSON.stringify(due)).not.toMatch(/Wrenfield|custody/);
    const refused = await refusal(owner, 'retention.destroy', { studentIds: [closed.id, open.id] });
    expect(refused.code).toBe('INVALID_INPUT');
    expect((await call<RetentionDue>(owner, 'retention.due')).notes).toBe(2); // nothing was destroyed
    expect((await refusal(owner, 'retention.set', { rule: 'months_after_closing', months: 0 })).code).toBe('INVALID_INPUT');
  });

  it('destroys notes, versions, drafts and index entries, keeps released notes and open cases, and audits only counts and a date', async () => {
    const { closed, released, openNote } = await closedCase();
    await call(owner, 'retention.set', { rule: 'school_year_end' });
    owner.clock.set('2026-07-01T09:00:00.000Z');
    expect(owner.session.data.db.pragma('secure_delete', { simple: true })).toBe(1);

    const result = await call<RetentionDestroyResult>(owner, 'retention.destroy', { studentIds: [closed.id] });
    expect(result).toMatchObject({ students: 1, notes: 2, versions: 3, drafts: 2 });

    expect((await call<Note[]>(owner, 'notes.list', { studentId: closed.id })).map((note) => note.id)).toEqual([released.id]);
    expect(await call<Note>(owner, 'notes.get', { id: openNote.id })).toMatchObject({ body: 'Open case: Wrenfield cousin visited.' });
    expect(await call(owner, 'drafts.list')).toEqual([]);
    expect(owner.session.data.db.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(0);
    expect((await call<RetentionDue>(owner, 'retention.due')).students).toEqual([]);

    const [entry] = owner.session.data.audit.listByAction(RETENTION_DESTROYED_ACTION);
    expect(entry?.details).toEqual({ students: 1, notes: 2, versions: 3, drafts: 2, on: '2026-07-01', rule: 'school_year_end' });
    expect(checkVaultHistory(owner.session.data).intact).toBe(true);

    // Nothing of the destroyed text in any table, in the search index's terms, or on any page of the file.
    expect(everythingStored()).not.toMatch(/custody|between us|new draft/);
    const db = owner.session.data.db;
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.note_terms USING fts5vocab(main, notes_fts, row)');
    const terms = db.prepare('SELECT term FROM temp.note_terms').pluck().all() as string[];
    expect(terms).not.toContain('custody');
    expect(terms).toContain('cousin'); // the open case's note is still found
    expect(await call(owner, 'notes.search', { query: 'custody' })).toEqual([]);

    owner.session.lock();
    const wal = `${vaultDatabaseFile(owner.folder)}-wal`;
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    for (const words of ['custody hearing', 'between us', 'Wrenfield new draft', 'Second meeting']) expect(await pagesHolding(owner.folder, words), words).toEqual([]);
    expect((await pagesHolding(owner.folder, 'cousin visited')).length).toBeGreaterThan(0);
    await owner.session.unlock(TEST_PASSPHRASE);
  });
});
