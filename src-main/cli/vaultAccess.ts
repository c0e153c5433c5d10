import path from 'node:path';
import { vaultOutputRules, type OutputRules } from '../files/outputPath';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import type { VaultSession } from '../vault/vaultSession';
import type { CommandContext } from './command';
import type { CliIo } from './io';
import { obtainPassphrase } from './passphrasePrompt';
import { UsageError } from './usageError';

export const PASSPHRASE_ENV = 'SOLE_NOTES_PASSPHRASE';
export const NEW_PASSPHRASE_ENV = 'SOLE_NOTES_NEW_PASSPHRASE';

/** `--replace`, on every command that writes a file the worker names. */
export const REPLACE_OPTION = { replace: { type: 'boolean' } } as const;
export const REPLACE_HELP = 'An existing file is replaced only with --replace (never a folder or a hand-back); nothing is ever written inside a vault or backup folder.';

/** The output rules for a command on the vault `session` holds: its folders, and whether --replace was given. */
export function cliOutputRules(context: CommandContext, session: VaultSession): OutputRules {
  return vaultOutputRules(session, context.values.replace === true);
}

export function vaultFolder(io: CliIo, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError('Missing --vault DIR.');
  return path.resolve(io.cwd, value);
}

export function openSession(context: CommandContext, folder: string): VaultSession {
  const session = context.createSession(folder);
  if (session.state() === 'absent') {
    throw new VaultError('VAULT_NOT_FOUND', `No vault in ${folder}. Create one with: init --vault ${folder}`);
  }
  return session;
}

/** Unlocks the vault for one command and always locks it again, whatever happens. */
export async function withUnlockedVault<T>(context: CommandContext, work: (data: VaultData, session: VaultSession) => T | Promise<T>): Promise<T> {
  const { io, values } = context;
  const session = openSession(context, vaultFolder(io, values.vault));
  const passphrase = await obtainPassphrase(io, PASSPHRASE_ENV, 'Passphrase: ');
  await session.unlock(passphrase);
  try {
    return await work(session.data, session);
  } finally {
    session.lock('user');
  }
}
