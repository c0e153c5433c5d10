import path from 'node:path';
import type { CommandName, CommandOutput } from '../../shared/api/contract';

/**
 * The files and folders Sole Notes wrote since it was opened, taken from the
 * results of the commands that write them. `system.showInFolder` and
 * `system.openFile` act only on these, so the page can never ask the system
 * to open any other file on the laptop.
 */
export type WrittenKind = 'file' | 'folder';

interface Written {
  path: string;
  kind: WrittenKind;
}

const file = (target: string): Written => ({ path: target, kind: 'file' });
const folder = (target: string): Written => ({ path: target, kind: 'folder' });

/** What each writing command's result says it wrote. */
const WRITERS: { [N in CommandName]?: (output: CommandOutput<N>) => Written[] } = {
  'reports.export': (result) => [folder(result.folder), ...result.files.map((written) => file(written.path))],
  'reports.exportSchoolYear': (result) => [folder(result.folder), ...result.files.map((written) => file(path.join(result.folder, written.name)))],
  'selfEvaluation.export': (result) => [file(result.path)],
  'disclosure.courtOrder': (result) => [file(result.path)],
  'handover.exportKey': (result) => [file(result.path)],
  'handover.create': (result) => [file(result.path)],
  'handover.handBack': (result) => [file(result.path)],
  // The folder Sole Notes keeps its backups in (when it can be reached).
  'backups.list': (result) => (result.folderReachable ? [folder(result.settings.folder)] : []),
};

export class WrittenFiles {
  readonly #kinds = new Map<string, WrittenKind>();

  /** Notes what a command's result says it wrote; other commands add nothing. */
  rememberFrom<N extends CommandName>(name: N, output: CommandOutput<N>): void {
    const writer = WRITERS[name] as ((value: CommandOutput<N>) => Written[]) | undefined;
    for (const written of writer?.(output) ?? []) {
      if (path.isAbsolute(written.path)) this.#kinds.set(path.resolve(written.path), written.kind);
    }
  }

  /** Whether Sole Notes wrote this path since it was opened, and as what; undefined for anything else. */
  kindOf(target: string): WrittenKind | undefined {
    if (!path.isAbsolute(target)) return undefined;
    return this.#kinds.get(path.resolve(target));
  }
}
