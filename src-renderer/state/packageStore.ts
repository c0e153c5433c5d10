import type { HandbackResult, ReceivedHandover } from '../../shared/api/handoverSchemas';
import { noteSummaryOf } from '../../shared/domain/notePreview';
import type { AuditEntry, Note, NoteSummary, Service, Student } from '../../shared/api/schemas';
import { call, CallError, isQuietError, plainError } from '../api';
import { createVaultStore } from './createVaultStore';

/**
 * The package handed to this worker that is open on screen: its banner, its
 * students, notes and services, and its access log. Everything here was
 * decrypted from the package, so it is all dropped on lock (see
 * dropDecryptedData) and whenever another package is entered.
 */

export const PACKAGE_NOTES_PAGE = 100;

/**
 * `entering` until the main side answers; `open` inside the package's dates;
 * `outside-dates` when it refuses to show the notes (ended, or not started)
 * but the access log and the hand-back stay possible; `handed-back` once it
 * was handed back (here, just now, or before); `unavailable` for anything else.
 */
export type PackageAccess = 'entering' | 'open' | 'outside-dates' | 'handed-back' | 'unavailable';

export type PackageView =
  | { kind: 'notes' }
  | { kind: 'services' }
  | { kind: 'access-log' }
  /** A note of the package, or a new one (noteId null). */
  | { kind: 'note'; noteId: string | null; studentId: string | null };

interface PackageStore {
  packageId: string | null;
  info: ReceivedHandover | null;
  access: PackageAccess;
  /** Why the notes are not shown (access other than open). */
  problem: string | null;
  view: PackageView;
  students: Student[];
  /** The notes shown: all of them, or one student's (`studentFilter`), a page at a time. */
  notes: NoteSummary[] | null;
  notesDone: boolean;
  studentFilter: string | null;
  services: Service[] | null;
  accessLog: AuditEntry[] | null;
  /** Set while loading fails; the screen shows it beside what it could not load. */
  loadProblem: string | null;
  handback: HandbackResult | null;
  enter(packageId: string): Promise<void>;
  show(view: PackageView): void;
  filterNotes(studentId: string | null): Promise<void>;
  loadMoreNotes(): Promise<void>;
  loadServices(): Promise<void>;
  loadAccessLog(): Promise<void>;
  noteSaved(note: Note): void;
  serviceSaved(service: Service): void;
  handedBack(result: HandbackResult): void;
}

const initial = {
  packageId: null,
  info: null,
  access: 'entering' as PackageAccess,
  problem: null,
  view: { kind: 'notes' } as PackageView,
  students: [] as Student[],
  notes: null,
  notesDone: false,
  studentFilter: null,
  services: null,
  accessLog: null,
  loadProblem: null,
  handback: null,
};

export const usePackageStore = createVaultStore<PackageStore>('package', (set, get) => {
  /** True while the answer still belongs to the package on screen. */
  const still = (packageId: string) => get().packageId === packageId;
  const failed = (packageId: string, error: unknown) => {
    if (still(packageId) && !isQuietError(error)) set({ loadProblem: plainError(error) });
  };

  /** The package's details from the list of received packages, for the banner when entering was refused. */
  const infoFromList = async (packageId: string): Promise<ReceivedHandover | null> => {
    try {
      return (await call('handover.received', {})).find((candidate) => candidate.packageId === packageId) ?? null;
    } catch {
      return null;
    }
  };

  const loadNotes = async (packageId: string, studentId: string | null, offset: number) => {
    const page = await call('handover.notes.list', { packageId, ...(studentId == null ? {} : { studentId }), limit: PACKAGE_NOTES_PAGE, offset });
    if (!still(packageId) || get().studentFilter !== studentId) return;
    set((store) => {
      const before = offset === 0 ? [] : (store.notes ?? []);
      const seen = new Set(before.map((note) => note.id));
      return { notes: [...before, ...page.filter((note) => !seen.has(note.id))], notesDone: page.length < PACKAGE_NOTES_PAGE };
    });
  };

  return {
    ...initial,
    enter: async (packageId) => {
      // Already on its way in (a screen mounted twice in a row): one entry, one opening recorded.
      if (get().packageId === packageId && get().access === 'entering') return;
      set({ ...initial, packageId });
      let info: ReceivedHandover;
      try {
        info = await call('handover.enter', { packageId });
      } catch (error) {
        if (!still(packageId) || isQuietError(error)) return;
        const code = error instanceof CallError ? error.code : null;
        const listed = await infoFromList(packageId);
        if (!still(packageId)) return;
        const access: PackageAccess =
          code === 'HANDOVER_EXPIRED' || code === 'HANDOVER_NOT_YET_VALID' ? 'outside-dates' : listed?.status === 'handed_back' ? 'handed-back' : 'unavailable';
        set({ info: listed, access, problem: plainError(error) });
        return;
      }
      if (!still(packageId)) return;
      set({ info, access: 'open' });
      await Promise.all([
        call('handover.students.list', { packageId })
          .then((students) => {
            if (still(packageId)) set({ students });
          })
          .catch((error: unknown) => failed(packageId, error)),
        loadNotes(packageId, null, 0).catch((error: unknown) => failed(packageId, error)),
      ]);
    },
    show: (view) => {
      set({ view, loadProblem: null });
      const { packageId, access } = get();
      if (packageId == null) return;
      if (view.kind === 'services' && access === 'open') void get().loadServices();
      if (view.kind === 'access-log') void get().loadAccessLog();
    },
    filterNotes: async (studentId) => {
      const { packageId } = get();
      if (packageId == null) return;
      set({ studentFilter: studentId, notes: null, notesDone: false, loadProblem: null });
      await loadNotes(packageId, studentId, 0).catch((error: unknown) => failed(packageId, error));
    },
    loadMoreNotes: async () => {
      const { packageId, studentFilter, notes, notesDone } = get();
      if (packageId == null || notesDone) return;
      await loadNotes(packageId, studentFilter, notes?.length ?? 0).catch((error: unknown) => failed(packageId, error));
    },
    loadServices: async () => {
      const { packageId } = get();
      if (packageId == null) return;
      try {
        const services = await call('handover.services.list', { packageId });
        if (still(packageId)) set({ services });
      } catch (error) {
        failed(packageId, error);
      }
    },
    loadAccessLog: async () => {
      const { packageId } = get();
      if (packageId == null) return;
      try {
        const accessLog = await call('handover.accessLog', { packageId });
        if (still(packageId)) set({ accessLog });
      } catch (error) {
        failed(packageId, error);
      }
    },
    noteSaved: (note) =>
      set((store) => {
        if (store.notes == null || (store.studentFilter != null && store.studentFilter !== note.studentId)) return store;
        return { notes: [noteSummaryOf(note), ...store.notes.filter((summary) => summary.id !== note.id)] };
      }),
    serviceSaved: (service) => set((store) => ({ services: store.services == null ? null : [service, ...store.services.filter((candidate) => candidate.id !== service.id)] })),
    handedBack: (result) =>
      set((store) => ({
        handback: result,
        access: 'handed-back',
        problem: null,
        // The copy is gone; so is everything read from it.
        students: [],
        notes: null,
        services: null,
        accessLog: null,
        info: store.info == null ? null : { ...store.info, status: 'handed_back', validity: null },
      })),
  };
});


/**
 * "New note" and "Log service" (the sidebar's buttons and their shortcuts)
 * while a package is open write in the package, never in the worker's own
 * notes. True when the package took the action.
 */
export function writeInOpenPackage(what: 'note' | 'service'): boolean {
  const store = usePackageStore.getState();
  if (store.access !== 'open') return false;
  if (what === 'service') store.show({ kind: 'services' });
  else if (store.view.kind !== 'note') store.show({ kind: 'note', noteId: null, studentId: store.studentFilter });
  return true;
}
