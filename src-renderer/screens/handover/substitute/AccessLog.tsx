import { useId, useMemo } from 'react';
import type { ReceivedHandover } from '../../../../shared/api/handoverSchemas';
import { formatTimestamp } from '../../../lib/dates';
import { describeAccess, type AccessContext } from './handoverWords';
import { usePackageStore } from '../../../state/packageStore';
import { studentLabel } from '../../../../shared/domain/studentNames';

/**
 * The package's own access log, newest first: every opening, every list of
 * notes shown, every note opened, written or changed, every service logged.
 * It goes back to the owner with the hand-back. Reading it is not recorded.
 */
export function AccessLog({ info }: { info: ReceivedHandover | null }) {
  const id = useId();
  const entries = usePackageStore((store) => store.accessLog);
  const students = usePackageStore((store) => store.students);
  const notes = usePackageStore((store) => store.notes);
  const context = useMemo<AccessContext>(() => {
    const codes = new Map(students.map((student) => [student.id, studentLabel(student)]));
    const noteStudents = new Map((notes ?? []).map((note) => [note.id, note.studentId]));
    return {
      studentCode: (studentId) => codes.get(studentId) ?? null,
      noteStudentCode: (noteId) => {
        const studentId = noteStudents.get(noteId);
        return studentId == null ? null : (codes.get(studentId) ?? null);
      },
    };
  }, [students, notes]);
  const owner = info?.ownerName ?? 'the owner';

  return (
    <section className="panel access-log" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Access log</h2>
      <p className="hint">
        Sole Notes records every time these notes are opened, every note shown and everything written here. The log goes back to {owner} with the hand-back,
        and cannot be changed.
      </p>
      {entries == null && <p className="status">Loading the access log…</p>}
      {entries != null && (
        <table className="access-table">
          <caption className="sr-only">Access log, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq}>
                <td className="access-when">{formatTimestamp(entry.at)}</td>
                <td>{describeAccess(entry, context, owner)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
