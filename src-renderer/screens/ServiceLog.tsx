import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Service } from '../../shared/api/schemas';
import { serviceKindInfo, TEAM_TYPES } from '../../shared/domain/serviceKinds';
import { studentLabel } from '../../shared/domain/studentNames';
import { isQuietError, plainError } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ChevronLeftIcon, ChevronRightIcon, NoteIcon } from '../components/Icons';
import { ProblemLine } from '../components/ProblemLine';
import { addDays, formatLongDate, formatMediumDate, formatMinutes, formatShortDate, todayIso } from '../lib/dates';
import { periodOf, useServicesStore, type ServiceView } from '../state/servicesStore';
import { useSettingsStore } from '../state/settingsStore';
import { useStudentsStore } from '../state/studentsStore';
import { useUiStore, type ServicePrefill } from '../state/uiStore';
import { prefillFrom, ServiceForm } from './ServiceForm';
import { useScreenHeading } from './useScreenHeading';
import { TotalsTable } from '../components/TotalsTable';

/** Minutes and sessions per kind of service, biggest first. */
export function totalsByKind(services: readonly Service[]): { kind: Service['kind']; label: string; minutes: number; count: number }[] {
  const totals = new Map<Service['kind'], { minutes: number; count: number }>();
  for (const service of services) {
    const current = totals.get(service.kind) ?? { minutes: 0, count: 0 };
    totals.set(service.kind, { minutes: current.minutes + service.minutes, count: current.count + 1 });
  }
  return [...totals.entries()]
    .map(([kind, total]) => ({ kind, label: serviceKindInfo(kind).label, ...total }))
    .sort((a, b) => b.minutes - a.minutes || a.label.localeCompare(b.label));
}

function periodLabel(view: ServiceView, anchor: string): string {
  if (view === 'day') return formatLongDate(anchor);
  const { from, to } = periodOf(view, anchor);
  return `Week of ${formatShortDate(from)} to ${formatShortDate(to)}`;
}

/** The service log: a fast form on the left, the day or week on the right with its totals. */
export function ServiceLog({ serviceId, focusForm = false, prefill: given }: { serviceId?: string; focusForm?: boolean; prefill?: ServicePrefill }) {
  const id = useId();
  const heading = useScreenHeading();
  const { view, anchor, services, status, error, setView, setAnchor, load } = useServicesStore();
  const students = useStudentsStore((store) => store.students);
  const categories = useSettingsStore((store) => store.categories);
  const focusSignal = useUiStore((store) => store.serviceFormFocus);
  const navigate = useUiStore((store) => store.navigate);
  const [editing, setEditing] = useState<Service | null>(null);
  const [deleting, setDeleting] = useState<Service | null>(null);
  /** A new object each time: the form fills itself once per "Log again". */
  const [prefill, setPrefill] = useState<ServicePrefill | null>(given ?? null);
  const [deleteProblem, setDeleteProblem] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  // Opened on a given entry (from a student's timeline): edit it, once it is loaded.
  const openedEntry = useRef<string | null>(null);
  useEffect(() => {
    if (serviceId == null || openedEntry.current === serviceId) return;
    const found = services.find((service) => service.id === serviceId);
    if (found != null) {
      openedEntry.current = serviceId;
      setEditing(found);
    }
  }, [serviceId, services]);

  // The code, and beside it the name the worker knows the student by (only on this computer).
  const studentLabels = useMemo(() => new Map(students.map((student) => [student.id, studentLabel(student)])), [students]);
  const categoryLabels = useMemo(() => new Map(categories.map((category) => [category.id, category.label])), [categories]);
  const totals = useMemo(() => totalsByKind(services), [services]);
  const totalMinutes = services.reduce((sum, service) => sum + service.minutes, 0);
  const days = useMemo(() => {
    const groups = new Map<string, Service[]>();
    for (const service of services) groups.set(service.date, [...(groups.get(service.date) ?? []), service]);
    return [...groups.entries()].sort(([a], [b]) => (a < b ? 1 : -1));
  }, [services]);

  const step = view === 'day' ? 1 : 7;

  async function confirmDelete() {
    if (deleting == null) return;
    try {
      await useServicesStore.getState().remove(deleting.id);
      // The dialog asked and the entry is gone from the log: no notice besides.
      if (editing?.id === deleting.id) setEditing(null);
      setDeleting(null);
    } catch (problem) {
      if (!isQuietError(problem)) setDeleteProblem(plainError(problem));
    }
  }

  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          Service log
        </h1>
      </div>
      <div className="service-layout">
        <section className="panel form-panel" aria-label="Log a service">
          <ServiceForm
            students={students}
            categories={categories}
            editing={editing}
            onDoneEditing={() => setEditing(null)}
            focusSignal={focusSignal}
            focusOnMount={focusForm && prefill == null}
            prefill={prefill}
          />
        </section>

        <section className="panel period-panel" aria-labelledby={`${id}-period`}>
          <div className="period-head">
            <h2 id={`${id}-period`}>{periodLabel(view, anchor)}</h2>
            <div className="period-controls">
              <div className="segmented" role="group" aria-label="Show">
                <button type="button" aria-pressed={view === 'day'} onClick={() => setView('day')}>
                  Day
                </button>
                <button type="button" aria-pressed={view === 'week'} onClick={() => setView('week')}>
                  Week
                </button>
              </div>
              <button type="button" className="icon-button" onClick={() => setAnchor(addDays(anchor, -step))} aria-label={view === 'day' ? 'Previous day' : 'Previous week'}>
                <ChevronLeftIcon />
              </button>
              <button type="button" className="small" onClick={() => setAnchor(todayIso())}>
                Today
              </button>
              <button type="button" className="icon-button" onClick={() => setAnchor(addDays(anchor, step))} aria-label={view === 'day' ? 'Next day' : 'Next week'}>
                <ChevronRightIcon />
              </button>
            </div>
          </div>

          {status === 'error' && <ProblemLine message={error} />}

          <div className="totals" aria-live="polite">
            <p className="total-line">
              <strong>{formatMinutes(totalMinutes)}</strong> in {services.length} {services.length === 1 ? 'service' : 'services'}
            </p>
            {totals.length > 0 && (
              <TotalsTable
                caption="Minutes by kind of service"
                captionHidden
                columns={[{ label: 'Kind' }, { label: 'Services', numeric: true }, { label: 'Minutes', numeric: true }]}
                rows={totals.map((total) => ({ key: total.kind, label: total.label, cells: [total.count, total.minutes] }))}
              />
            )}
          </div>

          {status === 'ready' && services.length === 0 && <p className="empty">Nothing logged {view === 'day' ? 'on this day' : 'this week'} yet.</p>}

          <div className="day-list">
            {days.map(([date, entries]) => (
              <section key={date} className="day" aria-label={formatLongDate(date)}>
                {view === 'week' && (
                  <h3 className="day-title">
                    {formatMediumDate(date)} <span className="day-total">{formatMinutes(entries.reduce((sum, service) => sum + service.minutes, 0))}</span>
                  </h3>
                )}
                <ul className="entries">
                  {entries.map((service) => {
                    const kind = serviceKindInfo(service.kind);
                    const team = TEAM_TYPES.find((type) => type.id === service.teamType)?.label;
                    const who = service.studentIds.map((studentId) => studentLabels.get(studentId) ?? 'Unknown');
                    const about = service.issueCategoryIds.map((categoryId) => categoryLabels.get(categoryId) ?? categoryId);
                    const name = `${kind.label}${team == null ? '' : ` (${team})`}, ${formatMinutes(service.minutes)}`;
                    return (
                      <li key={service.id} className={editing?.id === service.id ? 'entry is-editing' : 'entry'}>
                        <div className="entry-main">
                          <p className="entry-title">
                            <span>{kind.label}</span>
                            {team != null && <span className="badge">{team}</span>}
                            <span className="entry-minutes">{formatMinutes(service.minutes)}</span>
                          </p>
                          {(who.length > 0 || about.length > 0) && (
                            <p className="entry-meta">
                              {who.length > 0 && <span>{who.join(', ')}</span>}
                              {about.length > 0 && <span className="entry-issues">{about.join(' · ')}</span>}
                            </p>
                          )}
                        </div>
                        <div className="entry-actions">
                          {service.noteId != null && (
                            <button
                              type="button"
                              className="small"
                              onClick={() => navigate({ name: 'note', noteId: service.noteId, studentId: service.studentIds.length === 1 ? (service.studentIds[0] ?? null) : null, serviceId: service.id })}
                              aria-label={`Open the note for ${name}`}
                            >
                              <NoteIcon />
                              <span>Note</span>
                            </button>
                          )}
                          <button
                            type="button"
                            className="small"
                            onClick={() => {
                              setEditing(null);
                              setPrefill(prefillFrom(service));
                            }}
                            aria-label={`Log again: ${name}, today`}
                          >
                            Log again
                          </button>
                          <button type="button" className="small" onClick={() => setEditing(service)} aria-label={`Edit ${name}`}>
                            Edit
                          </button>
                          <button
                            type="button"
                            className="small quiet"
                            onClick={() => {
                              setDeleteProblem(null);
                              setDeleting(service);
                            }}
                            aria-label={`Delete ${name}`}
                          >
                            Delete
                          </button>
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </div>
        </section>
      </div>

      {deleting != null && (
        <ConfirmDialog
          title="Delete this service?"
          tone="danger"
          confirmLabel="Delete service"
          cancelLabel="Keep it"
          error={deleteProblem}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setDeleting(null)}
        >
          <p>
            {serviceKindInfo(deleting.kind).label}, {formatMinutes(deleting.minutes)} on {formatLongDate(deleting.date)} will be removed from the log and from the monthly
            report.{deleting.noteId != null ? ' Its note is kept.' : ''}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
