import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { DraftContext } from '../../shared/api/draftSchemas';
import type { FindingCounts, Note } from '../../shared/api/schemas';
import { isQuietError, plainError } from '../api';
import { useUiStore } from '../state/uiStore';
import { formatTimestamp } from './dates';
import { countFindings, findingKey } from './findings';
import { isMod } from './keys';
import { findingsNow } from './useFindings';
import { unacknowledged, useNoteCheck } from './useNoteCheck';
import { useDraft } from './useDraft';

/** The editor's status line while the text differs from what is saved (a new note, or changes to one). */
export const NOT_SAVED_DRAFT_KEPT = 'Not saved yet — your draft is kept';
export const CHANGES_NOT_SAVED_DRAFT_KEPT = 'Changes not saved yet — your draft is kept';

/** Where the note is kept: the worker's own vault, or a package handed to them. */
export interface NoteSource {
  load(id: string): Promise<Note>;
  /** Saves `body` as a new note (`note` null) or as the next revision of `note`. */
  persist(save: { note: Note | null; body: string; studentId: string | null; findingsAcknowledged: boolean }): Promise<Note>;
  /** After a save: `created` when it made a new note (the editor stays on it). */
  saved(note: Note, created: boolean): void;
  /** What a screen reader hears after a save. */
  savedMessage: string;
  /** Which unfinished note this editor keeps: for the note being edited (`noteId`), or a new one about `studentId`. */
  draftContext(noteId: string | null, studentId: string | null): DraftContext;
}

/**
 * Everything a note editor does besides its layout, wherever the note is
 * kept: loading it, the text and whether it is saved, the live redaction
 * check, saving (asking first when flags the worker has not seen are left),
 * Ctrl/Cmd+S, and the guard that asks before leaving unsaved changes.
 * `shortcutPaused`: a dialog of the screen's own is open, so Ctrl/Cmd+S waits.
 */
export function useNoteEditor(
  noteId: string | null,
  studentId: string | null,
  source: NoteSource,
  options: { shortcutPaused?: boolean; followUp?: { text: string; setText: (text: string) => void } } = {},
) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const announce = useUiStore((store) => store.announce);
  const setLeaveGuard = useUiStore((store) => store.setLeaveGuard);
  // The latest source, so that the callbacks below need not change with it.
  const sourceRef = useRef(source);
  sourceRef.current = source;

  const [note, setNote] = useState<Note | null>(null);
  const [loading, setLoading] = useState(noteId != null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [savedText, setSavedText] = useState('');
  const [chosenStudent, setChosenStudent] = useState<string | null>(studentId);
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const acknowledged = useRef<Set<string>>(new Set());
  /** The note this editor already holds (a new note, once saved, is not loaded again). */
  const holding = useRef<string | null>(null);

  const check = useNoteCheck(text, setText, textarea, announce);
  const dirty = text !== savedText;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // What is typed and not saved is kept in the vault as an unfinished note, and brought back here.
  const draft = useDraft({
    context: source.draftContext(note?.id ?? noteId, note == null ? chosenStudent : note.studentId),
    ready: !loading && loadProblem == null,
    text,
    dirty,
    textarea,
    // The "Follow up on" field, where the editor has one, is kept with the text and comes back with it.
    followUp: options.followUp?.text,
    restore: (kept) => {
      setText(kept.body);
      if (kept.followUp !== undefined) options.followUp?.setText(kept.followUp);
    },
  });

  useEffect(() => {
    if (noteId == null || holding.current === noteId) return undefined;
    let current = true;
    sourceRef.current
      .load(noteId)
      .then((loaded) => {
        if (!current) return;
        holding.current = loaded.id;
        setNote(loaded);
        setText(loaded.body);
        setSavedText(loaded.body);
        // What the worker already chose to keep is not asked about again.
        if (loaded.findingsAcknowledged) acknowledged.current = new Set(findingsNow(loaded.body).map((finding) => findingKey(loaded.body, finding)));
        setLoading(false);
        requestAnimationFrame(() => textarea.current?.focus());
      })
      .catch((error: unknown) => {
        if (!current || isQuietError(error)) return;
        setLoadProblem(plainError(error));
        setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [noteId]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    setLeaveGuard(() => dirtyRef.current);
    return () => setLeaveGuard(null);
  }, [setLeaveGuard]);

  const save = useCallback(
    async (anyway: boolean) => {
      if (saving) return;
      if (text.trim() === '') {
        setProblem('Write something before saving.');
        textarea.current?.focus();
        return;
      }
      const current = findingsNow(text);
      if (!anyway && unacknowledged(text, current, acknowledged.current).length > 0) {
        setAsking(true);
        return;
      }
      const body = text;
      setSaving(true);
      setProblem(null);
      try {
        const saved = await sourceRef.current.persist({ note, body, studentId: chosenStudent, findingsAcknowledged: current.length > 0 });
        for (const finding of current) acknowledged.current.add(findingKey(body, finding));
        holding.current = saved.id;
        setNote(saved);
        setSavedText(body);
        setAsking(false);
        sourceRef.current.saved(saved, note == null);
        announce(sourceRef.current.savedMessage);
      } catch (error) {
        if (isQuietError(error)) return;
        setProblem(plainError(error));
        setAsking(false);
      } finally {
        setSaving(false);
      }
    },
    [announce, chosenStudent, note, saving, text],
  );

  // Ctrl/Cmd+S saves from anywhere on the screen.
  const shortcutPaused = asking || options.shortcutPaused === true;
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (isMod(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (!shortcutPaused) void save(false);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [save, shortcutPaused]);

  /** "Edit the note" in the ask-before-saving dialog: back to the text, at the first flag not yet seen. */
  function editAfterAsking() {
    setAsking(false);
    const first = unacknowledged(text, findingsNow(text), acknowledged.current)[0];
    requestAnimationFrame(() => {
      textarea.current?.focus();
      if (first != null) textarea.current?.setSelectionRange(first.start, first.end);
    });
  }

  /** The flags the ask-before-saving dialog counts: those the worker has not yet chosen to keep. */
  function unseenCounts(): FindingCounts {
    return countFindings(unacknowledged(text, findingsNow(text), acknowledged.current));
  }

  /** Every flag in the note now, kept earlier or new: the number the flags panel shows. */
  function allCounts(): FindingCounts {
    return countFindings(findingsNow(text));
  }

  // What is typed and not saved is kept as an unfinished note (useDraft): the line says so, so the worker knows a lock loses nothing.
  const saveState = saving
    ? 'Saving…'
    : note == null
      ? dirty
        ? NOT_SAVED_DRAFT_KEPT
        : ''
      : dirty
        ? CHANGES_NOT_SAVED_DRAFT_KEPT
        : `Saved ${formatTimestamp(note.updatedAt)}`;

  return {
    id,
    textarea,
    note,
    setNote,
    loading,
    loadProblem,
    text,
    /** Typing: the text changes, and a problem shown about the last save goes. */
    edit(value: string) {
      setText(value);
      if (problem != null) setProblem(null);
    },
    chosenStudent,
    setChosenStudent,
    asking,
    saving,
    problem,
    setProblem,
    dirty,
    dirtyRef,
    /** An unfinished note kept for this editor was put back when it opened. */
    draftRestored: draft.restored,
    saveState,
    check,
    save,
    editAfterAsking,
    unseenCounts,
    allCounts,
  };
}

export type NoteEditorState = ReturnType<typeof useNoteEditor>;
