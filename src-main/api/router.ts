import { COMMANDS, isCommandName, type CommandName } from '../../shared/api/contract';
import { describeIssues } from '../../shared/api/describeIssues';
import { err, ok, type Result } from '../../shared/api/errors';
import { isVaultError } from '../vault/errors';
import type { VaultSession } from '../vault/vaultSession';
import type { Handler, HandlerTable } from './handler';
import { HANDLERS } from './handlers';

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
  options: { handlers?: HandlerTable<CommandName>; reportInternalError?: InternalErrorReporter } = {},
): Router {
  const handlers = options.handlers ?? HANDLERS;
  const report = options.reportInternalError ?? reportToStderr;

  return {
    async invoke(name, input) {
      if (!isCommandName(name)) {
        return err('UNKNOWN_COMMAND', `There is no command named ${describeName(name)}.`);
      }
      const command = COMMANDS[name];
      const parsed = command.input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) return err('INVALID_INPUT', describeIssues(parsed.error));

      try {
        const handler = handlers[name] as Handler<CommandName>;
        const value: unknown = await handler(session, parsed.data as never);
        const checked = command.output.safeParse(value);
        if (!checked.success) {
          report(name, new Error(`Result does not match the contract: ${describeIssues(checked.error)}`));
          return err('INTERNAL', 'Sole Notes could not complete that request.');
        }
        return ok(checked.data);
      } catch (error) {
        if (isVaultError(error)) return err(error.code, error.message);
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
