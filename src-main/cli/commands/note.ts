import { NoteBody } from '../../../shared/api/schemas';
import { VaultError } from '../../vault/errors';
import type { VaultData } from '../../vault/vaultData';
import type { CliCommand } from '../command';
import { readAll, readNoteFile, writeLine, type CliIo } from '../io';
import { integerOption, optionalString, parseWith } from '../parse';
import { UsageError } from '../usageError';
import { withUnlockedVault } from '../vaultAccess';

function studentIdForCode(data: VaultData, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  const student = data.students.getByCode(code);
  if (!student) throw new VaultError('NOT_FOUND', `No student with code ${code}.`);
  return student.id;
}

/** Arguments are visible to every program on the computer while the command runs (ps) and stay in shell history. */
export const TEXT_ARGUMENT_WARNING =
  'Note text given with --text can be seen by other programs on this computer while the command runs, and stays in your shell history. Next time use --file FILE, or --file - to type or pipe it in.';

export async function noteText(io: CliIo, text: unknown, file: unknown): Promise<string> {
  if (text !== undefined && file !== undefined) throw new UsageError('Give either --text or --file, not both.');
  if (typeof text === 'string') {
    writeLine(io.stderr, TEXT_ARGUMENT_WARNING);
    return text;
  }
  if (file === '-') return readAll(io.stdin);
  if (typeof file === 'string') return readNoteFile(io, file);
  throw new UsageError('Give the note with --text TEXT or --file F (use --file - for standard input).');
}

export const noteAddCommand: CliCommand = {
  words: ['note', 'add'],
  summary: 'Write a personal note',
  usage: 'note add --vault DIR [--student CODE] (--file F | --file - | --text TEXT)',
  help: [
    'Saves a note, optionally about one student, and prints the new note id.',
    'Give the text in a file (--file F) or on standard input (--file -): text given with --text is',
    'visible to other programs on this computer while the command runs and stays in shell history.',
  ].join('\n'),
  options: { vault: { type: 'string' }, student: { type: 'string' }, text: { type: 'string' }, file: { type: 'string' } },
  async run(context) {
    const { values, io } = context;
    const body = parseWith(NoteBody, await noteText(io, values.text, values.file));
    if (body.trim() === '') throw new VaultError('INVALID_INPUT', 'The note is empty.');
    const note = await withUnlockedVault(context, (data) =>
      data.notes.create({ body, studentId: studentIdForCode(data, optionalString(values.student)) ?? null }),
    );
    writeLine(io.stdout, note.id);
  },
};

export const noteListCommand: CliCommand = {
  words: ['note', 'list'],
  summary: 'List notes, newest first',
  usage: 'note list --vault DIR [--student CODE] [--limit N] [--json]',
  help: 'Lists notes (id, last change, student, first words). --json prints the full records.',
  options: { vault: { type: 'string' }, student: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run(context) {
    const { values, io } = context;
    const limit = integerOption('limit', values.limit);
    const { notes, codes } = await withUnlockedVault(context, (data) => {
      const studentId = studentIdForCode(data, optionalString(values.student));
      const list = data.notes.list({ studentId, limit: limit ?? 500 });
      const byId = new Map(data.students.list({ includeClosed: true }).map((student) => [student.id, student.code]));
      return { notes: list, codes: byId };
    });
    if (values.json === true) return writeLine(io.stdout, JSON.stringify(notes));
    for (const note of notes) {
      const code = note.studentId ? (codes.get(note.studentId) ?? '?') : '-';
      writeLine(io.stdout, `${note.id}\t${note.updatedAt.slice(0, 10)}\t${code}\t${note.preview}`);
    }
  },
};

export const noteSearchCommand: CliCommand = {
  words: ['note', 'search'],
  summary: 'Search notes by words or word beginnings (word*)',
  usage: 'note search --vault DIR QUERY [--limit N] [--json]',
  help: 'Finds notes holding every word of QUERY, best matches first; end a word with * to match its beginning.\nMatches are shown in [brackets].',
  options: { vault: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 50 },
  async run(context) {
    const { values, positionals, io } = context;
    const query = positionals.join(' ');
    const limit = integerOption('limit', values.limit);
    const hits = await withUnlockedVault(context, (data) => data.notes.search(query, limit ?? 20));
    if (values.json === true) return writeLine(io.stdout, JSON.stringify(hits));
    for (const hit of hits) {
      const snippet = hit.snippet.map((part) => (part.match ? `[${part.text}]` : part.text)).join('');
      writeLine(io.stdout, `${hit.noteId}\t${hit.studentCode ?? '-'}\t${snippet.replace(/\s+/g, ' ')}`);
    }
  },
};
