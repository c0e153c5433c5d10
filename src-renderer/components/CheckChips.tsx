import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { CheckIcon } from './Icons';

/**
 * A row of checkboxes drawn as chips, crossed with one Tab: the arrow keys
 * move between them and Space ticks one (a roving tab stop), so a long list
 * of issues does not stand between the worker and Save.
 */
export function CheckChips({
  legend,
  options,
  checked,
  onChange,
  describedBy,
}: {
  legend: string;
  options: readonly { id: string; label: string }[];
  checked: readonly string[];
  onChange: (ids: string[]) => void;
  describedBy?: string;
}) {
  const [focusIndex, setFocusIndex] = useState(0);
  const refs = useRef<(HTMLInputElement | null)[]>([]);
  const tabStop = Math.min(focusIndex, Math.max(options.length - 1, 0));

  function move(event: KeyboardEvent<HTMLInputElement>, index: number) {
    const last = options.length - 1;
    let next: number | null = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = index === last ? 0 : index + 1;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = index === 0 ? last : index - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    if (next == null) return;
    event.preventDefault();
    setFocusIndex(next);
    refs.current[next]?.focus();
  }

  function toggle(id: string) {
    onChange(checked.includes(id) ? checked.filter((existing) => existing !== id) : [...checked, id]);
  }

  return (
    <fieldset className="chips" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <div className="chip-row">
        {options.map((option, index) => {
          const on = checked.includes(option.id);
          return (
            <label key={option.id} className={on ? 'check-chip is-on' : 'check-chip'}>
              <input
                ref={(element) => {
                  refs.current[index] = element;
                }}
                type="checkbox"
                checked={on}
                tabIndex={index === tabStop ? 0 : -1}
                onChange={() => toggle(option.id)}
                onFocus={() => setFocusIndex(index)}
                onKeyDown={(event) => move(event, index)}
              />
              <span className="check-mark" aria-hidden="true">
                {on && <CheckIcon />}
              </span>
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
