import { z } from 'zod';
import { IsoDate, StudentFields } from '../../../shared/api/schemas';
import { CASE_OUTCOME_IDS } from '../../../shared/domain/caseOutcomes';
import { VaultError } from '../../vault/errors';
import type { VaultData } from '../../vault/vaultData';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { gradeOption, integerOption, optionalString, parseWith } from '../parse';
import { UsageError } from '../usageError';
import { withUnlockedVault } from '../vaultAccess';

const DATE_HELP = 'Dates are YYYY-MM-DD on your calendar, in the time zone set in the vault (Settings), not the computer\'s; never after today.';

/** A case date may be today or earlier on the worker's calendar: a later one is a mistyped year or month. */
function refuseFutureCaseDate(data: VaultData, option: string, date: string | undefined): void {
  if (date === undefined) return;
  const today = data.today();
  if (date > today) throw new VaultError('INVALID_INPUT', `${option}: ${date} is after today (${today} in ${data.settings.get().timeZone}).`);
}

function studentByCode(data: VaultData, code: string) {
  const student = data.students.getByCode(code);
  if (!student) throw new VaultError('NOT_FOUND', `No student with code ${code}.`);
  return student;
}

function requiredCode(value: unknown): string {
  const code = optionalString(value);
  if (code === undefined || code.trim() === '') throw new UsageError('Missing --code CODE.');
  return code;
}

export const studentAddCommand: CliCommand = {
  words: ['student', 'add'],
  summary: 'Add a student to the caseload',
  usage: 'student add --vault DIR --code CODE [--opened YYYY-MM-DD] [--name TEXT] [--grade N] [--school NAME] [--tier 1|2|3] [--iep] [--504]',
  help: [
    'Adds a student under a pseudonymous code and prints the new id.',
    '--opened is the day the case opened (default: today). ' + DATE_HELP,
    '--name is how you know the student (a name, initials, a teacher, a homeroom; at most 120 characters).',
    'It stays in this vault: never in a report, a CSV or any export.',
    'Grades: PK, K, or 1-12.',
  ].join('\n'),
  options: {
    vault: { type: 'string' },
    code: { type: 'string' },
    opened: { type: 'string' },
    name: { type: 'string' },
    grade: { type: 'string' },
    school: { type: 'string' },
    tier: { type: 'string' },
    iep: { type: 'boolean' },
    '504': { type: 'boolean' },
  },
  async run(context) {
    const { values, io } = context;
    const fields = parseWith(StudentFields, {
      code: optionalString(values.code),
      knownAs: optionalString(values.name),
      grade: gradeOption(values.grade),
      school: optionalString(values.school),
      tier: integerOption('tier', values.tier),
      iep: values.iep === true,
      plan504: values['504'] === true,
      openedOn: optionalString(values.opened),
    });
    const student = await withUnlockedVault(context, (data) => {
      refuseFutureCaseDate(data, 'opened', fields.openedOn);
      return data.students.create(fields);
    });
    writeLine(io.stdout, student.id);
  },
};

export const studentListCommand: CliCommand = {
  words: ['student', 'list'],
  summary: 'List the caseload',
  usage: 'student list --vault DIR [--all] [--json]',
  help: 'Lists open cases by code; --all includes closed ones.',
  options: { vault: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(context) {
    const { values, io } = context;
    const students = await withUnlockedVault(context, (data) =>
      data.students.list({ includeClosed: values.all === true }),
    );
    if (values.json === true) return writeLine(io.stdout, JSON.stringify(students));
    for (const student of students) {
      const grade = student.grade === null ? '-' : student.grade === 0 ? 'K' : student.grade === -1 ? 'PK' : String(student.grade);
      const state = student.closedOn ? `closed ${student.closedOn}` : 'open';
      writeLine(io.stdout, `${student.code}\tgrade ${grade}\t${state}${student.knownAs === null ? '' : `\t${student.knownAs}`}`);
    }
  },
};

const CloseOptions = z.object({ code: z.string(), date: IsoDate, outcome: z.enum(CASE_OUTCOME_IDS) });

export const studentCloseCommand: CliCommand = {
  words: ['student', 'close'],
  summary: 'Close a case, with its outcome',
  usage: `student close --vault DIR --code CODE --date YYYY-MM-DD --outcome ${CASE_OUTCOME_IDS.join('|')}`,
  help: [
    'Closes the case of the student with that code on --date, with its outcome.',
    'goals_met and improved count as resolved in the monthly report.',
    DATE_HELP,
    'The date cannot be before the day the case opened.',
  ].join('\n'),
  options: { vault: { type: 'string' }, code: { type: 'string' }, date: { type: 'string' }, outcome: { type: 'string' } },
  async run(context) {
    const { values, io } = context;
    if (values.date === undefined) throw new UsageError('Missing --date YYYY-MM-DD.');
    if (values.outcome === undefined) throw new UsageError(`Missing --outcome (${CASE_OUTCOME_IDS.join(', ')}).`);
    // Refuse a bad date or outcome before asking for the passphrase.
    const options = parseWith(CloseOptions, { code: requiredCode(values.code), date: values.date, outcome: values.outcome });
    const student = await withUnlockedVault(context, (data) => {
      refuseFutureCaseDate(data, 'date', options.date);
      return data.students.close(studentByCode(data, options.code).id, options.date, options.outcome);
    });
    writeLine(io.stdout, `${student.code}\tclosed ${student.closedOn ?? ''}\t${student.outcome ?? ''}`);
  },
};

const ReopenOptions = z.object({ code: z.string(), date: IsoDate.optional() });

export const studentReopenCommand: CliCommand = {
  words: ['student', 'reopen'],
  summary: 'Reopen a closed case',
  usage: 'student reopen --vault DIR --code CODE [--date YYYY-MM-DD]',
  help: [
    'With --date, the case opens again on that day: it counts as a new case in that month, and its length of',
    'treatment runs from that day. The date cannot be before the day the case closed.',
    'Without --date, the close is undone (as if it had been made by mistake): the case is open from the day it first opened.',
    DATE_HELP,
  ].join('\n'),
  options: { vault: { type: 'string' }, code: { type: 'string' }, date: { type: 'string' } },
  async run(context) {
    const { values, io } = context;
    const options = parseWith(ReopenOptions, { code: requiredCode(values.code), date: optionalString(values.date) });
    const student = await withUnlockedVault(context, (data) => {
      refuseFutureCaseDate(data, 'date', options.date);
      return data.students.reopen(studentByCode(data, options.code).id, options.date);
    });
    writeLine(io.stdout, `${student.code}\topen since ${student.openedOn}`);
  },
};
