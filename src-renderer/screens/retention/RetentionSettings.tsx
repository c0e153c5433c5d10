import { useId, useState } from 'react';
import type { NoteRetention } from '../../../shared/api/retentionSchemas';
import { MAX_RETENTION_MONTHS, retentionRuleWords } from '../../../shared/domain/noteRetention';
import { schoolYearLastDayWords } from '../../../shared/domain/schoolYear';
import { useSchoolYearStart } from '../../state/useSchoolYearStart';
import { call, isQuietError, plainError } from '../../api';
import { NumberField } from '../../components/NumberField';
import { ProblemLine } from '../../components/ProblemLine';
import { useLoad } from '../../lib/useLoad';
import { useUiStore } from '../../state/uiStore';

type Choice = NoteRetention['rule'];

/**
 * Settings: when the personal notes of a closed case are destroyed. Off by
 * default; when due, Sole Notes proposes it (RetentionNotice) and the worker
 * confirms.
 */
export function RetentionSettings() {
  const id = useId();
  const startMonth = useSchoolYearStart();
  const [loaded] = useLoad(() => call('retention.get', {}), 'retention');
  const stored = loaded.status === 'ready' ? loaded.value : null;
  // What was saved, chosen or typed here, once it has been; until then what is stored.
  const [saved, setCurrent] = useState<NoteRetention | null>(null);
  const [chosen, setChoice] = useState<Choice | null>(null);
  const [typed, setMonths] = useState<number | null>(null);
  const current = saved ?? stored;
  const choice = chosen ?? stored?.rule ?? 'off';
  const months = typed ?? (stored?.rule === 'months_after_closing' ? stored.months : 12);
  const [writeProblem, setProblem] = useState<string | null>(null);
  // A problem reading the setting gives way once the worker applies one.
  const [applied, setApplied] = useState(false);
  const problem = writeProblem ?? (!applied && loaded.status === 'error' ? loaded.message : null);

  /** Applies a rule at once, as every other setting does; nothing is saved when it is the rule already in effect. */
  async function apply(next: NoteRetention) {
    if (current != null && current.rule === next.rule && (next.rule !== 'months_after_closing' || (current.rule === 'months_after_closing' && current.months === next.months))) return;
    setProblem(null);
    setApplied(true);
    try {
      const answer = await call('retention.set', next);
      setCurrent(answer);
      useUiStore.getState().announce(retentionRuleWords(answer, startMonth));
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  function choose(rule: Choice) {
    setChoice(rule);
    void apply(rule === 'months_after_closing' ? { rule, months } : { rule });
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Notes of closed cases</h2>
      <p className="hint">
        Personal notes are memory aids. Choose when the notes of a closed case are destroyed; when the day comes, Sole Notes lists them on Today and destroys
        nothing until you confirm.
      </p>
      <fieldset className="field radios">
        <legend>Destroy the notes of a closed case</legend>
        <label className="check">
          <input type="radio" name={`${id}-rule`} checked={choice === 'off'} onChange={() => choose('off')} />
          <span>Never: keep them until I delete them</span>
        </label>
        <label className="check">
          <input type="radio" name={`${id}-rule`} checked={choice === 'school_year_end'} onChange={() => choose('school_year_end')} />
          <span>At the end of the school year after the case closed ({schoolYearLastDayWords(startMonth)})</span>
        </label>
        <label className="check">
          <input type="radio" name={`${id}-rule`} checked={choice === 'months_after_closing'} onChange={() => choose('months_after_closing')} />
          <span>Some months after the case closed</span>
        </label>
      </fieldset>
      {choice === 'months_after_closing' && (
        <NumberField
          id={`${id}-months`}
          label="Months after closing"
          value={months}
          min={1}
          max={MAX_RETENTION_MONTHS}
          invalidText={`Enter a whole number of months from 1 to ${MAX_RETENTION_MONTHS}.`}
          onCommit={(count) => {
            setMonths(count);
            void apply({ rule: 'months_after_closing', months: count });
          }}
        />
      )}
      {current != null && <p className="hint">{retentionRuleWords(current, startMonth)}</p>}
      <ProblemLine message={problem} />
    </section>
  );
}
