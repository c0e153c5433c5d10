import path from 'node:path';
import { SchoolYear, SupervisionAddInput, type CeuProgress } from '../../../shared/api/growthSchemas';
import { SUPERVISION_KIND_IDS } from '../../../shared/domain/growth';
import { ceuProgress } from '../../growth/ceuProgress';
import { exportSelfEvaluation } from '../../growth/selfEvaluationExport';
import { NO_STUDENT_INFORMATION } from '../../growth/selfEvaluationHtml';
import { SupervisionLog } from '../../growth/supervisionLog';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { integerOption, optionalString, parseWith } from '../parse';
import { UsageError } from '../usageError';
import { cliOutputRules, PASSPHRASE_ENV, REPLACE_HELP, REPLACE_OPTION, withUnlockedVault } from '../vaultAccess';

export const supervisionAddCommand: CliCommand = {
  words: ['supervision', 'add'],
  summary: 'Log a supervision session you received',
  usage: `supervision add --vault DIR --date YYYY-MM-DD --minutes M --kind ${SUPERVISION_KIND_IDS.join('|')} [--credential TEXT]`,
  help: [
    'Logs supervision you received and prints its id. --credential is the supervisor\'s credential (LCSW, say), optional.',
    `M is 1 to 600. The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, date: { type: 'string' }, minutes: { type: 'string' }, kind: { type: 'string' }, credential: { type: 'string' } },
  async run(context) {
    const { values, io } = context;
    // Refused before the passphrase is asked for.
    const input = parseWith(SupervisionAddInput, {
      date: optionalString(values.date),
      minutes: integerOption('minutes', values.minutes),
      kind: optionalString(values.kind),
      credential: optionalString(values.credential) ?? null,
    });
    const session = await withUnlockedVault(context, (data) => new SupervisionLog(data.supervision).add(input));
    writeLine(io.stdout, session.id);
  },
};

function describeCeu(progress: CeuProgress): string[] {
  if (progress.status === 'not-set') return ['No CEU cycle start is set. Set it on the Professional growth screen.'];
  const lines = [
    `Cycle ${progress.cycleStart ?? ''} to ${progress.cycleEnd ?? ''}${progress.status === 'not-started' ? ' (not started yet)' : ''}`,
    `Professional development attended: ${progress.contactHours} contact hours (${progress.ceus} CEUs) from ${progress.sessions} session${progress.sessions === 1 ? '' : 's'}`,
  ];
  if (progress.requirementApplies && progress.remainingHours !== null) {
    lines.push(`Required: ${progress.requiredHours ?? ''} hours; left: ${progress.remainingHours} hours, about ${progress.hoursPerYearLeft ?? 0} a year over ${progress.yearsLeft ?? 0} year${progress.yearsLeft === 1 ? '' : 's'}`);
  } else {
    lines.push('The certificate requirement is set as not applying: hours are shown without it.');
  }
  for (const year of progress.years) lines.push(`  Year ${year.index} (${year.from} to ${year.to}): ${year.hours} hours${year.current ? ' (this year)' : ''}`);
  return lines;
}

export const ceuCommand: CliCommand = {
  words: ['ceu'],
  summary: 'Show professional development hours toward the five-year CEU cycle',
  usage: 'ceu --vault DIR [--json]',
  help: [
    'Prints contact hours of professional development attended in the current five-year cycle, year by year,',
    'and (when the certificate requirement applies) what is left of the 90 hours (9.0 CEUs). --json prints it as JSON.',
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, json: { type: 'boolean' } },
  async run(context) {
    const { values, io } = context;
    const progress = await withUnlockedVault(context, (data) => ceuProgress(data, data.settings.get(), data.clock()));
    if (values.json === true) writeLine(io.stdout, JSON.stringify(progress, null, 2));
    else for (const line of describeCeu(progress)) writeLine(io.stdout, line);
  },
};

export const selfEvaluationExportCommand: CliCommand = {
  words: ['self-evaluation', 'export'],
  summary: 'Write the printable self-evaluation of a school year',
  usage: 'self-evaluation export --vault DIR --school-year YYYY-YY --out FILE.html [--replace]',
  help: [
    `Writes FILE, a self-contained printable HTML page headed "${NO_STUDENT_INFORMATION}": every competency indicator`,
    'rated this year beside last year, the evidence notes, counts from your log and the year\'s goals. Prints the path.',
    'The export is recorded in the audit log.',
    REPLACE_HELP,
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, 'school-year': { type: 'string' }, out: { type: 'string' }, ...REPLACE_OPTION },
  async run(context) {
    const { values, io } = context;
    const out = optionalString(values.out);
    if (out === undefined || out.trim() === '') throw new UsageError('Missing --out FILE.');
    if (values['school-year'] === undefined) throw new UsageError('Missing --school-year YYYY-YY (for example 2026-27).');
    const schoolYear = parseWith(SchoolYear, values['school-year']);
    const file = path.resolve(io.cwd, out);
    const result = await withUnlockedVault(context, (data, session) => exportSelfEvaluation(data, { schoolYear, file }, cliOutputRules(context, session)));
    writeLine(io.stdout, result.path);
    writeLine(io.stderr, `Wrote the ${schoolYear} self-evaluation (${result.bytes} bytes); recorded in the audit log.`);
  },
};
