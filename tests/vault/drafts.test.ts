import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DraftContext } from '../../shared/api/draftSchemas';
import { createRouter, type Router } from '../../src-main/api/router';
import { DraftKeeper, DRAFT_WRITE_DELAY_MS, type DraftTimers } from '../../src-main/vault/drafts/draftKeeper';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { TEST_PASSPHRASE, createdVault, removeDir } from '../helpers/tempVault';

/*
 * Unfinished notes on a real encrypted vault: the keeper writes what is
 * typed at most DRAFT_WRITE_DELAY_MS after it arrived, even while typing goes
 * on, and at once when a lock begins; a draft goes with its note; and no
 * draft reaches the search, a report, a disclosure or the vault's files in
 * plain text.
 */

/** Timers run by hand: `advance` moves the clock and fires what falls due, in order. */
class ManualTimers implements DraftTimers {
  now = 0;
  #next = 1;
  #queue = new Map<number, { at: number; callback: () => void }>();
  set(callback: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#queue.set(id, { at: this.now + ms, callback });
    return id;
  }
  clear(handle: unknown): void {
    this.#queue.delete(handle as number);
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.#queue.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#queue.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = end;
  }
}

const CANARY = 'PELICANDRAFT';

let root: string;
let session: VaultSession;
let router: Router;
let timers: ManualTimers;
let keeper: DraftKeeper;
let studentId: string;
let newNote: DraftContext;

beforeEach(async () => {
  ({ session, root } = await createdVault());
  router = createRouter(session, { reportInternalError: (command, error) => console.error(command, error) });
  timers = new ManualTimers();
  keeper = new DraftKeeper(session, { timers });
  studentId = session.data.students.create({ code: 'DR-1', grade: 5 }).id;
  newNote = { kind: 'note', noteId: null, studentId, serviceId: null };
});
afterEach(() => {
  session.lock();
  removeDir(root);
});

function stored(context: DraftContext): string | null {
  return session.data.drafts.get(context)?.body ?? null;
}

describe('the draft keeper', () => {
  it('writes a draft no later than the delay after it arrived, even while the worker types without a pause', () => {
    keeper.put({ context: newNote, body: 'M', cursor: 1 });
    timers.advance(DRAFT_WRITE_DELAY_MS - 1);
    expect(stored(newNote)).toBeNull();
    timers.advance(1);
    expect(stored(newNote)).toBe('M');

    // A keystroke every 90 ms for 6 s: a debounce would write nothing until the typing stops.
    const sent: { at: number; text: string }[] = [{ at: 0, text: 'M' }];
    let text = 'M';
    for (let step = 0; step < 66; step += 1) {
      timers.advance(90);
      text += 'et with the student about the move. '.charAt(step % 36);
      keeper.put({ context: newNote, body: text, cursor: text.length });
      sent.push({ at: timers.now, text });
      // What a crash now would lose: everything sent after the text in the vault, which must begin at most the delay ago.
      const onDisk = sent.findIndex((entry) => entry.text === stored(newNote));
      expect(onDisk).toBeGreaterThanOrEqual(0);
      const lostFrom = sent[onDisk + 1]?.at ?? timers.now;
      expect(timers.now - lostFrom, `at ${timers.now} ms a crash would lose what was typed since ${lostFrom} ms`).toBeLessThanOrEqual(DRAFT_WRITE_DELAY_MS);
    }
    timers.advance(DRAFT_WRITE_DELAY_MS);
    expect(session.data.drafts.get(newNote)).toMatchObject({ body: text, cursor: text.length, resume: true });
    expect(keeper.pendingCount()).toBe(0);
    // Each write skips the wait for the disk for its own commit only: the vault's setting is back.
    expect(session.data.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('writes what is waiting the moment a lock begins, before the database closes, and keeps nothing in memory', async () => {
    keeper.put({ context: newNote, body: 'Half a thought about the bus', cursor: 12 });
    expect(stored(newNote)).toBeNull();
    session.lock('idle');
    expect(keeper.pendingCount()).toBe(0);
    expect(keeper.keptAtLock()).toBe(1);
    timers.advance(DRAFT_WRITE_DELAY_MS * 3); // the timer was cancelled: nothing to write, nothing thrown

    await session.unlock(TEST_PASSPHRASE);
    expect(session.data.drafts.get(newNote)).toMatchObject({ body: 'Half a thought about the bus', cursor: 12, resume: true });
  });

  it('keeps the "Follow up on" field with the text through a lock, for a note and for a service form', async () => {
    const serviceForm: DraftContext = { kind: 'service', serviceId: null, packageId: null };
    const form = { date: '3/2/2026', minutes: '30', kind: 'individual_session', teamType: '', studentIds: [studentId], categoryIds: [] };
    keeper.put({ context: newNote, body: 'Call home about the bus', cursor: 4, followUp: '3/9/2026' });
    keeper.put({ context: serviceForm, body: 'Went well', cursor: 9, form, followUp: '3/1' });
    session.lock('idle');

    await session.unlock(TEST_PASSPHRASE);
    expect(session.data.drafts.get(newNote)).toMatchObject({ body: 'Call home about the bus', form: null, followUp: '3/9/2026' });
    expect(session.data.drafts.get(serviceForm)).toMatchObject({ body: 'Went well', form, followUp: '3/1' });
    // Emptied, the field is no longer kept; a draft from before the field was kept reads as having none.
    keeper.put({ context: newNote, body: 'Call home about the bus', cursor: 4, followUp: '' });
    keeper.flush();
    expect(session.data.drafts.get(newNote)).not.toHaveProperty('followUp');
    expect(session.data.db.prepare('SELECT form FROM drafts WHERE body = ?').pluck().get('Call home about the bus')).toBeNull();
    expect(await router.invoke('drafts.get', { context: serviceForm })).toMatchObject({ ok: true, value: { followUp: '3/1', form } });
  });

  it('counts at the lock only the drafts the worker will be brought back to', async () => {
    keeper.put({ context: newNote, body: 'Left for later', cursor: 3, resume: false });
    session.lock('screen-lock');
    expect(keeper.keptAtLock()).toBe(0);
    await session.unlock(TEST_PASSPHRASE);
    expect(session.data.drafts.get(newNote)?.resume).toBe(false);
  });

  it('discarding takes the draft and any text still waiting, which never comes back', () => {
    keeper.put({ context: newNote, body: 'first', cursor: 5 });
    timers.advance(DRAFT_WRITE_DELAY_MS);
    keeper.put({ context: newNote, body: 'first and more', cursor: 14 });
    keeper.discard(newNote);
    timers.advance(DRAFT_WRITE_DELAY_MS * 2);
    expect(stored(newNote)).toBeNull();
    session.lock('user');
    expect(keeper.keptAtLock()).toBe(0);
  });

  it('keeps one draft per editor, most recent first, and clamps a cursor past the end', () => {
    const note = session.data.notes.create({ studentId, body: 'Saved text.' });
    const edit: DraftContext = { kind: 'note', noteId: note.id, studentId, serviceId: null };
    const general: DraftContext = { kind: 'note', noteId: null, studentId: null, serviceId: null };
    keeper.put({ context: newNote, body: 'one', cursor: 3 });
    keeper.put({ context: newNote, body: 'one two', cursor: 99 });
    timers.advance(DRAFT_WRITE_DELAY_MS);
    keeper.put({ context: edit, body: 'Saved text. And an edit.', cursor: 11 });
    keeper.put({ context: general, body: 'general', cursor: 0 });
    const list = keeper.list();
    expect(list.map((draft) => draft.body).sort()).toEqual(['Saved text. And an edit.', 'general', 'one two']);
    expect(list.at(-1)?.body).toBe('one two');
    expect(session.data.drafts.get(newNote)?.cursor).toBe(7);
    expect(session.data.db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(3);
    // The edit's draft has no revision: the note is as saved.
    expect(session.data.notes.get(note.id)).toMatchObject({ body: 'Saved text.', revision: 1 });
  });

  it('a deleted note or service takes its drafts with it; a draft for one that is not there is refused', () => {
    const note = session.data.notes.create({ studentId, body: 'Saved.' });
    const service = session.data.services.create({ date: '2026-03-02', minutes: 30, kind: 'individual_session', studentIds: [studentId] });
    const edit: DraftContext = { kind: 'note', noteId: note.id, studentId, serviceId: null };
    const serviceEdit: DraftContext = { kind: 'service', serviceId: service.id, packageId: null };
    keeper.put({ context: edit, body: 'Saved. More.', cursor: 0 });
    keeper.put({ context: serviceEdit, body: 'Went well.', cursor: 0 });
    keeper.flush();
    session.data.notes.delete(note.id);
    session.data.services.delete(service.id);
    expect(keeper.list()).toEqual([]);
    expect(() => keeper.put({ context: edit, body: 'again', cursor: 0 })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('drafts through the router', () => {
  it('are refused while locked, except for the count the unlock screen shows', async () => {
    await router.invoke('drafts.put', { context: newNote, body: 'typed', cursor: 5 });
    session.lock('idle');
    expect(await router.invoke('drafts.put', { context: newNote, body: 'typed more', cursor: 10 })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await router.invoke('drafts.list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await router.invoke('drafts.atLock', {})).toEqual({ ok: true, value: { kept: 1 } });
    await session.unlock(TEST_PASSPHRASE);
    expect(await router.invoke('drafts.list', {})).toMatchObject({ ok: true, value: [{ context: newNote, body: 'typed', cursor: 5 }] });
  });

  it('are never in the search, a report, a disclosure or the vault files in plain text', async () => {
    const note = session.data.notes.create({ studentId, body: 'Talked about lunch.' });
    session.data.services.create({ date: '2026-03-02', minutes: 30, kind: 'individual_session', studentIds: [studentId], noteId: note.id });
    const edit: DraftContext = { kind: 'note', noteId: note.id, studentId, serviceId: null };
    const body = `Talked about lunch. ${CANARY} said more.`;
    expect(await router.invoke('drafts.put', { context: edit, body, cursor: 3 })).toMatchObject({ ok: true });
    expect(await router.invoke('drafts.put', { context: newNote, body: `${CANARY} again`, cursor: 3 })).toMatchObject({ ok: true });
    expect(await router.invoke('drafts.get', { context: edit })).toMatchObject({ ok: true, value: { body } });

    expect(await router.invoke('notes.search', { query: CANARY })).toEqual({ ok: true, value: [] });
    expect(session.data.db.prepare('SELECT count(*) FROM notes_fts WHERE notes_fts MATCH ?').pluck().get(CANARY)).toBe(0);
    expect(JSON.stringify(await router.invoke('notes.list', { limit: 500 }))).not.toContain(CANARY);
    expect(JSON.stringify(await router.invoke('notes.get', { id: note.id }))).not.toContain(CANARY);

    const reportFolder = path.join(root, 'report');
    const report = await router.invoke('reports.export', { month: '2026-03', folder: reportFolder });
    expect(report).toMatchObject({ ok: true });
    for (const file of fs.readdirSync(reportFolder)) expect(fs.readFileSync(path.join(reportFolder, file), 'utf8'), file).not.toContain(CANARY);

    const disclosure = path.join(root, 'disclosure.html');
    expect(await router.invoke('disclosure.courtOrder', { noteIds: [note.id], orderReference: 'Case 1', file: disclosure })).toMatchObject({ ok: true });
    expect(fs.readFileSync(disclosure, 'utf8')).not.toContain(CANARY);

    session.lock('user');
    for (const file of fs.readdirSync(session.folder)) {
      const full = path.join(session.folder, file);
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).includes(Buffer.from(CANARY)), file).toBe(false);
    }
  });
});
