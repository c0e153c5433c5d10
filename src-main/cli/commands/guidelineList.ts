import { DutyCreateInput, DutyEndInput, StoryCreateInput } from '../../../shared/api/guidelineSchemas';
import { Id, ReportMonth } from '../../../shared/api/schemas';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { integerOption, optionalString, parseWith } from '../parse';
import { UsageError } from '../usageError';
import { withUnlockedVault } from '../vaultAccess';

const WORDS_HELP =
  'The words go into the monthly report sent to the district, so they are refused if the redaction check flags them ' +
  '(a diagnosis, quoted words, a name, a phone number…) or if they hold a student\'s code or the name you know a student by.';

export const dutyAddCommand: CliCommand = {
  words: ['duty', 'add'],
  summary: 'Add a standing administrative duty (listed in each month\'s report)',
  usage: 'duty add --vault DIR --name TEXT --minutes N [--from YYYY-MM]',
  help: [
    'Adds a standing duty, such as "504 coordinator" or "Attendance committee", and prints its id.',
    '--minutes is the time it takes in a month (minutes per month). --from is its first month (default: this month).',
    WORDS_HELP,
  ].join('\n'),
  options: { vault: { type: 'string' }, name: { type: 'string' }, minutes: { type: 'string' }, from: { type: 'string' } },
  async run(context) {
    const { values, io } = context;
    const fields = parseWith(DutyCreateInput, {
      name: optionalString(values.name),
      minutesPerMonth: integerOption('minutes', values.minutes),
      fromMonth: optionalString(values.from),
    });
    const duty = await withUnlockedVault(context, (data) => data.duties.create(fields));
    writeLine(io.stdout, duty.id);
  },
};

export const dutyListCommand: CliCommand = {
  words: ['duty', 'list'],
  summary: 'List standing administrative duties',
  usage: 'duty list --vault DIR [--json]',
  help: 'Lists each duty: id, minutes per month, months, name.',
  options: { vault: { type: 'string' }, json: { type: 'boolean' } },
  async run(context) {
    const { values, io } = context;
    const duties = await withUnlockedVault(context, (data) => data.duties.list());
    if (values.json === true) return writeLine(io.stdout, JSON.stringify(duties));
    for (const duty of duties) {
      writeLine(io.stdout, `${duty.id}\t${duty.minutesPerMonth} min/month\t${duty.fromMonth}–${duty.untilMonth ?? ''}\t${duty.name}`);
    }
  },
};

export const dutyEndCommand: CliCommand = {
  words: ['duty', 'end'],
  summary: 'End a standing duty (it stays in the months it stood in)',
  usage: 'duty end --vault DIR --id ID [--until YYYY-MM]',
  help: '--until is the last month the duty stood in (default: this month).',
  options: { vault: { type: 'string' }, id: { type: 'string' }, until: { type: 'string' } },
  async run(context) {
    const { values, io } = context;
    const input = parseWith(DutyEndInput, { id: optionalString(values.id), untilMonth: optionalString(values.until) });
    const duty = await withUnlockedVault(context, (data) => data.duties.end(input));
    writeLine(io.stdout, `${duty.name}\tuntil ${duty.untilMonth ?? ''}`);
  },
};

export const storyAddCommand: CliCommand = {
  words: ['story', 'add'],
  summary: 'Write a de-identified success story for a month\'s report',
  usage: 'story add --vault DIR --month YYYY-MM --text TEXT',
  help: [
    'Saves a story (at most 1,200 characters) and prints its id. It is not in the report until you confirm it:',
    '  story confirm --vault DIR --id ID',
    WORDS_HELP,
  ].join('\n'),
  options: { vault: { type: 'string' }, month: { type: 'string' }, text: { type: 'string' } },
  async run(context) {
    const { values, io } = context;
    if (values.text === undefined) throw new UsageError('Missing --text TEXT.');
    const fields = parseWith(StoryCreateInput, { month: optionalString(values.month), text: optionalString(values.text) });
    const story = await withUnlockedVault(context, (data) => data.stories.create(fields));
    writeLine(io.stdout, story.id);
  },
};

export const storyListCommand: CliCommand = {
  words: ['story', 'list'],
  summary: 'List a month\'s success stories',
  usage: 'story list --vault DIR --month YYYY-MM [--json]',
  help: 'Lists each story of the month: id, confirmed or not, text.',
  options: { vault: { type: 'string' }, month: { type: 'string' }, json: { type: 'boolean' } },
  async run(context) {
    const { values, io } = context;
    const month = parseWith(ReportMonth, optionalString(values.month));
    const stories = await withUnlockedVault(context, (data) => data.stories.list(month));
    if (values.json === true) return writeLine(io.stdout, JSON.stringify(stories));
    for (const story of stories) writeLine(io.stdout, `${story.id}\t${story.confirmedAt === null ? 'not confirmed' : 'confirmed'}\t${story.text}`);
  },
};

export const storyConfirmCommand: CliCommand = {
  words: ['story', 'confirm'],
  summary: 'Confirm a success story may be shown in its month\'s report',
  usage: 'story confirm --vault DIR --id ID',
  help: 'The story is checked again, then shown in the report of its month (the JSON and the printable page).',
  options: { vault: { type: 'string' }, id: { type: 'string' } },
  async run(context) {
    const { values, io } = context;
    const id = parseWith(Id, optionalString(values.id));
    const story = await withUnlockedVault(context, (data) => data.stories.confirm(id));
    writeLine(io.stdout, `${story.id}\tconfirmed`);
  },
};
