import type { z } from 'zod';
import type { CommandName, CommandOutput, Commands } from '../../shared/api/contract';
import type { VaultSession } from '../vault/vaultSession';
import type { Platform } from './platform';

/** What a handler may use besides the vault: the platform, when the front door gave one (the command line gives none). */
export interface HandlerContext {
  platform: Platform | null;
}

/** A command's implementation: validated input in, a value matching the output schema out. */
export type Handler<N extends CommandName> = (
  session: VaultSession,
  input: z.output<Commands[N]['input']>,
  context: HandlerContext,
) => CommandOutput<N> | Promise<CommandOutput<N>>;

export type HandlerTable<Names extends CommandName> = { [N in Names]: Handler<N> };

export const DONE = { done: true } as const;
