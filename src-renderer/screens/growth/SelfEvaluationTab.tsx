import { useId, useState } from 'react';
import type { EvidenceSummary, SelfEvaluation, SelfEvaluationEntry } from '../../../shared/api/growthSchemas';
import { COMPETENCY_AREAS, type CompetencyArea } from '../../../shared/domain/competencies';
import { EVIDENCE_ITEMS, hoursFromMinutes } from '../../../shared/domain/growth';
import { previousSchoolYear, schoolYearOf } from '../../../shared/domain/schoolYear';
import { useSchoolYearStart } from '../../state/useSchoolYearStart';
import { TEAM_TYPES } from '../../../shared/domain/serviceKinds';
import { call, isQuietError, plainError } from '../../api';
import { ProblemLine } from '../../components/ProblemLine';
import { todayIso } from '../../lib/dates';
import { IndicatorRow } from './IndicatorRow';
import { useLoad } from '../../lib/useLoad';
import { baseName, SavedFileActions } from '../../components/SavedFileActions';

function indicatorsOf(area: CompetencyArea) {
  return area.groups.flatMap((group) => group.indicators);
}

/**
 * The self-evaluation of one school year: the eight competency areas down
 * the side (how many indicators are rated), the chosen area's indicators
 * with their rating and note of evidence, and counts from the worker's own
 * log that speak to the area. A printable copy is saved where the worker chooses.
 */
export function SelfEvaluationTab() {
  const id = useId();
  const current = schoolYearOf(todayIso(), useSchoolYearStart());
  const years = [current, previousSchoolYear(current), previousSchoolYear(previousSchoolYear(current))];
  const [schoolYear, setSchoolYear] = useState(current);
  const [areaId, setAreaId] = useState<string>(COMPETENCY_AREAS[0]?.id ?? '1');
  const [evaluation, reload] = useLoad<SelfEvaluation>(() => call('selfEvaluation.get', { schoolYear }), schoolYear);
  const [evidence] = useLoad<EvidenceSummary>(() => call('growth.evidence', { schoolYear }), schoolYear);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** Where the printable copy was just saved: its name and the buttons to show or print it. */
  const [savedCopy, setSavedCopy] = useState<string | null>(null);

  const area = COMPETENCY_AREAS.find((candidate) => candidate.id === areaId) ?? COMPETENCY_AREAS[0];
  const entries = evaluation.status === 'ready' ? new Map(evaluation.value.entries.map((entry) => [entry.indicatorId, entry])) : null;
  const ratedIn = (candidate: CompetencyArea) => indicatorsOf(candidate).filter((indicator) => entries?.get(indicator.id)?.rating != null).length;

  async function savePrintable() {
    setProblem(null);
    setSavedCopy(null);
    setSaving(true);
    try {
      const { file } = await call('system.chooseFile', { purpose: 'save-self-evaluation', suggestedName: `self-evaluation-${schoolYear}.html` });
      if (file == null) return;
      // The save dialog already asked before replacing a file.
      const result = await call('selfEvaluation.export', { schoolYear, file, replace: true });
      setSavedCopy(result.path);
    } catch (error) {
      if (!isQuietError(error)) setProblem(plainError(error));
    } finally {
      setSaving(false);
    }
  }

  function saved(entry: SelfEvaluationEntry) {
    void entry;
    reload();
  }

  return (
    <div className="self-evaluation">
      <div className="growth-toolbar">
        <label htmlFor={`${id}-year`}>School year</label>
        <select id={`${id}-year`} value={schoolYear} onChange={(event) => setSchoolYear(event.target.value)}>
          {years.map((year) => (
            <option key={year} value={year}>
              {year.replace('-', '–')}
            </option>
          ))}
        </select>
        <span className="subtle">Each indicator shows last year’s rating ({previousSchoolYear(schoolYear).replace('-', '–')}) too.</span>
        <button type="button" className="growth-toolbar-end" onClick={() => void savePrintable()} disabled={saving || evaluation.status !== 'ready'}>
          {saving ? 'Saving…' : 'Save a printable copy…'}
        </button>
      </div>
      <ProblemLine message={problem} />
      {savedCopy != null && (
        <div className="saved-copy">
          <p className="success" role="status">
            Printable copy saved as “{baseName(savedCopy)}”.
          </p>
          <SavedFileActions label="The printable copy" showPath={savedCopy} printPath={savedCopy} />
          <details className="technical">
            <summary>Details</summary>
            <p className="path">{savedCopy}</p>
          </details>
        </div>
      )}
      {evaluation.status === 'loading' && (
        <p className="status" aria-busy="true">
          Loading…
        </p>
      )}
      {evaluation.status === 'error' && <ProblemLine message={evaluation.message} />}
      {entries != null && area != null && (
        <div className="self-evaluation-layout">
          <nav aria-label="Competency areas" className="area-list">
            <ol>
              {COMPETENCY_AREAS.map((candidate) => {
                const total = indicatorsOf(candidate).length;
                const rated = ratedIn(candidate);
                return (
                  <li key={candidate.id}>
                    <button
                      type="button"
                      className={candidate.id === area.id ? 'area-button is-current' : 'area-button'}
                      aria-current={candidate.id === area.id ? 'true' : undefined}
                      onClick={() => setAreaId(candidate.id)}
                    >
                      <span className="area-name">
                        {candidate.id}. {candidate.title}
                      </span>
                      <span className="area-count">
                        {rated} of {total} rated
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </nav>
          <section className="area-detail" aria-labelledby={`${id}-area`}>
            <h2 id={`${id}-area`}>
              {area.id}. {area.title}
            </h2>
            <FromYourLog areaId={area.id} evidence={evidence.status === 'ready' ? evidence.value : null} />
            {area.groups.map((group, index) => (
              <div key={group.title ?? index} className="indicator-group">
                {group.title != null && <h3>{group.title}</h3>}
                <ul className="indicator-list">
                  {group.indicators.map((indicator) => {
                    const entry = entries.get(indicator.id);
                    return entry == null ? null : (
                      <li key={`${schoolYear}-${indicator.id}`}>
                        <IndicatorRow indicator={indicator} entry={entry} schoolYear={schoolYear} onSaved={saved} />
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
            <p className="subtle growth-source">Areas and indicators follow the Connecticut State Department of Education’s practice guidelines for school social work, put briefly in our own words.</p>
          </section>
        </div>
      )}
    </div>
  );
}

/** The counts from the worker's own log this school year that speak to the area: numbers only. */
function FromYourLog({ areaId, evidence }: { areaId: string; evidence: EvidenceSummary | null }) {
  if (evidence == null) return null;
  const items = EVIDENCE_ITEMS.filter((item) => (item.areas as readonly string[]).includes(areaId));
  if (items.length === 0) return null;
  const teams = evidence.teamMeetingsByType.filter((team) => team.count > 0);
  return (
    <aside className="from-log" aria-label="From your log this school year">
      <p className="from-log-title">From your log this school year</p>
      <ul>
        {items.map((item) => {
          const tally = evidence.counts[item.key];
          return (
            <li key={item.key}>
              {item.label}: <span className="from-log-number">{tally.count}</span>
              {tally.minutes > 0 && <span className="subtle"> ({hoursFromMinutes(tally.minutes)} h)</span>}
              {item.key === 'teamMeetings' && teams.length > 0 && (
                <span className="subtle">: {teams.map((team) => `${team.count} ${TEAM_TYPES.find((type) => type.id === team.teamType)?.label ?? team.teamType}`).join(', ')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
