import type { SearchResult } from '../../shared/api/searchSchemas';
import type { ServiceKind } from '../../shared/domain/serviceKinds';
import { call, isQuietError, plainError } from '../api';
import { createVaultStore } from './createVaultStore';

export const SEARCH_LIMIT = 50;

/** What narrows the search besides the words. Dates are ISO days, or null for no bound. */
export interface SearchFilters {
  studentId: string | null;
  from: string | null;
  to: string | null;
  kinds: ServiceKind[];
  flagged: boolean;
  sort: 'relevance' | 'date';
}

export const NO_FILTERS: SearchFilters = { studentId: null, from: null, to: null, kinds: [], flagged: false, sort: 'relevance' };

interface SearchStore {
  query: string;
  filters: SearchFilters;
  /** The query and filters the results answer (the worker may have typed on since). */
  answered: string;
  results: SearchResult[];
  status: 'idle' | 'searching' | 'ready' | 'error';
  error: string | null;
  setQuery(query: string): void;
  setFilters(patch: Partial<SearchFilters>): void;
  /** Searches for the query given (or the one typed) with the filters set. */
  run(query?: string): Promise<void>;
}

const initial = { query: '', filters: NO_FILTERS, answered: '', results: [] as SearchResult[], status: 'idle' as const, error: null };

function isNarrowed(filters: SearchFilters): boolean {
  return filters.studentId != null || filters.from != null || filters.to != null || filters.kinds.length > 0 || filters.flagged;
}

/** One key for a query and its filters, so a slower answer to an older search is dropped. */
function searchKey(query: string, filters: SearchFilters): string {
  return JSON.stringify([query.trim(), filters]);
}

export const useSearchStore = createVaultStore<SearchStore>('search', (set, get) => ({
  ...initial,
  setQuery: (query) => set({ query }),
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  run: async (typed) => {
    if (typed !== undefined) set({ query: typed });
    const { query, filters } = get();
    const trimmed = query.trim();
    if (trimmed === '' && !isNarrowed(filters)) {
      set({ results: [], answered: '', status: 'idle', error: null });
      return;
    }
    const key = searchKey(trimmed, filters);
    set({ status: 'searching', error: null });
    try {
      const results = await call('search.all', {
        ...(trimmed === '' ? {} : { query: trimmed }),
        ...(filters.studentId == null ? {} : { studentId: filters.studentId }),
        ...(filters.from == null ? {} : { from: filters.from }),
        ...(filters.to == null ? {} : { to: filters.to }),
        ...(filters.kinds.length === 0 ? {} : { kinds: filters.kinds }),
        ...(filters.flagged ? { flagged: true } : {}),
        sort: filters.sort,
        limit: SEARCH_LIMIT,
      });
      const now = get();
      if (searchKey(now.query, now.filters) === key) set({ results, answered: trimmed, status: 'ready' });
    } catch (error) {
      if (isQuietError(error)) return;
      const now = get();
      if (searchKey(now.query, now.filters) === key) set({ status: 'error', error: plainError(error) });
    }
  },
}));
