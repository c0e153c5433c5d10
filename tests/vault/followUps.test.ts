import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyNoteHistory } from '../../src-main/vault/repos/notes';
import { todaySummary } from '../../src-main/vault/todaySummary';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, steppingClock, type TestDatabase } from './testVault';

/*
 * Follow-ups on notes and services, and the Today summary, on a real
 * encrypted vault: set, moved, marked done, cleared; never part of a note's
 * revisions; gone with the note or service they are about.
 */

let vault: TestDatabase & { data: VaultData };
const MISSING = '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11';

beforeEach(() => {
  vault = openTestVault(steppingClock('2026-03-10T15:00:00.000Z'));
  vault.data.settings.update({ timeZone: 'UTC' });
});
afterEach(() => vault.dispose());

describe('follow-ups', () => {
  it('keeps a follow-up on a note apart from its text: the revisions and their chain are unchanged', () => {
    const { data } = vault;
    const student = data.students.create({ code: 'F-1' });
    const note = data.notes.create({ studentId: student.id, body: 'Check in about the bus after the break.' });
    const history = JSON.stringify(data.notes.history(note.id));
    const set = data.followUps.set({ noteId: note.id, dueOn: '2026-03-12' });
    expect(set).toMatchObject({ noteId: note.id, serviceId: null, dueOn: '2026-03-12', doneAt: null });
    expect(data.notes.get(note.id)).toEqual(note);
    expect(JSON.stringify(data.notes.history(note.id))).toBe(history);
    expect(verifyNoteHistory(data.notes.history(note.id))).toBe(true);
    // Moving the day keeps one follow-up per note.
    expect(data.followUps.set({ noteId: note.id, dueOn: '2026-03-09' })).toMatchObject({ id: set.id, dueOn: '2026-03-09' });
    expect(vault.db.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(1);
  });

  it('lists what is due today and overdue, oldest first, until marked done; a moved one is open again', () => {
    const { data } = vault;
    const [a, b] = [data.students.create({ code: 'F-A' }), data.students.create({ code: 'F-B' })];
    const note = data.notes.create({ studentId: a.id, body: 'Call   home\nabout attendance.' });
    const service = data.services.create({ date: '2026-03-04', minutes: 30, kind: 'group_session', studentIds: [a.id, b.id] });
    const later = data.notes.create({ studentId: b.id, body: 'Later.' });
    data.followUps.set({ noteId: note.id, dueOn: '2026-03-10' });
    const overdue = data.followUps.set({ serviceId: service.id, dueOn: '2026-03-06' });
    data.followUps.set({ noteId: later.id, dueOn: '2026-03-20' });

    const due = data.followUps.dueBy('2026-03-10');
    expect(due.map((item) => item.dueOn)).toEqual(['2026-03-06', '2026-03-10']);
    expect(due[0]).toMatchObject({ serviceId: service.id, serviceKind: 'group_session', minutes: 30, on: '2026-03-04', notePreview: null });
    expect([...(due[0]?.studentIds ?? [])].sort()).toEqual([a.id, b.id].sort());
    expect(due[1]).toMatchObject({ noteId: note.id, studentIds: [a.id], notePreview: 'Call home about attendance.', serviceKind: null });
    expect(data.followUps.laterThan('2026-03-10')).toBe(1);

    data.followUps.markDone(overdue.id);
    data.followUps.markDone(overdue.id);
    expect(data.followUps.dueBy('2026-03-10').map((item) => item.noteId)).toEqual([note.id]);
    expect(data.followUps.get({ serviceId: service.id })?.doneAt).not.toBeNull();
    data.followUps.set({ serviceId: service.id, dueOn: '2026-03-08' });
    expect(data.followUps.dueBy('2026-03-10')).toHaveLength(2);

    data.followUps.clear({ noteId: note.id });
    data.followUps.clear({ noteId: note.id });
    expect(data.followUps.get({ noteId: note.id })).toBeNull();
  });

  it('refuses an unknown note, service or follow-up and writes nothing; goes with a deleted service', () => {
    const { data } = vault;
    expect(() => data.followUps.set({ noteId: MISSING, dueOn: '2026-03-12' })).toThrow(/No note/);
    expect(() => data.followUps.set({ serviceId: MISSING, dueOn: '2026-03-12' })).toThrow(/No service/);
    expect(() => data.followUps.markDone(MISSING)).toThrow(/No follow-up/);
    expect(() => data.followUps.set({ serviceId: MISSING, dueOn: '2026-02-30' })).toThrow(/calendar date/);
    expect(vault.db.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(0);
    const service = data.services.create({ date: '2026-03-04', minutes: 30, kind: 'administrative' });
    data.followUps.set({ serviceId: service.id, dueOn: '2026-03-05' });
    data.services.delete(service.id);
    expect(vault.db.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(0);
  });

  it('sums up Today: services dated today with totals, follow-ups due, open students seen most recently', () => {
    const { data } = vault;
    const students = ['T-1', 'T-2', 'T-3'].map((code) => data.students.create({ code }));
    const [s1, s2, s3] = students as [(typeof students)[0], (typeof students)[0], (typeof students)[0]];
    data.services.create({ date: '2026-03-10', minutes: 30, kind: 'individual_session', studentIds: [s1.id] });
    data.services.create({ date: '2026-03-10', minutes: 15, kind: 'group_session', studentIds: [s1.id, s2.id] });
    const yesterday = data.services.create({ date: '2026-03-09', minutes: 45, kind: 'individual_session', studentIds: [s3.id] });
    data.services.create({ date: '2026-03-01', minutes: 20, kind: 'individual_session', studentIds: [s2.id] });
    data.followUps.set({ serviceId: yesterday.id, dueOn: '2026-03-09' });
    data.students.close(s3.id, '2026-03-10', 'improved');

    const summary = todaySummary(data);
    expect(summary.today).toBe('2026-03-10');
    expect(summary.totals).toEqual({ count: 2, minutes: 45 });
    expect(summary.services.every((service) => service.date === '2026-03-10')).toBe(true);
    expect(summary.followUps.map((item) => item.serviceId)).toEqual([yesterday.id]);
    expect(summary.laterFollowUps).toBe(0);
    // A closed case is not among the students to see again.
    expect(summary.recentStudents).toEqual([
      { studentId: s1.id, lastSeen: '2026-03-10' },
      { studentId: s2.id, lastSeen: '2026-03-10' },
    ].sort((x, y) => x.studentId.localeCompare(y.studentId)));
  });
});
