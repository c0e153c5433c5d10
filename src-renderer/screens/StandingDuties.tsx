import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { DUTY_MINUTES_MAX, DUTY_NAME_MAX_LENGTH } from '../../shared/domain/guidelineList';
import { call, isQuietError, plainError } from '../api';
import { ProblemLine } from '../components/ProblemLine';
import { todayIso } from '../lib/dates';
import { useLoad } from '../lib/useLoad';
import { addMonths, monthLabel, monthOf } from '../lib/months';
import { useUiStore } from '../state/uiStore';

/**
 * Standing administrative duties (504 coordinator, attendance committee),
 * each with its minutes per month: each month's report lists the duties of
 * that month by name. A duty that stops is ended (it stays in the months it
 * stood in); one entered by mistake is removed.
 */
export function StandingDuties() {
  const id = useId();
  const announce = useUiStore((store) => store.announce);
  const [loaded, reload] = useLoad(() => call('duties.list', {}), 'duties');
  const duties = loaded.status === 'ready' ? loaded.value : null;
  const [name, setName] = useState('');
  const [minutes, setMinutes] = useState('');
  // The report usually made is last month's, so a duty already held counts from last month unless the worker picks another.
  const thisMonth = monthOf(todayIso());
  const fromChoices = Array.from({ length: 13 }, (_, index) => addMonths(thisMonth, -index));
  const [fromMonth, setFromMonth] = useState(() => addMonths(thisMonth, -1));
  const [writeProblem, setProblem] = useState<string | null>(null);
  const problem = writeProblem ?? (loaded.status === 'error' ? loaded.message : null);

  async function run(work: () => Promise<unknown>, said: string) {
    setProblem(null);
    try {
      await work();
      announce(said);
      reload();
      return true;
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
      return false;
    }
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const perMonth = Number(minutes.trim());
    if (!Number.isInteger(perMonth) || perMonth < 1 || perMonth > DUTY_MINUTES_MAX) {
      setProblem(`Enter the minutes a month as a whole number from 1 to ${DUTY_MINUTES_MAX.toLocaleString('en-US')}.`);
      return;
    }
    if (await run(() => call('duties.create', { name: name.trim(), minutesPerMonth: perMonth, fromMonth }), `Added ${name.trim()}.`)) {
      setName('');
      setMinutes('');
    }
  }

  const standing = duties?.filter((duty) => duty.untilMonth === null) ?? [];
  const ended = duties?.filter((duty) => duty.untilMonth !== null) ?? [];

  return (
    <section className="panel standing-duties" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Standing duties</h2>
      <p className="hint">
        Administrative duties you hold every month, such as 504 coordinator or attendance committee, with the minutes they take in a month. Each month&apos;s report lists them by
        name, so leave out anything that names a student.
      </p>
      {duties != null && standing.length === 0 && <p className="empty">No standing duties yet.</p>}
      {standing.length > 0 && (
        <ul className="category-list" aria-label="Standing duties">
          {standing.map((duty) => (
            <li key={duty.id} className="category-row">
              <span className="grow">
                {duty.name} · {duty.minutesPerMonth.toLocaleString('en-US')} min a month <span className="hint">since {monthLabel(duty.fromMonth)}</span>
              </span>
              <button type="button" className="small quiet" onClick={() => void run(() => call('duties.end', { id: duty.id }), `${duty.name} ended.`)} aria-label={`End ${duty.name} after this month`}>
                End
              </button>
              <button type="button" className="small quiet" onClick={() => void run(() => call('duties.delete', { id: duty.id }), `${duty.name} removed.`)} aria-label={`Remove ${duty.name}: entered by mistake`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="inline-form" noValidate>
        <div className="field grow">
          <label htmlFor={`${id}-name`}>Duty</label>
          <input id={`${id}-name`} type="text" autoComplete="off" maxLength={DUTY_NAME_MAX_LENGTH} value={name} onChange={(event) => setName(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>Minutes a month</label>
          <input id={`${id}-minutes`} type="text" inputMode="numeric" autoComplete="off" size={6} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>Since</label>
          <select id={`${id}-from`} value={fromMonth} onChange={(event) => setFromMonth(event.target.value)}>
            {fromChoices.map((month) => (
              <option key={month} value={month}>
                {monthLabel(month)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={name.trim() === '' || minutes.trim() === ''}>
          Add duty
        </button>
      </form>
      <ProblemLine message={problem} />
      {ended.length > 0 && (
        <>
          <h3>Ended</h3>
          <ul className="category-list" aria-label="Ended duties">
            {ended.map((duty) => (
              <li key={duty.id} className="category-row">
                {duty.name} · {duty.minutesPerMonth.toLocaleString('en-US')} min a month <span className="hint">{monthLabel(duty.fromMonth)} to {monthLabel(duty.untilMonth ?? duty.fromMonth)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
