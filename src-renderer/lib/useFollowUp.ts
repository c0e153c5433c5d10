import { useEffect, useRef, useState } from 'react';
import type { FollowUp, FollowUpTarget } from '../../shared/api/followUpSchemas';
import { call, isQuietError } from '../api';
import { formatNumericDate, parseDateInput } from './dates';

export interface FollowUpState {
  /** The "Follow up on" field as typed. */
  text: string;
  setText: (text: string) => void;
  /** A day typed that is not a date yet. */
  invalid: boolean;
  /**
   * Saves the field for the note or service just saved: sets the day, moves
   * it, or clears it when the field was emptied. Nothing is sent when the
   * field says what is already kept.
   */
  apply: (target: FollowUpTarget) => Promise<void>;
}

/** The follow-up day of a note or service being edited (`target` null: a new one, nothing to load). */
export function useFollowUp(target: FollowUpTarget | null): FollowUpState {
  const [text, setTextNow] = useState('');
  const kept = useRef<FollowUp | null>(null);
  /** Typed (or put back from an unfinished note) since this target opened: the day loaded for it does not replace it. */
  const typed = useRef(false);
  const setText = (value: string) => {
    typed.current = true;
    setTextNow(value);
  };
  const key = target == null ? null : (target.noteId ?? target.serviceId ?? null);

  useEffect(() => {
    kept.current = null;
    typed.current = false;
    setTextNow('');
    if (key == null || target == null) return undefined;
    let current = true;
    call('followUps.get', target)
      .then((followUp) => {
        if (!current) return;
        kept.current = followUp;
        if (followUp != null && followUp.doneAt == null && !typed.current) setTextNow(formatNumericDate(followUp.dueOn));
      })
      .catch((error: unknown) => {
        if (!isQuietError(error)) kept.current = null;
      });
    return () => {
      current = false;
    };
    // The target object is new on every render; its id is what counts.
  }, [key]);

  const iso = parseDateInput(text);
  const invalid = text.trim() !== '' && iso == null;

  async function apply(saved: FollowUpTarget) {
    const open = kept.current != null && kept.current.doneAt == null ? kept.current : null;
    if (text.trim() === '') {
      if (open != null) await call('followUps.clear', saved);
      kept.current = null;
      return;
    }
    if (iso == null || open?.dueOn === iso) return;
    kept.current = await call('followUps.set', { ...saved, dueOn: iso });
  }

  return { text, setText, invalid, apply };
}
