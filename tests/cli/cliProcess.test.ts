import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';

/** The real command line as a user runs it: a separate process, a calibrated KDF, real exit codes. */
const projectRoot = path.resolve(__dirname, '../..');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli as a process', () => {
  let root: string;
  beforeAll(() => {
    root = makeTempDir();
  });
  afterAll(() => removeDir(root));

  it('creates a vault with a calibrated key, adds a note, and uses the documented exit codes', () => {
    const vault = path.join(root, 'vault');
    const init = run(['init', '--vault', vault], { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE });
    expect(init.stderr).toContain('Vault created');
    expect(init.code).toBe(0);
    expect(init.stdout.trim()).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);

    const note = run(['note', 'add', '--vault', vault, '--text', 'Check in Friday.'], { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE });
    expect(note.code).toBe(0);
    expect(run(['note', 'list', '--vault', vault], { SOLE_NOTES_PASSPHRASE: 'wrong wrong wrong' }).code).toBe(2);
    expect(run(['note', 'list'], { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE }).code).toBe(1);
    expect(run(['note', 'list', '--vault', path.join(root, 'absent')], { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE }).code).toBe(3);
    expect(run(['--help']).code).toBe(0);
  });
});
