import { ReleaseNoteInput } from '../../../shared/api/handoverSchemas';
import { releaseNote } from '../../handover/release';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { optionalString, parseWith } from '../parse';
import { UsageError } from '../usageError';
import { PASSPHRASE_ENV, withUnlockedVault } from '../vaultAccess';

export const noteReleaseCommand: CliCommand = {
  words: ['note', 'release'],
  summary: 'Mark a note released to another agency (it becomes a record)',
  usage: 'note release --vault DIR ID --to AGENCY --reason TEXT [--on DATE]',
  help: [
    'Records that the note ID was released to AGENCY, why, and on which day (--on YYYY-MM-DD, default today).',
    'The note is then a record, no longer a personal note: its status becomes "released" (a new revision records',
    'the change) and it is shown as released everywhere. Recorded in the audit log. Prints the note id.',
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' }, on: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const { values, positionals, io } = context;
    if (values.to === undefined) throw new UsageError('Missing --to AGENCY.');
    if (values.reason === undefined) throw new UsageError('Missing --reason TEXT.');
    const input = parseWith(ReleaseNoteInput, {
      id: positionals[0],
      agency: values.to,
      reason: values.reason,
      releasedOn: optionalString(values.on),
    });
    const result = await withUnlockedVault(context, (data) => releaseNote(data, input));
    writeLine(io.stdout, result.note.id);
    writeLine(io.stderr, result.notice);
  },
};
