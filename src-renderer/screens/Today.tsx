import { useState } from 'react';
import type { DueFollowUp, TodaySummary } from '../../shared/api/followUpSchemas';
import type { Service, Student } from '../../shared/api/schemas';
import { followUpDueInWords, lastContactInWords } from '../../shared/domain/lastContact';
import { SERVICE_KINDS } from '../../shared/domain/serviceKinds';
import { studentLabel } from '../../shared/domain/studentNames';
import { call, isQuietError, plainError } from '../api';
import { CheckIcon, ClockIcon, FlagIcon, NoteIcon, PeopleIcon, PlusIcon } from '../components/Icons';
import { ProblemLine } from '../components/ProblemLine';
import { formatLongDate, formatMinutes, formatShortDate } from '../lib/dates';
import { MOD_LABEL } from '../lib/keys';
import { useLoad } from '../lib/useLoad';
import { useStudentsStore } from '../state/studentsStore';
import { useUiStore } from '../state/uiStore';
import { SecondPlacePrompt } from './backups/SecondPlacePrompt';
import { HandOverButton } from './handover/owner/HandOverButton';
import { RetentionNotice } from './retention/RetentionNotice';
import { UnfinishedNotes } from './UnfinishedNotes';
import { useScreenHeading } from './useScreenHeading';

const kindLabel = (kind: string | null) => SERVICE_KINDS.find((entry) => entry.id === kind)?.label ?? 'Service';

/** The student's code with the name the worker knows them by beside it. */
function labelOf(students: readonly Student[], id: string): string {
  const student = students.find((candidate) => candidate.id === id);
  return student == null ? 'a student' : studentLabel(student);
}

function withWhom(students: readonly Student[], ids: readonly string[]): string {
  return ids.length === 0 ? '' : ` with ${ids.map((id) => labelOf(students, id)).join(', ')}`;
}

/** The home screen: services logged today, follow-ups due, notes in progress, students seen recently. */
export function Today() {
  const heading = useScreenHeading();
  const students = useStudentsStore((store) => store.students);
  const navigate = useUiStore((store) => store.navigate);
  const [loaded] = useLoad(() => call('today.summary', {}), 'today');
  // Follow-ups marked done here leave the list at once; the next visit reads them afresh.
  const [doneIds, setDoneIds] = useState<readonly string[]>([]);
  const summary: TodaySummary | null =
    loaded.status === 'ready' ? { ...loaded.value, followUps: loaded.value.followUps.filter((entry) => !doneIds.includes(entry.id)) } : null;
  const problem = loaded.status === 'error' ? loaded.message : null;

  async function markDone(item: DueFollowUp) {
    try {
      await call('followUps.done', { id: item.id });
      setDoneIds((ids) => [...ids, item.id]);
      useUiStore.getState().announce('Follow-up marked done.');
    } catch (error) {
      if (!isQuietError(error)) useUiStore.getState().announceError(plainError(error));
    }
  }

  function openFollowUp(item: DueFollowUp) {
    if (item.noteId != null) navigate({ name: 'note', noteId: item.noteId, studentId: item.studentIds[0] ?? null });
    else if (item.serviceId != null) navigate({ name: 'services', serviceId: item.serviceId });
  }

  return (
    <div className="screen-body today-screen">
      <div className="screen-head">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Today
          </h1>
          {summary != null && <p className="subtle">{formatLongDate(summary.today)}</p>}
        </div>
        <div className="today-actions">
          <HandOverButton />
          <button type="button" className="primary" onClick={() => navigate({ name: 'note', noteId: null, studentId: null })} aria-keyshortcuts={`${MOD_LABEL}+N`}>
            <NoteIcon />
            <span>New note</span>
            <kbd aria-hidden="true">{MOD_LABEL}+N</kbd>
          </button>
          <button type="button" onClick={() => navigate({ name: 'services', focusForm: true })} aria-keyshortcuts={`${MOD_LABEL}+Shift+N`}>
            <PlusIcon />
            <span>Log service</span>
            <kbd aria-hidden="true">{MOD_LABEL}+Shift+N</kbd>
          </button>
        </div>
      </div>

      <ProblemLine message={problem} />
      {summary == null && problem == null && <p className="status">Opening today…</p>}
      <SecondPlacePrompt />
      <RetentionNotice onOpenBackups={() => navigate({ name: 'settings' })} />

      {summary != null && (
        <section className="today-part" aria-labelledby="today-follow-ups">
          <h2 id="today-follow-ups">
            <FlagIcon />
            <span>Follow-ups</span>
          </h2>
          {summary.followUps.length === 0 ? (
            <p className="empty">Nothing to follow up on today.</p>
          ) : (
            <ul className="today-list">
              {summary.followUps.map((item) => {
                const due = followUpDueInWords(item.dueOn, summary.today);
                const what = item.noteId != null ? `Note of ${formatShortDate(item.on)}${withWhom(students, item.studentIds)}` : `${kindLabel(item.serviceKind)}, ${formatMinutes(item.minutes ?? 0)}, on ${formatShortDate(item.on)}${withWhom(students, item.studentIds)}`;
                return (
                  <li key={item.id} className={due.overdue ? 'today-item follow-up is-overdue' : 'today-item follow-up'}>
                    <div className="today-text">
                      <p>
                        <strong>{what}</strong> <span className={due.overdue ? 'due-words overdue' : 'due-words'}>· {due.text}</span>
                      </p>
                      {item.notePreview != null && item.notePreview !== '' && <p className="today-preview">{item.notePreview}</p>}
                    </div>
                    <div className="today-item-actions">
                      <button type="button" className="small" onClick={() => openFollowUp(item)} aria-label={`Open: ${what}`}>
                        Open
                      </button>
                      <button type="button" className="small primary" onClick={() => void markDone(item)} aria-label={`Mark done: ${what}`}>
                        <CheckIcon />
                        <span>Done</span>
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          {summary.laterFollowUps > 0 && <p className="subtle">{summary.laterFollowUps === 1 ? '1 more follow-up is due later.' : `${summary.laterFollowUps} more follow-ups are due later.`}</p>}
        </section>
      )}

      {summary != null && <LoggedToday summary={summary} students={students} onOpen={(service) => navigate({ name: 'services', serviceId: service.id })} />}

      <UnfinishedNotes />

      {summary != null && (
        <section className="today-part" aria-labelledby="today-recent">
          <h2 id="today-recent">
            <PeopleIcon />
            <span>Seen recently</span>
          </h2>
          {summary.recentStudents.length === 0 ? (
            <p className="empty">No student seen yet.</p>
          ) : (
            <ul className="today-list today-students">
              {summary.recentStudents.map(({ studentId, lastSeen }) => (
                <li key={studentId}>
                  <button type="button" className="today-student" onClick={() => navigate({ name: 'student', studentId })}>
                    <span className="cell-code">{labelOf(students, studentId)}</span>
                    <span className="subtle">last contact {lastContactInWords(lastSeen, summary.today)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

function LoggedToday({ summary, students, onOpen }: { summary: TodaySummary; students: readonly Student[]; onOpen: (service: Service) => void }) {
  const { count, minutes } = summary.totals;
  return (
    <section className="today-part" aria-labelledby="today-logged">
      <h2 id="today-logged">
        <ClockIcon />
        <span>Logged today</span>
      </h2>
      {count === 0 ? (
        <p className="empty">Nothing logged yet today.</p>
      ) : (
        <>
          <p className="today-totals">
            {count === 1 ? '1 service' : `${count} services`}, {formatMinutes(minutes)}
          </p>
          <ul className="today-list">
            {summary.services.map((service) => {
              const what = `${kindLabel(service.kind)}, ${formatMinutes(service.minutes)}${withWhom(students, service.studentIds)}`;
              return (
                <li key={service.id} className="today-item">
                  <button type="button" className="link" onClick={() => onOpen(service)}>
                    {what}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
