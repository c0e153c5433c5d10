import { useEffect, useId, useState } from 'react';
import type { CeuSummary, ReportExportResult, ReportHistoryEntry, ReportPreview, SigningKeyInfo, SuppressedCellInfo } from '../../shared/api/reportSchemas';
import { REPORT_METRICS, valueAtPath } from '../../shared/report/catalog';
import { call } from '../api';
import { AlreadySavedQuestion } from '../components/ReplaceQuestion';
import { DateField } from '../components/DateField';
import { ChevronLeftIcon, ChevronRightIcon, FolderIcon, HiddenIcon, KeyIcon } from '../components/Icons';
import { formatLongDate, formatMinutes, formatNumericDate, formatShortDate, formatTimestamp, todayIso } from '../lib/dates';
import { addMonths, monthLabel, monthOf, reportableMonths } from '../lib/months';
import { useSettingsStore } from '../state/settingsStore';
import { useUiStore } from '../state/uiStore';
import { MinutesByKindChart, SessionsPerWeekChart, StudentsPerCategoryChart } from './ReportCharts';
import { SchoolYearExport } from './SchoolYearExport';
import { StandingDutiesOfMonth } from './StandingDutiesOfMonth';
import { SuccessStories } from './SuccessStories';
import { useCeuCycleStart } from './growth/useCeuCycleStart';
import { useScreenHeading } from './useScreenHeading';
import { useLoad, type Loaded } from '../lib/useLoad';
import { useFolderExport } from '../lib/useFolderExport';
import { TotalsTable } from '../components/TotalsTable';
import { SavedFileActions } from '../components/SavedFileActions';
import { CheckCode } from '../components/CheckCode';
import { ProblemLine } from '../components/ProblemLine';

/**
 * The Reports screen: the monthly aggregate report as the district will get
 * it (numbers, charts, what is hidden and why), exported to a folder the
 * worker picks, with the signing key's fingerprint, past exports and the
 * CEU cycle. Loaded only when opened (its charts are a chunk of their own).
 *
 * Nothing here names a student: every number comes from the main side
 * already aggregated and suppressed (`reports.preview`).
 */

export function Reports() {
  const id = useId();
  const heading = useScreenHeading();
  const today = todayIso();
  const months = reportableMonths(today);
  const [month, setMonth] = useState(() => addMonths(monthOf(today), -1));
  const [preview, reloadPreview] = useLoad(() => call('reports.preview', { month }), month);
  const [history, reloadHistory] = useLoad(() => call('reports.history', {}), 'history');

  const newest = months[0] as string;
  const oldest = months[months.length - 1] as string;

  return (
    <div className="screen-body reports-screen">
      <div className="screen-head">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Reports
          </h1>
          <p className="subtle">Your monthly service report for the district: numbers only, never a student.</p>
        </div>
      </div>
      <div className="reports-layout">
        <div className="reports-main">
          <section className="panel" aria-labelledby={`${id}-month`}>
            <div className="period-head">
              <h2 id={`${id}-month`}>Service report for {monthLabel(month)}</h2>
              <div className="period-controls">
                <button type="button" className="icon-button" onClick={() => setMonth(addMonths(month, -1))} disabled={month <= oldest} aria-label="Previous month">
                  <ChevronLeftIcon />
                </button>
                <label htmlFor={`${id}-pick`} className="sr-only">
                  Month
                </label>
                <select id={`${id}-pick`} className="month-select" value={month} onChange={(event) => setMonth(event.target.value)}>
                  {months.map((option) => (
                    <option key={option} value={option}>
                      {option === newest ? `${monthLabel(option)} (so far)` : monthLabel(option)}
                    </option>
                  ))}
                </select>
                <button type="button" className="icon-button" onClick={() => setMonth(addMonths(month, 1))} disabled={month >= newest} aria-label="Next month">
                  <ChevronRightIcon />
                </button>
              </div>
            </div>
            {preview.status === 'loading' && (
              <p className="status" aria-busy="true">
                Working out the numbers…
              </p>
            )}
            {preview.status === 'error' && <ProblemLine message={preview.message} />}
            {preview.status === 'ready' && <AtAGlance preview={preview.value} />}
          </section>
          {preview.status === 'ready' && <MonthDetails preview={preview.value} />}
          {preview.status === 'ready' && <StandingDutiesOfMonth preview={preview.value} />}
          <SuccessStories month={month} onChanged={reloadPreview} />
        </div>
        <aside className="reports-aside" aria-label="Export and records">
          <ExportPanel month={month} ready={preview.status === 'ready'} sent={preview.status === 'ready' ? preview.value.sent : null} onExported={reloadHistory} />
          <SchoolYearExport onExported={reloadHistory} />
          <HistoryPanel history={history} />
          <SigningKeyPanel />
          <CeuPanel />
        </aside>
      </div>
    </div>
  );
}

/** A value as the report publishes it: every hidden value looks alike. */
type Cell = number | null | { suppressed: true } | undefined;

function isHidden(value: Cell): value is { suppressed: true } {
  return typeof value === 'object' && value !== null && 'suppressed' in value;
}

/** Why a number is hidden, in three or four words (the list below says it in full). */
function reasonTag(reason: SuppressedCellInfo['reason'], threshold: number): string {
  switch (reason) {
    case 'small':
      return `Fewer than ${threshold}`;
    case 'group':
      return 'Hidden with its group';
    case 'statistic':
      return 'Median or mean';
    case 'services':
      return 'Would tell students seen';
  }
}

function CellValue({ value, unit = 'count' }: { value: Cell; threshold?: number; unit?: 'count' | 'minutes' | 'hours' }) {
  if (isHidden(value)) {
    return (
      <span className="cell-hidden">
        <HiddenIcon />
        <span>Hidden</span>
      </span>
    );
  }
  if (value == null) return <span className="subtle">No students</span>;
  if (unit === 'minutes') return <>{formatMinutes(value)}</>;
  if (unit === 'hours') return <>{value.toLocaleString('en-US')} h</>;
  return <>{value.toLocaleString('en-US')}</>;
}

/** A few headline numbers, as the report will show them. */
function AtAGlance({ preview }: { preview: ReportPreview }) {
  const { metrics, threshold } = preview.document;
  const tiles: { label: string; value: Cell; unit?: 'count' | 'minutes' | 'hours' }[] = [
    { label: 'Students seen in sessions', value: metrics.studentsSeen },
    { label: 'Individual sessions', value: metrics.sessions.individual.count },
    { label: 'Group sessions', value: metrics.sessions.group.count },
    { label: 'New cases', value: metrics.cases.opened },
    { label: 'Direct minutes', value: metrics.minutes.direct, unit: 'minutes' },
    { label: 'Indirect minutes', value: metrics.minutes.indirect, unit: 'minutes' },
  ];
  return (
    <>
      <dl className="glance">
        {tiles.map((tile) => (
          <div key={tile.label} className={isHidden(tile.value) ? 'glance-tile is-hidden' : 'glance-tile'}>
            <dt>{tile.label}</dt>
            <dd>
              <CellValue value={tile.value} threshold={threshold} unit={tile.unit} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        Smallest number shown: {threshold}. Counts of 1 to {threshold - 1} students are hidden; zero is shown.{' '}
        <button type="button" className="link" onClick={() => useUiStore.getState().navigate({ name: 'settings' })}>
          Change it in Settings
        </button>
      </p>
    </>
  );
}

function MonthDetails({ preview }: { preview: ReportPreview }) {
  const id = useId();
  const threshold = preview.document.threshold;
  return (
    <>
      <SuppressedPanel suppressed={preview.suppressed} threshold={threshold} />
      <section className="panel charts-panel" aria-labelledby={`${id}-charts`}>
        <h2 id={`${id}-charts`}>The month in charts</h2>
        <p className="hint">Minutes and sessions are your own log, to see the month at a glance; students per category are as the report shows them.</p>
        <MinutesByKindChart rows={preview.charts.minutesByServiceKind} />
        <SessionsPerWeekChart weeks={preview.charts.sessionsPerWeek} individualHidden={isHidden(preview.document.metrics.sessions.individual.count)} />
        <StudentsPerCategoryChart rows={preview.charts.studentsPerIssueCategory} threshold={threshold} />
      </section>
      <AllNumbers preview={preview} />
    </>
  );
}

const REASON_ORDER: Record<SuppressedCellInfo['reason'], number> = { small: 0, group: 1, statistic: 2, services: 3 };

/** Hidden numbers that share a reason: small counts first, then what hides with them, each in report order. */
function groupByExplanation(cells: SuppressedCellInfo[]): { explanation: string; reason: SuppressedCellInfo['reason']; cells: SuppressedCellInfo[] }[] {
  const groups = new Map<string, { explanation: string; reason: SuppressedCellInfo['reason']; cells: SuppressedCellInfo[] }>();
  for (const cell of cells) {
    const group = groups.get(cell.explanation) ?? { explanation: cell.explanation, reason: cell.reason, cells: [] };
    group.cells.push(cell);
    groups.set(cell.explanation, group);
  }
  return [...groups.values()].sort((a, b) => REASON_ORDER[a.reason] - REASON_ORDER[b.reason]);
}

/** What the report hides this month, and why, in plain words. */
function SuppressedPanel({ suppressed, threshold }: { suppressed: SuppressedCellInfo[]; threshold: number }) {
  const id = useId();
  return (
    <section className="panel suppressed-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <HiddenIcon /> What is hidden, and why
      </h2>
      <p className="hint">
        A small count could point to a student, so counts of students from 1 to {threshold - 1} are hidden, and so is any other number that would let someone work one out.
        The district sees the same “suppressed” mark in their place, whatever the number and whatever hid it.
      </p>
      {suppressed.length === 0 ? (
        <p className="empty">Nothing is hidden this month: every count of students is 0 or at least {threshold}.</p>
      ) : (
        <ul className="suppressed-list" aria-label="Hidden numbers, by reason">
          {groupByExplanation(suppressed).map((group) => (
            <li key={group.explanation} className="suppressed-group">
              <p className="suppressed-head">
                <span className={`reason-tag reason-${group.reason}`}>{reasonTag(group.reason, threshold)}</span>
                <span className="suppressed-why">{group.explanation}</span>
              </p>
              <ul className="suppressed-items" aria-label={group.explanation}>
                {group.cells.map((cell) => (
                  <li key={cell.path}>
                    <HiddenIcon />
                    <span>{cell.label}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every number of the report, in the order and words of the exported files. */
function AllNumbers({ preview }: { preview: ReportPreview }) {
  const sections = new Map<string, typeof REPORT_METRICS>();
  for (const metric of REPORT_METRICS) sections.set(metric.section, [...(sections.get(metric.section) ?? []), metric]);
  return (
    <details className="panel all-numbers">
      <summary>Every number in the report</summary>
      {[...sections].map(([section, metrics]) => (
        <TotalsTable
          key={section}
          caption={section}
          rows={metrics.map((metric) => ({
            key: metric.path,
            label: metric.label,
            cells: [<CellValue key="value" value={valueAtPath(preview.document.metrics, metric.path) as Cell} threshold={preview.document.threshold} />],
          }))}
        />
      ))}
    </details>
  );
}

function fileSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Export: pick a folder (the system's dialog), write the five files, then say how to check them. */
function ExportPanel({ month, ready, sent, onExported }: { month: string; ready: boolean; sent: ReportPreview['sent']; onExported: () => void }) {
  const id = useId();
  const [correction, setCorrection] = useState(false);
  // A month already saved in the chosen folder is replaced only once the worker said so.
  const flow = useFolderExport<ReportExportResult>({
    write: (folder, replace) => call('reports.export', { month, folder, replace, ...(correction ? { correction: true } : {}) }),
    asksFirst: (details) => details.alreadySaved === true,
    // The result below says it (a live region): no notice repeating it.
    onDone: onExported,
  });
  const { state, busy } = flow;

  // Another month: what was written belongs to the one before.
  const reset = flow.reset;
  useEffect(() => {
    reset();
    setCorrection(false);
  }, [month, reset]);

  return (
    <section className="panel export-panel" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h2 id={`${id}-title`}>Export for the district</h2>
      <p className="hint">
        Writes the report for {monthLabel(month)} into a folder you choose: the report, the files that show it comes from you, a spreadsheet (CSV) and a printable page. No
        student is named in any of them.
      </p>
      {sent != null && (
        <div className="sent-before">
          <p className="hint">
            You already sent {monthLabel(month)}{sent.correction > 0 ? ` (correction ${sent.correction})` : ''}. Exporting it again gives exactly the same report.
          </p>
          {sent.correctionAvailable && (
            <label className="check">
              <input type="checkbox" checked={correction} onChange={(event) => setCorrection(event.target.checked)} />
              <span>
                Send a correction: the numbers changed since. The district will see it marked as correction {sent.correction + 1}. A number that changed by fewer
                than the smallest number shown stays as you sent it.
              </span>
            </label>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void flow.start()} disabled={busy || !ready}>
          <FolderIcon />
          <span>Export report…</span>
        </button>
      </div>
      <div aria-live="polite">
        {state.phase === 'choosing' && <p className="status">Choose a folder in the window that opened.</p>}
        {state.phase === 'writing' && <p className="status">Writing the files…</p>}
        {state.phase === 'cancelled' && <p className="status">No folder chosen, so nothing was written.</p>}
        {state.phase === 'kept' && <p className="status">The report already in that folder was kept; nothing was written.</p>}
      </div>
      {state.phase === 'confirming' && (
        <AlreadySavedQuestion what={monthLabel(month)} onReplace={() => void flow.replace()} onKeep={flow.keep} />
      )}
      {state.phase === 'failed' && <ProblemLine message={state.message} />}
      {state.phase === 'done' && <ExportResultView result={state.result} />}
    </section>
  );
}

function ExportResultView({ result }: { result: ReportExportResult }) {
  const json = `service-report-${result.period}.json`;
  const command = `openssl pkeyutl -verify -pubin -inkey worker-signing-key.pem -rawin -in ${json} -sigfile ${json}.sig`;
  return (
    <div className="export-result">
      <p className="success">
        Exported {monthLabel(result.period)} to the folder “{folderName(result.folder)}”.
      </p>
      <SavedFileActions label="The exported report" showPath={result.folder} printPath={result.files.find((file) => file.name.endsWith('.html'))?.path} />
      <h3>Files written</h3>
      <ul className="file-list" aria-label="Files written">
        {result.files.map((file) => (
          <li key={file.name}>
            <span className="file-name">{file.name}</span>
            <span className="subtle file-size">{fileSize(file.bytes)}</span>
          </li>
        ))}
      </ul>
      <details className="technical">
        <summary>Details for the district’s IT person</summary>
        <p className="path">{result.folder}</p>
        <p className="hint">The report is signed with your key. Anyone can check the signature with OpenSSL, in that folder. It prints “Signature Verified Successfully”.</p>
      <pre className="command">
        {/* One line when copied; on screen it wraps between arguments, never inside one. */}
        <code>
          {command.split(' ').map((part, index) => (
            <span key={`${index}-${part}`}>
              {index > 0 ? ' ' : ''}
              <span className="command-part">{part}</span>
            </span>
          ))}
        </code>
      </pre>
        <p className="hint">SHA-256 of each file (also in your audit log):</p>
        <ul className="hashes">
          {result.files.map((file) => (
            <li key={file.name}>
              <span className="file-name">{file.name}</span>
              <span className="mono hash">{file.sha256}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** The last part of a folder's path, for the worker; the whole path stays in the details. */
function folderName(folder: string): string {
  return folder.split(/[\\/]/).filter((part) => part !== '').pop() ?? folder;
}

/** "March 2026" for a month's report, "School year 2026-27" for a school year's. */
export function historyLabel(entry: Pick<ReportHistoryEntry, 'kind' | 'period'>): string {
  return entry.kind === 'school-year' ? `School year ${entry.period}` : monthLabel(entry.period);
}

function HistoryPanel({ history }: { history: Loaded<ReportHistoryEntry[]> }) {
  const id = useId();
  return (
    <section className="panel history-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Past exports</h2>
      {history.status === 'loading' && <p className="status">Loading…</p>}
      {history.status === 'error' && <ProblemLine message={history.message} />}
      {history.status === 'ready' &&
        (history.value.length === 0 ? (
          <p className="empty">Nothing exported yet.</p>
        ) : (
          <ul className="history-list" aria-label="Past exports">
            {history.value.map((entry) => (
              <li key={entry.seq}>
                <p className="history-head">
                  <strong>{historyLabel(entry)}</strong>
                  <span className="subtle">exported {formatTimestamp(entry.at)}</span>
                </p>
                <p className="history-meta">
                  <span>smallest number shown: {entry.threshold}</span>
                  <span>{entry.files.length} files</span>
                </p>
                <p className="subtle" title={entry.folder}>
                  In the folder “{folderName(entry.folder)}”
                </p>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** The signing key's fingerprint in its 16 groups, to read out to the district once. */
function SigningKeyPanel() {
  const id = useId();
  const [key] = useLoad<SigningKeyInfo>(() => call('keys.signingFingerprint', {}), 'key');
  return (
    <section className="panel key-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <KeyIcon /> Your check code
      </h2>
      <p className="hint">Every report you export carries this code. Read these 16 groups to the district once, by phone or in person, so they can tell your reports are yours.</p>
      {key.status === 'loading' && <p className="status">Loading…</p>}
      {key.status === 'error' && <ProblemLine message={key.message} />}
      {key.status === 'ready' && (
        <>
          <CheckCode fingerprint={key.value.fingerprint} label="Check code" show="groups" />
          <p className="subtle">Made {formatShortDate(key.value.createdAt.slice(0, 10))}.</p>
          <details className="technical">
            <summary>Details for the district’s IT person</summary>
            <p className="hint">
              The check code is the SHA-256 fingerprint of your {key.value.algorithm} signing key (worker-signing-key.pem, written with each report).
            </p>
          </details>
        </>
      )}
    </section>
  );
}

function ceuNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * Continuing education: contact hours of professional development attended
 * in the current five-year cycle, against the 90 hours (9.0 CEUs) a
 * Connecticut certificate needs. The cycle's first day is set right here,
 * beside the hours it governs.
 */
function CeuPanel() {
  const id = useId();
  const [summary, reload] = useLoad<CeuSummary>(() => call('ceu.summary', {}), 'ceu');
  const { editing, setEditing, text, setText, problem, setProblem, save } = useCeuCycleStart(reload);
  const current = summary.status === 'ready' ? summary.value : null;
  const requirementApplies = useSettingsStore((store) => store.settings?.ceuRequirementApplies ?? true);

  const form = (
    <form onSubmit={(event) => void save(event)} noValidate className="ceu-form">
      <DateField id={`${id}-start`} label="First day of your current cycle" value={text} onChange={setText} error={problem} hint="The date your certificate's five-year cycle began, for example 7/1/2024." />
      <div className="form-actions">
        <button type="submit">Save</button>
        {current?.cycleStart != null && (
          <button type="button" className="quiet" onClick={() => setEditing(false)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );

  return (
    <section className="panel ceu-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Continuing education</h2>
      {summary.status === 'loading' && <p className="status">Loading…</p>}
      {summary.status === 'error' && <ProblemLine message={summary.message} />}
      {current != null && (
        <>
          {current.status === 'not-set' || editing ? (
            <>
              {current.status === 'not-set' && (
                <p className="hint">A Connecticut certificate needs {current.requiredHours} contact hours (9.0 CEUs) of professional development every five years. Set when your cycle began to count them.</p>
              )}
              {form}
            </>
          ) : (
            <>
              {current.status === 'not-started' ? (
                <p>Your cycle starts on {formatLongDate(current.cycleStart ?? current.today)}.</p>
              ) : (
                <>
                  {requirementApplies ? (
                    <>
                      <p className="ceu-total">
                        <strong>{ceuNumber(current.contactHours)}</strong> of {current.requiredHours} contact hours
                      </p>
                      <progress className="ceu-progress" max={current.requiredHours} value={Math.min(current.contactHours, current.requiredHours)} aria-labelledby={`${id}-title`}>
                        {ceuNumber(current.contactHours)} of {current.requiredHours} hours
                      </progress>
                      <p className="hint">
                        {ceuNumber(current.ceus)} of {current.requiredCeus.toFixed(1)} CEUs from {current.sessions} {current.sessions === 1 ? 'session' : 'sessions'} attended.{' '}
                        {current.remainingHours > 0 ? `${ceuNumber(current.remainingHours)} hours to go` : 'Done for this cycle'}
                        {current.cycleEnd != null ? ` by ${formatLongDate(current.cycleEnd)}.` : '.'}
                      </p>
                    </>
                  ) : (
                    // The worker said the certificate requirement does not apply to them (Professional growth): hours only.
                    <p className="ceu-total">
                      <strong>{ceuNumber(current.contactHours)}</strong> contact hours this cycle, from {current.sessions} {current.sessions === 1 ? 'session' : 'sessions'} attended
                    </p>
                  )}
                </>
              )}
              <p className="subtle">
                Cycle {current.cycleStart != null ? formatShortDate(current.cycleStart) : ''} to {current.cycleEnd != null ? formatShortDate(current.cycleEnd) : ''}.{' '}
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
            </>
          )}
        </>
      )}
    </section>
  );
}
