import { z } from 'zod';
import { ReportMonth, ReportThreshold } from '../api/schemas';
import { SUPERVISION_KIND_IDS } from '../domain/growth';
import { isSchoolYear, isSchoolYearStartMonth, schoolYearMonths } from '../domain/schoolYear';
import { Activity, Fingerprint, ReportMetrics } from './document';

/**
 * The signed school-year report: the monthly report's numbers over a whole
 * school year (July to June unless the worker set another start month:
 * `months` says which), with the same suppression rule, plus the
 * worker's supervision, professional development hours and standing duties
 * of the year. Counts of students are of distinct students over the year,
 * never sums of months. Every rule is in docs/report-format.md ("The
 * school-year report"); docs/service-report.schema.json holds it beside the
 * monthly document.
 */
export const SCHOOL_YEAR_REPORT_SCHEMA_ID = 'sole-notes/school-year-report/1';

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Hours = z.number().min(0).max(1e12);

export const SchoolYearName = z
  .string()
  .regex(/^(19|20|21)\d{2}-\d{2}$/, 'expected a school year such as 2026-27')
  .refine(isSchoolYear, 'expected a school year such as 2026-27 (the second year follows the first)');

/** Twelve months from `first`, which lies in the first calendar year of the school year's name. */
function isYearOfMonths(period: string, months: { first: string; last: string }): boolean {
  const startYear = Number(period.slice(0, 4));
  const startMonth = Number(months.first.slice(5, 7));
  if (!months.first.startsWith(`${period.slice(0, 4)}-`) || !isSchoolYearStartMonth(startMonth)) return false;
  return months.last === schoolYearMonths(`${startYear}-${period.slice(5, 7)}`, startMonth).last;
}

export const SchoolYearDuty = z
  .object({ name: z.string().min(1).max(120), minutesPerMonth: Count, months: z.number().int().min(1).max(12) })
  .strict()
  .meta({ id: 'SchoolYearDuty', description: 'A standing duty of the school year: its name, its minutes per month, and in how many months of the year it stood.' });

export const SchoolYearReportDocument = z
  .object({
    schema: z.literal(SCHOOL_YEAR_REPORT_SCHEMA_ID),
    kind: z.literal('school-year'),
    period: SchoolYearName.describe('The school year reported, such as 2026-27 (July 2026 to June 2027 unless the worker set another start month; `months` says).'),
    months: z
      .object({ first: ReportMonth, last: ReportMonth })
      .strict()
      .describe('The first and last month of the school year, YYYY-MM: twelve months from the start month, the first in the first year of the school year\'s name.'),
    generated: ReportMonth.describe('The month the report was made in, in the worker\'s time zone; never finer than the month. A year still in progress is reported up to the day it was made.'),
    timeZone: z.string().min(1).max(64).describe('The worker\'s IANA time zone, which decides the days.'),
    threshold: ReportThreshold.describe('k: counts of students from 1 to k-1 are never shown. The school year\'s k, the same as its months\'.'),
    suppressionRule: z.string().min(1).max(4000).describe('The suppression rule, in words.'),
    signingKey: z
      .object({ algorithm: z.literal('Ed25519'), fingerprint: Fingerprint })
      .strict()
      .describe('The worker\'s signing key: SHA-256 of its SPKI DER.'),
    metrics: ReportMetrics.describe('The monthly report\'s numbers over the whole school year; counts of students are distinct students over the year.'),
    supervision: z
      .object(Object.fromEntries(SUPERVISION_KIND_IDS.map((kind) => [kind, Activity])) as Record<(typeof SUPERVISION_KIND_IDS)[number], typeof Activity>)
      .strict()
      .describe('Supervision the worker received in the school year, by kind: sessions and minutes.'),
    professionalDevelopmentHours: z
      .object({ attended: Hours, providedWithinDistrict: Hours, providedOutsideDistrict: Hours })
      .strict()
      .describe('Contact hours of professional development attended, and hours provided within and outside the district (minutes / 60, to 0.01).'),
    administrativeResponsibilities: z
      .array(SchoolYearDuty)
      .max(100)
      .describe('The standing administrative duties of the school year, by name.'),
  })
  .strict()
  .refine((document) => isYearOfMonths(document.period, document.months), {
    message: 'the months are not those of the school year',
    path: ['months'],
  })
  .refine((document) => document.generated >= document.months.first, { message: 'a report cannot be generated before its school year', path: ['generated'] });
export type SchoolYearReportDocument = z.infer<typeof SchoolYearReportDocument>;
