import path from 'node:path';
import { z } from 'zod';
import { REPORT_THRESHOLDS, ReportMonth, ReportThreshold } from '../../../shared/api/schemas';
import { exportReportFiles } from '../../report/exportFiles';
import { prepareMonthReport, signMonthReport } from '../../report/monthReport';
import { changeReportThreshold, reportThresholdInfo } from '../../report/reportThresholds';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { integerOption, optionalString, parseWith } from '../parse';
import { UsageError } from '../usageError';
import { cliOutputRules, PASSPHRASE_ENV, REPLACE_OPTION, withUnlockedVault } from '../vaultAccess';

const ReportOptions = z.object({ month: ReportMonth, threshold: ReportThreshold.optional(), correction: z.boolean().optional() });

export const reportCommand: CliCommand = {
  words: ['report'],
  summary: 'Export the signed monthly service report (aggregate numbers only)',
  usage: 'report --vault DIR --month YYYY-MM --out DIR [--threshold K] [--correction] [--replace]',
  help: [
    'Writes the month\'s service report into the folder --out (made if missing):',
    '  service-report-YYYY-MM.json      the report, RFC 8785 canonical JSON',
    '  service-report-YYYY-MM.json.sig  its Ed25519 signature (64 raw bytes)',
    '  worker-signing-key.pem           the public key that checks it (SPKI)',
    '  service-report-YYYY-MM.csv       the same numbers for spreadsheets',
    '  service-report-YYYY-MM.html      a printable summary',
    'and prints the path of each file. The export is recorded in the vault\'s audit log.',
    'A month already saved in --out is replaced only with --replace (the district may already have the copy you sent);',
    'the new files are swapped in together, the signature last, so the folder never holds a signature beside a report',
    'it does not sign, even if the export is interrupted. Nothing is ever written inside the vault or backup folder.',
    `Counts of students from 1 to K-1 are hidden. K is the school year's (${REPORT_THRESHOLDS.join(', ')}; default 10), the same for every`,
    'month and correction of the year: --threshold is refused when it is another K (change it with "report threshold").',
    'A month already sent comes out exactly as it was sent. If its numbers changed since, --correction confirms a correction:',
    'the report is marked "correction": N and replaces the earlier ones at the district; a count that changed by fewer than K',
    'students is shown as it was sent (its group kept whole), so no two reports of a month show a change of fewer than K.',
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' }, threshold: { type: 'string' }, correction: { type: 'boolean' }, ...REPLACE_OPTION },
  async run(context) {
    const { values, io } = context;
    const out = optionalString(values.out);
    if (out === undefined || out.trim() === '') throw new UsageError('Missing --out DIR.');
    if (values.month === undefined) throw new UsageError('Missing --month YYYY-MM.');
    const options = parseWith(ReportOptions, { month: values.month, threshold: integerOption('threshold', values.threshold), correction: values.correction === true || undefined });
    const folder = path.resolve(io.cwd, out);
    const result = await withUnlockedVault(context, (data, session) => {
      const report = prepareMonthReport(data, options);
      return {
        exported: exportReportFiles(data, signMonthReport(data, report), folder, cliOutputRules(context, session)),
        suppressed: report.suppressed.length,
        k: report.document.threshold,
        publication: report.publication,
      };
    });
    const { publication } = result;
    if (publication.sentBefore && options.correction !== true) {
      writeLine(
        io.stderr,
        publication.correctionAvailable === true
          ? `${options.month} was already sent; this is the report as sent. Its numbers have changed since: to send a correction, run again with --correction.`
          : `${options.month} was already sent; this is the report as sent (no change since that a report would show).`,
      );
    } else if (options.correction === true && publication.correctionAvailable !== true) {
      writeLine(io.stderr, `Nothing to correct in ${options.month}: no change a report would show (a change of fewer than ${result.k} students is not shown). This is the report as sent.`);
    }
    const marked = publication.correction > 0 ? `, correction ${publication.correction}` : '';
    for (const file of result.exported.files) writeLine(io.stdout, file.path);
    writeLine(
      io.stderr,
      `Wrote the ${result.exported.period} report (k = ${result.k}${marked}, ${result.suppressed} cell${result.suppressed === 1 ? '' : 's'} suppressed) to ${result.exported.folder}. Signing key: ${result.exported.fingerprint}`,
    );
  },
};

export const reportThresholdCommand: CliCommand = {
  words: ['report', 'threshold'],
  summary: 'Show or change k, the smallest count of students a report shows, for this school year',
  usage: 'report threshold --vault DIR [--set K --reason TEXT]',
  help: [
    'Prints the school year (July to June unless another start month is set), its k and the months of it already sent.',
    `With --set K (${REPORT_THRESHOLDS.join(', ')}) and --reason, changes k from this school year on; the reason is recorded in the audit log.`,
    'Refused once a month of this school year was sent: every month of a year is reported with the same k.',
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, set: { type: 'string' }, reason: { type: 'string' } },
  async run(context) {
    const { values, io } = context;
    const set = integerOption('set', values.set);
    const reason = optionalString(values.reason);
    if (set === undefined && reason !== undefined) throw new UsageError('--reason goes with --set K.');
    if (set !== undefined && (reason === undefined || reason.trim() === '')) throw new UsageError('Missing --reason TEXT: say why k changes (it is recorded).');
    const info = await withUnlockedVault(context, (data) => {
      if (set !== undefined) changeReportThreshold(data, { threshold: parseWith(ReportThreshold, set), reason: reason as string });
      return reportThresholdInfo(data);
    });
    writeLine(io.stdout, `${info.schoolYear}: k = ${info.threshold}${info.sentMonths.length > 0 ? ` (sent: ${info.sentMonths.join(', ')})` : ''}`);
  },
};
