import { CASE_OUTCOMES } from '../domain/caseOutcomes';
import { DEFAULT_ISSUE_CATEGORIES } from '../domain/issueCategories';
import { TEAM_TYPES, type ServiceKind } from '../domain/serviceKinds';
import { WORKER_DEFINED_CATEGORY } from './categories';

/**
 * Every number of the service report, in reading order, with its label: the
 * CSV, the printable page, the preview and the district summary all walk this
 * one list. `path` is the dotted path of the value in `metrics`.
 */
export type MetricUnit = 'students' | 'count' | 'minutes' | 'hours' | 'statistic';

export interface MetricInfo {
  path: string;
  label: string;
  section: string;
  unit: MetricUnit;
}

function activity(path: string, label: string, section: string): MetricInfo[] {
  return [
    { path: `${path}.count`, label, section, unit: 'count' },
    { path: `${path}.minutes`, label: `${label}: minutes`, section, unit: 'minutes' },
  ];
}

export const REPORT_METRICS: readonly MetricInfo[] = [
  ...activity('sessions.individual', 'Individual sessions held', 'Sessions'),
  ...activity('sessions.group', 'Group sessions held', 'Sessions'),
  { path: 'studentsSeen', label: 'Individual students seen in sessions (each counted once)', section: 'Students', unit: 'students' },
  { path: 'lengthOfTreatment.medianSessionsSoFar', label: 'Length of treatment: median sessions so far', section: 'Students', unit: 'statistic' },
  { path: 'lengthOfTreatment.medianWeeksOpen', label: 'Length of treatment: median weeks open', section: 'Students', unit: 'statistic' },
  { path: 'frequency.meanSessionsPerStudent', label: 'Frequency: sessions per student seen this month (mean)', section: 'Students', unit: 'statistic' },
  { path: 'cases.opened', label: 'New cases', section: 'Cases', unit: 'students' },
  { path: 'cases.closed', label: 'Cases closed', section: 'Cases', unit: 'students' },
  { path: 'cases.resolved', label: 'Cases resolved (closed with goals met or improved)', section: 'Cases', unit: 'students' },
  ...CASE_OUTCOMES.map((outcome): MetricInfo => ({
    path: `cases.closedByOutcome.${outcome.id}`,
    label: `Cases closed: ${outcome.label.toLowerCase()}`,
    section: 'Cases',
    unit: 'students',
  })),
  ...DEFAULT_ISSUE_CATEGORIES.map((category): MetricInfo => ({
    path: `studentsByIssueCategory.${category.id}`,
    label: `Students: ${category.label.toLowerCase()}`,
    section: 'Students per issue category',
    unit: 'students',
  })),
  {
    path: `studentsByIssueCategory.${WORKER_DEFINED_CATEGORY}`,
    label: 'Students: categories the worker added',
    section: 'Students per issue category',
    unit: 'students',
  },
  ...activity('classroomObservations', 'Classroom observations', 'Consultation and observation'),
  ...activity('staffConsultations', 'Staff consultations', 'Consultation and observation'),
  ...TEAM_TYPES.flatMap((team) => activity(`teamParticipation.${team.id}`, `Team meetings: ${team.label}`, 'Team participation')),
  { path: 'teamParticipationFrequency.meetingsPerWeek', label: 'Team meetings per week (all teams)', section: 'Team participation', unit: 'statistic' },
  ...TEAM_TYPES.map((team): MetricInfo => ({
    path: `teamParticipationFrequency.byTeamType.${team.id}`,
    label: `Team meetings per week: ${team.label}`,
    section: 'Team participation',
    unit: 'statistic',
  })),
  ...activity('parentConsultations', 'Parent consultations', 'Families'),
  ...activity('homeVisits', 'Home visits', 'Families'),
  ...activity('parentTraining', 'Parent training sessions', 'Families'),
  { path: 'professionalDevelopment.provided.count', label: 'Professional development provided: sessions', section: 'Professional development', unit: 'count' },
  { path: 'professionalDevelopment.provided.minutes', label: 'Professional development provided: minutes', section: 'Professional development', unit: 'minutes' },
  { path: 'professionalDevelopment.provided.hours', label: 'Professional development provided: hours', section: 'Professional development', unit: 'hours' },
  ...activity('professionalDevelopmentProvided.withinDistrict', 'Professional development provided within the district', 'Professional development'),
  ...activity('professionalDevelopmentProvided.outsideDistrict', 'Professional development provided outside the district', 'Professional development'),
  { path: 'professionalDevelopment.attended.count', label: 'Professional development attended: sessions', section: 'Professional development', unit: 'count' },
  { path: 'professionalDevelopment.attended.minutes', label: 'Professional development attended: minutes', section: 'Professional development', unit: 'minutes' },
  { path: 'professionalDevelopment.attended.contactHours', label: 'Professional development attended: contact hours', section: 'Professional development', unit: 'hours' },
  ...activity('specialEducation.activities', 'Special-education activities', 'Special education'),
  ...activity('specialEducation.paperwork', 'Special-education paperwork', 'Special education'),
  ...activity('administrative', 'Administrative tasks', 'Other services'),
  { path: 'administrativeResponsibilities.duties', label: 'Standing administrative duties', section: 'Administrative responsibilities', unit: 'count' },
  {
    path: 'administrativeResponsibilities.minutesPerMonth',
    label: 'Standing administrative duties: minutes per month',
    section: 'Administrative responsibilities',
    unit: 'minutes',
  },
  ...activity('crisisResponse', 'Crisis responses', 'Other services'),
  ...activity('otherServices', 'Other services', 'Other services'),
  { path: 'minutes.direct', label: 'Direct minutes (with students and families)', section: 'Minutes', unit: 'minutes' },
  { path: 'minutes.indirect', label: 'Indirect minutes (on students\' behalf and running the practice)', section: 'Minutes', unit: 'minutes' },
  { path: 'minutes.professional', label: 'Professional development minutes', section: 'Minutes', unit: 'minutes' },
];

/**
 * Where each kind of service's `{ count, minutes }` sits in `metrics` (team
 * meetings: one object per team type). Every kind appears exactly once, so
 * the minutes of these objects, grouped by each kind's `minutes` class in
 * shared/domain/serviceKinds.ts, add up to `minutes.direct`, `.indirect` and
 * `.professional`.
 */
export const SERVICE_KIND_PATHS: Readonly<Record<ServiceKind, readonly string[]>> = {
  individual_session: ['sessions.individual'],
  group_session: ['sessions.group'],
  classroom_observation: ['classroomObservations'],
  staff_consultation: ['staffConsultations'],
  team_meeting: TEAM_TYPES.map((team) => `teamParticipation.${team.id}`),
  parent_consultation: ['parentConsultations'],
  home_visit: ['homeVisits'],
  parent_training: ['parentTraining'],
  pd_provided: ['professionalDevelopment.provided'],
  pd_attended: ['professionalDevelopment.attended'],
  administrative: ['administrative'],
  sped_activity: ['specialEducation.activities'],
  sped_paperwork: ['specialEducation.paperwork'],
  crisis_response: ['crisisResponse'],
  other: ['otherServices'],
};

/** The value at a dotted path (`cases.closedByOutcome.moved`), or undefined. */
export function valueAtPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Sets the value at a dotted path whose parents exist ("cases.closed" in a report's metrics). */
export function setValueAtPath(root: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = root as Record<string, unknown>;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  node[last] = value;
}

export function metricInfo(path: string): MetricInfo | undefined {
  return REPORT_METRICS.find((metric) => metric.path === path);
}
