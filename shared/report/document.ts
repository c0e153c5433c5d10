import { z } from 'zod';
import { ReportMonth, ReportThreshold } from '../api/schemas';
import { CASE_OUTCOME_IDS } from '../domain/caseOutcomes';
import { TEAM_TYPE_IDS } from '../domain/serviceKinds';
import { REPORT_CATEGORY_IDS, WORKER_DEFINED_CATEGORY } from './categories';

/**
 * The signed monthly service report: the JSON document a worker sends to the
 * district. Its exact wording of every rule is in docs/report-format.md, and
 * docs/service-report.schema.json is generated from this schema.
 *
 * Every student count is either a number or a suppressed cell; nothing in the
 * document names a student, a school, a note or a date finer than the month.
 */
export const REPORT_SCHEMA_ID = 'sole-notes/service-report/2';

export { REPORT_CATEGORY_IDS, WORKER_DEFINED_CATEGORY };

/** `3F2A 9C01 …`: SHA-256 of the SPKI DER, upper-case hex in 16 groups of 4. */
export const Fingerprint = z
  .string()
  .regex(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/, 'expected a key fingerprint: 16 groups of 4 upper-case hex digits');

export const SuppressedCell = z
  .object({ suppressed: z.literal(true) })
  .strict()
  .meta({
    id: 'SuppressedCell',
    description:
      'A value that is not shown. Every hidden value looks the same, whatever it is and whatever hid it: ' +
      'a count of students hidden under the group rule, a median or mean, or a count of individual sessions with its minutes (docs/report-format.md, "Suppression").',
  });
export type SuppressedCell = z.infer<typeof SuppressedCell>;

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Decimal = z.number().min(0).max(1e12);

/** A count of distinct students: shown (0, or k and above) or suppressed. */
export const StudentCount = z
  .union([Count, SuppressedCell])
  .meta({ id: 'StudentCount', description: 'Distinct students: a number, or a suppressed cell.' });
/** A median or mean over students: null when there are no students. */
export const Statistic = z
  .union([Decimal, z.null(), SuppressedCell])
  .meta({ id: 'Statistic', description: 'A median or mean over students; null when there are none.' });
/** Services of one kind in the month: how many, and their logged minutes. */
export const Activity = z
  .object({ count: Count, minutes: Count })
  .strict()
  .meta({ id: 'Activity', description: 'Services of one kind: how many, and their logged minutes.' });
/**
 * A count of services or minutes that is shown unless it would narrow a
 * suppressed count of students: individual sessions (each with exactly one
 * student) in a month with no group session, and the minutes that give them
 * back (docs/report-format.md, "Counts of services that bound students").
 */
export const ServiceCount = z.union([Count, SuppressedCell]).meta({
  id: 'ServiceCount',
  description: 'A count of services or minutes: a number, or a suppressed cell where it would narrow a suppressed count of students.',
});
export const SuppressibleActivity = z
  .object({ count: ServiceCount, minutes: ServiceCount })
  .strict()
  .meta({ id: 'SuppressibleActivity', description: 'Services of one kind whose count can bound a count of students: each a number or a suppressed cell.' });

function record<const K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) {
  return z.object(Object.fromEntries(keys.map((key) => [key, schema])) as { [P in K]: S }).strict();
}

export const ReportMetrics = z
  .object({
    sessions: z.object({ individual: SuppressibleActivity, group: Activity }).strict(),
    studentsSeen: StudentCount,
    lengthOfTreatment: z.object({ medianSessionsSoFar: Statistic, medianWeeksOpen: Statistic }).strict(),
    frequency: z.object({ meanSessionsPerStudent: Statistic }).strict(),
    cases: z
      .object({
        opened: StudentCount,
        closed: StudentCount,
        resolved: StudentCount,
        closedByOutcome: record(CASE_OUTCOME_IDS, StudentCount),
      })
      .strict(),
    studentsByIssueCategory: record(REPORT_CATEGORY_IDS, StudentCount),
    classroomObservations: Activity,
    staffConsultations: Activity,
    teamParticipation: record(TEAM_TYPE_IDS, Activity),
    administrative: Activity,
    parentConsultations: Activity,
    homeVisits: Activity,
    parentTraining: Activity,
    professionalDevelopment: z
      .object({
        provided: z.object({ count: Count, minutes: Count, hours: Decimal }).strict(),
        attended: z.object({ count: Count, minutes: Count, contactHours: Decimal }).strict(),
      })
      .strict(),
    specialEducation: z.object({ activities: Activity, paperwork: Activity }).strict(),
    crisisResponse: Activity,
    otherServices: Activity,
    minutes: z.object({ direct: ServiceCount, indirect: Count, professional: Count }).strict(),
    professionalDevelopmentProvided: z
      .object({ withinDistrict: Activity, outsideDistrict: Activity })
      .strict()
      .describe('Professional development provided, split by where it was given; the two add up to professionalDevelopment.provided.'),
    teamParticipationFrequency: z
      .object({ meetingsPerWeek: Decimal, byTeamType: record(TEAM_TYPE_IDS, Decimal) })
      .strict()
      .describe('Team meetings per week over the month: meetings over (days in the month / 7), to two decimals.'),
    administrativeResponsibilities: z
      .object({ duties: Count, minutesPerMonth: Count })
      .strict()
      .describe('How many standing administrative duties the month had, and their minutes per month in all.'),
  })
  .strict();
export type ReportMetrics = z.infer<typeof ReportMetrics>;

/** A standing administrative duty, in the worker's words (checked to hold nothing that identifies a student). */
export const AdministrativeResponsibility = z
  .object({ name: z.string().min(1).max(120), minutesPerMonth: Count })
  .strict()
  .meta({ id: 'AdministrativeResponsibility', description: 'A standing duty (such as 504 coordinator) and its minutes per month.' });

export const ServiceReportDocument = z
  .object({
    schema: z.literal(REPORT_SCHEMA_ID),
    period: ReportMonth.describe('The calendar month reported, YYYY-MM.'),
    generated: ReportMonth.describe('The month the report was made in, in the worker\'s time zone; never finer than the month.'),
    timeZone: z.string().min(1).max(64).describe('The worker\'s IANA time zone, which decides the months.'),
    threshold: ReportThreshold.describe('k: counts of students from 1 to k-1 are never shown. The same for every month and correction of a school year.'),
    correction: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .describe('Absent in the first report of a month; N in its N-th correction, which replaces the earlier ones.'),
    suppressionRule: z.string().min(1).max(4000).describe('The suppression rule, in words.'),
    signingKey: z
      .object({ algorithm: z.literal('Ed25519'), fingerprint: Fingerprint })
      .strict()
      .describe('The worker\'s signing key: SHA-256 of its SPKI DER.'),
    metrics: ReportMetrics,
    administrativeResponsibilities: z
      .array(AdministrativeResponsibility)
      .max(100)
      .describe('The standing administrative duties of the month, by name, with their minutes per month.'),
    successStories: z
      .array(z.string().min(1).max(1200))
      .max(10)
      .describe('Examples of problem resolution: de-identified stories the worker wrote and confirmed for the month. Often empty.'),
  })
  .strict()
  .refine((document) => document.generated >= document.period, {
    message: 'a report cannot be generated before its month',
    path: ['generated'],
  });
export type ServiceReportDocument = z.infer<typeof ServiceReportDocument>;
