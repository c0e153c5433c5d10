import path from 'node:path';
import { wordCheck, WORD_CHECK_BYTES } from '../../../shared/domain/wordCheck';
import { fingerprint } from '../../common/signing';
import { coverColleague, nameCoverColleague, removeCoverColleague } from '../../handover/coverColleague';
import { readHandoverKeyFile } from '../../handover/handoverKeyFile';
import { VaultError } from '../../vault/errors';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { optionalString } from '../parse';
import { UsageError } from '../usageError';
import { PASSPHRASE_ENV, withUnlockedVault } from '../vaultAccess';

/**
 * The cover colleague on the command line: named once from the handover key
 * they gave, with the ten words read together (the same word check as on
 * screen), shown, or forgotten. The app's one-screen "Hand over to …" uses
 * the colleague kept here.
 */

/** "Ice, Cocoa  tornado" → ["ice", "cocoa", "tornado"]: words as typed, in any case, spaces or commas between. */
export function typedWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter((word) => word !== '');
}

export const colleagueNameCommand: CliCommand = {
  words: ['colleague', 'name'],
  summary: 'Name the cover colleague from their handover key file, once the ten words match',
  usage: 'colleague name --vault DIR --key FILE --name NAME --words "W1 W2 … W10"',
  help: [
    'Names (or replaces) the colleague who covers a sudden absence, from the handover key file they gave you',
    `(.solekey, written by their "handover key"). Read the ${WORD_CHECK_BYTES} words together by phone or in person and pass`,
    'the words they read out with --words: the colleague is saved only when every word matches the file.',
    'Without --words, nothing is saved and the words of the file are printed, to read with them (exit code 1).',
    'Words that do not match exit 1 and save nothing. The naming is recorded in the audit log.',
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, key: { type: 'string' }, name: { type: 'string' }, words: { type: 'string' } },
  async run(context) {
    const { values, io } = context;
    const keyOption = optionalString(values.key);
    if (keyOption === undefined || keyOption.trim() === '') throw new UsageError('Missing --key FILE (the handover key file your colleague gave you).');
    const name = optionalString(values.name)?.trim();
    if (name === undefined || name === '') throw new UsageError('Missing --name NAME (your colleague’s name).');
    const keyFile = path.resolve(io.cwd, keyOption);
    const key = readHandoverKeyFile(keyFile, '--key');
    const keyFingerprint = fingerprint(key.spki);
    const expected = wordCheck(keyFingerprint);
    const typed = optionalString(values.words);
    if (typed === undefined) {
      throw new UsageError(`Missing --words. Read these words with ${name}, and pass the words they read out: ${expected.join(' ')}`);
    }
    const given = typedWords(typed);
    if (given.length !== expected.length || given.some((word, index) => word !== expected[index])) {
      throw new VaultError(
        'INVALID_INPUT',
        `words: the words do not match this file (${given.length} given, ${expected.length} expected): it may not be ${name}'s key. Nothing was saved; read the words again together.`,
      );
    }
    const named = await withUnlockedVault(context, (data) => nameCoverColleague(data, { keyFile, name, fingerprint: keyFingerprint }));
    writeLine(io.stdout, `${named.name}\t${expected.join(' ')}`);
    writeLine(io.stderr, `${named.name} is your cover colleague. Handover key fingerprint: ${named.fingerprint}`);
  },
};

export const colleagueShowCommand: CliCommand = {
  words: ['colleague', 'show'],
  summary: 'Show the cover colleague: name, words, key fingerprint, when checked',
  usage: 'colleague show --vault DIR [--json]',
  help: [
    'Prints the cover colleague named in this vault: their name, the ten words of their handover key, its fingerprint',
    'and when the words were checked (tab-separated), or nothing (and a line on stderr) when none is named.',
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' }, json: { type: 'boolean' } },
  async run(context) {
    const { values, io } = context;
    const colleague = await withUnlockedVault(context, (data) => coverColleague(data));
    if (values.json === true) {
      writeLine(io.stdout, JSON.stringify(colleague == null ? null : { ...colleague, words: wordCheck(colleague.fingerprint) }));
      return;
    }
    if (colleague == null) {
      writeLine(io.stderr, 'No cover colleague is named in this vault.');
      return;
    }
    writeLine(io.stdout, `${colleague.name}\t${wordCheck(colleague.fingerprint).join(' ')}\t${colleague.fingerprint}\t${colleague.checkedAt}`);
  },
};

export const colleagueRemoveCommand: CliCommand = {
  words: ['colleague', 'remove'],
  summary: 'Forget the cover colleague (recorded in the audit log)',
  usage: 'colleague remove --vault DIR',
  help: [
    'Forgets the cover colleague named in this vault; handovers already made for them are not touched.',
    'With none named, nothing changes (exit code 0). The removal is recorded in the audit log.',
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
  ].join('\n'),
  options: { vault: { type: 'string' } },
  async run(context) {
    const { io } = context;
    const removed = await withUnlockedVault(context, (data) => {
      const before = coverColleague(data);
      removeCoverColleague(data);
      return before;
    });
    writeLine(io.stderr, removed == null ? 'No cover colleague was named; nothing changed.' : `${removed.name} is no longer your cover colleague.`);
  },
};
