import { SchoolYearReportDocument } from '../../shared/report/schoolYearDocument';
import { localDate } from '../common/calendar';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import { exportedSchoolYears } from './exportedSchoolYears';
import type { SchoolYearReport } from './schoolYearReport';

/** The document without the month it was made in: two exports with the same numbers compare equal. */
function numbersOf(document: SchoolYearReportDocument): string {
  const { generated: _generated, ...rest } = document;
  return JSON.stringify(rest);
}

/**
 * What goes out for a school year exported before (school_year_exports,
 * migration 15), as a month sent before: the same numbers give the very
 * document already sent (the same bytes, so the district counts one copy
 * once); other numbers go out only with `replace`, since a district that
 * gets two different reports of one worker's school year counts neither.
 * A year never exported goes out as it stands. What a replacement shows
 * beside the copies sent before is yearReplacement.ts's (part of the year's
 * numbers, so a year whose counts only kept their earlier values goes out
 * as the very document sent).
 */
export function schoolYearToSend(data: VaultData, report: SchoolYearReport, replace: boolean): SchoolYearReport {
  const sent = exportedSchoolYears(data).latest(report.document.period);
  if (sent === null) return report;
  if (sent.document !== null) {
    const before = SchoolYearReportDocument.safeParse(JSON.parse(sent.document));
    if (before.success && numbersOf(before.data) === numbersOf(report.document)) {
      return { ...report, document: before.data, bytes: Buffer.from(sent.document, 'utf8') };
    }
  }
  if (replace) return report;
  const day = localDate(new Date(sent.exportedAt), data.settings.get().timeZone);
  throw new VaultError(
    'CONFLICT',
    `The ${report.document.period} school year was already exported on ${day}, with other numbers than today's; nothing was written. ` +
      'Export it again only if you mean to replace the copy you sent: a district that gets two different reports of one school year counts neither.',
    { details: { sentBefore: true } },
  );
}
