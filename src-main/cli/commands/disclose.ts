import path from 'node:path';
import { DisclosureInput } from '../../../shared/api/handoverSchemas';
import { discloseUnderCourtOrder } from '../../handover/disclosure';
import { disclosureMarking } from '../../handover/disclosureHtml';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { optionalString, parseWith } from '../parse';
import { UsageError } from '../usageError';
import { cliOutputRules, PASSPHRASE_ENV, REPLACE_HELP, REPLACE_OPTION, withUnlockedVault } from '../vaultAccess';

export const discloseCommand: CliCommand = {
  words: ['disclose'],
  summary: 'Write a printable disclosure of notes under a court order',
  usage: 'disclose --vault DIR --order REF --out FILE [--include-names] [--replace] ID...',
  help: [
    'Writes FILE, a self-contained printable HTML document marked',
    `"${disclosureMarking('REF')}", holding each note ID with its whole revision history and hashes.`,
    '--include-names prints the private names you know the students by beside their codes (only if the order asks',
    'who the students are); without it the codes alone are disclosed.',
    'The disclosure (order reference, notes, file and its SHA-256) is recorded in the audit log. Prints the path of FILE.',
    REPLACE_HELP,
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, order: { type: 'string' }, out: { type: 'string' }, 'include-names': { type: 'boolean' }, ...REPLACE_OPTION },
  positionals: { min: 1, max: 1000 },
  async run(context) {
    const { values, positionals, io } = context;
    const out = optionalString(values.out);
    if (out === undefined || out.trim() === '') throw new UsageError('Missing --out FILE.');
    if (values.order === undefined) throw new UsageError('Missing --order REF.');
    const input = parseWith(DisclosureInput, {
      noteIds: positionals,
      orderReference: values.order,
      includeNames: values['include-names'] === true,
      file: path.resolve(io.cwd, out),
    });
    const result = await withUnlockedVault(context, (data, session) => discloseUnderCourtOrder(data, input, cliOutputRules(context, session)));
    writeLine(io.stdout, result.path);
    writeLine(io.stderr, `Wrote the disclosure of ${result.notes} note${result.notes === 1 ? '' : 's'} under court order ${result.orderReference}; recorded in the audit log.`);
  },
};
