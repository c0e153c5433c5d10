import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Draft, DraftContext, ServiceFormDraft } from '../../shared/api/draftSchemas';
import { call } from '../api';
import { sessionEpoch } from '../state/session';
import { discardDraft, draftContextKey, sendDraft, sendWaitingDrafts, setActiveDraft } from './draftSender';

/**
 * Keeps an editor's unsaved text as an unfinished note in the vault. Once
 * the editor has loaded what it edits (`ready`), an unfinished note kept for
 * its context is put back (`restore`) with the cursor where it was; from then
 * on, while the text differs from what is saved (`dirty`), every change is
 * sent (see draftSender.ts), and once it no longer differs (saved, or typed
 * back) the draft goes. When the context changes (another student chosen, a
 * new note saved, another service opened in the form), the draft of the one
 * before moves with the text (`onContextChange: 'move'`) or stays for that
 * context (`'keep'`), and the new context's own draft is put back.
 * `context` null: this editor keeps none.
 */
export function useDraft(options: {
  context: DraftContext | null;
  ready: boolean;
  text: string;
  dirty: boolean;
  textarea: RefObject<HTMLTextAreaElement | null>;
  form?: ServiceFormDraft;
  /** The editor's "Follow up on" field as typed, kept with the text. */
  followUp?: string;
  onContextChange?: 'move' | 'keep';
  restore(draft: Draft): void;
}): { restored: boolean } {
  const { context, ready, text, dirty, textarea, form, followUp } = options;
  const onContextChange = options.onContextChange ?? 'move';
  const key = context == null ? null : draftContextKey(context);
  /** The context whose kept draft was looked for (and put back): sending starts only then. */
  const [liveKey, setLiveKey] = useState<string | null | undefined>(undefined);
  const [restored, setRestored] = useState(false);
  const asked = useRef<string | null | undefined>(undefined);
  /** The context whose draft this editor has sent or restored (and must discard when it no longer applies). */
  const held = useRef<DraftContext | null>(null);
  /** Where to put the cursor once the restored text is on screen (setting a textarea's value puts it at the end). */
  const caret = useRef<{ body: string; cursor: number } | null>(null);
  const latest = useRef({ context, text, dirty, form, followUp, restore: options.restore });
  latest.current = { context, text, dirty, form, followUp, restore: options.restore };

  // Once ready, and for each new context: bring back what was kept for it.
  useEffect(() => {
    if (!ready || asked.current === key) return undefined;
    asked.current = key;
    const lookFor = latest.current.context;
    if (lookFor == null) {
      setLiveKey(key);
      return undefined;
    }
    let current = true;
    call('drafts.get', { context: lookFor })
      .then((draft) => {
        // Typing that began meanwhile wins: it is sent as the draft from here on.
        if (!current || draft == null || latest.current.dirty) return;
        const previous = held.current;
        if (previous != null && onContextChange === 'move' && draftContextKey(previous) !== draftContextKey(lookFor)) void discardDraft(previous);
        held.current = lookFor;
        if (draft.body === latest.current.text && draft.form == null && (draft.followUp ?? '') === (latest.current.followUp ?? '')) return;
        caret.current = { body: draft.body, cursor: draft.cursor };
        latest.current.restore(draft);
        setRestored(true);
      })
      .catch(() => undefined)
      .finally(() => {
        if (current) setLiveKey(key);
      });
    return () => {
      current = false;
    };
  }, [ready, key, textarea, onContextChange]);

  useEffect(() => {
    const wanted = caret.current;
    const area = textarea.current;
    if (wanted == null || area == null || area.value !== wanted.body) return;
    caret.current = null;
    area.focus();
    area.setSelectionRange(wanted.cursor, wanted.cursor);
  }, [text, textarea]);

  const live = liveKey !== undefined && liveKey === key;
  const formKey = form == null ? '' : JSON.stringify(form);
  useEffect(() => {
    if (!live) return;
    const previous = held.current;
    if (previous != null && (key == null || draftContextKey(previous) !== key)) {
      // The text moved on to another context: its old draft goes with it, or stays for its own context.
      if (onContextChange === 'move') void discardDraft(previous);
      held.current = null;
    }
    const now = latest.current;
    if (now.context != null && now.dirty) {
      sendDraft({ context: now.context, body: now.text, cursor: textarea.current?.selectionStart ?? now.text.length, form: now.form, followUp: now.followUp, resume: true });
      held.current = now.context;
    } else if (held.current != null) {
      void discardDraft(held.current);
      held.current = null;
    }
  }, [live, key, text, dirty, formKey, followUp, textarea, onContextChange]);
  // Moving the cursor is kept too (it is where the worker comes back to).
  useEffect(() => {
    const area = textarea.current;
    if (area == null || !live) return undefined;
    const onMove = () => {
      const now = latest.current;
      if (now.context != null && now.dirty) sendDraft({ context: now.context, body: now.text, cursor: area.selectionStart, form: now.form, followUp: now.followUp, resume: true });
    };
    area.addEventListener('keyup', onMove);
    area.addEventListener('mouseup', onMove);
    return () => {
      area.removeEventListener('keyup', onMove);
      area.removeEventListener('mouseup', onMove);
    };
  }, [live, textarea]);

  // Left without saving (the service form has no question to ask): kept for later, not reopened after the next unlock.
  // Not when the vault locked: the lock kept it to come back to, and the vault is closed by now.
  useEffect(() => {
    const epoch = sessionEpoch();
    return () => {
      const now = latest.current;
      if (sessionEpoch() !== epoch || held.current == null || now.context == null || !now.dirty) return;
      sendDraft({ context: now.context, body: now.text, cursor: textarea.current?.selectionStart ?? now.text.length, form: now.form, followUp: now.followUp, resume: false });
      sendWaitingDrafts();
    };
  }, [textarea]);

  // The "Leave without saving?" question acts on the editor on screen.
  useEffect(() => {
    setActiveDraft({
      keepForLater() {
        const now = latest.current;
        if (now.context == null || !now.dirty) return;
        sendDraft({ context: now.context, body: now.text, cursor: textarea.current?.selectionStart ?? now.text.length, form: now.form, followUp: now.followUp, resume: false });
        sendWaitingDrafts();
        held.current = null;
      },
      discard() {
        const now = latest.current;
        const gone = held.current ?? now.context;
        held.current = null;
        if (gone != null) void discardDraft(gone);
      },
    });
    return () => setActiveDraft(null);
  }, [textarea]);

  return { restored };
}
