import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { SupervisionOverview } from '../../../shared/api/growthSchemas';
import { SUPERVISION_KINDS, supervisionKindLabel, type SupervisionKind } from '../../../shared/domain/growth';
import { schoolYearLabel } from '../../../shared/domain/schoolYear';
import { call, isQuietError, plainError } from '../../api';
import { DateField } from '../../components/DateField';
import { ProblemLine } from '../../components/ProblemLine';
import { formatMediumDate, formatMinutes, formatNumericDate, parseDateInput, todayIso } from '../../lib/dates';
import { useUiStore } from '../../state/uiStore';
import { useLoad } from '../../lib/useLoad';

/** The weekly streak in plain words: a count to notice, never a warning. */
export function streakWords(streak: SupervisionOverview['streak']): string {
  return `Supervision ${streak.weeksWithSupervision} of the last ${streak.of} weeks`;
}

/**
 * Supervision received: the weekly streak (the guideline hopes for weekly
 * supervision, so the count is shown, calmly), a form to log a session, this
 * school year's minutes by kind and its sessions.
 */
export function SupervisionTab() {
  const id = useId();
  const [overview, reload] = useLoad<SupervisionOverview>(() => call('supervision.overview', {}), 'supervision');
  const [date, setDate] = useState(formatNumericDate(todayIso()));
  const [minutes, setMinutes] = useState('60');
  const [kind, setKind] = useState<SupervisionKind>('clinical');
  const [credential, setCredential] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const announce = useUiStore((store) => store.announce);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const iso = parseDateInput(date);
    if (iso == null) {
      setDateProblem('Enter the day, for example 10/5/2026.');
      return;
    }
    setDateProblem(null);
    const count = Number(minutes);
    if (!Number.isInteger(count) || count < 1 || count > 600) {
      setProblem('Minutes: a whole number from 1 to 600.');
      return;
    }
    setProblem(null);
    try {
      await call('supervision.add', { date: iso, minutes: count, kind, credential: credential.trim() === '' ? null : credential.trim() });
      announce(`${supervisionKindLabel(kind)} supervision on ${formatMediumDate(iso)} logged.`);
      reload();
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  async function remove(sessionId: string) {
    try {
      await call('supervision.delete', { id: sessionId });
      announce('Supervision session removed.');
      reload();
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  const value = overview.status === 'ready' ? overview.value : null;

  return (
    <div className="supervision-layout">
      <section className="panel" aria-labelledby={`${id}-log`}>
        <h2 id={`${id}-log`}>Log supervision</h2>
        <form onSubmit={(event) => void add(event)} noValidate aria-label="Log supervision" className="supervision-form">
          <DateField id={`${id}-date`} label="Date" value={date} onChange={setDate} error={dateProblem} />
          <div className="field">
            <label htmlFor={`${id}-minutes`}>Minutes</label>
            <input id={`${id}-minutes`} type="text" inputMode="numeric" className="minutes-input" value={minutes} onChange={(event) => setMinutes(event.target.value)} />
          </div>
          <fieldset className="field kind-choice">
            <legend>Kind</legend>
            {SUPERVISION_KINDS.map((option) => (
              <label key={option.id} className="check-line">
                <input type="radio" name={`${id}-kind`} value={option.id} checked={kind === option.id} onChange={() => setKind(option.id)} />
                <span>{option.label}</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-credential`}>Supervisor’s credential (optional)</label>
            <input id={`${id}-credential`} type="text" maxLength={120} value={credential} onChange={(event) => setCredential(event.target.value)} placeholder="For example LCSW" />
          </div>
          <ProblemLine message={problem} />
          <div className="form-actions">
            <button type="submit" className="primary">
              Log supervision
            </button>
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby={`${id}-year`}>
        {overview.status === 'error' && <ProblemLine message={overview.message} />}
        {value != null && (
          <>
            <p className="streak">
              <strong>{streakWords(value.streak)}</strong>
              {value.streak.thisWeek && <span className="subtle"> · including this week</span>}
            </p>
            <p className="hint">The guideline hopes for supervision every week where it can be arranged: administrative, clinical and profession-specific.</p>
            <h2 id={`${id}-year`}>{schoolYearLabel(value.schoolYear)}</h2>
            <dl className="by-kind">
              {value.byKind.map((item) => (
                <div key={item.kind}>
                  <dt>{supervisionKindLabel(item.kind)}</dt>
                  <dd>
                    {item.count} {item.count === 1 ? 'session' : 'sessions'}
                    {item.minutes > 0 && <span className="by-kind-time">{formatMinutes(item.minutes)}</span>}
                  </dd>
                </div>
              ))}
            </dl>
            {value.sessions.length === 0 ? (
              <p className="empty">No supervision logged this school year yet.</p>
            ) : (
              <ul className="supervision-list" aria-label="Supervision this school year">
                {value.sessions.map((session) => (
                  <li key={session.id}>
                    <span className="supervision-date">{formatMediumDate(session.date)}</span>
                    <span>
                      {supervisionKindLabel(session.kind)}
                      {session.credential != null && <span className="subtle supervision-credential">{session.credential}</span>}
                    </span>
                    <span>{formatMinutes(session.minutes)}</span>
                    <button type="button" className="small quiet" onClick={() => void remove(session.id)} aria-label={`Remove ${supervisionKindLabel(session.kind).toLowerCase()} supervision on ${formatMediumDate(session.date)}`}>
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </div>
  );
}
