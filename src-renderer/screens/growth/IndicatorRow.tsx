import { useCallback, useId, useRef, useState } from 'react';
import type { SelfEvaluationEntry } from '../../../shared/api/growthSchemas';
import { RUBRIC_LEVELS, rubricLabel, type CompetencyIndicator, type RubricLevel } from '../../../shared/domain/competencies';
import { call, isQuietError, plainError } from '../../api';
import { FindingsPanel } from '../../components/FindingsPanel';
import { ProblemLine } from '../../components/ProblemLine';
import { useNoteCheck } from '../../lib/useNoteCheck';
import { useUiStore } from '../../state/uiStore';

/**
 * One indicator: the four rubric levels (saved as soon as one is chosen),
 * last year's rating beside them, and the note of evidence with the same
 * redaction check as the note editor, its flags listed under it.
 */
export function IndicatorRow({
  indicator,
  entry,
  schoolYear,
  onSaved,
}: {
  indicator: CompetencyIndicator;
  entry: SelfEvaluationEntry;
  schoolYear: string;
  onSaved: (entry: SelfEvaluationEntry) => void;
}) {
  const id = useId();
  const [rating, setRating] = useState<RubricLevel | null>(entry.rating);
  const [savedEvidence, setSavedEvidence] = useState(entry.evidence);
  const [text, setText] = useState(entry.evidence);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const announce = useUiStore((store) => store.announce);
  const quietAnnounce = useCallback((message: string) => announce(message), [announce]);
  const check = useNoteCheck(text, setText, textarea, quietAnnounce);
  const dirty = text.trim() !== savedEvidence;

  async function save(nextRating: RubricLevel | null, evidence: string, what: string) {
    setProblem(null);
    setBusy(true);
    try {
      const saved = await call('selfEvaluation.rate', { schoolYear, indicatorId: indicator.id, rating: nextRating, evidence });
      setRating(saved.rating);
      setSavedEvidence(saved.evidence);
      setText((current) => (current.trim() === saved.evidence ? current : saved.evidence));
      announce(what);
      onSaved(saved);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
      setRating(entry.rating);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="indicator">
      <fieldset className="indicator-rating">
        <legend>
          <span className="indicator-id">{indicator.id}</span> {indicator.text}
        </legend>
        <div className="rubric-line">
          <div className="rubric">
            {RUBRIC_LEVELS.map((level) => (
              <label key={level.id} className={rating === level.id ? 'rubric-choice is-chosen' : 'rubric-choice'}>
                <input
                  type="radio"
                  name={`${id}-rating`}
                  value={level.id}
                  checked={rating === level.id}
                  disabled={busy}
                  onChange={() => {
                    setRating(level.id);
                    void save(level.id, savedEvidence, `${indicator.id} rated “${level.label}”.`);
                  }}
                />
                <span>{level.label}</span>
              </label>
            ))}
          </div>
          <p className="last-year">
            Last year: <strong>{rubricLabel(entry.previousRating)}</strong>
          </p>
        </div>
      </fieldset>
      <div className="evidence-field">
        <label htmlFor={`${id}-evidence`} className="sr-only">
          Evidence for {indicator.id}
        </label>
        <textarea
          id={`${id}-evidence`}
          ref={textarea}
          rows={2}
          maxLength={2000}
          placeholder="Evidence: what you did, in general terms, naming no student"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={check.onEditorKeyDown}
          aria-describedby={problem != null ? `${id}-problem` : undefined}
        />
        {(dirty || busy) && (
          <div className="evidence-actions">
            <button type="button" className="small" disabled={busy} onClick={() => void save(rating, text, `Evidence for ${indicator.id} saved.`)}>
              Save evidence
            </button>
            <button type="button" className="small quiet" disabled={busy} onClick={() => setText(savedEvidence)}>
              Undo changes
            </button>
          </div>
        )}
        <ProblemLine id={`${id}-problem`} message={problem} />
        {check.findings.length > 0 && (
          <FindingsPanel
            text={text}
            findings={check.findings}
            activeIndex={check.selected}
            onActivate={check.setSelected}
            onShow={check.showFinding}
            onFix={check.applyFix}
            headingLevel={3}
          />
        )}
      </div>
    </div>
  );
}
