import type { ReportExportResult } from '../../shared/api/reportSchemas';
import { supervisionKindLabel } from '../../shared/domain/growth';
import { schoolYearLabel } from '../../shared/domain/schoolYear';
import type { SchoolYearReportDocument } from '../../shared/report/schoolYearDocument';
import { rulesWithoutVault, type OutputRules } from '../files/outputPath';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import { reportFileNames, writeReportFolder } from './reportFolderWriter';
import { escapeHtml, printablePage } from '../common/printablePage';
import { csvRow, metricCsvRows } from './reportCsv';
import { HTML_HEADING, metricSectionsHtml, monthName, REPORT_HTML_STYLE, ruleAndSignatureHtml } from './reportHtml';
import { fixThresholdAtExport } from './reportThresholds';
import { schoolYearMonths, signSchoolYearReport, thresholdForSchoolYear, type SignedSchoolYearReport } from './schoolYearReport';
import { exportedSchoolYears } from './exportedSchoolYears';
import { schoolYearToSend } from './schoolYearResend';

/**
 * Writes a signed school-year report's files by the month's own writer
 * (reportFolderWriter.ts): `service-report-2026-27.json`, `.json.sig`,
 * `.csv`, `.html` swapped in together, the signature last; the worker's key
 * file when the folder has none; the same output guard; a year already in
 * the folder replaced only with `replace`, and a year exported before with
 * other numbers also only with `replace` (schoolYearResend.ts). The export
 * is recorded, in the audit log (`report.school_year_exported`) and with its
 * document (exportedSchoolYears.ts), before the files are swapped in, and
 * fixes the school year's k as a month's export does.
 */
export const SCHOOL_YEAR_EXPORT_ACTION = 'report.school_year_exported';
export const SCHOOL_YEAR_EXPORT_FAILED_ACTION = 'report.school_year_export_failed';

/** As a month's export result, with the school year (2026-27) as its period. */
export type SchoolYearExportResult = ReportExportResult;

const hoursText = (hours: number) => `${hours.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} hours`;

export function renderSchoolYearCsv(document: SchoolYearReportDocument): string {
  const rows: (string | number)[][] = [
    ['metric', 'label', 'value', 'status'],
    ['report.schema', 'Report format', document.schema, ''],
    ['report.period', 'School year reported', document.period, ''],
    ['report.months', 'Months', `${document.months.first} to ${document.months.last}`, ''],
    ['report.generated', 'Month the report was made', document.generated, ''],
    ['report.timeZone', 'Time zone', document.timeZone, ''],
    ['report.threshold', 'Smallest count of students shown (k)', document.threshold, ''],
    ['report.signingKey', 'Signing key fingerprint (SHA-256 of the SPKI public key)', document.signingKey.fingerprint, ''],
    ['report.suppressionRule', 'Suppression rule', document.suppressionRule, ''],
    ...metricCsvRows(document.metrics),
  ];
  for (const [kind, activity] of Object.entries(document.supervision)) {
    const label = `Supervision received, ${supervisionKindLabel(kind as keyof typeof document.supervision).toLowerCase()}`;
    rows.push([`supervision.${kind}.count`, `${label}: sessions`, activity.count, 'shown'], [`supervision.${kind}.minutes`, `${label}: minutes`, activity.minutes, 'shown']);
  }
  const pd = document.professionalDevelopmentHours;
  rows.push(
    ['professionalDevelopmentHours.attended', 'Professional development attended: contact hours', pd.attended, 'shown'],
    ['professionalDevelopmentHours.providedWithinDistrict', 'Professional development provided within the district: hours', pd.providedWithinDistrict, 'shown'],
    ['professionalDevelopmentHours.providedOutsideDistrict', 'Professional development provided outside the district: hours', pd.providedOutsideDistrict, 'shown'],
  );
  return `${rows.map(csvRow).join('\r\n')}\r\n`;
}

export function renderSchoolYearHtml(document: SchoolYearReportDocument): string {
  const json = reportFileNames(document.period).json;
  const supervision = Object.entries(document.supervision)
    .map(([kind, activity]) => {
      const label = supervisionKindLabel(kind as keyof typeof document.supervision);
      return `<tr><th scope="row">${escapeHtml(label)}</th><td class="value">${activity.count.toLocaleString('en-US')} sessions, ${activity.minutes.toLocaleString('en-US')} minutes</td></tr>`;
    })
    .join('\n');
  const pd = document.professionalDevelopmentHours;
  const duties =
    document.administrativeResponsibilities.length === 0
      ? '<p class="note">No standing duties listed for this school year.</p>'
      : `<table>\n<tbody>\n${document.administrativeResponsibilities
          .map(
            (duty) =>
              `<tr><th scope="row">${escapeHtml(duty.name)}</th><td class="value">${duty.minutesPerMonth.toLocaleString('en-US')} minutes a month, ${duty.months} month${duty.months === 1 ? '' : 's'}</td></tr>`,
          )
          .join('\n')}\n</tbody>\n</table>`;
  return printablePage({
    title: `Service report ${document.period}`,
    style: REPORT_HTML_STYLE,
    body: `<h1>${escapeHtml(HTML_HEADING)}</h1>
<p class="meta">School social work service report for the <strong>${escapeHtml(schoolYearLabel(document.period))}</strong> (${escapeHtml(monthName(document.months.first))} to ${escapeHtml(monthName(document.months.last))}), made in ${escapeHtml(monthName(document.generated))}. Time zone: ${escapeHtml(document.timeZone)}.</p>
<p class="meta">Counts of students are of different students over the whole school year. Counts from 1 to ${document.threshold - 1} are not shown (k = ${document.threshold}).</p>
${metricSectionsHtml(document.metrics)}
<h2>Supervision received</h2>
<table>
<tbody>
${supervision}
</tbody>
</table>
<h2>Professional development hours</h2>
<table>
<tbody>
<tr><th scope="row">Attended (contact hours)</th><td class="value">${hoursText(pd.attended)}</td></tr>
<tr><th scope="row">Provided within the district</th><td class="value">${hoursText(pd.providedWithinDistrict)}</td></tr>
<tr><th scope="row">Provided outside the district</th><td class="value">${hoursText(pd.providedOutsideDistrict)}</td></tr>
</tbody>
</table>
<h2>Standing administrative duties</h2>
${duties}
${ruleAndSignatureHtml(document, json)}`,
  });
}

export function exportSchoolYearFiles(data: VaultData, fresh: SignedSchoolYearReport, folder: string, rules: OutputRules = rulesWithoutVault(false)): SchoolYearExportResult {
  const period = fresh.document.period;
  const yearThreshold = thresholdForSchoolYear(data, period);
  if (fresh.document.threshold !== yearThreshold) {
    throw new VaultError('INVALID_INPUT', `threshold: the ${period} school year is reported with k = ${yearThreshold}; a school year is never sent at two different k. Nothing was written.`);
  }
  // A year sent before goes out as it was sent, or with other numbers only when the worker said so.
  const toSend = schoolYearToSend(data, fresh, rules.replace);
  const report = toSend === fresh ? fresh : signSchoolYearReport(data, toSend);
  return writeReportFolder(
    data,
    {
      period,
      what: `the ${period} school-year report`,
      json: report.bytes,
      signature: report.signature,
      csv: renderSchoolYearCsv(report.document),
      html: renderSchoolYearHtml(report.document),
      publicKey: report.publicKey,
      fingerprint: report.fingerprint,
      failedAction: SCHOOL_YEAR_EXPORT_FAILED_ACTION,
      record: (target, files) => {
        fixThresholdAtExport(data, schoolYearMonths(data, period).first, report.document.threshold);
        exportedSchoolYears(data).record({ schoolYear: period, threshold: report.document.threshold, document: report.bytes.toString('utf8') });
        return data.audit.append(SCHOOL_YEAR_EXPORT_ACTION, { period, threshold: report.document.threshold, fingerprint: report.fingerprint, folder: target, files });
      },
    },
    folder,
    rules,
  );
}
