import { useCallback, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { Finding } from '../../shared/redaction/index';
import { findingAt, findingKey } from './findings';
import { MOD_LABEL } from './keys';
import { findingsNow, replaceInTextarea, useFindings } from './useFindings';

/**
 * Which findings still need the worker's say-so: the dialog asks once for a
 * given set of flagged words; saving again without new ones does not ask again.
 */
export function unacknowledged(text: string, findings: readonly Finding[], acknowledged: ReadonlySet<string>): Finding[] {
  return findings.filter((finding) => !acknowledged.has(findingKey(text, finding)));
}

/**
 * The live redaction check of a note editor, wherever the note is kept (the
 * worker's own vault, or a package handed to them): the findings of the text
 * as typed, which one is selected or under the caret, the quick fix, showing
 * a finding in the note, and the keys (Alt+Enter applies the fix at the
 * caret, F8 and Shift+F8 move between flags).
 */
export function useNoteCheck(text: string, setText: (value: string) => void, textarea: RefObject<HTMLTextAreaElement | null>, announce: (message: string) => void) {
  const [selected, setSelected] = useState(-1);
  const [caretFinding, setCaretFinding] = useState(-1);
  const { findings } = useFindings(text);

  const applyFix = useCallback(
    (index: number) => {
      // Offsets are taken from a check of exactly the current text.
      const fresh = findingsNow(text);
      const stale = findings[index];
      const finding = stale == null ? undefined : fresh.find((candidate) => candidate.start === stale.start && candidate.end === stale.end && candidate.rule === stale.rule);
      if (finding?.suggestion == null) return;
      replaceInTextarea(textarea.current, text, finding.start, finding.end, finding.suggestion.replacement, setText);
      setSelected(-1);
      announce(`Replaced with “${finding.suggestion.replacement}”. ${MOD_LABEL}+Z undoes it.`);
    },
    [announce, findings, setText, text, textarea],
  );

  const showFinding = useCallback(
    (index: number) => {
      const finding = findings[index];
      const area = textarea.current;
      if (finding == null || area == null) return;
      area.focus();
      area.setSelectionRange(finding.start, finding.end);
      setSelected(-1);
    },
    [findings, textarea],
  );

  function onEditorKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.altKey && event.key === 'Enter') {
      event.preventDefault();
      const index = findingAt(findings, event.currentTarget.selectionStart);
      if (index >= 0 && findings[index]?.suggestion != null) applyFix(index);
      else announce(index >= 0 ? 'This flag has no suggested fix; rewrite it in your own words.' : 'Put the cursor in flagged words to apply their fix.');
      return;
    }
    if (event.key === 'F8' && findings.length > 0) {
      event.preventDefault();
      const position = event.currentTarget.selectionStart;
      const next = event.shiftKey
        ? [...findings].reverse().find((finding) => finding.end < position) ?? findings.at(-1)
        : findings.find((finding) => finding.start > position) ?? findings[0];
      if (next != null) event.currentTarget.setSelectionRange(next.start, next.end);
    }
  }

  return { findings, selected, setSelected, caretFinding, setCaretFinding, applyFix, showFinding, onEditorKeyDown };
}
