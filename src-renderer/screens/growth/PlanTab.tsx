import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { CeuProgress, PdGoal, SelfEvaluation } from '../../../shared/api/growthSchemas';
import { COMPETENCY_AREAS, indicatorText } from '../../../shared/domain/competencies';
import { nextSchoolYear, schoolYearLabel, schoolYearOf } from '../../../shared/domain/schoolYear';
import { useSchoolYearStart } from '../../state/useSchoolYearStart';
import { call, isQuietError, plainError } from '../../api';
import { DateField } from '../../components/DateField';
import { ProblemLine } from '../../components/ProblemLine';
import { formatLongDate, formatNumericDate, formatShortDate, todayIso } from '../../lib/dates';
import { useSettingsStore } from '../../state/settingsStore';
import { useUiStore } from '../../state/uiStore';
import { useLoad } from '../../lib/useLoad';
import { useCeuCycleStart } from './useCeuCycleStart';

const hours = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** The professional development plan (goals tied to indicators) beside the CEU cycle. */
export function PlanTab() {
  return (
    <div className="plan-layout">
      <GoalsPanel />
      <CeuCyclePanel />
    </div>
  );
}

function CeuCyclePanel() {
  const id = useId();
  const [progress, reload] = useLoad<CeuProgress>(() => call('ceu.progress', {}), 'ceu');
  const { editing, setEditing, text, setText, problem, setProblem, save: saveStart } = useCeuCycleStart(reload);
  const current = progress.status === 'ready' ? progress.value : null;

  async function setApplies(applies: boolean) {
    try {
      await useSettingsStore.getState().update({ ceuRequirementApplies: applies });
      reload();
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  return (
    <section className="panel ceu-cycle" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Continuing education</h2>
      {progress.status === 'loading' && <p className="status">Loading…</p>}
      {progress.status === 'error' && <ProblemLine message={progress.message} />}
      {current != null && (
        <>
          <label className="check-line">
            <input type="checkbox" checked={current.requirementApplies} onChange={(event) => void setApplies(event.target.checked)} />
            <span>
              The certificate requirement applies to me
              <span className="hint"> I hold a professional educator certificate and serve in a Connecticut public school: 90 contact hours (9.0 CEUs) every five years.</span>
            </span>
          </label>
          {current.status === 'not-set' || editing ? (
            <form onSubmit={(event) => void saveStart(event)} noValidate className="ceu-form">
              <DateField id={`${id}-start`} label="First day of your current cycle" value={text} onChange={setText} error={problem} hint="When your five-year cycle began, for example 7/1/2024." />
              <div className="form-actions">
                <button type="submit">Save</button>
                {current.cycleStart != null && (
                  <button type="button" className="quiet" onClick={() => setEditing(false)}>
                    Cancel
                  </button>
                )}
              </div>
            </form>
          ) : (
            <CycleProgress progress={current} titleId={`${id}-title`} />
          )}
          {current.cycleStart != null && !editing && (
            <p className="subtle">
              Cycle {formatShortDate(current.cycleStart)} to {current.cycleEnd != null ? formatShortDate(current.cycleEnd) : ''}.{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  setText(current.cycleStart != null ? formatNumericDate(current.cycleStart) : '');
                  setProblem(null);
                  setEditing(true);
                }}
              >
                Change the cycle start
              </button>
            </p>
          )}
          <p className="subtle">Counted from “Professional development attended” in your service log.</p>
        </>
      )}
    </section>
  );
}

function CycleProgress({ progress, titleId }: { progress: CeuProgress; titleId: string }) {
  if (progress.status === 'not-started') return <p>Your cycle starts on {formatLongDate(progress.cycleStart ?? progress.today)}.</p>;
  const required = progress.requiredHours;
  return (
    <>
      <p className="ceu-total">
        <strong>{hours(progress.contactHours)}</strong> {required != null ? `of ${required} contact hours` : 'contact hours this cycle'}
      </p>
      {required != null && (
        <progress className="ceu-progress" max={required} value={Math.min(progress.contactHours, required)} aria-labelledby={titleId}>
          {hours(progress.contactHours)} of {required} hours
        </progress>
      )}
      <p className="hint">
        {hours(progress.ceus)} CEUs from {progress.sessions} {progress.sessions === 1 ? 'session' : 'sessions'} attended.{' '}
        {progress.remainingHours == null
          ? ''
          : progress.remainingHours > 0
            ? `${hours(progress.remainingHours)} hours left: about ${hours(progress.hoursPerYearLeft ?? 0)} a year over the ${progress.yearsLeft === 1 ? 'last year' : `${progress.yearsLeft ?? 0} years left`}.`
            : 'Done for this cycle.'}
      </p>
      <table className="cycle-years">
        <caption className="sr-only">Hours by year of the cycle</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col">Dates</th>
            <th scope="col" className="num">
              Hours
            </th>
          </tr>
        </thead>
        <tbody>
          {progress.years.map((year) => (
            <tr key={year.index} className={year.current ? 'is-current' : undefined} aria-current={year.current ? 'true' : undefined}>
              <td>
                {year.index}
                {year.current ? ' (now)' : ''}
              </td>
              <td>
                {formatShortDate(year.from)} – {formatShortDate(year.to)}
              </td>
              <td className="num">{year.from > progress.today ? '' : hours(year.hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function GoalsPanel() {
  const id = useId();
  const current = schoolYearOf(todayIso(), useSchoolYearStart());
  const years = [current, nextSchoolYear(current)];
  const [schoolYear, setSchoolYear] = useState(current);
  const [goals, reload] = useLoad<PdGoal[]>(() => call('pdGoals.list', { schoolYear }), schoolYear);
  const [evaluation] = useLoad<SelfEvaluation>(() => call('selfEvaluation.get', { schoolYear: current }), current);
  const [indicatorId, setIndicatorId] = useState('');
  const [goal, setGoal] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const announce = useUiStore((store) => store.announce);

  // Indicators rated "has not met" this year come first: they are where next year's goals usually start.
  const notMet = evaluation.status === 'ready' ? evaluation.value.entries.filter((entry) => entry.rating === 'not_met').map((entry) => entry.indicatorId) : [];

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (indicatorId === '' || goal.trim() === '') {
      setProblem(indicatorId === '' ? 'Choose the indicator this goal is for.' : 'Write the goal.');
      return;
    }
    setProblem(null);
    try {
      await call('pdGoals.create', { schoolYear, indicatorId, goal: goal.trim() });
      setGoal('');
      setIndicatorId('');
      announce('Goal added.');
      reload();
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  async function toggleDone(item: PdGoal) {
    try {
      await call('pdGoals.update', { id: item.id, doneOn: item.doneOn == null ? todayIso() : null });
      reload();
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  async function remove(item: PdGoal) {
    try {
      await call('pdGoals.delete', { id: item.id });
      announce('Goal removed.');
      reload();
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  return (
    <section className="panel goals-panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Professional development goals</h2>
        <label htmlFor={`${id}-year`} className="sr-only">
          School year
        </label>
        <select id={`${id}-year`} value={schoolYear} onChange={(event) => setSchoolYear(event.target.value)}>
          {years.map((year) => (
            <option key={year} value={year}>
              {year.replace('-', '–')}
            </option>
          ))}
        </select>
      </div>
      <p className="subtle">Each goal is tied to an indicator of the self-evaluation, for the {schoolYearLabel(schoolYear)}.</p>
      {goals.status === 'ready' &&
        (goals.value.length === 0 ? (
          <p className="empty">No goals for this year yet. Start from an indicator you want to grow in.</p>
        ) : (
          <ul className="goal-list" aria-label="Goals">
            {goals.value.map((item) => (
              <li key={item.id} className={item.doneOn != null ? 'goal is-done' : 'goal'}>
                <label className="check-line">
                  <input type="checkbox" checked={item.doneOn != null} onChange={() => void toggleDone(item)} />
                  <span>
                    <span className="goal-text">{item.goal}</span>
                    <span className="subtle goal-indicator">
                      {item.indicatorId} {indicatorText(item.indicatorId)}
                      {item.doneOn != null ? ` · done ${formatShortDate(item.doneOn)}` : ''}
                    </span>
                  </span>
                </label>
                <button type="button" className="small quiet" onClick={() => void remove(item)} aria-label={`Remove goal: ${item.goal}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ))}
      <form className="goal-form" onSubmit={(event) => void add(event)} noValidate aria-label="Add a goal">
        <div className="field">
          <label htmlFor={`${id}-indicator`}>Indicator</label>
          <select id={`${id}-indicator`} value={indicatorId} onChange={(event) => setIndicatorId(event.target.value)}>
            <option value="">Choose an indicator…</option>
            {notMet.length > 0 && (
              <optgroup label="Rated “has not met” this year">
                {notMet.map((candidate) => (
                  <option key={`not-met-${candidate}`} value={candidate}>
                    {candidate} {indicatorText(candidate)}
                  </option>
                ))}
              </optgroup>
            )}
            {COMPETENCY_AREAS.map((area) => (
              <optgroup key={area.id} label={`${area.id}. ${area.title}`}>
                {area.groups.flatMap((group) =>
                  group.indicators.map((indicator) => (
                    <option key={indicator.id} value={indicator.id}>
                      {indicator.id} {indicator.text}
                    </option>
                  )),
                )}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-goal`}>Goal</label>
          <input id={`${id}-goal`} type="text" maxLength={500} value={goal} onChange={(event) => setGoal(event.target.value)} placeholder="For example: a training in a screening tool" />
        </div>
        <ProblemLine message={problem} />
        <div className="form-actions">
          <button type="submit">Add goal</button>
        </div>
      </form>
    </section>
  );
}
