import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { SearchResult, SearchStudent } from '../../shared/api/searchSchemas';
import type { SearchHit } from '../../shared/api/schemas';
import { SERVICE_KINDS, serviceKindInfo, type ServiceKind } from '../../shared/domain/serviceKinds';
import { studentLabel } from '../../shared/domain/studentNames';
import { CheckChips } from '../components/CheckChips';
import { DateField } from '../components/DateField';
import { FlagIcon } from '../components/Icons';
import { ReleasedMarker } from '../components/Markers';
import { ProblemLine } from '../components/ProblemLine';
import { StudentPicker } from '../components/StudentPicker';
import { formatMediumDate, formatMinutes, parseDateInput } from '../lib/dates';
import { useSearchStore } from '../state/searchStore';
import { useStudentsStore } from '../state/studentsStore';
import { useUiStore } from '../state/uiStore';

const SEARCH_DELAY_MS = 180;
const KIND_OPTIONS = SERVICE_KINDS.map((kind) => ({ id: kind.id, label: kind.label }));

/** A snippet with the matched words marked: text nodes and <mark>, never HTML. */
export function Snippet({ parts }: { parts: SearchHit['snippet'] }) {
  return (
    <span className="snippet">
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </span>
  );
}

function whoLabel(students: readonly SearchStudent[], none: string): string {
  return students.length === 0 ? none : students.map((student) => studentLabel(student)).join(', ');
}

function countLabel(results: readonly SearchResult[]): string {
  const notes = results.filter((result) => result.type === 'note').length;
  const services = results.length - notes;
  const parts = [notes > 0 ? (notes === 1 ? '1 note' : `${notes} notes`) : null, services > 0 ? (services === 1 ? '1 service' : `${services} services`) : null];
  return `${parts.filter((part) => part != null).join(' and ')} found`;
}

/**
 * Searching notes and services at once: by their words, a student's code or
 * the name the worker knows them by, narrowed by days, kinds or flagged notes.
 * The arrow keys move from the field through the results; Enter opens one.
 */
export function Search() {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const { query, filters, answered, results, status, error, setQuery, setFilters, run } = useSearchStore();
  const students = useStudentsStore((store) => store.students);
  const loadStudents = useStudentsStore((store) => store.load);
  const navigate = useUiStore((store) => store.navigate);
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [showFilters, setShowFilters] = useState(false);

  // The field is the point of this screen: the cursor starts there.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
    if (students.length === 0) void loadStudents();
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => void run(), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // Typing and each filter start a search; the other values are read as they are then.
  }, [query, filters]);

  // The student, days and kinds sit in a panel that stays open while any of them is set.
  const panelSet = filters.studentId != null || filters.from != null || filters.to != null || filters.kinds.length > 0;
  const narrowed = panelSet || filters.flagged;
  const count = useMemo(() => {
    if (status !== 'ready') return '';
    if (results.length > 0) return countLabel(results);
    return answered === '' ? 'Nothing matches these filters.' : `Nothing found for “${answered}”.`;
  }, [status, results, answered]);

  function open(result: SearchResult) {
    if (result.type === 'note') navigate({ name: 'note', noteId: result.noteId, studentId: result.students.length === 1 ? (result.students[0]?.id ?? null) : null });
    else navigate({ name: 'services', serviceId: result.serviceId });
  }

  function resultButtons(): HTMLButtonElement[] {
    return [...(list.current?.querySelectorAll<HTMLButtonElement>('button.search-hit') ?? [])];
  }

  function onFieldKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      const first = resultButtons()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  function onResultKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = resultButtons();
    const index = buttons.indexOf(event.currentTarget);
    if (event.key === 'ArrowUp' && index === 0) input.current?.focus();
    else buttons[Math.min(buttons.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1))]?.focus();
  }

  function setDay(which: 'from' | 'to', text: string) {
    (which === 'from' ? setFromText : setToText)(text);
    const day = text.trim() === '' ? null : parseDateInput(text);
    // A half-typed date leaves the search as it was until it reads as a day.
    if (text.trim() === '' || day != null) setFilters({ [which]: day });
  }

  return (
    <div className="screen-body search-screen">
      <div className="screen-head">
        <h1>Search</h1>
      </div>
      <form
        role="search"
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          // Enter in the field opens the first result once they are shown for what was typed.
          const first = results[0];
          if (status === 'ready' && answered === query.trim() && first) open(first);
          else void run();
        }}
      >
        <label htmlFor={`${id}-q`}>Search notes and services</label>
        <input
          id={`${id}-q`}
          ref={input}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onFieldKeyDown}
          aria-describedby={`${id}-hint`}
        />
        <p className="hint" id={`${id}-hint`}>
          Type words from a note, or a student’s code or name. Add * to match the start of a word, for example attend*. Down arrow goes to the results, Enter opens one.
        </p>
        <div className="search-options">
          <label className="inline-check">
            <span>Order</span>
            <select value={filters.sort} onChange={(event) => setFilters({ sort: event.target.value as 'relevance' | 'date' })}>
              <option value="relevance">Best match first</option>
              <option value="date">Newest first</option>
            </select>
          </label>
          <label className="inline-check">
            <input type="checkbox" checked={filters.flagged} onChange={(event) => setFilters({ flagged: event.target.checked })} />
            Only flagged notes
          </label>
          {!panelSet && (
            // Bordered, so it reads as a button beside the tick box rather than as a line of text.
            <button type="button" className="small" aria-expanded={showFilters} onClick={() => setShowFilters(!showFilters)}>
              {showFilters ? 'Fewer filters' : 'Student, dates and kinds…'}
            </button>
          )}
          {narrowed && (
            <button
              type="button"
              className="small quiet"
              onClick={() => {
                setFromText('');
                setToText('');
                setFilters({ studentId: null, from: null, to: null, kinds: [], flagged: false });
                setShowFilters(false);
              }}
            >
              Clear filters
            </button>
          )}
        </div>
        {(showFilters || panelSet) && (
          <div className="search-filters">
            <StudentPicker
              id={`${id}-student`}
              label="Only about this student"
              students={students}
              selected={filters.studentId == null ? [] : [filters.studentId]}
              onChange={(ids) => setFilters({ studentId: ids[0] ?? null })}
              single
            />
            <div className="when-row">
              <DateField id={`${id}-from`} label="From" value={fromText} onChange={(text) => setDay('from', text)} dayButtons={false} hint="Any day" />
              <DateField id={`${id}-to`} label="To" value={toText} onChange={(text) => setDay('to', text)} dayButtons={false} hint="Any day" />
            </div>
            <CheckChips legend="Kinds of service" options={KIND_OPTIONS} checked={filters.kinds} onChange={(ids) => setFilters({ kinds: ids as ServiceKind[] })} />
          </div>
        )}
      </form>
      <p className="result-count" aria-live="polite">
        {status === 'searching' ? 'Searching…' : count}
      </p>
      {status === 'error' && <ProblemLine message={error} />}
      {results.length > 0 && (
        <ol className="search-results" aria-label="Matching notes and services" ref={list}>
          {results.map((result) =>
            result.type === 'note' ? (
              <li key={`note-${result.noteId}`}>
                <button type="button" className={result.status === 'released' ? 'search-hit is-released' : 'search-hit'} onClick={() => open(result)} onKeyDown={onResultKeyDown}>
                  <span className="hit-head">
                    <span className="hit-student">{whoLabel(result.students, 'General note')}</span>
                    <span className="hit-type">{result.service == null ? 'Note' : `Note · ${serviceKindInfo(result.service.kind).label}, ${formatMinutes(result.service.minutes)}`}</span>
                    {result.flagged && (
                      <span className="inline-flag">
                        <FlagIcon />
                        Flagged
                      </span>
                    )}
                    {result.status === 'released' && <ReleasedMarker />}
                    <span className="hit-when">{formatMediumDate(result.date)}</span>
                  </span>
                  <Snippet parts={result.snippet} />
                </button>
              </li>
            ) : (
              <li key={`service-${result.serviceId}`}>
                <button type="button" className="search-hit is-service" onClick={() => open(result)} onKeyDown={onResultKeyDown}>
                  <span className="hit-head">
                    <span className="hit-student">{whoLabel(result.students, 'No student')}</span>
                    <span className="hit-type">Service · {serviceKindInfo(result.kind).label}, {formatMinutes(result.minutes)}</span>
                    <span className="hit-when">{formatMediumDate(result.date)}</span>
                  </span>
                  {result.issueLabels.length > 0 && <span className="snippet">{result.issueLabels.join(', ')}</span>}
                </button>
              </li>
            ),
          )}
        </ol>
      )}
    </div>
  );
}
