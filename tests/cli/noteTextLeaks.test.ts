import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';

/*
 * Note text must not land outside the vault through the way the command line
 * is started: npm writes every command line it runs into its debug logs
 * (~/.npm/_logs, readable by other accounts), and arguments are visible in
 * `ps` while a command runs. The project's .npmrc stops npm's logs; the
 * launcher in bin/ runs without npm; note text goes in through a file or
 * standard input.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const CANARY = 'canary-lunchtime-7f3a9c';

let home: string;

beforeAll(() => {
  home = makeTempDir('sole-notes-home-');
});

afterAll(() => removeDir(home));

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('note text stays out of logs', () => {
  it('npm run cli writes no debug log holding the command line', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['run', '--silent', 'cli', '--', 'note', 'add', '--vault', path.join(home, 'absent'), '--text', CANARY], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: home, npm_config_cache: path.join(home, '.npm'), SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toContain('No vault in');
    const leaking = filesUnder(home).filter((file) => fs.readFileSync(file, 'utf8').includes(CANARY));
    expect(leaking).toEqual([]);
  });

  it('the launcher in bin/ runs the command line without npm and takes the note on standard input', () => {
    const vault = path.join(home, 'vault');
    const env = { PATH: process.env.PATH ?? '', HOME: home, SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };
    const run = (args: string[], input = '') =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin', 'sole-notes.mjs'), ...args], { cwd: home, env, input, encoding: 'utf8', timeout: 60_000 });

    expect(run(['init', '--vault', 'vault']).status).toBe(0);
    const added = run(['note', 'add', '--vault', vault, '--file', '-'], `${CANARY} from standard input\n`);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stderr).toBe('');
    const listed = run(['note', 'list', '--vault', vault]);
    expect(listed.stdout).toContain(CANARY);
  });

  it('warns when note text is given as an argument', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'sole-notes.mjs'), 'note', 'add', '--vault', path.join(home, 'vault'), '--text', CANARY], {
      cwd: home,
      env: { PATH: process.env.PATH ?? '', HOME: home, SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Next time use --file FILE, or --file - to type or pipe it in.');
  });
});
