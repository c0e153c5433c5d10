import type { CommandInput } from '../../shared/api/contract';
import type { NoteSummary, Student } from '../../shared/api/schemas';
import type { CaseOutcome } from '../../shared/domain/caseOutcomes';
import { foldForMatch, studentMatchRank } from '../../shared/domain/studentNames';
import { call, isQuietError, plainError } from '../api';
import { createVaultStore } from './createVaultStore';

export interface StudentFilters {
  text: string;
  grade: number | 'all';
  tier: 1 | 2 | 3 | 'all';
  status: 'open' | 'closed' | 'all';
  iep: boolean;
  plan504: boolean;
  flaggedOnly: boolean;
}

export const DEFAULT_FILTERS: StudentFilters = { text: '', grade: 'all', tier: 'all', status: 'open', iep: false, plan504: false, flaggedOnly: false };

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

interface StudentsStore {
  students: Student[];
  status: LoadStatus;
  error: string | null;
  /** Student id → how many of their notes carry findings. Filled in after the caseload shows. */
  flagged: Record<string, number>;
  flaggedStatus: LoadStatus;
  /** Student id → the last day they were seen (latest service or note), so pickers list recent students first. */
  lastSeen: Record<string, string>;
  filters: StudentFilters;
  load(): Promise<void>;
  loadFlagged(): Promise<void>;
  /** Folds one saved note into the flagged counts without reloading everything. */
  noteSaved(before: Pick<NoteSummary, 'studentId' | 'findings'> | null, after: Pick<NoteSummary, 'studentId' | 'findings'>): void;
  setFilters(patch: Partial<StudentFilters>): void;
  create(fields: CommandInput<'students.create'>): Promise<Student>;
  update(id: string, patch: Omit<CommandInput<'students.update'>, 'id'>): Promise<Student>;
  close(id: string, closedOn: string, outcome: CaseOutcome): Promise<Student>;
  reopen(id: string): Promise<Student>;
  get(id: string): Promise<Student>;
}

const initial = {
  students: [] as Student[],
  status: 'idle' as LoadStatus,
  error: null,
  flagged: {} as Record<string, number>,
  flaggedStatus: 'idle' as LoadStatus,
  lastSeen: {} as Record<string, string>,
  filters: DEFAULT_FILTERS,
};

const byCode = (a: Student, b: Student) => a.code.localeCompare(b.code, 'en', { numeric: true, sensitivity: 'base' });

function isFlagged(note: Pick<NoteSummary, 'findings'>): boolean {
  return note.findings.diagnostic + note.findings.verbatim + note.findings.identifier > 0;
}

export const useStudentsStore = createVaultStore<StudentsStore>('students', (set, get) => {
  const replace = (student: Student) =>
    set((store) => ({ students: [...store.students.filter((s) => s.id !== student.id), student].sort(byCode) }));

  return {
    ...initial,
    load: async () => {
      set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null });
      try {
        const [students, lastSeen] = await Promise.all([call('students.list', { includeClosed: true }), call('students.lastSeen', {})]);
        set({ students: [...students].sort(byCode), lastSeen, status: 'ready' });
      } catch (error) {
        if (isQuietError(error)) return;
        set({ status: 'error', error: plainError(error) });
      }
    },
    loadFlagged: async () => {
      if (get().flaggedStatus === 'loading') return;
      set({ flaggedStatus: 'loading' });
      try {
        const flagged = await call('notes.flaggedCounts', {});
        set({ flagged, flaggedStatus: 'ready' });
      } catch (error) {
        if (isQuietError(error)) return;
        set({ flaggedStatus: 'error' });
      }
    },
    noteSaved: (before, after) =>
      set((store) => {
        const flagged = new Map(Object.entries(store.flagged));
        const adjust = (studentId: string | null, delta: number) => {
          if (studentId == null) return;
          const next = (flagged.get(studentId) ?? 0) + delta;
          if (next > 0) flagged.set(studentId, next);
          else flagged.delete(studentId);
        };
        if (before != null && isFlagged(before)) adjust(before.studentId, -1);
        if (isFlagged(after)) adjust(after.studentId, 1);
        return { flagged: Object.fromEntries(flagged) };
      }),
    setFilters: (patch) => set((store) => ({ filters: { ...store.filters, ...patch } })),
    create: async (fields) => {
      const student = await call('students.create', fields);
      replace(student);
      return student;
    },
    update: async (id, patch) => {
      const student = await call('students.update', { id, ...patch });
      replace(student);
      return student;
    },
    close: async (id, closedOn, outcome) => {
      const student = await call('students.close', { id, closedOn, outcome });
      replace(student);
      return student;
    },
    reopen: async (id) => {
      const student = await call('students.reopen', { id });
      replace(student);
      return student;
    },
    get: async (id) => {
      const student = await call('students.get', { id });
      replace(student);
      return student;
    },
  };
});


/** The caseload as filtered: pure, so the list and its tests agree. */
export function filterStudents(students: readonly Student[], filters: StudentFilters, flagged: Readonly<Record<string, number>> = {}): Student[] {
  const text = foldForMatch(filters.text.trim());
  return students.filter((student) => {
    if (filters.status === 'open' && student.closedOn != null) return false;
    if (filters.status === 'closed' && student.closedOn == null) return false;
    if (filters.grade !== 'all' && student.grade !== filters.grade) return false;
    if (filters.tier !== 'all' && student.tier !== filters.tier) return false;
    if (filters.iep && !student.iep) return false;
    if (filters.plan504 && !student.plan504) return false;
    if (filters.flaggedOnly && (flagged[student.id] ?? 0) === 0) return false;
    if (text !== '') {
      // The code, the name the worker knows them by, or the school.
      if (studentMatchRank(student, text) === null && !foldForMatch(student.school ?? '').includes(text)) return false;
    }
    return true;
  });
}
