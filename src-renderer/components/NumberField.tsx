import { useEffect, useState, type KeyboardEvent } from 'react';

/**
 * A whole number for a setting that applies without a Save button: it is
 * applied when the worker leaves the field or presses Enter, so "18" is never
 * applied as "1" on the way; Escape puts back the number in effect. A number
 * that is not whole or out of range is refused at the field (read out at
 * once) and nothing is applied.
 */
export function NumberField({
  id,
  label,
  value,
  min,
  max,
  onCommit,
  invalidText,
  hint,
}: {
  /** The input's id; the refusal and the hint take `${id}-error` and `${id}-hint`. */
  id: string;
  label: string;
  /** The number in effect: shown at first, after Escape, and whenever it changes. */
  value: number;
  min: number;
  max: number;
  /** Called with every accepted number, changed or not: the caller knows what is stored and skips a save that changes nothing. */
  onCommit: (value: number) => void;
  invalidText: string;
  hint?: string;
}) {
  const [text, setText] = useState(String(value));
  const [invalid, setInvalid] = useState(false);

  useEffect(() => setText(String(value)), [value]);

  function commit() {
    const trimmed = text.trim();
    const parsed = Number(trimmed);
    if (trimmed === '' || !Number.isInteger(parsed) || parsed < min || parsed > max) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onCommit(parsed);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && (invalid || text !== String(value))) {
      // Only when there is something to put back; otherwise Escape keeps its usual meaning (closing a dialog).
      event.preventDefault();
      event.stopPropagation();
      setText(String(value));
      setInvalid(false);
    }
  }

  const described = [hint != null ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter((part) => part != null).join(' ');

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        className="short-input"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        aria-invalid={invalid}
        aria-describedby={described === '' ? undefined : described}
      />
      {invalid && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {invalidText}
        </p>
      )}
      {hint != null && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
