import path from 'node:path';
import { z } from 'zod';
import { REPORT_THRESHOLDS, ReportMonth, ReportThreshold } from '../../../shared/api/schemas';
import { exportReportFiles } from '../../report/exportFiles';
import { prepareMonthReport, signMonthReport } from '../../report/monthReport';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { integerOption, optionalString, parseWith } from '../parse';
import { UsageError } from '../usageError';
import { cliOutputRules, PASSPHRASE_ENV, REPLACE_OPTION, withUnlockedVault } from '../vaultAccess';

const ReportOptions = z.object({ month: ReportMonth, threshold: ReportThreshold.optional() });

export const reportCommand: CliCommand = {
  words: ['report'],
  summary: 'Export the signed monthly service report (aggregate numbers only)',
  usage: 'report --vault DIR --month YYYY-MM --out DIR [--threshold K] [--replace]',
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
    `Counts of students from 1 to K-1 are suppressed; K is ${REPORT_THRESHOLDS.join(', ')} (default: the vault's setting, 10).`,
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' }, threshold: { type: 'string' }, ...REPLACE_OPTION },
  async run(context) {
    const { values, io } = context;
    const out = optionalString(values.out);
    if (out === undefined || out.trim() === '') throw new UsageError('Missing --out DIR.');
    if (values.month === undefined) throw new UsageError('Missing --month YYYY-MM.');
    const options = parseWith(ReportOptions, { month: values.month, threshold: integerOption('threshold', values.threshold) });
    const folder = path.resolve(io.cwd, out);
    const result = await withUnlockedVault(context, (data, session) => {
      const report = prepareMonthReport(data, options);
      return { exported: exportReportFiles(data, signMonthReport(data, report), folder, cliOutputRules(context, session)), suppressed: report.suppressed.length, k: report.document.threshold };
    });
    for (const file of result.exported.files) writeLine(io.stdout, file.path);
    writeLine(
      io.stderr,
      `Wrote the ${result.exported.period} report (k = ${result.k}, ${result.suppressed} cell${result.suppressed === 1 ? '' : 's'} suppressed) to ${result.exported.folder}. Signing key: ${result.exported.fingerprint}`,
    );
  },
};
