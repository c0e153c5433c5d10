import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Student } from '../../shared/api/schemas';
import { CASE_OUTCOMES } from '../../shared/domain/caseOutcomes';
import { lastContactInWords } from '../../shared/domain/lastContact';
import { FlagIcon, PlusIcon } from '../components/Icons';
import { PlanBadges } from '../components/Markers';
import { ProblemLine } from '../components/ProblemLine';
import { formatShortDate, GRADES, gradeLabel, todayIso } from '../lib/dates';
import { DEFAULT_FILTERS, filterStudents, useStudentsStore, type StudentFilters } from '../state/studentsStore';
import { useUiStore } from '../state/uiStore';
import { StudentFormDialog } from './StudentDialogs';
import { UnfinishedNotes } from './UnfinishedNotes';
import { useScreenHeading } from './useScreenHeading';

const ROW_HEIGHT = 60;

/** "6", "K", "Pre-K", "Transition": the column says Grade. Screen readers hear "Grade 6". */
function shortGrade(grade: number) {
  if (grade >= 1 && grade <= 12) return (
    <>
      <span className="sr-only">Grade </span>
      {grade}
    </>
  );
  return grade === 0 ? 'K' : gradeLabel(grade);
}

function outcomeLabel(student: Student): string {
  return CASE_OUTCOMES.find((outcome) => outcome.id === student.outcome)?.label ?? 'Closed';
}

/** The caseload: every student by code, filtered, in a virtual list that stays smooth with hundreds. */
export function Caseload() {
  const id = useId();
  const heading = useScreenHeading();
  const students = useStudentsStore((store) => store.students);
  const status = useStudentsStore((store) => store.status);
  const error = useStudentsStore((store) => store.error);
  const flagged = useStudentsStore((store) => store.flagged);
  const filters = useStudentsStore((store) => store.filters);
  const setFilters = useStudentsStore((store) => store.setFilters);
  const navigate = useUiStore((store) => store.navigate);
  const [adding, setAdding] = useState(false);

  const shown = useMemo(() => filterStudents(students, filters, flagged), [students, filters, flagged]);
  const filtered = JSON.stringify(filters) !== JSON.stringify(DEFAULT_FILTERS);
  const openCount = students.filter((student) => student.closedOn == null).length;

  return (
    <div className="screen-body caseload-screen">
      <div className="screen-head">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Caseload
          </h1>
          {students.length > 0 && (
            <p className="subtle">
              {openCount} open {openCount === 1 ? 'case' : 'cases'}
              {students.length > openCount ? `, ${students.length - openCount} closed` : ''}
            </p>
          )}
        </div>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          <PlusIcon />
          <span>Add student</span>
        </button>
      </div>

      <UnfinishedNotes />

      {students.length > 0 && <CaseloadFilters id={id} filters={filters} onChange={setFilters} />}

      <p className="result-count" aria-live="polite" id={`${id}-count`}>
        {students.length > 0 ? `Showing ${shown.length} of ${students.length} ${students.length === 1 ? 'student' : 'students'}` : ''}
        {filtered && (
          <button type="button" className="link reset-filters" onClick={() => setFilters(DEFAULT_FILTERS)}>
            Clear filters
          </button>
        )}
      </p>

      {status === 'error' && <ProblemLine message={error} />}
      {status === 'loading' && students.length === 0 && <p className="status">Opening your caseload…</p>}
      {status === 'ready' && students.length === 0 && (
        <div className="empty-state">
          <h2>No students yet</h2>
          <p>Add the students you work with. Use a code for each one, never a name; the code is all Sole Notes needs.</p>
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add your first student
          </button>
        </div>
      )}
      {students.length > 0 && shown.length === 0 && <p className="empty">No student matches these filters.</p>}
      {shown.length > 0 && <StudentList students={shown} flagged={flagged} describedBy={`${id}-count`} onOpen={(student) => navigate({ name: 'student', studentId: student.id })} />}

      {adding && <StudentFormDialog student={null} onClose={() => setAdding(false)} onSaved={(student) => navigate({ name: 'student', studentId: student.id })} />}
    </div>
  );
}

function CaseloadFilters({ id, filters, onChange }: { id: string; filters: StudentFilters; onChange: (patch: Partial<StudentFilters>) => void }) {
  return (
    <div className="filters" role="search" aria-label="Filter the caseload">
      <div className="field filter-text">
        <label htmlFor={`${id}-find`}>Find a student</label>
        <input id={`${id}-find`} type="search" autoComplete="off" spellCheck={false} placeholder="Code, name or school" value={filters.text} onChange={(event) => onChange({ text: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-grade`}>Grade</label>
        <select id={`${id}-grade`} value={String(filters.grade)} onChange={(event) => onChange({ grade: event.target.value === 'all' ? 'all' : Number(event.target.value) })}>
          <option value="all">All grades</option>
          {GRADES.map((grade) => (
            <option key={grade} value={grade}>
              {gradeLabel(grade)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-tier`}>Tier</label>
        <select id={`${id}-tier`} value={String(filters.tier)} onChange={(event) => onChange({ tier: event.target.value === 'all' ? 'all' : (Number(event.target.value) as 1 | 2 | 3) })}>
          <option value="all">All tiers</option>
          <option value="1">Tier 1</option>
          <option value="2">Tier 2</option>
          <option value="3">Tier 3</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Cases</label>
        <select id={`${id}-status`} value={filters.status} onChange={(event) => onChange({ status: event.target.value as StudentFilters['status'] })}>
          <option value="open">Open</option>
          <option value="closed">Closed</option>
          <option value="all">Open and closed</option>
        </select>
      </div>
      <fieldset className="filter-checks">
        <legend className="filter-legend">Only with</legend>
        <label className="check">
          <input type="checkbox" checked={filters.iep} onChange={(event) => onChange({ iep: event.target.checked })} />
          <span>IEP</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={filters.plan504} onChange={(event) => onChange({ plan504: event.target.checked })} />
          <span>504</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={filters.flaggedOnly} onChange={(event) => onChange({ flaggedOnly: event.target.checked })} />
          <span>Flagged notes</span>
        </label>
      </fieldset>
    </div>
  );
}

/**
 * One Tab stop for the whole list: the arrow keys, Home, End and Page keys
 * move between students (scrolling the virtual list), Enter opens one.
 */
function StudentList({ students, flagged, onOpen, describedBy }: { students: readonly Student[]; flagged: Readonly<Record<string, number>>; onOpen: (student: Student) => void; describedBy: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const lastSeen = useStudentsStore((store) => store.lastSeen);
  const today = todayIso();
  const [active, setActive] = useState(0);
  const focusAfterMove = useRef(false);
  const current = Math.min(active, students.length - 1);

  const virtualizer = useVirtualizer({
    count: students.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => students[index]?.id ?? index,
  });

  useEffect(() => {
    if (!focusAfterMove.current) return;
    focusAfterMove.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${current}"] .row-open`)?.focus({ preventScroll: true });
  });

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 8) / ROW_HEIGHT) - 1);
    const last = students.length - 1;
    const next =
      event.key === 'ArrowDown' ? current + 1
      : event.key === 'ArrowUp' ? current - 1
      : event.key === 'PageDown' ? current + page
      : event.key === 'PageUp' ? current - page
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next == null) return;
    event.preventDefault();
    const clamped = Math.max(0, Math.min(last, next));
    setActive(clamped);
    focusAfterMove.current = true;
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  }

  return (
    <div className="student-list">
      <div className="student-row student-head" aria-hidden="true">
        <span>Code</span>
        <span>Grade</span>
        <span>School</span>
        <span>Tier</span>
        <span>Plans</span>
        <span>Case</span>
        <span>Last contact</span>
        <span>Notes</span>
      </div>
      <div className="student-scroll" ref={scroller} onKeyDown={move}>
        <ul className="student-rows" aria-label="Students" aria-describedby={describedBy} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const student = students[item.index] as Student;
            const flags = flagged[student.id] ?? 0;
            return (
              <li key={item.key} data-index={item.index} className="student-item" aria-setsize={students.length} aria-posinset={item.index + 1} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <button type="button" className="student-row row-open" tabIndex={item.index === current ? 0 : -1} onClick={() => onOpen(student)} onFocus={() => setActive(item.index)}>
                  <span className="cell-code">
                    {student.code}
                    {student.knownAs != null && <span className="cell-name">{student.knownAs}</span>}
                  </span>
                  <span className="cell">{student.grade == null ? <span className="sr-only">No grade</span> : shortGrade(student.grade)}</span>
                  <span className="cell cell-school">{student.school ?? <span className="sr-only">No school</span>}</span>
                  <span className="cell">{student.tier == null ? <span className="sr-only">No tier</span> : <><span className="sr-only">Tier </span>{student.tier}</>}</span>
                  <span className="cell">
                    <PlanBadges iep={student.iep} plan504={student.plan504} />
                  </span>
                  <span className="cell cell-case">{student.closedOn == null ? `Open since ${formatShortDate(student.openedOn)}` : `Closed: ${outcomeLabel(student)}`}</span>
                  <span className="cell cell-last-contact">
                    <span className="sr-only">Last contact </span>
                    {lastContactInWords(lastSeen[student.id], today)}
                  </span>
                  <span className="cell">
                    {flags > 0 && (
                      <span className="marker marker-flag">
                        <FlagIcon />
                        <span>{flags === 1 ? '1 flagged note' : `${flags} flagged notes`}</span>
                      </span>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
