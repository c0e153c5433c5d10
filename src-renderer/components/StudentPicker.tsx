import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import type { Student } from '../../shared/api/schemas';
import { studentLabel, studentMatchRank } from '../../shared/domain/studentNames';
import { useStudentsStore } from '../state/studentsStore';
import { CloseIcon } from './Icons';

const MAX_OPTIONS = 8;

/**
 * Students matching the query by code or by the name the worker knows them by:
 * code starting with it first, then a word of the name starting with it, then
 * anything containing it; within each, the students seen most recently first.
 */
export function matchStudents(
  students: readonly Student[],
  query: string,
  exclude: ReadonlySet<string>,
  lastSeen: Readonly<Record<string, string>> = {},
): Student[] {
  if (query.trim() === '') return [];
  const ranked: { student: Student; rank: number; seen: string; order: number }[] = [];
  students.forEach((student, order) => {
    if (exclude.has(student.id)) return;
    const rank = studentMatchRank(student, query);
    if (rank !== null) ranked.push({ student, rank, seen: lastSeen[student.id] ?? '', order });
  });
  ranked.sort((a, b) => a.rank - b.rank || (a.seen === b.seen ? a.order - b.order : a.seen < b.seen ? 1 : -1));
  return ranked.slice(0, MAX_OPTIONS).map((entry) => entry.student);
}

/**
 * Choosing students by typing their code: a combobox with a list of matches.
 * Enter adds the highlighted match (or, with nothing typed, lets the form
 * save), and so does Tab when only one student matches; Backspace with nothing typed removes the last student; with `single`
 * a new choice replaces the old one.
 */
export function StudentPicker({
  id,
  label,
  students,
  selected,
  onChange,
  single,
  inputRef,
  error,
  hint,
}: {
  id: string;
  label: string;
  students: readonly Student[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  single: boolean;
  inputRef?: Ref<HTMLInputElement>;
  error?: string | null;
  hint?: string;
}) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const chosen = useMemo(() => new Set(selected), [selected]);
  const lastSeen = useStudentsStore((store) => store.lastSeen);
  const options = useMemo(() => matchStudents(students, query, single ? new Set() : chosen, lastSeen), [students, query, chosen, single, lastSeen]);
  const byId = useMemo(() => new Map(students.map((student) => [student.id, student])), [students]);
  const expanded = open && query.trim() !== '';
  const activeOption = expanded ? options[Math.min(active, options.length - 1)] : undefined;

  function add(student: Student) {
    onChange(single ? [student.id] : [...selected.filter((existing) => existing !== student.id), student.id]);
    setQuery('');
    setActive(0);
    setOpen(false);
  }

  function remove(studentId: string) {
    onChange(selected.filter((existing) => existing !== studentId));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        if (options.length === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive((index) => (index + 1) % options.length);
        return;
      case 'ArrowUp':
        if (options.length === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive((index) => (index - 1 + options.length) % options.length);
        return;
      case 'Enter':
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        if (activeOption != null) {
          event.preventDefault();
          event.stopPropagation();
          add(activeOption);
        } else if (query.trim() !== '') {
          // Typed something that matches no one: do not save the form by surprise.
          event.preventDefault();
          event.stopPropagation();
        }
        return;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
        }
        return;
      case 'Tab':
        // One match left: Tab takes it and moves on, as Enter would.
        if (!event.shiftKey && query.trim() !== '' && options.length === 1 && options[0] != null) add(options[0]);
        return;
      case 'Backspace':
        if (query === '' && selected.length > 0) {
          event.preventDefault();
          remove(selected[selected.length - 1] as string);
        }
        return;
    }
  }

  const describedBy = [`${id}-hint`, error != null ? `${id}-error` : null].filter((part) => part != null).join(' ');

  return (
    <div className="field picker">
      <label htmlFor={id}>{label}</label>
      <div className={error != null ? 'picker-box is-invalid' : 'picker-box'}>
        {selected.length > 0 && (
          <ul className="picker-chips" aria-label={`Chosen ${single ? 'student' : 'students'}`}>
            {selected.map((studentId) => {
              const student = byId.get(studentId);
              const code = student == null ? 'Unknown student' : studentLabel(student);
              return (
                <li key={studentId} className="chip">
                  <span>{code}</span>
                  <button type="button" tabIndex={-1} aria-label={`Remove ${code}`} onClick={() => remove(studentId)}>
                    <CloseIcon />
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <input
          id={id}
          ref={inputRef}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeOption == null ? undefined : `${listId}-${activeOption.id}`}
          aria-describedby={describedBy}
          aria-invalid={error != null}
          value={query}
          placeholder={selected.length === 0 ? 'Type a code or name' : single ? 'Type to change' : 'Type to add another'}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
      </div>
      <ul id={listId} role="listbox" aria-label={`Students matching ${query.trim() || 'what you type'}`} className="picker-list" hidden={!expanded}>
        {expanded && options.length === 0 && (
          <li className="picker-empty" role="option" aria-disabled="true" aria-selected="false">
            No open student has a code or name like “{query.trim()}”.
          </li>
        )}
        {expanded &&
          options.map((student) => (
            <li
              key={student.id}
              id={`${listId}-${student.id}`}
              role="option"
              aria-selected={student.id === activeOption?.id}
              className={student.id === activeOption?.id ? 'picker-option is-active' : 'picker-option'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(student)}
            >
              <span className="picker-code">{student.code}</span>
              {student.knownAs != null && <span className="picker-name">{student.knownAs}</span>}
              {student.school != null && <span className="picker-school">{student.school}</span>}
            </li>
          ))}
      </ul>
      <p className="hint" id={`${id}-hint`}>
        {hint ?? (single ? 'Type the code or name and press Enter.' : 'Type a code or name and press Enter; repeat for a group.')}
      </p>
      {error != null && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
