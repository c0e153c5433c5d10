import { useRef } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { KIND_CHOICES, kindForKey } from '../../shared/domain/kindKeys';
import type { ServiceKind } from '../../shared/domain/serviceKinds';

/**
 * The kind of service as a row of one-key choices (a radio group): one Tab
 * stop, the arrow keys move and choose, and each kind's key (shown on its
 * chip) chooses it at once. Enter is left to the form (it saves).
 */
export function KindPicker({
  labelId,
  value,
  onChange,
  groupRef,
}: {
  labelId: string;
  value: ServiceKind;
  onChange: (kind: ServiceKind) => void;
  /** Focuses the chosen kind (the group's Tab stop). */
  groupRef?: RefObject<HTMLDivElement | null>;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function choose(index: number) {
    const choice = KIND_CHOICES[index];
    if (choice == null) return;
    onChange(choice.id);
    refs.current[index]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const last = KIND_CHOICES.length - 1;
    let next: number | null = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = index === last ? 0 : index + 1;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = index === 0 ? last : index - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else {
      const kind = kindForKey(event.key);
      if (kind != null) next = KIND_CHOICES.findIndex((choice) => choice.id === kind);
    }
    if (next == null) return;
    event.preventDefault();
    choose(next);
  }

  return (
    <div className="kind-picker" role="radiogroup" aria-labelledby={labelId} ref={groupRef}>
      {KIND_CHOICES.map((choice, index) => {
        const on = choice.id === value;
        return (
          <button
            key={choice.id}
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            role="radio"
            aria-checked={on}
            aria-label={choice.label}
            aria-keyshortcuts={choice.key}
            title={`${choice.label} (key ${choice.key.toUpperCase()})`}
            className={on ? 'kind-choice is-on' : 'kind-choice'}
            tabIndex={on ? 0 : -1}
            onClick={() => choose(index)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <kbd aria-hidden="true">{choice.key.toUpperCase()}</kbd>
            <span aria-hidden="true">{choice.shortLabel}</span>
          </button>
        );
      })}
    </div>
  );
}
