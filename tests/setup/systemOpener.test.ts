import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSystemOpener, openerCommand } from '../../scripts/window/systemOpener';
import { makeTempDir, removeDir } from '../helpers/tempVault';

// Window mode's "Show in folder" and "Open to print": the system's own opener,
// given the path as one argument (never through a shell).

const tricky = '/home/worker/Reports/March; rm -rf ~ $(id) "x".html';

describe('window mode: the system’s opener', () => {
  it('names the opener of each system, with the path as a single argument', () => {
    expect(openerCommand('linux', 'open', tricky)).toEqual({ command: 'xdg-open', args: [tricky] });
    expect(openerCommand('linux', 'reveal', tricky)).toEqual({ command: 'xdg-open', args: ['/home/worker/Reports'] });
    expect(openerCommand('darwin', 'open', tricky)).toEqual({ command: 'open', args: [tricky] });
    expect(openerCommand('darwin', 'reveal', tricky)).toEqual({ command: 'open', args: ['-R', tricky] });
    expect(openerCommand('win32', 'open', 'C:\\Reports\\a b.html')).toEqual({ command: 'explorer.exe', args: ['C:\\Reports\\a b.html'] });
    expect(openerCommand('win32', 'reveal', 'C:\\Reports\\a b.html')).toEqual({ command: 'explorer.exe', args: ['/select,C:\\Reports\\a b.html'] });
  });

  it('starts it detached, with nothing of the app’s output, and does not wait for it', async () => {
    const child = { unref: vi.fn(), once: vi.fn() };
    const spawn = vi.fn(() => child);
    const opener = createSystemOpener({ platform: 'darwin', spawn });
    await opener.showInFolder(tricky, 'file');
    await opener.showInFolder('/home/worker/Reports', 'folder');
    await opener.openFile(tricky);
    expect(spawn.mock.calls).toEqual([
      ['open', ['-R', tricky], { detached: true, stdio: 'ignore' }],
      ['open', ['/home/worker/Reports'], { detached: true, stdio: 'ignore' }],
      ['open', [tricky], { detached: true, stdio: 'ignore' }],
    ]);
    expect(child.unref).toHaveBeenCalledTimes(3);
  });

  describe('on Linux, for real', () => {
    let bin: string | null = null;
    const oldPath = process.env.PATH;
    afterEach(() => {
      process.env.PATH = oldPath;
      if (bin) removeDir(bin);
    });

    it.skipIf(process.platform !== 'linux')('runs xdg-open with the exact path, however it is spelled', async () => {
      bin = makeTempDir('sole-notes-opener-');
      const record = path.join(bin, 'asked.txt');
      // A stand-in xdg-open that writes down the arguments it was given, one a line.
      fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${record}.part' && mv '${record}.part' '${record}'\n`, { mode: 0o755 });
      process.env.PATH = `${bin}${path.delimiter}${oldPath ?? ''}`;
      await createSystemOpener({ platform: 'linux' }).openFile(tricky);
      await vi.waitFor(() => expect(fs.existsSync(record)).toBe(true), { timeout: 10_000, interval: 50 });
      expect(fs.readFileSync(record, 'utf8')).toBe(`${tricky}\n`);
    });
  });
});
