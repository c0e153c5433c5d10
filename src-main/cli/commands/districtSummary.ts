import fs from 'node:fs';
import path from 'node:path';
import { DISTRICT_SUMMARY_FILES, renderDistrictCsv, summarizeReports } from '../../report/districtSummary';
import { checkOutputFolder, refuseToReplace, rulesWithoutVault } from '../../files/outputPath';
import { writeFileAtomicSync } from '../../vault/atomicFile';
import type { CliCommand } from '../command';
import { EXIT } from '../exitCodes';
import { writeLine } from '../io';
import { minThresholdOption, optionalString } from '../parse';
import { UsageError } from '../usageError';
import { REPLACE_HELP, REPLACE_OPTION } from '../vaultAccess';

export const districtSummaryCommand: CliCommand = {
  words: ['district-summary'],
  summary: 'Verify many workers\' reports and total them for the district',
  usage: 'district-summary --keys DIR --out DIR [--min-threshold K] [--replace] REPORT.json...',
  help: [
    'Checks each REPORT.json (with REPORT.json.sig beside it) against the registered worker keys,',
    'the *.pem files in --keys. A report is rejected, and listed with its reason, when its signature',
    'does not verify (bad-signature), no registered key signed it (unknown-key), it does not match the',
    'schema (schema), it names another key than the one that signed it (key-mismatch), or a report for',
    'its k is below --min-threshold (default 10) or it shows a count of students from 1 to that minimum less one (threshold),',
    'or a later correction of the same worker\'s month is given too (superseded: the latest correction counts, whatever the',
    'order of the files; two different reports with the same correction number are both refused as duplicate).',
    'Reports with different k are never added together: the command then writes nothing and exits 5.',
    `The rest are totalled per metric into ${DISTRICT_SUMMARY_FILES.json} and ${DISTRICT_SUMMARY_FILES.csv} in --out.`,
    'A suppressed cell is carried as the range the report allows, so each total is a range [min, max];',
    'an empty max means unbounded. Medians and means are not totalled. Counts of students are sums of monthly',
    'counts (a student seen in two months or by two workers counts in each), never distinct students.',
    'School-year reports (service-report-2026-27.json) are accepted too and totalled apart from months, never in one sum:',
    `under "schoolYearTotals" in the JSON and in ${DISTRICT_SUMMARY_FILES.schoolYearsCsv} (written only when there are some).`,
    'Exit code 0 when every report was accepted, 5 when any was rejected (the summary is written either way).',
    REPLACE_HELP,
  ].join('\n'),
  options: { keys: { type: 'string' }, out: { type: 'string' }, 'min-threshold': { type: 'string' }, ...REPLACE_OPTION },
  positionals: { min: 1, max: 100_000 },
  async run({ values, positionals, io }) {
    const keys = optionalString(values.keys);
    const out = optionalString(values.out);
    if (keys === undefined || keys.trim() === '') throw new UsageError('Missing --keys DIR.');
    if (out === undefined || out.trim() === '') throw new UsageError('Missing --out DIR.');
    const keysFolder = path.resolve(io.cwd, keys);
    if (!fs.existsSync(keysFolder) || !fs.statSync(keysFolder).isDirectory()) throw new UsageError(`--keys ${keys} is not a folder.`);
    // No vault is open here: the guard recognises vault and backup folders by what they hold.
    const rules = rulesWithoutVault(values.replace === true);
    const outFolder = checkOutputFolder(path.resolve(io.cwd, out), '--out', rules);
    const jsonFile = path.join(outFolder, DISTRICT_SUMMARY_FILES.json);
    const csvFile = path.join(outFolder, DISTRICT_SUMMARY_FILES.csv);
    const schoolYearsCsvFile = path.join(outFolder, DISTRICT_SUMMARY_FILES.schoolYearsCsv);
    for (const file of [jsonFile, csvFile, schoolYearsCsvFile]) refuseToReplace(file, '--out', rules.replace);

    const minThreshold = minThresholdOption(values['min-threshold']);
    const summary = summarizeReports(
      positionals.map((file) => path.resolve(io.cwd, file)),
      keysFolder,
      { label: (file) => path.relative(io.cwd, file) || file, minThreshold },
    );
    if (summary.mixedThresholds !== null) {
      writeLine(
        io.stderr,
        `Not summarised: the reports use different thresholds (${summary.mixedThresholds.map((group) => `k = ${group.threshold}: ${group.files.join(', ')}`).join('; ')}). ` +
          'Numbers hidden under different k cannot be added up; summarise each k on its own. Nothing was written.',
      );
      return EXIT.reportInvalid;
    }
    fs.mkdirSync(outFolder, { recursive: true });
    writeFileAtomicSync(jsonFile, `${JSON.stringify(summary, null, 2)}\n`, 0o644);
    writeFileAtomicSync(csvFile, renderDistrictCsv(summary), 0o644);
    const schoolYears = summary.schoolYears.length > 0;
    if (schoolYears) writeFileAtomicSync(schoolYearsCsvFile, renderDistrictCsv(summary, 'schoolYears'), 0o644);

    for (const problem of summary.keyProblems) writeLine(io.stderr, `key ignored: ${problem.file} — ${problem.message}`);
    for (const rejected of summary.rejected) writeLine(io.stderr, `rejected: ${rejected.file} — ${rejected.reason}: ${rejected.message}`);
    writeLine(io.stderr, `${summary.accepted.length} accepted, ${summary.rejected.length} rejected.`);
    writeLine(io.stdout, jsonFile);
    writeLine(io.stdout, csvFile);
    if (schoolYears) writeLine(io.stdout, schoolYearsCsvFile);
    return summary.rejected.length > 0 ? EXIT.reportInvalid : EXIT.ok;
  },
};
