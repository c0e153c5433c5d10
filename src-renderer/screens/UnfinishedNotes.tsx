import { useId, useState } from 'react';
import type { Draft } from '../../shared/api/draftSchemas';
import type { Student } from '../../shared/api/schemas';
import { notePreview } from '../../shared/domain/notePreview';
import { studentLabel } from '../../shared/domain/studentNames';
import { call, isQuietError, plainError } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { NoteIcon } from '../components/Icons';
import { ProblemLine } from '../components/ProblemLine';
import { draftContextKey } from '../lib/draftSender';
import { formatTimestamp } from '../lib/dates';
import { useLoad } from '../lib/useLoad';
import { openDraft } from '../state/resumeDraft';
import { useStudentsStore } from '../state/studentsStore';

/** What an unfinished note is, in words: "New note about JD-0415", "Changes to a note about JD-0415"… */
export function describeDraft(draft: Draft, students: readonly Student[]): string {
  const code = (id: string | null) => {
    const student = id == null ? undefined : students.find((candidate) => candidate.id === id);
    return student == null ? null : studentLabel(student);
  };
  const { context } = draft;
  switch (context.kind) {
    case 'note': {
      const about = code(context.studentId);
      if (context.noteId != null) return about == null ? 'Changes to a note' : `Changes to a note about ${about}`;
      if (context.serviceId != null) return about == null ? 'New note for a service' : `New note for a service with ${about}`;
      return about == null ? 'New general note' : `New note about ${about}`;
    }
    case 'service':
      return context.packageId != null ? 'Service being logged in handed-over notes' : context.serviceId == null ? 'Service being logged' : 'Changes to a logged service';
    case 'package-note':
      return context.noteId == null ? 'New note in handed-over notes' : 'Changes to a note in handed-over notes';
  }
}

/** An unfinished note's line is shorter than a saved note's preview. */
const DRAFT_PREVIEW_LENGTH = 120;

function preview(draft: Draft): string {
  const flat = notePreview(draft.body, DRAFT_PREVIEW_LENGTH);
  if (flat === '') return draft.form == null ? '(no text yet)' : `${draft.form.minutes.trim() === '' ? 'No minutes yet' : `${draft.form.minutes.trim()} minutes`}, no note yet`;
  return flat;
}

/** The notes being written and not saved yet, most recent first, each to open or discard (asked once). */
export function UnfinishedNotes() {
  const id = useId();
  const students = useStudentsStore((store) => store.students);
  const [loaded] = useLoad(() => call('drafts.list', {}), 'drafts');
  // Discarded here: gone from the list at once.
  const [discarded, setDiscarded] = useState<readonly string[]>([]);
  const drafts = loaded.status === 'ready' ? loaded.value.filter((draft) => !discarded.includes(draftContextKey(draft.context))) : null;
  const [discarding, setDiscarding] = useState<Draft | null>(null);
  const [discardProblem, setProblem] = useState<string | null>(null);
  const problem = discardProblem ?? (loaded.status === 'error' ? loaded.message : null);

  async function discard(draft: Draft) {
    setDiscarding(null);
    try {
      await call('drafts.discard', { context: draft.context });
      setDiscarded((keys) => [...keys, draftContextKey(draft.context)]);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  if (problem == null && (drafts == null || drafts.length === 0)) return null;

  return (
    <section className="unfinished-notes" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <NoteIcon />
        <span>Unfinished notes</span>
      </h2>
      <ProblemLine message={problem} />
      <ul>
        {(drafts ?? []).map((draft) => {
          const what = describeDraft(draft, students);
          return (
            <li key={draftContextKey(draft.context)} className="unfinished-note">
              <div className="unfinished-text">
                <p className="unfinished-what">
                  <strong>{what}</strong> <span className="subtle">· last typed {formatTimestamp(draft.updatedAt)}</span>
                </p>
                <p className="unfinished-preview">{preview(draft)}</p>
              </div>
              <div className="unfinished-actions">
                <button type="button" className="small primary" onClick={() => openDraft(draft)} aria-label={`Open: ${what}`}>
                  Open
                </button>
                <button type="button" className="small quiet" onClick={() => setDiscarding(draft)} aria-label={`Discard: ${what}`}>
                  Discard
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {discarding != null && (
        <ConfirmDialog
          title="Discard this unfinished note?"
          tone="danger"
          confirmLabel="Discard"
          cancelLabel="Keep it"
          onConfirm={() => void discard(discarding)}
          onCancel={() => setDiscarding(null)}
        >
          <p>Its text will be gone.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
