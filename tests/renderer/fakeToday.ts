import type { FollowUp, FollowUpTarget } from '../../shared/api/followUpSchemas';
import type { FakeHandlers, FakeState } from './fakeBridge';

/*
 * The fake main side of follow-ups and Today: the same answers as
 * src-main/vault/repos/followUps.ts and src-main/vault/todaySummary.ts, in memory.
 */

let counter = 0;
const followUpId = () => `00000000-0000-4000-9000-${(++counter).toString(16).padStart(12, '0')}`;

/** Today in the worker's time zone setting, as the vault's today() answers. */
export function fakeToday(state: FakeState, clock: () => Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: state.settings.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(clock());
}

export function followUpHandlers({ state, clock, requireUnlocked }: { state: FakeState; clock: () => Date; requireUnlocked: () => void }): FakeHandlers {
  const find = (target: FollowUpTarget) =>
    state.followUps.find((item) => (target.noteId !== undefined ? item.noteId === target.noteId : item.serviceId === target.serviceId)) ?? null;
  return {
    'followUps.get': (target) => {
      requireUnlocked();
      return find(target);
    },
    'followUps.set': ({ dueOn, ...target }) => {
      requireUnlocked();
      const at = clock().toISOString();
      const existing = find(target);
      const next: FollowUp = existing
        ? { ...existing, dueOn, doneAt: null, updatedAt: at }
        : { id: followUpId(), noteId: target.noteId ?? null, serviceId: target.serviceId ?? null, dueOn, doneAt: null, createdAt: at, updatedAt: at };
      state.followUps = [...state.followUps.filter((item) => item.id !== next.id), next];
      return next;
    },
    'followUps.clear': (target) => {
      requireUnlocked();
      const existing = find(target);
      state.followUps = state.followUps.filter((item) => item !== existing);
      return { done: true };
    },
    'followUps.done': ({ id }) => {
      requireUnlocked();
      const at = clock().toISOString();
      state.followUps = state.followUps.map((item) => (item.id === id && item.doneAt == null ? { ...item, doneAt: at, updatedAt: at } : item));
      return { done: true };
    },
    'today.summary': () => {
      requireUnlocked();
      const today = fakeToday(state, clock);
      const services = state.services.filter((service) => service.date === today);
      const due = state.followUps
        .filter((item) => item.doneAt == null && item.dueOn <= today)
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
        .map((item) => {
          const note = state.notes.find((candidate) => candidate.id === item.noteId);
          const service = state.services.find((candidate) => candidate.id === item.serviceId);
          return {
            ...item,
            studentIds: note != null ? (note.studentId == null ? [] : [note.studentId]) : (service?.studentIds ?? []),
            notePreview: note == null ? null : note.body.replace(/\s+/g, ' ').trim().slice(0, 240),
            serviceKind: service?.kind ?? null,
            minutes: service?.minutes ?? null,
            on: service?.date ?? note?.createdAt.slice(0, 10) ?? today,
          };
        });
      const open = new Set(state.students.filter((student) => student.closedOn == null).map((student) => student.id));
      const recentStudents = Object.entries(state.lastSeen)
        .filter(([studentId]) => open.has(studentId))
        .sort(([, a], [, b]) => b.localeCompare(a))
        .slice(0, 8)
        .map(([studentId, lastSeen]) => ({ studentId, lastSeen }));
      return {
        today,
        services,
        totals: { count: services.length, minutes: services.reduce((sum, service) => sum + service.minutes, 0) },
        followUps: due,
        laterFollowUps: state.followUps.filter((item) => item.doneAt == null && item.dueOn > today).length,
        recentStudents,
      };
    },
  };
}
