import type { ReportThreshold } from '../../shared/api/schemas';
import { valueAtPath } from '../../shared/report/catalog';
import { REPORT_CATEGORY_IDS, REPORT_SCHEMA_ID, ServiceReportDocument, type ReportMetrics } from '../../shared/report/document';
import { CLOSED_NOT_RESOLVED, REPORT_GROUPS, STUDENT_COUNT_PATHS, STUDENT_STATISTIC_PATHS } from './cellGroups';
import { guidelineListFromCounts, teamMeetingsPerWeek, type GuidelineList } from './guidelineList';
import type { MonthMetrics } from './metrics';
import { roundTo } from './metrics';
import { publishMetrics, type HiddenWhy, type PlainReportMetrics } from './publish';
import { suppressionRuleText, type CellGroup, type PublishedValue } from './suppression';

/**
 * Turns a month's true numbers into the report document: suppression applied,
 * the rule stated, the signing key named. The zod schema of the document is
 * `ServiceReportDocument` in shared/report/document.ts (shared, because the
 * API returns documents to the renderer); it is re-exported here.
 */
export { ServiceReportDocument, REPORT_SCHEMA_ID, CLOSED_NOT_RESOLVED, STUDENT_COUNT_PATHS };
export const STATISTIC_PATHS = STUDENT_STATISTIC_PATHS;

export interface DocumentInput {
  metrics: MonthMetrics;
  threshold: ReportThreshold;
  timeZone: string;
  /** The month the report is made in, in the worker's time zone. */
  generated: string;
  fingerprint: string;
  /** Duties, confirmed stories and where trainings were given (guidelineList.ts); without it, none, and every training within the district. */
  guideline?: GuidelineList;
  /** N for the N-th correction of the month; absent for its first report. */
  correction?: number;
  /** What to publish instead of applying the rule to `metrics` (a re-export or a correction: see corrections.ts). */
  published?: { metrics: ServiceReportDocument['metrics']; hidden: Map<string, HiddenWhy> };
}

/** The service cells the rule may suppress (the schema allows a suppressed cell there and nowhere else among services). */
export const SUPPRESSIBLE_SERVICE_PATHS: readonly string[] = ['sessions.individual.count', 'sessions.individual.minutes', 'minutes.direct'];

export interface BuiltDocument {
  document: ServiceReportDocument;
  /** The month's true numbers in the report's shape. */
  plain: PlainReportMetrics;
  /** Every hidden path, with why (for the worker's own preview). */
  hidden: Map<string, HiddenWhy>;
}

/** A month's true numbers in the shape of the report's `metrics`, nothing hidden. */
export function plainReportMetrics(metrics: MonthMetrics, guideline: GuidelineList = guidelineListFromCounts(metrics)): PlainReportMetrics {
  const kind = metrics.byKind;
  const hours = (minutes: number) => roundTo(minutes / 60, 2);

  return {
    sessions: {
      individual: {
        count: kind.individual_session.count,
        minutes: kind.individual_session.minutes,
      },
      group: { ...kind.group_session },
    },
    studentsSeen: metrics.studentsSeen,
    lengthOfTreatment: {
      medianSessionsSoFar: metrics.medianSessionsSoFar,
      medianWeeksOpen: metrics.medianWeeksOpen,
    },
    frequency: { meanSessionsPerStudent: metrics.meanSessionsPerStudent },
    cases: {
      opened: metrics.cases.opened,
      closed: metrics.cases.closed,
      resolved: metrics.cases.resolved,
      closedByOutcome: { ...metrics.cases.closedByOutcome },
    },
    studentsByIssueCategory: Object.fromEntries(
      REPORT_CATEGORY_IDS.map((id) => [id, metrics.studentsByIssueCategory[id]]),
    ) as PlainReportMetrics['studentsByIssueCategory'],
    classroomObservations: { ...kind.classroom_observation },
    staffConsultations: { ...kind.staff_consultation },
    teamParticipation: Object.fromEntries(
      Object.entries(metrics.byTeamType).map(([id, activity]) => [id, { ...activity }]),
    ) as PlainReportMetrics['teamParticipation'],
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
    minutes: { direct: metrics.minutes.direct, indirect: metrics.minutes.indirect, professional: metrics.minutes.professional },
    ...guidelineMetrics(metrics, guideline),
  };
}

export function buildReportDocument(input: DocumentInput): BuiltDocument {
  const { threshold } = input;
  const guideline = input.guideline ?? guidelineListFromCounts(input.metrics);
  const plain = plainReportMetrics(input.metrics, guideline);
  const published = input.published ?? publishMetrics(plain, threshold);

  const document = ServiceReportDocument.parse({
    schema: REPORT_SCHEMA_ID,
    period: input.metrics.period,
    generated: input.generated,
    timeZone: input.timeZone,
    threshold,
    ...(input.correction === undefined ? {} : { correction: input.correction }),
    suppressionRule: suppressionRuleText(threshold),
    signingKey: { algorithm: 'Ed25519', fingerprint: input.fingerprint },
    metrics: published.metrics,
    administrativeResponsibilities: guideline.duties,
    successStories: guideline.stories,
  });
  return { document, plain, hidden: published.hidden };
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

/** What a reader sees of each cell of a group in a document, for `feasibleRanges` and `groupPatternProblem`. */
export function publishedGroupView(document: Pick<ServiceReportDocument, 'metrics' | 'threshold'>, group: CellGroup): Map<string, PublishedValue> {
  const view = new Map<string, PublishedValue>();
  const unpublished = new Set(group.unpublished ?? []);
  for (const id of [group.root, ...group.relations.flatMap((relation) => [relation.total, ...relation.parts])]) {
    if (unpublished.has(id)) view.set(id, 'unpublished');
    else {
      const value = valueAtPath(document.metrics, id);
      view.set(id, typeof value === 'number' ? value : 'suppressed');
    }
  }
  return view;
}

export { REPORT_GROUPS };
