import type { NoteRetention } from '../../../shared/api/retentionSchemas';
import { MAX_RETENTION_MONTHS, retentionRuleWords } from '../../../shared/domain/noteRetention';
import { destroyDueNotes, personalNoteVersions, retentionDue, writeRetention } from '../../vault/erasure/retention';
import type { VaultData } from '../../vault/vaultData';
import type { CliCommand } from '../command';
import { EXIT } from '../exitCodes';
import { writeLine, type CliIo } from '../io';
import { integerOption } from '../parse';
import { UsageError } from '../usageError';
import { PASSPHRASE_ENV, withUnlockedVault } from '../vaultAccess';

/*
 * When the personal notes of closed cases are destroyed (docs/command-line.md):
 * the rule, what is due under it (codes, dates and counts, never text), and
 * the destruction itself, through the same code as the app's.
 */

const PASSPHRASE_HELP = `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`;

interface DueCase {
  code: string;
  closedOn: string;
  dueOn: string;
  notes: number;
  versions: number;
  drafts: number;
}

interface DueListing {
  retention: NoteRetention;
  today: string;
  due: { cases: number; notes: number; versions: number; drafts: number };
  cases: DueCase[];
}

/** What is due, and the students it is about (kept apart: their ids are never printed). */
function dueListing(data: VaultData): { listing: DueListing; studentIds: string[] } {
  const due = retentionDue(data);
  const studentIds = due.students.map((student) => student.studentId);
  const versions = personalNoteVersions(data, studentIds);
  const cases = due.students.map((student) => ({
    code: student.code,
    closedOn: student.closedOn,
    dueOn: student.dueOn,
    notes: student.notes,
    versions: versions.get(student.studentId) ?? 0,
    drafts: student.drafts,
  }));
  const total = (pick: (one: DueCase) => number) => cases.reduce((sum, one) => sum + pick(one), 0);
  const totals = { cases: cases.length, notes: total((one) => one.notes), versions: total((one) => one.versions), drafts: total((one) => one.drafts) };
  return { listing: { retention: due.retention, today: data.today(), due: totals, cases }, studentIds };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function counts(what: { notes: number; versions: number; drafts: number }): string {
  return `${plural(what.notes, 'note')}, ${plural(what.versions, 'version')}, ${plural(what.drafts, 'unfinished note')}`;
}

function printListing(io: CliIo, listing: DueListing): void {
  writeLine(io.stdout, retentionRuleWords(listing.retention));
  if (listing.cases.length === 0) {
    writeLine(io.stdout, `Nothing is due on ${listing.today}.`);
    return;
  }
  writeLine(io.stdout, `Due on ${listing.today}: ${plural(listing.due.cases, 'closed case')}, ${counts(listing.due)}.`);
  for (const one of listing.cases) {
    writeLine(io.stdout, `${one.code}\tclosed ${one.closedOn}\tdue ${one.dueOn}\t${plural(one.notes, 'note')}\t${plural(one.versions, 'version')}\t${plural(one.drafts, 'unfinished note')}`);
  }
}

export const retentionShowCommand: CliCommand = {
  words: ['retention', 'show'],
  summary: 'Show when notes of closed cases are destroyed, and what is due',
  usage: 'retention show --vault DIR [--json]',
  help: [
    'Prints the rule for destroying the personal notes of closed cases, then each closed case whose notes',
    'are due today: its code, the day it closed, the day its notes became due, and how many notes, saved',
    'versions and unfinished notes would go. Never any text. Released notes are records and never go.',
    `--json prints { retention, today, due, cases } as JSON. ${PASSPHRASE_HELP}`,
  ].join('\n'),
  options: { vault: { type: 'string' }, json: { type: 'boolean' } },
  async run(context) {
    const { io, values } = context;
    const { listing } = await withUnlockedVault(context, (data) => dueListing(data));
    if (values.json === true) writeLine(io.stdout, JSON.stringify(listing));
    else printListing(io, listing);
  },
};

/** The rule from exactly one of --off, --end-of-school-year, --months N: refused before the passphrase is asked for. */
function ruleFromOptions(values: Record<string, unknown>): NoteRetention {
  const given = [values.off === true, values['end-of-school-year'] === true, values.months !== undefined].filter(Boolean).length;
  if (given !== 1) throw new UsageError('Give exactly one of --off, --end-of-school-year or --months N.');
  if (values.off === true) return { rule: 'off' };
  if (values['end-of-school-year'] === true) return { rule: 'school_year_end' };
  const months = integerOption('months', values.months) ?? 0;
  if (months < 1 || months > MAX_RETENTION_MONTHS) throw new UsageError(`--months must be a whole number from 1 to ${MAX_RETENTION_MONTHS}.`);
  return { rule: 'months_after_closing', months };
}

export const retentionSetCommand: CliCommand = {
  words: ['retention', 'set'],
  summary: 'Set when notes of closed cases are destroyed',
  usage: 'retention set --vault DIR (--off | --end-of-school-year | --months N)',
  help: [
    '--off: notes of closed cases are kept until deleted (the default). --end-of-school-year: after the',
    'end of the school year in which the case closed (June 30). --months N: N months after the case',
    `closed (1 to ${MAX_RETENTION_MONTHS}). Nothing is destroyed by this command: see retention show and`,
    `retention destroy. ${PASSPHRASE_HELP}`,
  ].join('\n'),
  options: { vault: { type: 'string' }, off: { type: 'boolean' }, 'end-of-school-year': { type: 'boolean' }, months: { type: 'string' } },
  async run(context) {
    const rule = ruleFromOptions(context.values);
    const saved = await withUnlockedVault(context, (data) => writeRetention(data, rule));
    writeLine(context.io.stdout, retentionRuleWords(saved));
  },
};

export const retentionDestroyCommand: CliCommand = {
  words: ['retention', 'destroy'],
  summary: 'Destroy the notes of closed cases that are due',
  usage: 'retention destroy --vault DIR --yes',
  help: [
    'Destroys the personal notes of every closed case that is due (see retention show): the notes, every',
    'saved version, their search entries, follow-ups and unfinished notes. The audit log keeps how many and',
    'the day, never a code or text. Cannot be undone. Without --yes, lists what would go, destroys nothing',
    'and exits 1. Backups made before still hold older copies: `backup fresh-set` replaces them with one',
    `new copy. ${PASSPHRASE_HELP}`,
  ].join('\n'),
  options: { vault: { type: 'string' }, yes: { type: 'boolean' } },
  async run(context) {
    const { io, values } = context;
    const confirmed = values.yes === true;
    const outcome = await withUnlockedVault(context, (data) => {
      const { listing, studentIds } = dueListing(data);
      if (!confirmed || studentIds.length === 0) return { listing, destroyed: null };
      return { listing, destroyed: destroyDueNotes(data, studentIds) };
    });
    const { listing, destroyed } = outcome;
    if (listing.cases.length === 0) {
      writeLine(io.stdout, 'Nothing is due: nothing was destroyed.');
      return EXIT.ok;
    }
    if (destroyed === null) {
      printListing(io, listing);
      writeLine(io.stderr, 'Nothing was destroyed. To destroy it, add --yes: retention destroy --vault DIR --yes');
      return EXIT.usage;
    }
    writeLine(io.stdout, `Destroyed the notes of ${plural(destroyed.students, 'closed case')}: ${counts(destroyed)}, on ${destroyed.at.slice(0, 10)}.`);
    writeLine(io.stderr, 'Backups made before still hold older copies until they rotate out. To replace them with one new copy: backup fresh-set --vault DIR');
    return EXIT.ok;
  },
};
