import { useEffect, useId, useRef } from 'react';
import type { SearchHit } from '../../shared/api/schemas';
import { ReleasedMarker } from '../components/Markers';
import { formatTimestamp } from '../lib/dates';
import { useSearchStore } from '../state/searchStore';
import { useUiStore } from '../state/uiStore';

const SEARCH_DELAY_MS = 180;

/** A snippet with the matched words marked: text nodes and <mark>, never HTML. */
export function Snippet({ parts }: { parts: SearchHit['snippet'] }) {
  return (
    <span className="snippet">
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </span>
  );
}

/** Searching every note's words, best match first. */
export function Search() {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { query, answered, hits, status, error, setQuery, run } = useSearchStore();
  const navigate = useUiStore((store) => store.navigate);

  // The field is the point of this screen: the cursor starts there.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  useEffect(() => {
    if (query.trim() === answered && status !== 'idle') return undefined;
    const timer = setTimeout(() => void run(query), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // Only typing starts a search; the other values are read as they are then.
  }, [query]);

  const count = status === 'ready' ? (hits.length === 0 ? `No notes contain “${answered}”.` : `${hits.length === 1 ? '1 note' : `${hits.length} notes`} found`) : '';

  return (
    <div className="screen-body search-screen">
      <div className="screen-head">
        <h1>Search</h1>
      </div>
      <form role="search" className="search-form" onSubmit={(event) => {
        event.preventDefault();
        void run(query);
      }}>
        <label htmlFor={`${id}-q`}>Search notes</label>
        <input
          id={`${id}-q`}
          ref={input}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <p className="hint" id={`${id}-hint`}>
          Finds notes holding all the words you type. Add * to match the start of a word, for example attend*.
        </p>
      </form>
      <p className="result-count" aria-live="polite">
        {status === 'searching' ? 'Searching…' : count}
      </p>
      {status === 'error' && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      {hits.length > 0 && (
        <ol className="search-results" aria-label="Matching notes">
          {hits.map((hit) => (
            <li key={hit.noteId}>
              <button
                type="button"
                className={hit.status === 'released' ? 'search-hit is-released' : 'search-hit'}
                onClick={() => navigate({ name: 'note', noteId: hit.noteId, studentId: hit.studentId })}
              >
                <span className="hit-head">
                  <span className="hit-student">{hit.studentCode ?? 'General note'}</span>
                  {hit.status === 'released' && <ReleasedMarker />}
                  <span className="hit-when">{formatTimestamp(hit.updatedAt)}</span>
                </span>
                <Snippet parts={hit.snippet} />
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
