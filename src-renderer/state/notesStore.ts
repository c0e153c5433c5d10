import type { CommandInput } from '../../shared/api/contract';
import { noteSummaryOf } from '../../shared/domain/notePreview';
import type { Note, NoteSummary } from '../../shared/api/schemas';
import { call } from '../api';
import { useStudentsStore } from './studentsStore';
import { createVaultStore } from './createVaultStore';

export const TIMELINE_PAGE = 50;

interface Timeline {
  notes: NoteSummary[];
  /** True once the last page has come back shorter than a page. */
  done: boolean;
}

interface NotesStore {
  /** Note summaries per student, newest first, loaded a page at a time. */
  timelines: Record<string, Timeline>;
  loadMore(studentId: string): Promise<void>;
  reloadTimeline(studentId: string): Promise<void>;
  get(id: string): Promise<Note>;
  create(input: CommandInput<'notes.create'>): Promise<Note>;
  update(input: CommandInput<'notes.update'>, before: Note): Promise<Note>;
}

const initial = { timelines: {} as Record<string, Timeline> };

export const useNotesStore = createVaultStore<NotesStore>('notes', (set, get) => {
  /** Puts a saved note at the top of its student's timeline. */
  const upsert = (note: Note) => {
    if (note.studentId == null) return;
    const studentId = note.studentId;
    set((store) => {
      const timeline = store.timelines[studentId];
      if (timeline === undefined) return store;
      const notes = [noteSummaryOf(note), ...timeline.notes.filter((summary) => summary.id !== note.id)];
      return { timelines: { ...store.timelines, [studentId]: { ...timeline, notes } } };
    });
  };

  return {
    ...initial,
    loadMore: async (studentId) => {
      const current = get().timelines[studentId];
      if (current?.done === true) return;
      const offset = current?.notes.length ?? 0;
      const page = await call('notes.list', { studentId, limit: TIMELINE_PAGE, offset });
      set((store) => {
        const before = store.timelines[studentId]?.notes ?? [];
        const seen = new Set(before.map((note) => note.id));
        const notes = [...before, ...page.filter((note) => !seen.has(note.id))];
        return { timelines: { ...store.timelines, [studentId]: { notes, done: page.length < TIMELINE_PAGE } } };
      });
    },
    reloadTimeline: async (studentId) => {
      set((store) => ({ timelines: Object.fromEntries(Object.entries(store.timelines).filter(([id]) => id !== studentId)) }));
      await get().loadMore(studentId);
    },
    get: (id) => call('notes.get', { id }),
    create: async (input) => {
      const note = await call('notes.create', input);
      upsert(note);
      useStudentsStore.getState().noteSaved(null, note);
      return note;
    },
    update: async (input, before) => {
      const note = await call('notes.update', input);
      upsert(note);
      useStudentsStore.getState().noteSaved(before, note);
      return note;
    },
  };
});
