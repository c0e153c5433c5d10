import { useId, useMemo, useState } from 'react';
import type { ReportThresholdInfo } from '../../shared/api/reportSchemas';
import type { ReportThreshold, Settings } from '../../shared/api/schemas';
import { DEFAULT_SCHOOL_YEAR_START_MONTH, MONTH_NAMES, schoolYearSpanWords } from '../../shared/domain/schoolYear';
import { call, isQuietError, plainError } from '../api';
import { ProblemLine } from '../components/ProblemLine';
import { useLoad } from '../lib/useLoad';
import { useSettingsStore } from '../state/settingsStore';
import { useUiStore } from '../state/uiStore';

/** The choices of k (shared/api/schemas.ts's REPORT_THRESHOLDS; not imported, to keep the schema library out of the app's bundle). */
const REPORT_THRESHOLDS = [5, 10, 11, 16] as const satisfies readonly ReportThreshold[];

/** What each choice of k means, in plain words. */
const THRESHOLD_CHOICES: Record<ReportThreshold, string> = {
  5: 'Hides counts of 1 to 4. Shows the most; choose it only if your district asks for it.',
  10: 'Hides counts of 1 to 9. The usual choice, and the default.',
  11: 'Hides counts of 1 to 10, for districts that follow a “fewer than 11” rule.',
  16: 'Hides counts of 1 to 15. The most private; in a small month more numbers are hidden.',
};

/** Every time zone this computer knows, with the one in use first if it is missing from the list. */
function timeZones(current: string): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return zones.includes(current) ? zones : [current, ...zones];
}

/**
 * Settings for the monthly report: k, the smallest count of students a
 * report shows, the time zone that decides which month "today" is in, and
 * the month the school year starts in.
 * (The CEU cycle is set on the Reports screen, next to its hours.)
 */
export function ReportSettings({ settings }: { settings: Settings }) {
  const id = useId();
  const announce = useUiStore((store) => store.announce);
  const [problem, setProblem] = useState<string | null>(null);
  const zones = useMemo(() => timeZones(settings.timeZone), [settings.timeZone]);
  const computerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const startMonth = settings.schoolYearStartMonth ?? DEFAULT_SCHOOL_YEAR_START_MONTH;
  // Until it loads (or if it cannot), the settings' own number stands, with nothing said of the school year.
  const [loaded] = useLoad(() => call('reports.thresholdInfo', {}), 'threshold');
  // The school year's number as changed here, once it has been.
  const [changed, setYear] = useState<ReportThresholdInfo | null>(null);
  const year = changed ?? (loaded.status === 'ready' ? loaded.value : null);
  const [pending, setPending] = useState<ReportThreshold | null>(null);
  const [reason, setReason] = useState('');
  const current = year?.threshold ?? settings.reportThreshold;
  const fixed = (year?.sentMonths.length ?? 0) > 0;

  async function changeThreshold(threshold: ReportThreshold) {
    setProblem(null);
    try {
      setYear(await call('reports.changeThreshold', { threshold, reason }));
      await useSettingsStore.getState().load();
      setPending(null);
      setReason('');
      announce(`Reports now hide counts of students from 1 to ${threshold - 1}.`);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  async function save(patch: Partial<Settings>, said: string) {
    setProblem(null);
    try {
      await useSettingsStore.getState().update(patch);
      announce(said);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    }
  }

  return (
    <section className="panel report-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Monthly report</h2>
      <p className="hint">A small count could point to a student, so the report you send the district never shows a count of students below this number.</p>
      <p className="threshold-now" id={`${id}-now`}>
        Smallest number shown: <strong>{current}</strong>
        {year != null ? ` for the ${year.schoolYear} school year.` : '.'}
        {fixed && year != null
          ? ` It stays the same all school year: you already sent ${year.sentMonths.length === 1 ? 'one month' : `${year.sentMonths.length} months`} with it. It can change from next school year.`
          : ' Every month of a school year uses the same number, so once you send a month it stays until next school year.'}
      </p>
      <fieldset className="field radios threshold-choices" disabled={fixed} aria-describedby={`${id}-now`}>
        <legend>Smallest count of students shown</legend>
        {REPORT_THRESHOLDS.map((value) => (
          <label key={value} className="check threshold-choice">
            <input
              type="radio"
              name={`${id}-threshold`}
              value={value}
              checked={(pending ?? current) === value}
              onChange={() => setPending(value === current ? null : value)}
              aria-describedby={`${id}-k${value}`}
            />
            <span>
              <strong>{value}</strong>
              <span className="threshold-why" id={`${id}-k${value}`}>
                {THRESHOLD_CHOICES[value]}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {pending != null && (
        <form
          className="field threshold-reason"
          onSubmit={(event) => {
            event.preventDefault();
            void changeThreshold(pending);
          }}
        >
          <label htmlFor={`${id}-reason`}>Why are you changing it to {pending}?</label>
          <input id={`${id}-reason`} type="text" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} aria-describedby={`${id}-reason-hint`} />
          <p className="hint" id={`${id}-reason-hint`}>
            Kept with your records, for example “the district asked for 16”.
          </p>
          <div className="actions">
            <button type="submit" disabled={reason.trim().length < 3}>
              Change to {pending}
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              Keep {current}
            </button>
          </div>
        </form>
      )}
      <div className="field">
        <label htmlFor={`${id}-zone`}>Time zone</label>
        <select id={`${id}-zone`} value={settings.timeZone} onChange={(event) => void save({ timeZone: event.target.value }, `Time zone: ${event.target.value.replace(/_/g, ' ')}.`)} aria-describedby={`${id}-zone-hint`}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        <p className="hint" id={`${id}-zone-hint`}>
          Decides what “today” is for new entries, which month is the current one, and where your CEU cycle stands (its start is set on the Reports screen).
          {computerZone !== settings.timeZone && computerZone !== '' ? ` This computer is set to ${computerZone.replace(/_/g, ' ')}.` : ''}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-start`}>School year starts in</label>
        <select
          id={`${id}-start`}
          value={startMonth}
          onChange={(event) => {
            const month = Number(event.target.value);
            void save({ schoolYearStartMonth: month }, `Your school year now runs ${schoolYearSpanWords(month)}.`);
          }}
          aria-describedby={`${id}-start-hint`}
        >
          {MONTH_NAMES.map((name, index) => (
            <option key={name} value={index + 1}>
              {name}
            </option>
          ))}
        </select>
        <p className="hint" id={`${id}-start-hint`}>
          Your school year runs {schoolYearSpanWords(startMonth)}. The school-year report, the smallest number shown for each school year, supervision and your
          self-evaluation’s counts follow it.
        </p>
      </div>
      <ProblemLine message={problem} />
    </section>
  );
}
