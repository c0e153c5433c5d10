import { spawn as spawnProcess } from 'node:child_process';
import path from 'node:path';
import type { FileOpener } from '../../src-main/api/platform';

/**
 * "Show in folder" and "Open to print" in window mode (no Electron): the
 * system's own opener, `xdg-open` (Linux), `open` (macOS) or `explorer`
 * (Windows), started detached with an argument array, never a shell string.
 * The router has already checked the path is one Sole Notes wrote.
 */
type Spawn = (command: string, args: readonly string[], options: { detached: boolean; stdio: 'ignore' }) => { unref(): void; once(event: 'error', listener: (error: Error) => void): unknown };

/** The command and its arguments that show (`reveal`) or open a path on a platform. */
export function openerCommand(platform: NodeJS.Platform, action: 'open' | 'reveal', target: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: action === 'reveal' ? ['-R', target] : [target] };
  if (platform === 'win32') return { command: 'explorer.exe', args: action === 'reveal' ? [`/select,${target}`] : [target] };
  // xdg-open cannot select a file: it opens the folder that holds it.
  return { command: 'xdg-open', args: [action === 'reveal' ? path.dirname(target) : target] };
}

export function createSystemOpener({ platform = process.platform, spawn = spawnProcess as unknown as Spawn }: { platform?: NodeJS.Platform; spawn?: Spawn } = {}): FileOpener {
  function run(action: 'open' | 'reveal', target: string): Promise<void> {
    const { command, args } = openerCommand(platform, action, target);
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    // A missing opener (no xdg-open) is reported on stderr, not to the page: the worker still has the path under Details.
    child.once('error', (error) => process.stderr.write(`sole-notes: ${command} could not start: ${error.message}\n`));
    child.unref();
    return Promise.resolve();
  }
  return {
    showInFolder: (target, kind) => run(kind === 'folder' ? 'open' : 'reveal', target),
    openFile: (file) => run('open', file),
  };
}
