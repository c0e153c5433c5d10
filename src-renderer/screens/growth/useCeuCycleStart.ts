import { useState } from 'react';
import type { FormEvent } from 'react';
import { isQuietError, plainError } from '../../api';
import { formatLongDate, parseDateInput } from '../../lib/dates';
import { useSettingsStore } from '../../state/settingsStore';
import { useUiStore } from '../../state/uiStore';

/**
 * Setting the first day of the worker's five-year CEU cycle, wherever the
 * cycle's hours are shown: the typed date, a plain problem, and `save`,
 * which stores it and calls `saved` to load the hours again.
 */
export function useCeuCycleStart(saved: () => void) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const announce = useUiStore((store) => store.announce);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const iso = parseDateInput(text);
    if (iso == null) {
      setProblem('Enter the first day of your cycle, for example 7/1/2024.');
      return;
    }
    setProblem(null);
    try {
      await useSettingsStore.getState().update({ ceuCycleStart: iso });
      setEditing(false);
      announce(`CEU cycle starts ${formatLongDate(iso)}.`);
      saved();
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  return { editing, setEditing, text, setText, problem, setProblem, save };
}
