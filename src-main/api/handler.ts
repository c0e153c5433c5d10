import type { z } from 'zod';
import type { CommandName, CommandOutput, Commands } from '../../shared/api/contract';
import type { VaultSession } from '../vault/vaultSession';
import type { FileOpener, Platform } from './platform';
import type { WrittenFiles } from './writtenFiles';

/** What a handler may use besides the vault: the platform and the file opener, when the front door gave them (the command line gives none). */
export interface HandlerContext {
  platform: Platform | null;
  opener: FileOpener | null;
  /** What Sole Notes wrote since this router was made: the only paths the opener may be given. */
  written: WrittenFiles;
}

/** A command's implementation: validated input in, a value matching the output schema out. */
export type Handler<N extends CommandName> = (
  session: VaultSession,
  input: z.output<Commands[N]['input']>,
  context: HandlerContext,
) => CommandOutput<N> | Promise<CommandOutput<N>>;

export type HandlerTable<Names extends CommandName> = { [N in Names]: Handler<N> };

export const DONE = { done: true } as const;
