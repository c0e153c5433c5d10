import { useId, useState } from 'react';
import type { SchoolYearExportResult } from '../../shared/api/reportSchemas';
import { DEFAULT_SCHOOL_YEAR_START_MONTH, previousSchoolYear, schoolYearLabel, schoolYearOf, schoolYearSpanWords } from '../../shared/domain/schoolYear';
import { useSchoolYearStart } from '../state/useSchoolYearStart';
import { call, CallError, isQuietError, plainError } from '../api';
import { FolderIcon } from '../components/Icons';
import { todayIso } from '../lib/dates';
import { useUiStore } from '../state/uiStore';

type Phase =
  | { phase: 'idle' }
  | { phase: 'choosing' }
  | { phase: 'writing'; folder: string }
  | { phase: 'cancelled' }
  | { phase: 'confirming'; folder: string }
  | { phase: 'done'; result: SchoolYearExportResult }
  | { phase: 'failed'; message: string };

/** This school year and the two before it, newest first. */
export function recentSchoolYears(today: string, startMonth = DEFAULT_SCHOOL_YEAR_START_MONTH): string[] {
  const current = schoolYearOf(today, startMonth);
  const last = previousSchoolYear(current);
  return [current, last, previousSchoolYear(last)];
}

/**
 * "School year" export in the Reports screen: the month's numbers over the
 * school year (its start month is a setting, July unless changed), with supervision, training hours and standing duties, signed like
 * a month. Plain words; the files are named in the result.
 */
export function SchoolYearExport({ onExported }: { onExported?: () => void } = {}) {
  const id = useId();
  const announce = useUiStore((store) => store.announce);
  const startMonth = useSchoolYearStart();
  const years = recentSchoolYears(todayIso(), startMonth);
  const [year, setYear] = useState(years[1] ?? years[0] ?? '');
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const busy = state.phase === 'choosing' || state.phase === 'writing';

  async function start() {
    setState({ phase: 'choosing' });
    try {
      const { folder } = await call('system.chooseFolder', { purpose: 'report-export' });
      if (folder == null) {
        setState({ phase: 'cancelled' });
        return;
      }
      await write(folder, false);
    } catch (error) {
      if (isQuietError(error)) return;
      setState({ phase: 'failed', message: plainError(error) });
    }
  }

  async function write(folder: string, replace: boolean) {
    setState({ phase: 'writing', folder });
    try {
      const result = await call('reports.exportSchoolYear', { schoolYear: year, folder, replace });
      setState({ phase: 'done', result });
      announce(`Report for the ${schoolYearLabel(year)} exported.`);
      onExported?.();
    } catch (error) {
      if (isQuietError(error)) return;
      if (!replace && error instanceof CallError && error.code === 'CONFLICT' && /already saved/.test(error.detail)) {
        setState({ phase: 'confirming', folder });
        return;
      }
      setState({ phase: 'failed', message: plainError(error) });
    }
  }

  return (
    <section className="panel export-panel" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h2 id={`${id}-title`}>School year</h2>
      <p className="hint">
        The same numbers for a whole school year, {schoolYearSpanWords(startMonth)}, with your supervision, training hours and standing duties. Each student is counted once over the
        year. No student is in it.
      </p>
      <div className="form-actions">
        <label>
          <span>School year</span>{' '}
          <select value={year} onChange={(event) => setYear(event.target.value)} disabled={busy}>
            {years.map((option) => (
              <option key={option} value={option}>
                {schoolYearLabel(option)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void start()} disabled={busy}>
          <FolderIcon />
          <span>Export school year…</span>
        </button>
      </div>
      <div aria-live="polite">
        {state.phase === 'choosing' && <p className="status">Choose a folder in the window that opened.</p>}
        {state.phase === 'writing' && <p className="status">Writing the files…</p>}
        {state.phase === 'cancelled' && <p className="status">No folder chosen, so nothing was written.</p>}
      </div>
      {state.phase === 'confirming' && (
        <div className="sent-before" role="alert">
          <p className="hint">The {schoolYearLabel(year)} report is already saved in this folder. Replace it? The district may already have the copy you sent.</p>
          <div className="form-actions">
            <button type="button" onClick={() => setState({ phase: 'idle' })}>
              Keep the saved one
            </button>
            <button type="button" className="primary" onClick={() => void write(state.folder, true)}>
              Replace it
            </button>
          </div>
        </div>
      )}
      {state.phase === 'failed' && (
        <p className="problem" role="alert">
          {state.message}
        </p>
      )}
      {state.phase === 'done' && (
        <div className="export-result">
          <p className="success">
            Exported the {schoolYearLabel(state.result.period)} to <span className="path">{state.result.folder}</span>
          </p>
          <ul className="file-list" aria-label="Files written">
            {state.result.files.map((file) => (
              <li key={file.name}>
                <span className="file-name">{file.name}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
