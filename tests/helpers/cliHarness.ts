import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src-main/cli/io';
import { runCli } from '../../src-main/cli/run';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { TEST_KDF } from './tempVault';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams and the test KDF parameters. */
export async function cli(args: string[], options: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}): Promise<CliRun> {
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let errText = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (errText += chunk.toString('utf8')));
  const io: CliIo = { stdin, stdout, stderr, env: options.env ?? {}, cwd: options.cwd ?? process.cwd() };
  const code = await runCli(args, io, (folder) => new VaultSession(folder, { kdf: TEST_KDF }));
  return { code, stdout: out, stderr: errText };
}
