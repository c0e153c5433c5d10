import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { StudentGroup } from '../../shared/api/groupSchemas';
import type { Student } from '../../shared/api/schemas';
import { studentLabel } from '../../shared/domain/studentNames';
import { call, isQuietError, plainError } from '../api';
import { Dialog } from '../components/Dialog';
import { ProblemLine } from '../components/ProblemLine';
import { StudentPicker } from '../components/StudentPicker';
import { useLoad } from '../lib/useLoad';
import { useStudentsStore } from '../state/studentsStore';
import { useUiStore } from '../state/uiStore';

/*
 * Saved groups, looked after: rename a group, change who is in it, or delete
 * it (asked once; the students and the sessions logged with them stay). The
 * same list sits in Settings and in a dialog opened from the service form.
 */

const byName = (a: StudentGroup, b: StudentGroup) => a.name.localeCompare(b.name);

/** Who is in the group, each student's code and name kept on one line. */
function WhoIsIn({ group, students }: { group: StudentGroup; students: readonly Student[] }) {
  return (
    <span className="hint group-members">
      {group.studentIds.map((studentId, index) => {
        const student = students.find((candidate) => candidate.id === studentId);
        return (
          <span key={studentId}>
            <span className="group-member">{student == null ? 'a student no longer listed' : studentLabel(student)}</span>
            {index < group.studentIds.length - 1 && ', '}
          </span>
        );
      })}
    </span>
  );
}

/** The saved groups, each to rename, change or delete. `onChanged` hears the list after every change. */
export function SavedGroupsList({ onChanged }: { onChanged?: (groups: StudentGroup[]) => void }) {
  const students = useStudentsStore((store) => store.students);
  const announce = useUiStore((store) => store.announce);
  const list = useRef<HTMLUListElement>(null);
  const [loaded] = useLoad(async () => {
    // The rows name the students in each group, so the caseload is needed too (loaded once, by its store).
    if (useStudentsStore.getState().students.length === 0) void useStudentsStore.getState().load().catch(() => undefined);
    return [...(await call('groups.list', {}))].sort(byName);
  }, 'groups');
  // The list as changed here, once it has been (each change answers with the group as saved).
  const [changedList, setGroups] = useState<StudentGroup[] | null>(null);
  const groups = changedList ?? (loaded.status === 'ready' ? loaded.value : null);
  const [writeProblem, setProblem] = useState<string | null>(null);
  const problem = writeProblem ?? (loaded.status === 'error' ? loaded.message : null);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  function changed(next: StudentGroup[]) {
    setGroups(next);
    onChanged?.(next);
  }

  /** Back to the row's own button once a change is done, so the keyboard carries on from there. */
  function focusRow(groupId: string, which: 'change' | 'first') {
    requestAnimationFrame(() => {
      const row = list.current?.querySelector<HTMLElement>(`[data-group="${groupId}"]`);
      const target = which === 'change' ? row?.querySelector<HTMLElement>('button.group-change') : null;
      (target ?? list.current?.querySelector<HTMLElement>('button') ?? null)?.focus();
    });
  }

  async function remove(group: StudentGroup) {
    setProblem(null);
    try {
      await call('groups.delete', { id: group.id });
      const index = (groups ?? []).findIndex((candidate) => candidate.id === group.id);
      const next = (groups ?? []).filter((candidate) => candidate.id !== group.id);
      changed(next);
      setDeleting(null);
      // The dialog asked and the row is gone: no notice besides.
      const neighbour = next[Math.min(index, next.length - 1)];
      if (neighbour != null) focusRow(neighbour.id, 'change');
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  if (groups == null) {
    return problem == null ? (
      <p className="status">Loading your groups…</p>
    ) : (
      <ProblemLine message={problem} />
    );
  }

  return (
    <div className="saved-groups">
      {groups.length === 0 ? (
        <p className="empty">No saved groups yet. When you log a session with two or more students, choose “Save these students as a group”.</p>
      ) : (
        <ul className="category-list group-list" aria-label="Saved groups" ref={list}>
          {groups.map((group) =>
            editing === group.id ? (
              <li key={group.id} className="category-row group-editing" data-group={group.id}>
                <GroupEditor
                  group={group}
                  taken={groups}
                  onCancel={() => {
                    setEditing(null);
                    focusRow(group.id, 'change');
                  }}
                  onSaved={(saved) => {
                    changed(groups.map((candidate) => (candidate.id === saved.id ? saved : candidate)).sort(byName));
                    setEditing(null);
                    announce(`Saved the group ${saved.name}.`);
                    focusRow(saved.id, 'change');
                  }}
                />
              </li>
            ) : deleting === group.id ? (
              <li key={group.id} className="category-row group-deleting" data-group={group.id}>
                <DeleteQuestion
                  group={group}
                  onDelete={() => void remove(group)}
                  onKeep={() => {
                    setDeleting(null);
                    focusRow(group.id, 'change');
                  }}
                />
              </li>
            ) : (
              <li key={group.id} className="category-row" data-group={group.id}>
                <span className="group-summary">
                  <span className="category-label">{group.name}</span>
                  <WhoIsIn group={group} students={students} />
                </span>
                <span className="category-actions">
                  <button
                    type="button"
                    className="small quiet group-change"
                    onClick={() => {
                      setProblem(null);
                      setDeleting(null);
                      setEditing(group.id);
                    }}
                    aria-label={`Change the group ${group.name}`}
                  >
                    Change
                  </button>
                  <button
                    type="button"
                    className="small quiet"
                    onClick={() => {
                      setProblem(null);
                      setEditing(null);
                      setDeleting(group.id);
                    }}
                    aria-label={`Delete the group ${group.name}`}
                  >
                    Delete
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      <ProblemLine message={problem} />
    </div>
  );
}

/** Asked once, in the row itself; "Keep it" has the focus, so Enter alone deletes nothing. */
function DeleteQuestion({ group, onDelete, onKeep }: { group: StudentGroup; onDelete: () => void; onKeep: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      className="group-question"
      role="group"
      aria-label={`Delete the group ${group.name}?`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onKeep();
        }
      }}
    >
      <p>
        Delete the group <strong>{group.name}</strong>? The students and the sessions you logged with them stay; only the group goes.
      </p>
      <span className="category-actions">
        <button type="button" className="small danger" onClick={onDelete}>
          Delete group
        </button>
        <button type="button" className="small" ref={keep} onClick={onKeep}>
          Keep it
        </button>
      </span>
    </div>
  );
}

/** Renaming a group and changing its students; Escape or Cancel leaves it as it was. */
function GroupEditor({ group, taken, onSaved, onCancel }: { group: StudentGroup; taken: readonly StudentGroup[]; onSaved: (group: StudentGroup) => void; onCancel: () => void }) {
  const id = useId();
  const students = useStudentsStore((store) => store.students);
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(group.name);
  const [studentIds, setStudentIds] = useState<string[]>([...group.studentIds]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Closed cases stay in the group until taken out; only open ones can be added.
  const pickable = students.filter((student) => student.closedOn == null || studentIds.includes(student.id));

  useEffect(() => {
    nameInput.current?.focus();
    nameInput.current?.select();
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setProblem('Enter a name for the group.');
      nameInput.current?.focus();
      return;
    }
    if (taken.some((other) => other.id !== group.id && other.name.toLowerCase() === trimmed.toLowerCase())) {
      setProblem(`There is already a group called “${trimmed}”. Choose another name.`);
      nameInput.current?.focus();
      return;
    }
    if (studentIds.length === 0) {
      setProblem('Choose at least one student. To remove the group altogether, delete it.');
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      onSaved(await call('groups.update', { id: group.id, name: trimmed, studentIds }));
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
      setSaving(false);
    }
  }

  return (
    <form
      className="group-editor"
      onSubmit={(event) => void save(event)}
      noValidate
      aria-label={`Change the group ${group.name}`}
      onKeyDown={(event) => {
        // Escape leaves the change (not the dialog around it); the student list closes its own suggestions first.
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>Group name</label>
        <input id={`${id}-name`} ref={nameInput} type="text" autoComplete="off" maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <StudentPicker
        id={`${id}-students`}
        label="Students in the group"
        students={pickable}
        selected={studentIds}
        onChange={setStudentIds}
        single={false}
        hint="Type a code or name and press Enter to add a student. Backspace in the empty field takes out the last one."
      />
      <ProblemLine message={problem} />
      <div className="category-actions">
        <button type="submit" className="small primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save group'}
        </button>
        <button type="button" className="small quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Saved groups in a dialog, from the service form. */
export function SavedGroupsDialog({ onClose, onChanged }: { onClose: () => void; onChanged: (groups: StudentGroup[]) => void }) {
  return (
    <Dialog title="Saved groups" onClose={onClose} className="groups-dialog" description="Rename a group, change who is in it, or delete it.">
      <SavedGroupsList onChanged={onChanged} />
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

/** Saved groups in Settings. */
export function SavedGroupsPanel() {
  const id = useId();
  return (
    <section className="panel groups-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Saved groups</h2>
      <p className="hint">The groups you pick when logging a group session. Rename a group, change who is in it, or delete it.</p>
      <SavedGroupsList />
    </section>
  );
}
