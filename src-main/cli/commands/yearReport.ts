import path from 'node:path';
import { z } from 'zod';
import { REPORT_THRESHOLDS, ReportThreshold } from '../../../shared/api/schemas';
import { SchoolYearName } from '../../../shared/report/schoolYearDocument';
import { exportSchoolYearFiles } from '../../report/schoolYearFiles';
import { prepareSchoolYearReport, signSchoolYearReport } from '../../report/schoolYearReport';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { integerOption, optionalString, parseWith } from '../parse';
import { UsageError } from '../usageError';
import { cliOutputRules, PASSPHRASE_ENV, REPLACE_OPTION, withUnlockedVault } from '../vaultAccess';

const YearReportOptions = z.object({ schoolYear: SchoolYearName, threshold: ReportThreshold.optional() });

export const yearReportCommand: CliCommand = {
  words: ['year-report'],
  summary: 'Export the signed school-year service report (aggregate numbers only)',
  usage: 'year-report --vault DIR --school-year YYYY-YY --out DIR [--threshold K] [--replace]',
  help: [
    'Writes the school year\'s report (such as 2026-27: July 2026 to June 2027, or from the start month set in the app\'s',
    'Settings, September 2026 to August 2027 with September) into the folder --out (made if missing):',
    '  service-report-2026-27.json      the report, RFC 8785 canonical JSON',
    '  service-report-2026-27.json.sig  its Ed25519 signature (64 raw bytes)',
    '  worker-signing-key.pem           the public key that checks it (SPKI)',
    '  service-report-2026-27.csv       the same numbers for spreadsheets',
    '  service-report-2026-27.html      a printable summary',
    'and prints the path of each file. The numbers are the monthly report\'s over the whole year (counts of students are of',
    'different students over the year), hidden by the same rule; with them, supervision received by kind, professional',
    'development hours and the standing duties of the year. A year in progress is reported up to today.',
    `K is the school year's (${REPORT_THRESHOLDS.join(', ')}; default 10), the same as its months': --threshold is refused when it is another K.`,
    'A year already saved in --out is replaced only with --replace; so is a year exported before whose numbers changed since',
    '(the same numbers give the very report sent). The export is recorded in the vault and its audit log.',
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, 'school-year': { type: 'string' }, out: { type: 'string' }, threshold: { type: 'string' }, ...REPLACE_OPTION },
  async run(context) {
    const { values, io } = context;
    const out = optionalString(values.out);
    if (out === undefined || out.trim() === '') throw new UsageError('Missing --out DIR.');
    const schoolYear = optionalString(values['school-year']);
    if (schoolYear === undefined) throw new UsageError('Missing --school-year YYYY-YY (such as 2026-27).');
    const options = parseWith(YearReportOptions, { schoolYear, threshold: integerOption('threshold', values.threshold) });
    const folder = path.resolve(io.cwd, out);
    const result = await withUnlockedVault(context, (data, session) => {
      const report = prepareSchoolYearReport(data, options);
      return { exported: exportSchoolYearFiles(data, signSchoolYearReport(data, report), folder, cliOutputRules(context, session)), hidden: report.hidden.size, k: report.document.threshold };
    });
    for (const file of result.exported.files) writeLine(io.stdout, file.path);
    writeLine(
      io.stderr,
      `Wrote the ${result.exported.period} school-year report (k = ${result.k}, ${result.hidden} cell${result.hidden === 1 ? '' : 's'} suppressed) to ${result.exported.folder}. Signing key: ${result.exported.fingerprint}`,
    );
  },
};
