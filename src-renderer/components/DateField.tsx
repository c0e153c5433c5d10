import type { ChangeEvent, KeyboardEvent, Ref } from 'react';
import { addDays, formatLongDate, formatNumericDate, parseDateInput, todayIso } from '../lib/dates';

/**
 * A date typed the quick way ("3/4", "today", "mon", "2025-03-04"), with what
 * it was read as shown underneath. A text field rather than a date input:
 * a date input takes three Tab presses to cross, this one takes one.
 * Up and Down arrows move a day.
 */
export function DateField({
  id,
  label,
  value,
  onChange,
  error,
  inputRef,
  hint,
  dayButtons = true,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
  hint?: string;
  /**
   * The Today and Yesterday buttons; off for a date that is usually ahead (the last day of a handover);
   * only Yesterday where room is short and the field starts at today (logging a session).
   */
  dayButtons?: boolean | 'yesterday';
}) {
  const iso = parseDateInput(value);
  const today = todayIso();
  const described = [`${id}-read`, error != null ? `${id}-error` : null].filter((part) => part != null).join(' ');

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const base = iso ?? today;
      onChange(formatNumericDate(addDays(base, event.key === 'ArrowUp' ? 1 : -1)));
    }
  }

  return (
    <div className="field date-field">
      <label htmlFor={id}>{label}</label>
      <div className="date-row">
        <input
          id={id}
          ref={inputRef}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          // Typing replaces the date shown: one less step for "yesterday's" entries.
          onFocus={(event) => event.currentTarget.select()}
          aria-invalid={error != null || (value.trim() !== '' && iso == null)}
          aria-describedby={described}
        />
        {dayButtons !== false && (
          <>
            {dayButtons === true && (
              <button type="button" className="quiet small" tabIndex={-1} onClick={() => onChange(formatNumericDate(today))}>
                Today
              </button>
            )}
            <button type="button" className="quiet small" tabIndex={-1} onClick={() => onChange(formatNumericDate(addDays(today, -1)))}>
              Yesterday
            </button>
          </>
        )}
      </div>
      <p className="hint" id={`${id}-read`}>
        {iso != null ? formatLongDate(iso) : value.trim() === '' ? (hint ?? 'For example 3/4, today or mon.') : 'Not a date yet. Try 3/4/2025, today or mon.'}
      </p>
      {error != null && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
