import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChangeEvent, KeyboardEvent, MouseEvent, ReactNode, RefObject } from 'react';
import type { Finding } from '../../shared/redaction/index';
import { buildSegments, CONTEXT_LABELS, findingAt, firstSentence, KIND_INFO } from '../lib/findings';
import { FindingKindIcon } from './Icons';

/**
 * The highlights behind the textarea: the same text, laid out identically but
 * transparent, with each finding wrapped in a <mark> that draws its tint and
 * underline (wavy for a diagnosis, double for exact words, dotted for an
 * identifying detail). The textarea on top stays a plain textarea, so typing,
 * selection, spell-check and undo are the browser's own.
 */
const Mirror = memo(function Mirror({ text, findings, activeIndex }: { text: string; findings: readonly Finding[]; activeIndex: number }) {
  const segments = buildSegments(text.length, findings);
  const parts: ReactNode[] = segments.map((segment) => {
    let node: ReactNode = text.slice(segment.start, segment.end);
    for (let i = segment.findings.length - 1; i >= 0; i -= 1) {
      const index = segment.findings[i] as number;
      const finding = findings[index] as Finding;
      node = (
        <mark
          className={`hl hl-${finding.kind}${index === activeIndex ? ' hl-active' : ''}`}
          data-finding-kind={finding.kind}
          data-finding-index={index}
          data-start={finding.start}
          data-end={finding.end}
        >
          {node}
        </mark>
      );
    }
    return <span key={`${segment.start}-${segment.end}`}>{node}</span>;
  });
  return (
    <div className="note-mirror" aria-hidden="true">
      {parts}
      {/* Keeps a last empty line as tall as the textarea's. */}
      <span> </span>
    </div>
  );
});

interface Tip {
  index: number;
  /** From the note box's top edge up to the tip's bottom edge: the tip sits above the box. */
  bottom: number;
  left: number;
}

export interface NoteFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  findings: readonly Finding[];
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** A finding to emphasise (chosen in the list), or -1. */
  selectedIndex?: number;
  /** Told whenever the caret moves into or out of a finding (-1: none). */
  onCaretFinding?: (index: number) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  describedBy?: string;
  className?: string;
  placeholder?: string;
  autoFocus?: boolean;
}

/** A note textarea with the redaction check drawn under the text, and each finding explained on hover or when the caret is in it. */
export function NoteField({
  id,
  value,
  onChange,
  findings,
  textareaRef,
  selectedIndex = -1,
  onCaretFinding,
  onKeyDown,
  describedBy,
  className,
  placeholder,
  autoFocus,
}: NoteFieldProps) {
  const box = useRef<HTMLDivElement>(null);
  const [caretIndex, setCaretIndex] = useState(-1);
  const [caretTipShown, setCaretTipShown] = useState(false);
  const [hoverIndex, setHoverIndex] = useState(-1);
  const [tip, setTip] = useState<Tip | null>(null);
  const lastValueAtSelect = useRef(value);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef(0);

  const activeIndex = selectedIndex >= 0 ? selectedIndex : caretIndex;

  const updateCaret = useCallback(
    (typing: boolean) => {
      const textarea = textareaRef.current;
      if (textarea == null) return;
      const index = textarea.selectionStart === textarea.selectionEnd || findingAt(findings, textarea.selectionStart) === findingAt(findings, textarea.selectionEnd)
        ? findingAt(findings, textarea.selectionStart)
        : -1;
      setCaretIndex(index);
      onCaretFinding?.(index);
      if (typing) setCaretTipShown(false);
      else setCaretTipShown(index >= 0 && document.activeElement === textarea);
    },
    [findings, onCaretFinding, textareaRef],
  );

  // Findings move as the text changes; keep the caret's finding in step.
  useEffect(() => {
    updateCaret(true);
  }, [findings, updateCaret]);

  const shownIndex = hoverIndex >= 0 ? hoverIndex : caretTipShown ? caretIndex : -1;

  // Place the explanation just above the note box, in line with the highlighted words: over the field's own
  // label and hint, so it never covers a line of the note nor a control (the fields and buttons are below).
  useLayoutEffect(() => {
    if (shownIndex < 0 || box.current == null || findings[shownIndex] == null) {
      setTip(null);
      return;
    }
    const container = box.current.getBoundingClientRect();
    const marks = [...box.current.querySelectorAll<HTMLElement>(`mark[data-finding-index="${shownIndex}"]`)];
    const rects = marks.flatMap((mark) => [...mark.getClientRects()]);
    const near = pointer.current;
    const rect =
      (hoverIndex >= 0 && near != null
        ? rects.find((r) => near.x >= r.left && near.x <= r.right && near.y >= r.top && near.y <= r.bottom)
        : undefined) ?? rects[0];
    if (rect == null) {
      setTip({ index: shownIndex, bottom: 0, left: 0 });
      return;
    }
    const width = Math.min(420, container.width);
    const left = Math.max(0, Math.min(rect.left - container.left, container.width - width));
    setTip({ index: shownIndex, bottom: container.height + 6, left });
  }, [shownIndex, hoverIndex, findings, value]);

  function onMouseMove(event: MouseEvent<HTMLTextAreaElement>) {
    pointer.current = { x: event.clientX, y: event.clientY };
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const at = pointer.current;
      if (at == null || typeof document.elementsFromPoint !== 'function') return;
      // The marks lie under the textarea; elementsFromPoint sees through it.
      const hit = document
        .elementsFromPoint(at.x, at.y)
        .find((element): element is HTMLElement => element instanceof HTMLElement && element.dataset.findingIndex != null && box.current?.contains(element) === true);
      setHoverIndex(hit == null ? -1 : Number(hit.dataset.findingIndex));
    });
  }

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    onChange(event.target.value);
  }

  function handleSelect() {
    const textarea = textareaRef.current;
    if (textarea == null) return;
    const typing = textarea.value !== lastValueAtSelect.current;
    lastValueAtSelect.current = textarea.value;
    updateCaret(typing);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape' && (caretTipShown || hoverIndex >= 0)) {
      event.preventDefault();
      event.stopPropagation();
      setCaretTipShown(false);
      setHoverIndex(-1);
      return;
    }
    onKeyDown?.(event);
  }

  const tipFinding = tip == null ? undefined : findings[tip.index];
  const caretFinding = caretIndex >= 0 ? findings[caretIndex] : undefined;
  const announcement = useMemo(() => {
    if (caretFinding == null) return '';
    const fix = caretFinding.suggestion == null ? '' : ` Press Alt+Enter to ${caretFinding.suggestion.label.charAt(0).toLowerCase()}${caretFinding.suggestion.label.slice(1)}.`;
    return `${KIND_INFO[caretFinding.kind].label}. ${caretFinding.message}${fix}`;
  }, [caretFinding]);

  return (
    <div className={className == null ? 'note-field' : `note-field ${className}`} ref={box}>
      <Mirror text={value} findings={findings} activeIndex={activeIndex} />
      <textarea
        id={id}
        ref={textareaRef}
        className="note-input"
        value={value}
        onChange={handleChange}
        onSelect={handleSelect}
        onKeyDown={handleKeyDown}
        onMouseMove={onMouseMove}
        onMouseLeave={() => {
          pointer.current = null;
          setHoverIndex(-1);
        }}
        onBlur={() => setCaretTipShown(false)}
        aria-describedby={describedBy}
        placeholder={placeholder}
        autoFocus={autoFocus}
        spellCheck
      />
      {tip != null && tipFinding != null && (
        <div className={`finding-tip tip-${tipFinding.kind}`} role="tooltip" style={{ bottom: tip.bottom, left: tip.left }}>
          <p className="tip-title">
            <FindingKindIcon kind={tipFinding.kind} />
            <span>{KIND_INFO[tipFinding.kind].label}</span>
            {tipFinding.context != null && <span className="context-label">{CONTEXT_LABELS[tipFinding.context]}</span>}
          </p>
          {/* Short: the whole explanation is in the flags list, behind its "Why?". */}
          <p className="tip-message">{firstSentence(tipFinding.message)}</p>
          {tipFinding.suggestion != null && (
            <p className="tip-fix">
              Suggested fix: “{tipFinding.suggestion.replacement}”. <kbd>Alt</kbd>+<kbd>Enter</kbd> applies it.
            </p>
          )}
        </div>
      )}
      <div className="sr-only" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
