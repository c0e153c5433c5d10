import type { CliIo } from './io';
import { UsageError } from './usageError';

/**
 * The passphrase comes from an environment variable when set (scripts, tests),
 * else from a prompt on the terminal that does not echo what is typed, else
 * from the first line of standard input.
 */
export async function obtainPassphrase(io: CliIo, envName: string, prompt: string): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (io.stdin.isTTY && io.stdin.setRawMode) return promptHidden(io, prompt);
  const line = await readFirstLine(io);
  if (line === null || line === '') {
    throw new UsageError(`No passphrase given: set ${envName} or run the command in a terminal.`);
  }
  return line;
}

/** Far longer than any passphrase; standard input without a line break (`< /dev/zero`) is refused at this length. */
export const MAX_PASSPHRASE_LINE_CHARS = 4096;

async function readFirstLine(io: CliIo): Promise<string | null> {
  let text = '';
  for await (const chunk of io.stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    const end = text.search(/\r?\n/);
    if (end >= 0) return text.slice(0, end);
    if (text.length > MAX_PASSPHRASE_LINE_CHARS) {
      throw new UsageError(`The first line of standard input is over ${MAX_PASSPHRASE_LINE_CHARS} characters; it is not a passphrase.`);
    }
  }
  return text === '' ? null : text;
}

function promptHidden(io: CliIo, prompt: string): Promise<string> {
  const { stdin, stderr } = io;
  return new Promise((resolve, reject) => {
    let typed = '';
    stderr.write(prompt);
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.setEncoding('utf8');

    const finish = (error?: Error) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };

    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new UsageError('Cancelled.'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
