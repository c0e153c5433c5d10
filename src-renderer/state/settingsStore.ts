import type { IssueCategory, Settings } from '../../shared/api/schemas';
import { call, isQuietError, plainError } from '../api';
import { createVaultStore } from './createVaultStore';

interface SettingsStore {
  settings: Settings | null;
  categories: IssueCategory[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(): Promise<void>;
  /** Applies the change at once, then stores it; puts it back if the vault refuses. */
  update(patch: Partial<Settings>): Promise<Settings>;
  createCategory(label: string): Promise<IssueCategory>;
  updateCategory(id: string, changes: { label?: string; archived?: boolean }): Promise<IssueCategory>;
}

const initial = { settings: null, categories: [] as IssueCategory[], status: 'idle' as const, error: null };

export const useSettingsStore = createVaultStore<SettingsStore>('settings', (set, get) => ({
  ...initial,
  load: async () => {
    set({ status: 'loading', error: null });
    try {
      const [settings, categories] = await Promise.all([call('settings.get', {}), call('categories.list', {})]);
      set({ settings, categories, status: 'ready' });
    } catch (error) {
      if (isQuietError(error)) return;
      set({ status: 'error', error: plainError(error) });
    }
  },
  update: async (patch) => {
    const before = get().settings;
    if (before != null) set({ settings: { ...before, ...patch } });
    try {
      const settings = await call('settings.update', patch);
      set({ settings });
      return settings;
    } catch (error) {
      if (before != null && !isQuietError(error)) set({ settings: before });
      throw error;
    }
  },
  createCategory: async (label) => {
    const category = await call('categories.create', { label });
    set((store) => ({ categories: [...store.categories, category] }));
    return category;
  },
  updateCategory: async (id, changes) => {
    const category = await call('categories.update', { id, ...changes });
    set((store) => ({ categories: store.categories.map((existing) => (existing.id === id ? category : existing)) }));
    return category;
  },
}));
