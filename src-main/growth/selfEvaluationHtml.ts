import type { EvidenceSummary, PdGoal, SelfEvaluation } from '../../shared/api/growthSchemas';
import { COMPETENCY_AREAS, indicatorText, rubricLabel } from '../../shared/domain/competencies';
import { EVIDENCE_ITEMS, hoursFromMinutes, supervisionKindLabel } from '../../shared/domain/growth';
import { schoolYearLabel } from '../../shared/domain/schoolYear';
import { TEAM_TYPES } from '../../shared/domain/serviceKinds';
import { escapeHtml, printablePage } from '../common/printablePage';

export const NO_STUDENT_INFORMATION = 'Contains no student information';

export interface SelfEvaluationDocument {
  evaluation: SelfEvaluation;
  evidence: EvidenceSummary;
  goals: PdGoal[];
  preparedOn: string;
}

const STYLE = `
  body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 2em auto; max-width: 54em; padding: 0 1em; }
  .marking { font-weight: 700; border: 2px solid #111; padding: .3em .6em; margin: 0 0 1em; display: inline-block; }
  h1 { font-size: 1.4em; margin: .2em 0; }
  h2 { font-size: 1.15em; margin: 1.4em 0 .4em; }
  h3 { font-size: 1em; margin: 1em 0 .3em; }
  .meta { margin: .2em 0; color: #333; }
  table { border-collapse: collapse; width: 100%; margin: .3em 0; }
  table.rubric { table-layout: fixed; }
  table.rubric col.id { width: 3.2em; }
  table.rubric col.text { width: 38%; }
  table.rubric col.year { width: 8.5em; }
  th { white-space: nowrap; }
  th, td { text-align: left; padding: .25em .4em; border-bottom: 1px solid #ccc; vertical-align: top; }
  td.num { text-align: right; white-space: nowrap; }
  .evidence { white-space: pre-wrap; }
  @media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } h2 { break-after: avoid; } }
`;

const hours = (minutes: number) => hoursFromMinutes(minutes).toFixed(1);

/** "2026-12-07" → "December 7, 2026" (a calendar date: no time zone enters). */
function longDate(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

function evidenceTable(evidence: EvidenceSummary): string {
  const rows = EVIDENCE_ITEMS.map((item) => {
    const tally = evidence.counts[item.key];
    return `<tr><td>${escapeHtml(item.label)}</td><td class="num">${tally.count}</td><td class="num">${hours(tally.minutes)}</td></tr>`;
  });
  const teams = evidence.teamMeetingsByType
    .filter((team) => team.count > 0)
    .map((team) => `<tr><td>Team meetings: ${escapeHtml(TEAM_TYPES.find((type) => type.id === team.teamType)?.label ?? team.teamType)}</td><td class="num">${team.count}</td><td class="num">${hours(team.minutes)}</td></tr>`);
  return `<table><thead><tr><th>From my log, ${escapeHtml(evidence.from)} to ${escapeHtml(evidence.to)}</th><th>Times</th><th>Hours</th></tr></thead><tbody>${[...rows, ...teams].join('')}</tbody></table>`;
}

function areaSection(document: SelfEvaluationDocument, areaIndex: number): string {
  const area = COMPETENCY_AREAS[areaIndex];
  if (area === undefined) return '';
  const entries = new Map(document.evaluation.entries.map((entry) => [entry.indicatorId, entry]));
  const groups = area.groups
    .map((group) => {
      const rows = group.indicators
        .map((indicator) => {
          const entry = entries.get(indicator.id);
          return `<tr><td>${escapeHtml(indicator.id)}</td><td>${escapeHtml(indicator.text)}</td><td>${escapeHtml(rubricLabel(entry?.previousRating ?? null))}</td><td><strong>${escapeHtml(rubricLabel(entry?.rating ?? null))}</strong></td><td class="evidence">${escapeHtml(entry?.evidence ?? '')}</td></tr>`;
        })
        .join('');
      return `${group.title === null ? '' : `<h3>${escapeHtml(group.title)}</h3>`}<table class="rubric"><colgroup><col class="id"><col class="text"><col class="year"><col class="year"><col></colgroup><thead><tr><th></th><th>Indicator</th><th>${escapeHtml(document.evaluation.previousSchoolYear.replace('-', '–'))}</th><th>${escapeHtml(document.evaluation.schoolYear.replace('-', '–'))}</th><th>Evidence</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');
  return `<section><h2>${escapeHtml(area.id)}. ${escapeHtml(area.title)}</h2>${groups}</section>`;
}

/**
 * The printable self-evaluation for the meeting with the evaluator: the
 * rubric for every indicator (last year beside this year), the evidence
 * notes, counts from the log (supervision by kind among them) and the year's goals.
 * Nothing about any student is put in; the marking at the top says so.
 */
export function renderSelfEvaluationHtml(document: SelfEvaluationDocument): string {
  const { evaluation } = document;
  const supervision = document.evidence.supervisionByKind
    .map((kind) => `<tr><td>${escapeHtml(supervisionKindLabel(kind.kind))}</td><td class="num">${kind.count}</td><td class="num">${hours(kind.minutes)}</td></tr>`)
    .join('');
  const goals =
    document.goals.length === 0
      ? '<p>No goals written for this year.</p>'
      : `<table><thead><tr><th>Goal</th><th>Indicator</th><th>Done</th></tr></thead><tbody>${document.goals
          .map((goal) => `<tr><td>${escapeHtml(goal.goal)}</td><td>${escapeHtml(goal.indicatorId)} ${escapeHtml(indicatorText(goal.indicatorId))}</td><td>${escapeHtml(goal.doneOn ?? '')}</td></tr>`)
          .join('')}</tbody></table>`;
  const body = [
    `<p class="marking">${NO_STUDENT_INFORMATION}</p>`,
    `<h1>Self-evaluation, ${escapeHtml(schoolYearLabel(evaluation.schoolYear))}</h1>`,
    `<p class="meta">Prepared ${escapeHtml(longDate(document.preparedOn))}. Rated on the four-level rubric: has not met, has met, exceeds expectations, no opportunity to practice.</p>`,
    '<p class="meta">Competency areas and indicators follow the Connecticut State Department of Education’s practice guidelines for school social work, restated briefly.</p>',
    ...COMPETENCY_AREAS.map((_, index) => areaSection(document, index)),
    '<section><h2>Counts from my log</h2>',
    evidenceTable(document.evidence),
    `<h3>Supervision received</h3><table><thead><tr><th>Kind</th><th>Sessions</th><th>Hours</th></tr></thead><tbody>${supervision}</tbody></table></section>`,
    `<section><h2>Professional development goals</h2>${goals}</section>`,
  ].join('\n');
  return printablePage({ title: `Self-evaluation ${evaluation.schoolYear}`, style: STYLE, body });
}
