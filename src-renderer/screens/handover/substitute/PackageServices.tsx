import { useId, useMemo } from 'react';
import { serviceKindInfo, TEAM_TYPES } from '../../../../shared/domain/serviceKinds';
import { call } from '../../../api';
import { NoteIcon } from '../../../components/Icons';
import { formatLongDate, formatMinutes } from '../../../lib/dates';
import { useLoad } from '../../../lib/useLoad';
import { useSettingsStore } from '../../../state/settingsStore';
import { ServiceForm, type SaveService } from '../../ServiceForm';
import { usePackageStore } from '../../../state/packageStore';
import { studentLabel } from '../../../../shared/domain/studentNames';

/**
 * The package's services, newest first, and the service form to log one for
 * its students. A service logged here goes back to the owner with the
 * hand-back; it never enters this worker's own service log or reports.
 */
export function PackageServices({ packageId }: { packageId: string }) {
  const id = useId();
  const students = usePackageStore((store) => store.students);
  const services = usePackageStore((store) => store.services);
  // The owner's categories, their own included, travel with the package; until they load (or if they cannot), the
  // built-in ones, which are the same in every vault. This worker's own categories are not the owner's.
  const ownCategories = useSettingsStore((store) => store.categories);
  const [loaded] = useLoad(() => call('handover.categories.list', { packageId }), packageId);
  const ownerCategories = loaded.status === 'ready' ? loaded.value : null;
  const categories = useMemo(() => ownerCategories ?? ownCategories.filter((category) => category.builtin), [ownerCategories, ownCategories]);
  const categoryLabels = useMemo(() => new Map(categories.map((category) => [category.id, category.label])), [categories]);
  const codes = useMemo(() => new Map(students.map((student) => [student.id, studentLabel(student)])), [students]);
  const ownerName = usePackageStore((store) => store.info?.ownerName ?? null);
  const owner = ownerName ?? 'the owner';
  const { show } = usePackageStore.getState();

  // The note first, so the service can point to it (there is no changing a service here afterwards).
  const saveService: SaveService = async (fields, note) => {
    const saved =
      note == null
        ? null
        : await call('handover.notes.create', {
            packageId,
            studentId: fields.studentIds?.length === 1 ? (fields.studentIds[0] as string) : null,
            body: note.body,
            findingsAcknowledged: note.findingsAcknowledged,
          });
    if (saved != null) usePackageStore.getState().noteSaved(saved);
    const service = await call('handover.services.create', { packageId, fields: { ...fields, noteId: saved?.id ?? null } });
    usePackageStore.getState().serviceSaved(service);
    return service;
  };

  return (
    <div className="service-layout">
      <section className="panel form-panel" aria-label="Log a service">
        <ServiceForm students={students} categories={categories} editing={null} onDoneEditing={() => undefined} focusSignal={0} saveService={saveService} draftPackageId={packageId} />
      </section>
      <section className="panel period-panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Services in these notes</h2>
        <p className="hint package-services-hint">
          {ownerName ?? 'The owner'}’s services with these students, and the ones you log here. Yours go back to {owner} with the hand-back; they are not added to your own service log.
        </p>
        {services == null && <p className="status">Loading the services…</p>}
        {services != null && services.length === 0 && <p className="empty">No services yet.</p>}
        {services != null && services.length > 0 && (
          <ul className="entries" aria-label="Services">
            {[...services]
              .sort((a, b) => (a.date === b.date ? b.createdAt.localeCompare(a.createdAt) : b.date.localeCompare(a.date)))
              .map((service) => {
                const kind = serviceKindInfo(service.kind);
                const team = TEAM_TYPES.find((type) => type.id === service.teamType)?.label;
                const who = service.studentIds.map((studentId) => codes.get(studentId) ?? 'another student');
                const about = service.issueCategoryIds.map((categoryId) => categoryLabels.get(categoryId) ?? categoryId.replace(/_/g, ' '));
                return (
                  <li key={service.id} className="entry">
                    <div className="entry-main">
                      <p className="entry-title">
                        <span>{kind.label}</span>
                        {team != null && <span className="badge">{team}</span>}
                        <span className="entry-minutes">{formatMinutes(service.minutes)}</span>
                      </p>
                      <p className="entry-meta">
                        <span className="package-service-date">{formatLongDate(service.date)}</span>
                        {who.length > 0 && <span>{who.join(', ')}</span>}
                        {about.length > 0 && <span className="entry-issues">{about.join(' · ')}</span>}
                      </p>
                    </div>
                    {service.noteId != null && (
                      <div className="entry-actions">
                        <button
                          type="button"
                          className="small"
                          onClick={() => show({ kind: 'note', noteId: service.noteId, studentId: service.studentIds.length === 1 ? (service.studentIds[0] ?? null) : null })}
                          aria-label={`Open the note for ${kind.label}, ${formatMinutes(service.minutes)} on ${formatLongDate(service.date)}`}
                        >
                          <NoteIcon />
                          <span>Note</span>
                        </button>
                      </div>
                    )}
                  </li>
                );
              })}
          </ul>
        )}
      </section>
    </div>
  );
}
