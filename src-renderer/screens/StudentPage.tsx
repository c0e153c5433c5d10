import { useEffect, useMemo, useState } from 'react';
import type { NoteSummary, Service, Student } from '../../shared/api/schemas';
import { CASE_OUTCOMES } from '../../shared/domain/caseOutcomes';
import { serviceKindInfo, TEAM_TYPES } from '../../shared/domain/serviceKinds';
import { studentLabel } from '../../shared/domain/studentNames';
import { isQuietError, plainError } from '../api';
import { ClockIcon, NoteIcon } from '../components/Icons';
import { FlagMarker, PlanBadges, ReleasedMarker } from '../components/Markers';
import { MenuButton } from '../components/MenuButton';
import { ProblemLine } from '../components/ProblemLine';
import { formatLongDate, formatMinutes, formatShortDate, formatTimestamp, gradeLabel, isoDayOfTimestamp } from '../lib/dates';
import { totalFindings } from '../lib/findings';
import { useNotesStore } from '../state/notesStore';
import { useServicesStore } from '../state/servicesStore';
import { useSettingsStore } from '../state/settingsStore';
import { useStudentsStore } from '../state/studentsStore';
import { useUiStore } from '../state/uiStore';
import { DisclosureDialog } from './disclosure/DisclosureDialog';
import { prefillFrom } from './ServiceForm';
import { CloseCaseDialog, StudentFormDialog } from './StudentDialogs';
import { useScreenHeading } from './useScreenHeading';

const SHOW_STEP = 40;

/** A service carries the note written with it (`note`): the two are one entry. */
export type TimelineItem =
  | { type: 'note'; date: string; sortKey: string; note: NoteSummary }
  | { type: 'service'; date: string; sortKey: string; service: Service; note: NoteSummary | null };

/**
 * Services and notes together, newest first (a note by the day it was
 * written). Notes arrive a page at a time, most recently changed first; while
 * more are to come, only entries newer than the last change of the oldest
 * loaded note are shown — no note still to load can be newer than that — so
 * the order never jumps when the next page arrives.
 */
export function buildTimeline(services: readonly Service[], notes: readonly NoteSummary[], notesDone: boolean): TimelineItem[] {
  const key = (day: string, at: string) => `${day}|${at}`;
  // A note written with a service on this timeline is shown inside that service's entry, not on its own.
  const serviceIds = new Set(services.map((service) => service.id));
  const linked = new Map<string, NoteSummary>();
  for (const note of notes) if (note.serviceId != null && serviceIds.has(note.serviceId)) linked.set(note.serviceId, note);
  const items: TimelineItem[] = [
    ...notes
      .filter((note) => note.serviceId == null || !serviceIds.has(note.serviceId))
      .map((note) => ({ type: 'note' as const, date: isoDayOfTimestamp(note.createdAt), sortKey: key(isoDayOfTimestamp(note.createdAt), note.createdAt), note })),
    ...services.map((service) => ({ type: 'service' as const, date: service.date, sortKey: key(service.date, service.createdAt), service, note: linked.get(service.id) ?? null })),
  ];
  items.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  if (notesDone) return items;
  if (notes.length === 0) return [];
  const oldestChange = notes.reduce((min, note) => (note.updatedAt < min ? note.updatedAt : min), (notes[0] as NoteSummary).updatedAt);
  const cutoff = key(isoDayOfTimestamp(oldestChange), oldestChange);
  return items.filter((item) => item.sortKey >= cutoff);
}

function caseLine(student: Student): string {
  if (student.closedOn == null) return `Open since ${formatShortDate(student.openedOn)}`;
  const outcome = CASE_OUTCOMES.find((candidate) => candidate.id === student.outcome)?.label ?? 'Closed';
  return `Closed on ${formatShortDate(student.closedOn)}: ${outcome}`;
}

/** One student: who they are (by code), and a timeline of services and notes, newest first. */
export function StudentPage({ studentId }: { studentId: string }) {
  const heading = useScreenHeading();
  const student = useStudentsStore((store) => store.students.find((candidate) => candidate.id === studentId) ?? null);
  const timeline = useNotesStore((store) => store.timelines[studentId]);
  const services = useServicesStore((store) => store.byStudent[studentId]);
  const categories = useSettingsStore((store) => store.categories);
  const allStudents = useStudentsStore((store) => store.students);
  const navigate = useUiStore((store) => store.navigate);
  const announce = useUiStore((store) => store.announce);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [disclosing, setDisclosing] = useState(false);
  const [shown, setShown] = useState(SHOW_STEP);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let current = true;
    const fail = (error: unknown) => {
      if (current && !isQuietError(error)) setProblem(plainError(error));
    };
    if (useStudentsStore.getState().students.every((candidate) => candidate.id !== studentId)) void useStudentsStore.getState().get(studentId).catch(fail);
    void useNotesStore.getState().reloadTimeline(studentId).catch(fail);
    void useServicesStore.getState().loadForStudent(studentId).catch(fail);
    return () => {
      current = false;
    };
  }, [studentId]);

  const items = useMemo(() => buildTimeline(services ?? [], timeline?.notes ?? [], timeline?.done ?? false), [services, timeline]);
  const codes = useMemo(() => new Map(allStudents.map((candidate) => [candidate.id, studentLabel(candidate)])), [allStudents]);
  const categoryLabels = useMemo(() => new Map(categories.map((category) => [category.id, category.label])), [categories]);
  const loaded = timeline != null && services != null;
  const moreToLoad = items.length > shown || timeline?.done === false;

  async function showMore() {
    setShown((count) => count + SHOW_STEP);
    if (timeline?.done === false && items.length <= shown + SHOW_STEP) {
      setLoadingMore(true);
      try {
        await useNotesStore.getState().loadMore(studentId);
      } catch (error) {
        if (!isQuietError(error)) setProblem(plainError(error));
      } finally {
        setLoadingMore(false);
      }
    }
  }

  async function reopen() {
    if (student == null) return;
    try {
      await useStudentsStore.getState().reopen(student.id);
      announce(`The case for ${student.code} is open again.`);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  if (student == null) {
    return (
      <div className="screen-body">
        <h1 ref={heading} tabIndex={-1}>
          {problem == null ? 'Opening the student…' : 'Student'}
        </h1>
        <ProblemLine message={problem} />
      </div>
    );
  }

  return (
    <div className="screen-body student-screen">
      <p className="breadcrumb">
        <button type="button" className="link" onClick={() => navigate({ name: 'caseload' })}>
          Caseload
        </button>
      </p>
      <div className="screen-head">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {student.code}
            {student.knownAs != null && <span className="heading-name">{student.knownAs}</span>}
          </h1>
          <p className="student-facts">
            <span>{gradeLabel(student.grade)}</span>
            {student.school != null && <span>{student.school}</span>}
            {student.tier != null && <span>Tier {student.tier}</span>}
            <PlanBadges iep={student.iep} plan504={student.plan504} />
            <span className={student.closedOn == null ? 'case-open' : 'case-closed'}>{caseLine(student)}</span>
          </p>
        </div>
        <div className="head-actions">
          {student.closedOn == null && (
            <button type="button" className="primary" onClick={() => navigate({ name: 'services', focusForm: true, prefill: { studentIds: [student.id] } })}>
              <ClockIcon />
              <span>Log session</span>
            </button>
          )}
          {student.closedOn == null && (
            <button type="button" className="secondary" onClick={() => navigate({ name: 'note', noteId: null, studentId: student.id })}>
              <NoteIcon />
              <span>Write a note</span>
            </button>
          )}
          <button type="button" onClick={() => setEditing(true)}>
            Edit student
          </button>
          {student.closedOn == null ? (
            <button type="button" onClick={() => setClosing(true)}>
              Close case
            </button>
          ) : (
            <button type="button" onClick={() => void reopen()}>
              Reopen case
            </button>
          )}
        </div>
      </div>

      <ProblemLine message={problem} />

      <section className="timeline-section" aria-labelledby="timeline-title">
        <div className="timeline-head">
          <h2 id="timeline-title">Timeline</h2>
          {timeline != null && timeline.notes.length > 0 && (
            <MenuButton label="Records requests" className="small" items={[{ label: 'Disclose under a court order…', onSelect: () => setDisclosing(true) }]} />
          )}
        </div>
        {!loaded && problem == null && <p className="status">Loading notes and services…</p>}
        {loaded && items.length === 0 && (
          <p className="empty">Nothing here yet. Write a note about {student.code}, or log a service with them.</p>
        )}
        <ol className="timeline">
          {items.slice(0, shown).map((item) =>
            item.type === 'note' ? (
              <li key={`n-${item.note.id}`} className={item.note.status === 'released' ? 'timeline-item item-note is-released' : 'timeline-item item-note'}>
                <NoteIcon className="timeline-icon" />
                <div className="timeline-body">
                  <p className="timeline-when">{formatLongDate(item.date)}</p>
                  <button
                    type="button"
                    className="timeline-open"
                    onClick={() => navigate({ name: 'note', noteId: item.note.id, studentId: item.note.studentId, serviceId: item.note.serviceId })}
                  >
                    <span className="timeline-title">{item.note.status === 'released' ? 'Released note' : 'Note'}</span>
                    <span className="timeline-preview">{item.note.preview === '' ? '(empty note)' : item.note.preview}</span>
                  </button>
                  <p className="timeline-meta">
                    {item.note.status === 'released' && <ReleasedMarker />}
                    {item.note.revision > 1 && <span>Edited {formatTimestamp(item.note.updatedAt)}</span>}
                    {totalFindings(item.note.findings) > 0 && <FlagMarker counts={item.note.findings} />}
                  </p>
                </div>
              </li>
            ) : (
              <li key={`s-${item.service.id}`} className={item.note?.status === 'released' ? 'timeline-item item-service is-released' : 'timeline-item item-service'}>
                <ClockIcon className="timeline-icon" />
                <div className="timeline-body">
                  <p className="timeline-when">{formatLongDate(item.date)}</p>
                  <p className="timeline-title">
                    {serviceKindInfo(item.service.kind).label}
                    {item.service.teamType != null && ` (${TEAM_TYPES.find((type) => type.id === item.service.teamType)?.label ?? ''})`}, {formatMinutes(item.service.minutes)}
                  </p>
                  <p className="timeline-meta">
                    {item.service.studentIds.length > 1 && (
                      <span>
                        With{' '}
                        {item.service.studentIds
                          .filter((other) => other !== studentId)
                          .map((other) => codes.get(other) ?? 'another student')
                          .join(', ')}
                      </span>
                    )}
                    {item.service.issueCategoryIds.length > 0 && <span>{item.service.issueCategoryIds.map((categoryId) => categoryLabels.get(categoryId) ?? categoryId).join(' · ')}</span>}
                    {item.service.noteId != null && item.note == null && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => navigate({ name: 'note', noteId: item.service.noteId, studentId, serviceId: item.service.id })}
                      >
                        Open its note
                      </button>
                    )}
                    {student.closedOn == null && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => navigate({ name: 'services', focusForm: true, prefill: prefillFrom(item.service) })}
                        aria-label={`Log again: ${serviceKindInfo(item.service.kind).label}, ${formatMinutes(item.service.minutes)}, today`}
                      >
                        Log again
                      </button>
                    )}
                  </p>
                  {item.note != null && (
                    <button
                      type="button"
                      className="timeline-open"
                      onClick={() => navigate({ name: 'note', noteId: item.note?.id ?? null, studentId, serviceId: item.service.id })}
                      aria-label={`Open the note: ${item.note.preview === '' ? '(empty note)' : item.note.preview}`}
                    >
                      <NoteIcon />
                      <span className="timeline-preview timeline-note-preview">{item.note.preview === '' ? '(empty note)' : item.note.preview}</span>
                    </button>
                  )}
                  {item.note != null && (item.note.status === 'released' || totalFindings(item.note.findings) > 0) && (
                    <p className="timeline-meta">
                      {item.note.status === 'released' && <ReleasedMarker />}
                      {totalFindings(item.note.findings) > 0 && <FlagMarker counts={item.note.findings} />}
                    </p>
                  )}
                </div>
              </li>
            ),
          )}
        </ol>
        {loaded && moreToLoad && (
          <button type="button" className="show-more" onClick={() => void showMore()} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Show older entries'}
          </button>
        )}
      </section>

      {editing && <StudentFormDialog student={student} onClose={() => setEditing(false)} />}
      {closing && <CloseCaseDialog student={student} onClose={() => setClosing(false)} />}
      {disclosing && <DisclosureDialog studentId={student.id} onClose={() => setDisclosing(false)} />}
    </div>
  );
}
