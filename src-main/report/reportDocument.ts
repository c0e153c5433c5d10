import { CASE_OUTCOMES } from '../../shared/domain/caseOutcomes';
import { SERVICE_KINDS, type ServiceKind } from '../../shared/domain/serviceKinds';
import type { ReportThreshold } from '../../shared/api/schemas';
import { valueAtPath } from '../../shared/report/catalog';
import {
  REPORT_CATEGORY_IDS,
  REPORT_SCHEMA_ID,
  ServiceReportDocument,
  type ReportMetrics,
  type SuppressedCell,
} from '../../shared/report/document';
import { guidelineListFromCounts, teamMeetingsPerWeek, type GuidelineList } from './guidelineList';
import type { MonthMetrics } from './metrics';
import { roundTo } from './metrics';
import { suppressServiceCells, type ServiceCellDecision } from './serviceSuppression';
import { suppress, suppressionRuleText, type CountCell, type PublishedValue, type SumRelation, type SuppressionResult } from './suppression';

/**
 * Turns a month's true numbers into the report document: suppression applied,
 * the rule stated, the signing key named. The zod schema of the document is
 * `ServiceReportDocument` in shared/report/document.ts (shared, because the
 * API returns documents to the renderer); it is re-exported here.
 */
export { ServiceReportDocument, REPORT_SCHEMA_ID };

/** The unpublished cell that makes the case relations a tree. */
export const CLOSED_NOT_RESOLVED = 'cases.closedNotResolved';

const outcomePath = (id: string) => `cases.closedByOutcome.${id}`;

/** The sums that tie the report's counts of students together; the reader knows them (docs/report-format.md). */
export const REPORT_RELATIONS: readonly SumRelation[] = [
  { total: 'cases.closed', parts: ['cases.resolved', CLOSED_NOT_RESOLVED] },
  { total: 'cases.resolved', parts: CASE_OUTCOMES.filter((outcome) => outcome.resolved).map((outcome) => outcomePath(outcome.id)) },
  { total: CLOSED_NOT_RESOLVED, parts: CASE_OUTCOMES.filter((outcome) => !outcome.resolved).map((outcome) => outcomePath(outcome.id)) },
];

/** Every published count of students, by path in `metrics`. */
export const STUDENT_COUNT_PATHS: readonly string[] = [
  'studentsSeen',
  'cases.opened',
  'cases.closed',
  'cases.resolved',
  ...CASE_OUTCOMES.map((outcome) => outcomePath(outcome.id)),
  ...REPORT_CATEGORY_IDS.map((id) => `studentsByIssueCategory.${id}`),
];

export const STATISTIC_PATHS: readonly string[] = [
  'lengthOfTreatment.medianSessionsSoFar',
  'lengthOfTreatment.medianWeeksOpen',
  'frequency.meanSessionsPerStudent',
];

function studentCountCells(metrics: MonthMetrics): CountCell[] {
  const values: Record<string, number> = {
    studentsSeen: metrics.studentsSeen,
    'cases.opened': metrics.cases.opened,
    'cases.closed': metrics.cases.closed,
    'cases.resolved': metrics.cases.resolved,
    ...Object.fromEntries(CASE_OUTCOMES.map((outcome) => [outcomePath(outcome.id), metrics.cases.closedByOutcome[outcome.id]])),
    ...Object.fromEntries(REPORT_CATEGORY_IDS.map((id) => [`studentsByIssueCategory.${id}`, metrics.studentsByIssueCategory[id]])),
  };
  return [
    ...STUDENT_COUNT_PATHS.map((path) => ({ id: path, value: values[path] as number })),
    { id: CLOSED_NOT_RESOLVED, value: metrics.cases.closedNotResolved, hidden: true },
  ];
}

export interface DocumentInput {
  metrics: MonthMetrics;
  threshold: ReportThreshold;
  timeZone: string;
  /** The month the report is made in, in the worker's time zone. */
  generated: string;
  fingerprint: string;
  /** Duties, confirmed stories and where trainings were given (guidelineList.ts); without it, none, and every training within the district. */
  guideline?: GuidelineList;
}

/** The service cells the rule may suppress (the schema allows a suppressed cell there and nowhere else among services). */
export const SUPPRESSIBLE_SERVICE_PATHS: readonly string[] = ['sessions.individual.count', 'sessions.individual.minutes', 'minutes.direct'];

export interface BuiltDocument {
  document: ServiceReportDocument;
  suppression: SuppressionResult;
  /** Counts of services (and minutes) suppressed because they would narrow a suppressed count of students. */
  serviceSuppression: Map<string, ServiceCellDecision>;
  /** Medians and the mean are suppressed: fewer than k students seen. */
  statisticsSuppressed: boolean;
}

export function buildReportDocument(input: DocumentInput): BuiltDocument {
  const { metrics, threshold } = input;
  const guideline = input.guideline ?? guidelineListFromCounts(metrics);
  const suppression = suppress({ threshold, cells: studentCountCells(metrics), relations: REPORT_RELATIONS });
  const count = (path: string): number | SuppressedCell => {
    const decision = suppression.decisions.get(path);
    if (!decision) throw new Error(`No decision for ${path}.`);
    return decision.suppressed ? { suppressed: true, reason: decision.reason } : decision.value;
  };
  const serviceSuppression = suppressServiceCells({
    threshold,
    counts: Object.fromEntries(SERVICE_KINDS.map((info) => [info.id, metrics.byKind[info.id].count])) as Record<ServiceKind, number>,
    suppressedStudentCounts: new Set([...suppression.decisions].filter(([, decision]) => decision.suppressed).map(([path]) => path)),
  });
  for (const path of serviceSuppression.keys()) {
    if (!SUPPRESSIBLE_SERVICE_PATHS.includes(path)) throw new Error(`The report format has no suppressed cell at ${path}.`);
  }
  const service = (path: string, value: number): number | SuppressedCell =>
    serviceSuppression.has(path) ? { suppressed: true, reason: 'complementary' } : value;
  const statisticsSuppressed = metrics.studentsSeen >= 1 && metrics.studentsSeen < threshold;
  const statistic = (value: number | null): number | null | SuppressedCell =>
    statisticsSuppressed ? { suppressed: true, reason: 'primary' } : value;
  const kind = metrics.byKind;
  const hours = (minutes: number) => roundTo(minutes / 60, 2);

  const reportMetrics: ReportMetrics = {
    sessions: {
      individual: {
        count: service('sessions.individual.count', kind.individual_session.count),
        minutes: service('sessions.individual.minutes', kind.individual_session.minutes),
      },
      group: { ...kind.group_session },
    },
    studentsSeen: count('studentsSeen'),
    lengthOfTreatment: {
      medianSessionsSoFar: statistic(metrics.medianSessionsSoFar),
      medianWeeksOpen: statistic(metrics.medianWeeksOpen),
    },
    frequency: { meanSessionsPerStudent: statistic(metrics.meanSessionsPerStudent) },
    cases: {
      opened: count('cases.opened'),
      closed: count('cases.closed'),
      resolved: count('cases.resolved'),
      closedByOutcome: Object.fromEntries(
        CASE_OUTCOMES.map((outcome) => [outcome.id, count(outcomePath(outcome.id))]),
      ) as ReportMetrics['cases']['closedByOutcome'],
    },
    studentsByIssueCategory: Object.fromEntries(
      REPORT_CATEGORY_IDS.map((id) => [id, count(`studentsByIssueCategory.${id}`)]),
    ) as ReportMetrics['studentsByIssueCategory'],
    classroomObservations: { ...kind.classroom_observation },
    staffConsultations: { ...kind.staff_consultation },
    teamParticipation: Object.fromEntries(
      Object.entries(metrics.byTeamType).map(([id, activity]) => [id, { ...activity }]),
    ) as ReportMetrics['teamParticipation'],
    administrative: { ...kind.administrative },
    parentConsultations: { ...kind.parent_consultation },
    homeVisits: { ...kind.home_visit },
    parentTraining: { ...kind.parent_training },
    professionalDevelopment: {
      provided: { count: kind.pd_provided.count, minutes: kind.pd_provided.minutes, hours: hours(kind.pd_provided.minutes) },
      attended: { count: kind.pd_attended.count, minutes: kind.pd_attended.minutes, contactHours: hours(kind.pd_attended.minutes) },
    },
    specialEducation: { activities: { ...kind.sped_activity }, paperwork: { ...kind.sped_paperwork } },
    crisisResponse: { ...kind.crisis_response },
    otherServices: { ...kind.other },
    minutes: { direct: service('minutes.direct', metrics.minutes.direct), indirect: metrics.minutes.indirect, professional: metrics.minutes.professional },
    ...guidelineMetrics(metrics, guideline),
  };

  const document = ServiceReportDocument.parse({
    schema: REPORT_SCHEMA_ID,
    period: metrics.period,
    generated: input.generated,
    timeZone: input.timeZone,
    threshold,
    suppressionRule: suppressionRuleText(threshold),
    signingKey: { algorithm: 'Ed25519', fingerprint: input.fingerprint },
    metrics: reportMetrics,
    administrativeResponsibilities: guideline.duties,
    successStories: guideline.stories,
  });
  return { document, suppression, serviceSuppression, statisticsSuppressed };
}

/** The guideline's counts beyond the services (none of them counts students, so none is suppressed). */
function guidelineMetrics(
  metrics: MonthMetrics,
  guideline: GuidelineList,
): Pick<ReportMetrics, 'professionalDevelopmentProvided' | 'teamParticipationFrequency' | 'administrativeResponsibilities'> {
  const frequency = teamMeetingsPerWeek(metrics);
  return {
    professionalDevelopmentProvided: { withinDistrict: { ...guideline.pdProvided.withinDistrict }, outsideDistrict: { ...guideline.pdProvided.outsideDistrict } },
    teamParticipationFrequency: { meetingsPerWeek: frequency.all, byTeamType: frequency.byTeamType },
    administrativeResponsibilities: {
      duties: guideline.duties.length,
      minutesPerMonth: guideline.duties.reduce((sum, duty) => sum + duty.minutesPerMonth, 0),
    },
  };
}

/** What a reader sees of each count of students in a document, for `feasibleRanges`. */
export function publishedCountView(document: ServiceReportDocument): Map<string, PublishedValue> {
  const view = new Map<string, PublishedValue>();
  for (const path of STUDENT_COUNT_PATHS) view.set(path, valueAtPath(document.metrics, path) as PublishedValue);
  view.set(CLOSED_NOT_RESOLVED, 'hidden');
  return view;
}
