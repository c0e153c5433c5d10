import { parseArgs } from 'node:util';
import { storageErrorFrom } from '../vault/storageErrors';
import { VaultSession } from '../vault/vaultSession';
import type { CliCommand } from './command';
import { COMMANDS } from './commands';
import { EXIT, exitCodeFor, type ExitCode } from './exitCodes';
import { writeLine, type CliIo } from './io';
import { UsageError } from './usageError';

const PROGRAM = 'sole-notes';

/** Runs one command line and returns its exit code; never throws, never exits the process. */
export async function runCli(
  givenArgv: readonly string[],
  io: CliIo,
  createSession: (folder: string) => VaultSession = (folder) => new VaultSession(folder),
): Promise<ExitCode> {
  // A command line can carry a lone surrogate (Windows passes UTF-16): made U+FFFD, as the router does (wellFormedText.ts).
  const argv = givenArgv.map((word) => word.toWellFormed());
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  const command = findCommand(argv);

  if (!command) {
    if (argv.length === 0 || wantsHelp || argv[0] === 'help') {
      writeLine(io.stdout, generalHelp());
      return EXIT.ok;
    }
    writeLine(io.stderr, `${PROGRAM}: unknown command "${argv.filter((word) => !word.startsWith('-')).slice(0, 2).join(' ')}". Run with --help to see the commands.`);
    return EXIT.usage;
  }
  if (wantsHelp) {
    writeLine(io.stdout, commandHelp(command));
    return EXIT.ok;
  }

  try {
    const { values, positionals } = parseArgs({
      args: argv.slice(command.words.length),
      options: command.options,
      allowPositionals: command.positionals !== undefined,
      strict: true,
    });
    const limits = command.positionals;
    if (limits && (positionals.length < limits.min || positionals.length > limits.max)) {
      throw new UsageError(`Usage: ${PROGRAM} ${command.usage}`);
    }
    return (await command.run({ values, positionals, io, createSession })) ?? EXIT.ok;
  } catch (error) {
    return report(io, command, error);
  }
}

function report(io: CliIo, command: CliCommand, error: unknown): ExitCode {
  if (error instanceof UsageError) {
    writeLine(io.stderr, `${PROGRAM}: ${error.message} (see: ${PROGRAM} ${command.words.join(' ')} --help)`);
    return EXIT.usage;
  }
  // The app's own errors as they are; a busy vault, a full or read-only disk (from SQLite or a file write) in the app's words, as through the router.
  const typed = storageErrorFrom(error, 'file');
  if (typed) {
    writeLine(io.stderr, `${PROGRAM}: ${typed.message}`);
    return exitCodeFor(typed.code);
  }
  // parseArgs reports unknown or malformed options with these codes.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    writeLine(io.stderr, `${PROGRAM}: ${(error as Error).message} (see: ${PROGRAM} ${command.words.join(' ')} --help)`);
    return EXIT.usage;
  }
  // Anything else is unexpected: SQLite's or the system's own text would mean nothing to the worker.
  writeLine(io.stderr, `${PROGRAM}: ${command.words.join(' ')} failed: Sole Notes could not complete that request.`);
  return EXIT.failure;
}

function findCommand(argv: readonly string[]): CliCommand | undefined {
  return COMMANDS.find((command) => command.words.every((word, index) => argv[index] === word));
}

function commandHelp(command: CliCommand): string {
  return `Usage: ${PROGRAM} ${command.usage}\n\n${command.help}\n\nExit codes: 0 ok, 1 usage or invalid input, 2 wrong passphrase or handover code, 3 any other failure, 4 a handover package or hand-back refused, 5 a report or a vault history that fails verification.`;
}

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.words.join(' ').length));
  const lines = COMMANDS.map((command) => `  ${command.words.join(' ').padEnd(width)}  ${command.summary}`);
  return [
    `Usage: ${PROGRAM} COMMAND [OPTIONS]   (from the project folder: bin/sole-notes COMMAND [OPTIONS])`,
    '',
    'Sole Notes keeps personal notes in an encrypted vault on this computer.',
    '',
    'Commands:',
    ...lines,
    '',
    `Run "${PROGRAM} COMMAND --help" for a command's options.`,
    'The passphrase is read from SOLE_NOTES_PASSPHRASE, else asked for without echo.',
    'Exit codes: 0 ok, 1 usage or invalid input, 2 wrong passphrase or handover code, 3 any other failure, 4 a handover package or hand-back refused, 5 a report or a vault history that fails verification.',
  ].join('\n');
}
