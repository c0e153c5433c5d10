import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { NoteBody } from '../../shared/api/schemas';
import { isBoundedReadError, readBoundedFileSync, whyUnreadable } from '../vault/boundedRead';
import { VaultError } from '../vault/errors';

/**
 * The most a note read from a file or standard input may take: a note holds
 * at most NoteBody's maximum of UTF-16 code units, each at most 3 bytes of
 * UTF-8 (a pair of them, 4), so anything larger cannot be a note.
 */
export const MAX_NOTE_INPUT_BYTES = (NoteBody.maxLength ?? 200_000) * 3;

/** Where a command reads and writes; tests pass their own. */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIo(): CliIo {
  // Under `npm run`, the process runs in the project folder; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd };
}

export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${line}\n`);
}

/**
 * Reads all of stdin as UTF-8 (for `note add --file -`, and `check`), at most
 * `maxBytes`: more is refused (INVALID_INPUT) and the rest is not read.
 */
export async function readAll(stream: Readable, maxBytes = MAX_NOTE_INPUT_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += bytes.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new VaultError('INVALID_INPUT', `The standard input is larger than a note can be (${maxBytes} bytes); nothing was read.`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A note's text from a file named on the command line: only a regular file, at most a note's size. */
export function readNoteFile(io: CliIo, file: string): string {
  const target = path.resolve(io.cwd, file);
  try {
    return readBoundedFileSync(target, MAX_NOTE_INPUT_BYTES).toString('utf8');
  } catch (error) {
    const reason = isBoundedReadError(error) ? error.reason : 'unreadable';
    throw new VaultError('INVALID_INPUT', `Cannot read the file ${target}: ${whyUnreadable(reason, MAX_NOTE_INPUT_BYTES)}.`, { cause: error });
  }
}
