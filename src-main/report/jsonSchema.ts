import { z } from 'zod';
import { REPORT_SCHEMA_ID, ServiceReportDocument } from '../../shared/report/document';
import { SCHOOL_YEAR_REPORT_SCHEMA_ID, SchoolYearReportDocument } from '../../shared/report/schoolYearDocument';

/**
 * The JSON Schema (draft 2020-12) of the report document, generated from the
 * zod schema so the two cannot drift: docs/service-report.schema.json is this
 * object, written by scripts/write-report-schema.ts and compared in a test.
 * (The check that a report is made no earlier than its month is the one rule
 * JSON Schema cannot state; `verify` applies it.) A document is a month's
 * report or a school year's (`oneOf`, told apart by `schema`).
 */
export const REPORT_JSON_SCHEMA_ID = 'https://sole-notes.invalid/schemas/service-report-1.schema.json';

export function serviceReportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(z.union([ServiceReportDocument, SchoolYearReportDocument]), { target: 'draft-2020-12', unrepresentable: 'throw' });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema,
    $id: REPORT_JSON_SCHEMA_ID,
    title: `Sole Notes service report (${REPORT_SCHEMA_ID} or ${SCHOOL_YEAR_REPORT_SCHEMA_ID})`,
    description:
      'A school social worker\'s signed aggregate statistics for a month or a school year. Counts of students are numbers or suppressed cells; see docs/report-format.md for every rule.',
    ...rest,
  };
}

/** The file's exact text: two-space indentation and a final newline. */
export function serviceReportJsonSchemaText(): string {
  return `${JSON.stringify(serviceReportJsonSchema(), null, 2)}\n`;
}
