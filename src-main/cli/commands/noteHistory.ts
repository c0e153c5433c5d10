import { NoteBody } from '../../../shared/api/schemas';
import { VaultError } from '../../vault/errors';
import { eraseEarlierFlaggedVersions, flaggedEarlierVersions } from '../../vault/erasure/earlierVersions';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { parseWith } from '../parse';
import { PASSPHRASE_ENV, withUnlockedVault } from '../vaultAccess';
import { noteText } from './note';

const PASSPHRASE_HELP = `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`;

export const noteEditCommand: CliCommand = {
  words: ['note', 'edit'],
  summary: 'Save a new version of a note',
  usage: 'note edit --vault DIR ID (--file F | --file - | --text TEXT)',
  help: [
    'Saves the text as the next version of note ID (the earlier versions stay in its history) and prints',
    'the new version number. The redaction check runs as on every save. When earlier versions still hold',
    'words the check flags, says so: `note erase-earlier` erases their text. The note’s unfinished note,',
    'if any, is deleted. Text given with --text is visible to other programs while the command runs and',
    `stays in shell history: prefer --file. ${PASSPHRASE_HELP}`,
  ].join('\n'),
  options: { vault: { type: 'string' }, text: { type: 'string' }, file: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const { values, positionals, io } = context;
    const id = positionals[0] as string;
    const body = parseWith(NoteBody, await noteText(io, values.text, values.file));
    if (body.trim() === '') throw new VaultError('INVALID_INPUT', 'The note is empty.');
    const { note, flaggedEarlier } = await withUnlockedVault(context, (data) => {
      const saved = data.notes.update(id, { body });
      data.drafts.delete({ kind: 'note', noteId: id, studentId: null, serviceId: null });
      return { note: saved, flaggedEarlier: flaggedEarlierVersions(data.notes.history(id)).length };
    });
    writeLine(io.stdout, `${note.id}\tversion ${note.revision}`);
    const flags = note.findings.diagnostic + note.findings.verbatim + note.findings.identifier;
    if (flags > 0) writeLine(io.stderr, `This version holds ${flags} flagged word${flags === 1 ? '' : 's'} or passage${flags === 1 ? '' : 's'} (diagnostic ${note.findings.diagnostic}, verbatim ${note.findings.verbatim}, identifier ${note.findings.identifier}).`);
    if (flaggedEarlier > 0) {
      writeLine(io.stderr, `${flaggedEarlier} earlier version${flaggedEarlier === 1 ? '' : 's'} still hold${flaggedEarlier === 1 ? 's' : ''} flagged words. To erase their text: note erase-earlier --vault DIR ${note.id}`);
    }
  },
};

export const noteHistoryCommand: CliCommand = {
  words: ['note', 'history'],
  summary: 'Show every version of a note',
  usage: 'note history --vault DIR ID [--json]',
  help: [
    'Lists every saved version of note ID, oldest first: number, time saved, author, status, hash, and its',
    'text, or the day it was erased. Ends with whether the version chain checks out.',
    `--json prints the versions as a JSON array. ${PASSPHRASE_HELP}`,
  ].join('\n'),
  options: { vault: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const { values, positionals, io } = context;
    const history = await withUnlockedVault(context, (data) => data.notes.history(positionals[0] as string));
    const versions = history.map((revision) => ({
      version: revision.revision,
      at: revision.at,
      author: revision.author,
      status: revision.status,
      hash: revision.hash,
      prevHash: revision.prevHash,
      erasedAt: revision.erasedAt ?? null,
      text: revision.erasedAt == null ? revision.body : null,
    }));
    if (values.json === true) return writeLine(io.stdout, JSON.stringify(versions));
    for (const version of versions) {
      writeLine(io.stdout, `version ${version.version}\t${version.at}\t${version.author}\t${version.status}\t${version.hash}`);
      if (version.erasedAt !== null) writeLine(io.stdout, `  (text erased on ${version.erasedAt.slice(0, 10)}; the hash above keeps its place in the chain)`);
      else for (const line of (version.text ?? '').split('\n')) writeLine(io.stdout, `  ${line}`);
    }
  },
};

export const noteEraseEarlierCommand: CliCommand = {
  words: ['note', 'erase-earlier'],
  summary: 'Erase the text of earlier versions that hold flagged words',
  usage: 'note erase-earlier --vault DIR ID',
  help: [
    'Erases the text of every earlier version of note ID that holds words the redaction check flags',
    '(never the current version, never a released one). Each erased version keeps its number, time,',
    'author and hash, so the version chain still checks out; the audit log records which versions were',
    'erased, when and why, without their text. Cannot be undone. Backups made before keep their copy',
    `until they rotate out. Prints the erased version numbers. ${PASSPHRASE_HELP}`,
  ].join('\n'),
  options: { vault: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const { positionals, io } = context;
    const result = await withUnlockedVault(context, (data) => eraseEarlierFlaggedVersions(data, positionals[0] as string));
    if (result.erased.length === 0) return writeLine(io.stdout, 'No earlier version holds flagged words: nothing was erased.');
    writeLine(io.stdout, `Erased the text of version${result.erased.length === 1 ? '' : 's'} ${result.erased.map((version) => version.revision).join(', ')} on ${result.at ?? ''}.`);
  },
};
