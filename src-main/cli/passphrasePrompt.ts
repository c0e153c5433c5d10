import { createInterface } from 'node:readline';
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

async function readFirstLine(io: CliIo): Promise<string | null> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return null;
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
