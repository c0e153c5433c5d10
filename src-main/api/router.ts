import { COMMANDS, isCommandName, type CommandName } from '../../shared/api/contract';
import { describeIssues } from '../../shared/api/describeIssues';
import { err, ok, type Result } from '../../shared/api/errors';
import { detailsToSend, issuesOf } from './errorDetails';
import { storageErrorFrom } from '../vault/storageErrors';
import { toWellFormedDeep } from '../vault/wellFormedText';
import type { VaultSession } from '../vault/vaultSession';
import type { Handler, HandlerContext, HandlerTable } from './handler';
import type { FileOpener, Platform } from './platform';
import { HANDLERS } from './handlers';
import { WrittenFiles } from './writtenFiles';

/**
 * The one front door to the vault for every transport (Electron IPC, the
 * end-to-end test binding). It never throws: unknown commands, invalid input
 * and failures all come back as typed errors.
 */
export interface Router {
  invoke(name: unknown, input: unknown): Promise<Result<unknown>>;
}

export type InternalErrorReporter = (command: CommandName, error: unknown) => void;

export function createRouter(
  session: VaultSession,
  options: {
    handlers?: HandlerTable<CommandName>;
    reportInternalError?: InternalErrorReporter;
    /** The platform's services (folder dialog…); without one, commands that need it answer NOT_AVAILABLE. */
    platform?: Platform;
    /** Shows or opens the files the app wrote (the system's file manager); without one, those commands answer NOT_AVAILABLE. */
    opener?: FileOpener;
  } = {},
): Router {
  const handlers = options.handlers ?? HANDLERS;
  const context: HandlerContext = { platform: options.platform ?? null, opener: options.opener ?? null, written: new WrittenFiles() };
  const report = options.reportInternalError ?? reportToStderr;

  return {
    async invoke(name, input) {
      if (!isCommandName(name)) {
        return err('UNKNOWN_COMMAND', `There is no command named ${describeName(name)}.`);
      }
      const command = COMMANDS[name];
      let parsed: ReturnType<typeof command.input.safeParse>;
      try {
        // Every string, however deep, with each lone surrogate made U+FFFD (wellFormedText.ts says why).
        parsed = command.input.safeParse(toWellFormedDeep(input === undefined ? {} : input));
      } catch {
        // A getter or proxy that throws while being read (possible in-process; IPC delivers plain copies).
        return err('INVALID_INPUT', 'The input could not be read.');
      }
      if (!parsed.success) return err('INVALID_INPUT', describeIssues(parsed.error), { issues: issuesOf(parsed.error) });

      try {
        const handler = handlers[name] as Handler<CommandName>;
        const value: unknown = await handler(session, parsed.data as never, context);
        const checked = command.output.safeParse(value);
        if (!checked.success) {
          report(name, new Error(`Result does not match the contract: ${describeIssues(checked.error)}`));
          return err('INTERNAL', 'Sole Notes could not complete that request.');
        }
        context.written.rememberFrom(name, checked.data as never);
        return ok(checked.data);
      } catch (error) {
        // A VaultError as it is; a full or read-only disk or a damaged page (from SQLite or the file system) typed as such.
        const typed = storageErrorFrom(error, 'file');
        if (typed) return err(typed.code, typed.message, detailsToSend(typed.code, typed.message, typed.details, (problem) => report(name, problem)));
        report(name, error);
        return err('INTERNAL', 'Sole Notes could not complete that request.');
      }
    },
  };
}

function describeName(name: unknown): string {
  if (typeof name !== 'string') return `of type ${name === null ? 'null' : typeof name}`;
  return JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);
}

/** Only the error's name and message: never inputs, never note text. */
function reportToStderr(command: CommandName, error: unknown): void {
  const summary = error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
  process.stderr.write(`sole-notes: ${command} failed: ${summary}\n`);
}
