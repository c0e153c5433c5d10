import { create } from 'zustand';
import type { SearchHit } from '../../shared/api/schemas';
import { call, isQuietError, plainError } from '../api';

export const SEARCH_LIMIT = 50;

interface SearchStore {
  query: string;
  /** The query the hits answer (the worker may have typed on since). */
  answered: string;
  hits: SearchHit[];
  status: 'idle' | 'searching' | 'ready' | 'error';
  error: string | null;
  setQuery(query: string): void;
  run(query: string): Promise<void>;
}

const initial = { query: '', answered: '', hits: [] as SearchHit[], status: 'idle' as const, error: null };

export const useSearchStore = create<SearchStore>()((set, get) => ({
  ...initial,
  setQuery: (query) => set({ query }),
  run: async (query) => {
    const trimmed = query.trim();
    if (trimmed === '') {
      set({ hits: [], answered: '', status: 'idle', error: null });
      return;
    }
    set({ status: 'searching', error: null });
    try {
      const hits = await call('notes.search', { query: trimmed, limit: SEARCH_LIMIT });
      // A slower answer to an older query must not overwrite a newer one.
      if (get().query.trim() === trimmed) set({ hits, answered: trimmed, status: 'ready' });
    } catch (error) {
      if (isQuietError(error)) return;
      if (get().query.trim() === trimmed) set({ status: 'error', error: plainError(error) });
    }
  },
}));

export function resetSearchStore(): void {
  useSearchStore.setState({ ...initial });
}
