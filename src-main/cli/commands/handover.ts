import path from 'node:path';
import { CreateHandoverInput } from '../../../shared/api/handoverSchemas';
import { Id } from '../../../shared/api/schemas';
import { createHandoverPackage } from '../../handover/createPackage';
import { handback } from '../../handover/handback';
import { exportHandoverKey } from '../../handover/handoverKeyFile';
import { importHandback } from '../../handover/importHandback';
import { inspectPackage, openHandoverPackage } from '../../handover/openPackage';
import { listSentHandovers, revokeHandover } from '../../handover/sentHandovers';
import { listReceived } from '../../handover/substituteVault';
import { VaultError } from '../../vault/errors';
import type { CliCommand } from '../command';
import type { CliIo } from '../io';
import { writeLine } from '../io';
import { optionalString, parseWith, stringList } from '../parse';
import { obtainPassphrase } from '../passphrasePrompt';
import { UsageError } from '../usageError';
import { cliOutputRules, PASSPHRASE_ENV, REPLACE_HELP, REPLACE_OPTION, vaultFolder, withUnlockedVault } from '../vaultAccess';

export const HANDOVER_CODE_ENV = 'SOLE_NOTES_HANDOVER_CODE';

const REFUSALS =
  'A package is refused, each with its own message and exit code 4, before its start date, after its end date,\n' +
  'when it was made for someone else, or when any byte of it was changed; a wrong handover code exits 2.';

function requiredPath(io: CliIo, value: unknown, option: string): string {
  const text = optionalString(value);
  if (text === undefined || text.trim() === '') throw new UsageError(`Missing ${option}.`);
  return path.resolve(io.cwd, text);
}

function requiredText(value: unknown, option: string): string {
  const text = optionalString(value);
  if (text === undefined) throw new UsageError(`Missing ${option}.`);
  return text;
}

export const handoverKeyCommand: CliCommand = {
  words: ['handover', 'key'],
  summary: "Export this vault's public handover key (.solekey) for an owner",
  usage: 'handover key --vault DIR --out FILE [--label NAME] [--replace]',
  help: [
    "Writes this vault's public handover key to FILE (a small .solekey JSON file) and prints its fingerprint.",
    'A substitute gives the file to the worker whose notes they will cover; read the fingerprint out to them',
    'so they can check it is yours. --label puts your name in the file (shown to the owner, nothing more).',
    REPLACE_HELP,
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, out: { type: 'string' }, label: { type: 'string' }, ...REPLACE_OPTION },
  async run(context) {
    const { values, io } = context;
    const out = requiredPath(io, values.out, '--out FILE');
    const result = await withUnlockedVault(context, (data, session) =>
      exportHandoverKey(data, out, optionalString(values.label) ?? null, cliOutputRules(context, session)),
    );
    writeLine(io.stdout, result.fingerprint);
    writeLine(io.stderr, `Wrote ${result.path}. Handover key fingerprint: ${result.fingerprint}`);
  },
};

export const handoverCreateCommand: CliCommand = {
  words: ['handover', 'create'],
  summary: "Make a handover package (.solehandover) of students' notes for a substitute",
  usage:
    'handover create --vault DIR (--to KEYFILE | --code) --substitute NAME --from DATE --until DATE [--student CODE]... [--owner NAME] [--include-names] --out FILE [--replace]',
  help: [
    'Makes one encrypted file holding the chosen students (--student, repeatable; default: the whole open caseload),',
    'their notes with every revision, and their services, for the substitute NAME to use from --from to --until',
    '(dates YYYY-MM-DD, inclusive, days in your time zone; at most a school year, 366 days).',
    'Recipient: --to the .solekey file the substitute gave you, or --code for a',
    'one-time handover code (printed once, on the second line of output: give it to the substitute apart from the file).',
    '--owner puts your name on the substitute\'s banner (default: your signing key\'s fingerprint).',
    '--include-names puts the private names you know these students by in the package, beside their codes, so the',
    'substitute knows who is who; without it the package holds codes only.',
    'Prints the package id; the package is recorded in the audit log. Dates are enforced by the substitute\'s app:',
    'a package already given cannot be destroyed remotely.',
    REPLACE_HELP,
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: {
    vault: { type: 'string' },
    to: { type: 'string' },
    code: { type: 'boolean' },
    substitute: { type: 'string' },
    from: { type: 'string' },
    until: { type: 'string' },
    student: { type: 'string', multiple: true },
    owner: { type: 'string' },
    'include-names': { type: 'boolean' },
    out: { type: 'string' },
    ...REPLACE_OPTION,
  },
  async run(context) {
    const { values, io } = context;
    const folder = vaultFolder(io, values.vault);
    const out = requiredPath(io, values.out, '--out FILE');
    const to = optionalString(values.to);
    if ((to === undefined) === (values.code !== true)) throw new UsageError('Give the recipient with either --to KEYFILE or --code.');
    const substitute = requiredText(values.substitute, '--substitute NAME');
    const validFrom = requiredText(values.from, '--from DATE');
    const validUntil = requiredText(values.until, '--until DATE');
    const codes = stringList(values.student);

    const result = await withUnlockedVault(context, (data, session) => {
      const students = codes.length === 0 ? ('caseload' as const) : codes.map((code) => studentIdForCode(data, code));
      const input = parseWith(CreateHandoverInput, {
        students,
        substitute,
        ownerName: optionalString(values.owner),
        validFrom,
        validUntil,
        recipient: to === undefined ? { kind: 'code' } : { kind: 'key', keyFile: path.resolve(io.cwd, to) },
        includeNames: values['include-names'] === true,
        file: out,
      });
      return createHandoverPackage(data, folder, input, cliOutputRules(context, session));
    });
    writeLine(io.stdout, result.packageId);
    const { scope } = result;
    writeLine(
      io.stderr,
      `Wrote ${result.path}: ${scope.students} student${plural(scope.students)}, ${scope.notes} note${plural(scope.notes)}, ` +
        `${scope.services} service${plural(scope.services)}, for ${result.substitute} from ${result.validFrom} until ${result.validUntil}.`,
    );
    if (result.recipient.kind === 'key') {
      writeLine(io.stderr, `Only the handover key ${result.recipient.fingerprint}${result.recipient.label ? ` (${result.recipient.label})` : ''} opens it.`);
    }
    if (result.code !== null) {
      writeLine(io.stderr, `One-time handover code — give it to ${result.substitute} in person or by phone, apart from the file; it is shown only this once:`);
      writeLine(io.stdout, result.code);
    }
  },
};

export const handoverOpenCommand: CliCommand = {
  words: ['handover', 'open'],
  summary: 'Open a handover package in your vault, as a separate handover vault',
  usage: 'handover open --vault DIR FILE',
  help: [
    'Checks the package FILE and opens it in your vault as a separate handover vault (in DIR/handovers/ID/),',
    'never mixed with your own notes. Prints the package id, and whose notes these are and until when.',
    'Every opening and every note viewed is recorded for the owner.',
    REFUSALS,
    `A package made with a handover code asks for it (or reads ${HANDOVER_CODE_ENV}).`,
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const { values, positionals, io } = context;
    const folder = vaultFolder(io, values.vault);
    const file = path.resolve(io.cwd, positionals[0] as string);
    const opened = await withUnlockedVault(context, async (data) => {
      const info = inspectPackage(data, file);
      const code = info.recipient.kind === 'code' && !info.alreadyOpened ? await obtainPassphrase(io, HANDOVER_CODE_ENV, 'Handover code: ') : undefined;
      return openHandoverPackage(data, folder, file, code);
    });
    writeLine(io.stdout, opened.packageId);
    writeLine(io.stderr, opened.banner);
  },
};

export const handoverBackCommand: CliCommand = {
  words: ['handover', 'back'],
  summary: "Hand a package back to its owner (.solehandback) and delete this vault's copy",
  usage: 'handover back --vault DIR --package ID --out FILE [--replace]',
  help: [
    'Writes FILE for the owner: the notes and services you added, your changes to their notes, and the access log,',
    "encrypted to the owner's handover key and signed with your vault's signing key. Then deletes the package's copy",
    'from your vault and records that it did, only once FILE was written and read back whole. FILE may not be inside',
    'the vault folder (the package\'s copy there is deleted) and never replaces another hand-back.',
    'Works after the end date too. Prints the path of FILE.',
    REPLACE_HELP,
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, package: { type: 'string' }, out: { type: 'string' }, ...REPLACE_OPTION },
  async run(context) {
    const { values, io } = context;
    const folder = vaultFolder(io, values.vault);
    const packageId = parseWith(Id, requiredText(values.package, '--package ID'));
    const out = requiredPath(io, values.out, '--out FILE');
    const result = await withUnlockedVault(context, (data, session) => handback(data, folder, packageId, out, cliOutputRules(context, session)));
    writeLine(io.stdout, result.path);
    writeLine(
      io.stderr,
      `Handed back ${result.newNotes} new note${plural(result.newNotes)}, ${result.changedNotes} changed note${plural(result.changedNotes)}, ` +
        `${result.newServices} service${plural(result.newServices)} and ${result.accessLogEntries} access log entr${result.accessLogEntries === 1 ? 'y' : 'ies'}. ` +
        "The package's copy in this vault was deleted.",
    );
  },
};

export const handoverImportCommand: CliCommand = {
  words: ['handover', 'import'],
  summary: "Import a substitute's hand-back into your vault and close the handover",
  usage: 'handover import --vault DIR FILE [--json]',
  help: [
    "Checks the hand-back FILE and merges it: the substitute's new notes and services are added with the substitute",
    'as author; their edits to your notes become new revisions (your text stays in the history); the access log is',
    'appended to your audit log; the handover is closed. Importing the same hand-back again changes nothing.',
    'A hand-back altered in any byte, or made for another vault, is refused (exit 4).',
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const { values, positionals, io } = context;
    const file = path.resolve(io.cwd, positionals[0] as string);
    const result = await withUnlockedVault(context, (data) => importHandback(data, file));
    if (values.json === true) return writeLine(io.stdout, JSON.stringify(result));
    if (result.alreadyImported) {
      writeLine(io.stdout, `already imported: hand-back ${result.handbackId} from ${result.substitute}; nothing was changed`);
      return;
    }
    writeLine(
      io.stdout,
      `imported hand-back ${result.handbackId} from ${result.substitute}: ${result.newNotes} new note${plural(result.newNotes)}, ` +
        `${result.changedNotes} changed note${plural(result.changedNotes)}${result.changedByBoth > 0 ? ` (${result.changedByBoth} also changed by you: both texts are in the history)` : ''}, ` +
        `${result.newServices} service${plural(result.newServices)}, ${result.accessLogEntries} access log entr${result.accessLogEntries === 1 ? 'y' : 'ies'}; handover closed`,
    );
  },
};

export const handoverListCommand: CliCommand = {
  words: ['handover', 'list'],
  summary: 'List handovers made in this vault and packages opened in it',
  usage: 'handover list --vault DIR [--json]',
  help: 'Lists the packages this vault made (id, substitute, dates, status) and the packages opened in it (id, owner, dates, status).',
  options: { vault: { type: 'string' }, json: { type: 'boolean' } },
  async run(context) {
    const { values, io } = context;
    const { sent, received } = await withUnlockedVault(context, (data) => ({ sent: listSentHandovers(data), received: listReceived(data) }));
    if (values.json === true) return writeLine(io.stdout, JSON.stringify({ sent, received }));
    for (const item of sent) {
      writeLine(io.stdout, `sent\t${item.packageId}\t${item.substitute}\t${item.validFrom}..${item.validUntil}\t${item.status}`);
    }
    for (const item of received) {
      writeLine(io.stdout, `received\t${item.packageId}\t${item.ownerName ?? item.ownerFingerprint}\t${item.validFrom}..${item.validUntil}\t${item.status}`);
    }
  },
};

export const handoverRevokeCommand: CliCommand = {
  words: ['handover', 'revoke'],
  summary: 'Revoke an open handover (recorded)',
  usage: 'handover revoke --vault DIR --package ID [--reason TEXT]',
  help: [
    'Marks the handover revoked in this vault and records it in the audit log.',
    "A package already given cannot be destroyed remotely: the substitute's app stops opening it after its end date.",
  ].join('\n'),
  options: { vault: { type: 'string' }, package: { type: 'string' }, reason: { type: 'string' } },
  async run(context) {
    const { values, io } = context;
    const packageId = parseWith(Id, requiredText(values.package, '--package ID'));
    const result = await withUnlockedVault(context, (data) => revokeHandover(data, packageId, optionalString(values.reason)));
    writeLine(io.stdout, result.handover.packageId);
    writeLine(io.stderr, result.notice);
  },
};

function studentIdForCode(data: Parameters<Parameters<typeof withUnlockedVault>[1]>[0], code: string): string {
  const student = data.students.getByCode(code);
  if (!student) throw new VaultError('NOT_FOUND', `No student with code ${code}.`);
  return student.id;
}

function plural(count: number): string {
  return count === 1 ? '' : 's';
}
