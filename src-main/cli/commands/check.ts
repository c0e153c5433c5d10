import fs from 'node:fs';
import path from 'node:path';
import { checkNote } from '../../../shared/redaction';
import type { CliCommand } from '../command';
import { readAll, writeLine } from '../io';
import { UsageError } from '../usageError';

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
      try {
        text = fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
      } catch {
        throw new UsageError(`Cannot read the file ${file}.`);
      }
    }
    writeLine(io.stdout, JSON.stringify({ findings: checkNote(text) }));
  },
};
