import { useId } from 'react';
import { NoteIcon } from '../../../components/Icons';
import { FlagMarker, PlanBadges, ReleasedMarker } from '../../../components/Markers';
import { formatLongDate, formatTimestamp, gradeLabel, isoDayOfTimestamp } from '../../../lib/dates';
import { totalFindings } from '../../../lib/findings';
import { usePackageStore } from '../../../state/packageStore';
import { studentLabel } from '../../../../shared/domain/studentNames';

/**
 * The package's students, and its notes: all of them or one student's,
 * newest first. Showing the list is itself recorded (its first words are on
 * screen); opening a note is recorded as a note viewed.
 */
export function PackageNotes() {
  const id = useId();
  const students = usePackageStore((store) => store.students);
  const notes = usePackageStore((store) => store.notes);
  const notesDone = usePackageStore((store) => store.notesDone);
  const filter = usePackageStore((store) => store.studentFilter);
  const { show, filterNotes, loadMoreNotes } = usePackageStore.getState();
  const codes = new Map(students.map((student) => [student.id, studentLabel(student)]));
  const chosen = filter == null ? null : (students.find((student) => student.id === filter) ?? null);

  return (
    <div className="package-layout">
      <section className="panel package-students" aria-labelledby={`${id}-students`}>
        <h2 id={`${id}-students`}>Students ({students.length})</h2>
        <ul className="package-student-list">
          <li>
            <button type="button" className="package-student" aria-pressed={filter == null} onClick={() => void filterNotes(null)}>
              <span className="package-student-code">All students</span>
            </button>
          </li>
          {students.map((student) => (
            <li key={student.id}>
              <button type="button" className="package-student" aria-pressed={filter === student.id} onClick={() => void filterNotes(student.id)}>
                <span className="package-student-code">{studentLabel(student)}</span>
                <span className="package-student-facts">
                  {gradeLabel(student.grade)}
                  {student.school != null && ` · ${student.school}`}
                  {student.closedOn != null && ' · case closed'}
                </span>
                <PlanBadges iep={student.iep} plan504={student.plan504} />
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="panel package-notes" aria-labelledby={`${id}-notes`}>
        <div className="period-head">
          <h2 id={`${id}-notes`}>{chosen == null ? 'Notes' : `Notes about ${chosen.code}`}</h2>
          {chosen != null && chosen.closedOn == null && (
            <button type="button" className="small" onClick={() => show({ kind: 'note', noteId: null, studentId: chosen.id })}>
              <NoteIcon />
              <span>Write a note about {chosen.code}</span>
            </button>
          )}
        </div>
        {notes == null && <p className="status">Loading the notes…</p>}
        {notes != null && notes.length === 0 && <p className="empty">{chosen == null ? 'There are no notes in this package.' : `No notes about ${chosen.code} in this package.`}</p>}
        {notes != null && notes.length > 0 && (
          <ol className="timeline" aria-label={chosen == null ? 'Handed-over notes' : `Notes about ${chosen.code}`}>
            {notes.map((note) => {
              const code = note.studentId == null ? null : (codes.get(note.studentId) ?? null);
              return (
                <li key={note.id} className="timeline-item item-note">
                  <NoteIcon className="timeline-icon" />
                  <div className="timeline-body">
                    <p className="timeline-when">{formatLongDate(isoDayOfTimestamp(note.createdAt))}</p>
                    <button type="button" className="timeline-open" onClick={() => show({ kind: 'note', noteId: note.id, studentId: note.studentId })}>
                      <span className="timeline-title">{code == null ? 'General note' : `Note about ${code}`}</span>
                      <span className="timeline-preview">{note.preview === '' ? '(empty note)' : note.preview}</span>
                    </button>
                    <p className="timeline-meta">
                      {note.revision > 1 && <span>Edited {formatTimestamp(note.updatedAt)}</span>}
                      {totalFindings(note.findings) > 0 && <FlagMarker counts={note.findings} />}
                      {note.status === 'released' && <ReleasedMarker />}
                    </p>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {notes != null && !notesDone && (
          <button type="button" className="show-more" onClick={() => void loadMoreNotes()}>
            Show older notes
          </button>
        )}
      </section>
    </div>
  );
}
