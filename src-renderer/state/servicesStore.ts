import type { Service, ServiceFields } from '../../shared/api/schemas';
import { call, isQuietError, plainError } from '../api';
import { addDays, startOfWeek, todayIso } from '../lib/dates';
import { createVaultStore } from './createVaultStore';

export type ServiceView = 'day' | 'week';

interface ServicesStore {
  view: ServiceView;
  /** Any day in the period shown. */
  anchor: string;
  services: Service[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** Services per student, for the student timeline. */
  byStudent: Record<string, Service[]>;
  setView(view: ServiceView): void;
  setAnchor(anchor: string): void;
  load(): Promise<void>;
  loadForStudent(studentId: string): Promise<Service[]>;
  create(fields: ServiceFields): Promise<Service>;
  update(id: string, fields: ServiceFields): Promise<Service>;
  remove(id: string): Promise<void>;
}

export function periodOf(view: ServiceView, anchor: string): { from: string; to: string } {
  if (view === 'day') return { from: anchor, to: anchor };
  const from = startOfWeek(anchor);
  return { from, to: addDays(from, 6) };
}

const initial = () => ({
  view: 'week' as ServiceView,
  anchor: todayIso(),
  services: [] as Service[],
  status: 'idle' as const,
  error: null,
  byStudent: {} as Record<string, Service[]>,
});

export const useServicesStore = createVaultStore<ServicesStore>('services', (set, get) => {
  /** After a change: the period is reloaded and the per-student caches it touched are dropped. */
  const changed = async (touched: readonly string[]) => {
    set((store) => ({ byStudent: Object.fromEntries(Object.entries(store.byStudent).filter(([id]) => !touched.includes(id))) }));
    await get().load();
  };

  return {
    ...initial(),
    setView: (view) => {
      set({ view });
      void get().load();
    },
    setAnchor: (anchor) => {
      set({ anchor });
      void get().load();
    },
    load: async () => {
      const { view, anchor } = get();
      set({ status: 'loading', error: null });
      try {
        const services = await call('services.list', periodOf(view, anchor));
        // Only keep the answer if the worker has not moved on to another period meanwhile.
        if (get().view === view && get().anchor === anchor) set({ services, status: 'ready' });
      } catch (error) {
        if (isQuietError(error)) return;
        set({ status: 'error', error: plainError(error) });
      }
    },
    loadForStudent: async (studentId) => {
      const services = await call('services.list', { studentId });
      set((store) => ({ byStudent: { ...store.byStudent, [studentId]: services } }));
      return services;
    },
    create: async (fields) => {
      const service = await call('services.create', fields);
      await changed(service.studentIds);
      return service;
    },
    update: async (id, fields) => {
      const before = get().services.find((service) => service.id === id);
      const service = await call('services.update', { id, fields });
      await changed([...(before?.studentIds ?? []), ...service.studentIds]);
      return service;
    },
    remove: async (id) => {
      const before = get().services.find((service) => service.id === id);
      await call('services.delete', { id });
      await changed(before?.studentIds ?? []);
    },
  };
});
