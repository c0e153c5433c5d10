import { StudentFields } from '../../../shared/api/schemas';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { gradeOption, integerOption, optionalString, parseWith } from '../parse';
import { withUnlockedVault } from '../vaultAccess';

export const studentAddCommand: CliCommand = {
  words: ['student', 'add'],
  summary: 'Add a student to the caseload',
  usage: 'student add --vault DIR --code CODE [--name TEXT] [--grade N] [--school NAME] [--tier 1|2|3] [--iep] [--504]',
  help: [
    'Adds a student under a pseudonymous code and prints the new id.',
    '--name is how you know the student (a name, initials, a teacher, a homeroom; at most 120 characters).',
    'It stays in this vault: never in a report, a CSV or any export.',
    'Grades: PK, K, or 1-12.',
  ].join('\n'),
  options: {
    vault: { type: 'string' },
    code: { type: 'string' },
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
    });
    const student = await withUnlockedVault(context, (data) => data.students.create(fields));
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
