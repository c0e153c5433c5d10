import { useId, useState } from 'react';
import type { SchoolYearExportResult } from '../../shared/api/reportSchemas';
import { DEFAULT_SCHOOL_YEAR_START_MONTH, previousSchoolYear, schoolYearLabel, schoolYearOf, schoolYearSpanWords } from '../../shared/domain/schoolYear';
import { useSchoolYearStart } from '../state/useSchoolYearStart';
import { call } from '../api';
import { AlreadySavedQuestion, ReplaceQuestion } from '../components/ReplaceQuestion';
import { FolderIcon } from '../components/Icons';
import { ProblemLine } from '../components/ProblemLine';
import { todayIso } from '../lib/dates';
import { useFolderExport } from '../lib/useFolderExport';
import { baseName, SavedFileActions } from '../components/SavedFileActions';

/** This school year and the two before it, newest first. */
export function recentSchoolYears(today: string, startMonth = DEFAULT_SCHOOL_YEAR_START_MONTH): string[] {
  const current = schoolYearOf(today, startMonth);
  const last = previousSchoolYear(current);
  return [current, last, previousSchoolYear(last)];
}

/**
 * "School year" export in the Reports screen: the month's numbers over the
 * school year (its start month is a setting, July unless changed), with
 * supervision, training hours and standing duties, signed like a month.
 * The folder and the question before replacing are the month's own
 * (useFolderExport). Plain words; the files are named in the result.
 */
export function SchoolYearExport({ onExported }: { onExported?: () => void } = {}) {
  const id = useId();
  const startMonth = useSchoolYearStart();
  const years = recentSchoolYears(todayIso(), startMonth);
  const [year, setYear] = useState(years[1] ?? years[0] ?? '');
  // A year already saved in the folder, or already sent with other numbers, is replaced only once the worker said so.
  const flow = useFolderExport<SchoolYearExportResult>({
    write: (folder, replace) => call('reports.exportSchoolYear', { schoolYear: year, folder, replace }),
    asksFirst: (details) => details.alreadySaved === true || details.sentBefore === true,
    // The result below says it (a live region): no notice repeating it.
    onDone: () => onExported?.(),
  });
  const { state, busy } = flow;

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
        <button type="button" onClick={() => void flow.start()} disabled={busy}>
          <FolderIcon />
          <span>Export school year…</span>
        </button>
      </div>
      <div aria-live="polite">
        {state.phase === 'choosing' && <p className="status">Choose a folder in the window that opened.</p>}
        {state.phase === 'writing' && <p className="status">Writing the files…</p>}
        {state.phase === 'cancelled' && <p className="status">No folder chosen, so nothing was written.</p>}
        {state.phase === 'kept' && <p className="status">Nothing was written; the report you sent stays as it is.</p>}
      </div>
      {state.phase === 'confirming' &&
        (state.why.sentBefore === true ? (
          <ReplaceQuestion
            title={`You already sent the ${schoolYearLabel(year)}, with other numbers. Send it again?`}
            description={
              <p>
                Its numbers changed since you exported it. If the district already has the copy you sent and gets this one too, it counts neither, so send it again only
                to replace that copy.
              </p>
            }
            keepLabel="Keep the one I sent"
            onReplace={() => void flow.replace()}
            onKeep={flow.keep}
          />
        ) : (
          <AlreadySavedQuestion what={schoolYearLabel(year)} onReplace={() => void flow.replace()} onKeep={flow.keep} />
        ))}
      {state.phase === 'failed' && <ProblemLine message={state.message} />}
      {state.phase === 'done' && (
        <div className="export-result">
          <p className="success">
            Exported the {schoolYearLabel(state.result.period)} to the folder “{baseName(state.result.folder)}”.
          </p>
          <SavedFileActions label="The exported school year" showPath={state.result.folder} printPath={printable(state.result)} />
          <ul className="file-list" aria-label="Files written">
            {state.result.files.map((file) => (
              <li key={file.name}>
                <span className="file-name">{file.name}</span>
              </li>
            ))}
          </ul>
          <details className="technical">
            <summary>Details for the district’s IT person</summary>
            <p className="path">{state.result.folder}</p>
          </details>
        </div>
      )}
    </section>
  );
}

/** The printable page among the files written (the main side resolves the joined path). */
function printable(result: { folder: string; files: Array<{ name: string }> }): string | null {
  const page = result.files.find((file) => file.name.endsWith('.html'));
  return page == null ? null : `${result.folder}/${page.name}`;
}
