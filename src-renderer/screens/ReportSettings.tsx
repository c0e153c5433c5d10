import { useId, useMemo, useState } from 'react';
import type { ReportThreshold, Settings } from '../../shared/api/schemas';
import { isQuietError, plainError } from '../api';
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
 * report shows, and the time zone that decides which month "today" is in.
 * (The CEU cycle is set on the Reports screen, next to its hours.)
 */
export function ReportSettings({ settings }: { settings: Settings }) {
  const id = useId();
  const announce = useUiStore((store) => store.announce);
  const [problem, setProblem] = useState<string | null>(null);
  const zones = useMemo(() => timeZones(settings.timeZone), [settings.timeZone]);
  const computerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

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
      <p className="hint">A small count could point to a student, so the report you send the district never shows a count of students below k. Zero is shown.</p>
      <fieldset className="field radios threshold-choices">
        <legend>Smallest count of students shown (k)</legend>
        {REPORT_THRESHOLDS.map((value) => (
          <label key={value} className="check threshold-choice">
            <input
              type="radio"
              name={`${id}-threshold`}
              value={value}
              checked={settings.reportThreshold === value}
              onChange={() => void save({ reportThreshold: value }, `Reports now hide counts of students from 1 to ${value - 1}.`)}
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
      {problem != null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
