import { checkNote } from '../../../shared/redaction';
import type { CliCommand } from '../command';
import { readAll, readNoteFile, writeLine } from '../io';

export const checkCommand: CliCommand = {
  words: ['check'],
  summary: 'Check a note for diagnostic, verbatim and identifying content',
  usage: 'check [FILE]',
  help: 'Reads a note from FILE, or from standard input, and prints {"findings":[...]} as JSON.\nNeeds no vault: nothing is saved.',
  options: {},
  positionals: { min: 0, max: 1 },
  async run({ positionals, io }) {
    const file = positionals[0];
    let text: string;
    if (file === undefined || file === '-') {
      text = await readAll(io.stdin);
    } else {
      text = readNoteFile(io, file);
    }
    writeLine(io.stdout, JSON.stringify({ findings: checkNote(text) }));
  },
};
