import { useEffect, useMemo, useState } from 'react';
import { checkNote, type Finding } from '../../shared/redaction/index';

/** Up to this length the check runs on every keystroke, inside the same frame (about 1 ms per 2,000 characters). */
export const SYNC_CHECK_LIMIT = 12_000;
/** Longer notes are checked once typing pauses this long. */
export const LONG_NOTE_DELAY_MS = 150;

function safeCheck(text: string): Finding[] {
  try {
    return checkNote(text);
  } catch {
    // A flaw in the check must never cost the worker their note.
    return [];
  }
}

/**
 * The redaction findings for the text being edited. Short notes are checked
 * synchronously, so the highlighting never lags the text; long ones shortly
 * after typing pauses, keeping only findings that still fit the text.
 */
export function useFindings(text: string): { findings: Finding[]; current: boolean } {
  const sync = useMemo(() => (text.length <= SYNC_CHECK_LIMIT ? safeCheck(text) : null), [text]);
  const [late, setLate] = useState<{ text: string; findings: Finding[] }>({ text: '', findings: [] });

  useEffect(() => {
    if (text.length <= SYNC_CHECK_LIMIT) return undefined;
    const timer = setTimeout(() => setLate({ text, findings: safeCheck(text) }), LONG_NOTE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  if (sync != null) return { findings: sync, current: true };
  if (late.text === text) return { findings: late.findings, current: true };
  return { findings: late.findings.filter((finding) => finding.end <= text.length), current: false };
}

/** The findings for exactly this text, now (used before acting on offsets, e.g. a quick fix or a save). */
export function findingsNow(text: string): Finding[] {
  return safeCheck(text);
}

/**
 * Replaces [start, end) in the textarea. Through `insertText` when the
 * browser supports it, so Ctrl+Z undoes the fix like any typing; otherwise by
 * setting the value.
 */
export function replaceInTextarea(
  textarea: HTMLTextAreaElement | null,
  value: string,
  start: number,
  end: number,
  replacement: string,
  setValue: (next: string) => void,
): void {
  const expected = value.slice(0, start) + replacement + value.slice(end);
  if (textarea != null && textarea.value === value) {
    textarea.focus();
    textarea.setSelectionRange(start, end);
    let inserted: boolean;
    try {
      inserted = typeof document.execCommand === 'function' && document.execCommand('insertText', false, replacement);
    } catch {
      inserted = false;
    }
    if (inserted && textarea.value === expected) {
      // The input event has already reached React; make sure the state agrees.
      setValue(expected);
      return;
    }
  }
  setValue(expected);
  const caret = start + replacement.length;
  requestAnimationFrame(() => {
    if (textarea != null && textarea.value === expected) textarea.setSelectionRange(caret, caret);
  });
}
