import type { ParseArgsConfig } from 'node:util';
import type { VaultSession } from '../vault/vaultSession';
import type { ExitCode } from './exitCodes';
import type { CliIo } from './io';

export type OptionValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

export interface CommandContext {
  values: OptionValues;
  positionals: string[];
  io: CliIo;
  /** How a command gets a session over a vault folder (tests pass fixed KDF parameters). */
  createSession: (folder: string) => VaultSession;
}

/** One CLI command: its words (`note add`), its options, its help, and what it does. */
export interface CliCommand {
  words: readonly string[];
  summary: string;
  /** Shown by `--help`, after the usage line. */
  help: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: { min: number; max: number };
  /** Resolves with an exit code when the command ends other than 0 without an error (e.g. `verify`: 5); most resolve with nothing. */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- most commands resolve with nothing, which means 0
  run(context: CommandContext): Promise<void | ExitCode>;
}
