import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { hashVaultFiles } from '../vault/vaultFolder';
import { bundleChild, removeBundle } from './childBundle';
import { runChild, type ChildRun } from './crashAt';

/*
 * Every file the command line reads is refused unless it is a regular file,
 * and never read past a cap: /dev/zero, a pipe nobody writes to, a folder and
 * an oversize file each give a clear error naming the file, promptly, and
 * nothing is written. Run as child processes with a timeout, so that a read
 * that would hang or fill the memory fails the test instead of the machine.
 */

const TIMEOUT_MS = 20_000;
const OVERSIZE_NOTE_BYTES = 900_000;

let cli: string;
let root: string;
let vault: string;
let fifo: string;
let folder: string;
let oversize: string;

function run(args: string[], input?: string): ChildRun {
  return runChild(cli, args, { timeoutMs: TIMEOUT_MS, input, cwd: root });
}

/** Ended by itself (no timeout, no crash), with `status`, and never with a raw C++ or Node message. */
function expectRefused(result: ChildRun, status: number, naming: string): void {
  expect(result.signal, `the child was killed: ${result.stderr}`).toBeNull();
  expect(result.status, result.stderr).toBe(status);
  expect(result.stderr).toContain(naming);
  expect(result.stderr).not.toMatch(/bad_alloc|ERR_|ENOENT|EISDIR|Error:/);
}

beforeAll(async () => {
  cli = await bundleChild('tests/faults/cliChild.ts');
  root = makeTempDir('sole-notes-bounded-');
  vault = path.join(root, 'vault');
  expect(run(['init', '--vault', vault]).status).toBe(0);
  fifo = path.join(root, 'pipe');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  folder = path.join(root, 'a-folder');
  fs.mkdirSync(folder);
  oversize = path.join(root, 'huge.txt');
  fs.writeFileSync(oversize, 'word '.repeat(OVERSIZE_NOTE_BYTES / 5));
}, 60_000);

afterAll(() => {
  if (cli) removeBundle(cli);
  if (root) removeDir(root);
});

describe('check and note add read only regular files of a note\'s size', () => {
  it.each([
    ['/dev/zero', () => '/dev/zero', 'not a regular file'],
    ['a pipe', () => fifo, 'not a regular file'],
    ['a folder', () => folder, 'not a regular file'],
    ['an oversize file', () => oversize, 'larger than'],
  ])('check refuses %s', (_what, file, words) => {
    const result = run(['check', file()]);
    expectRefused(result, 1, file());
    expect(result.stderr).toContain(words);
    expect(result.stdout).toBe('');
  });

  it('check refuses oversize standard input', () => {
    const result = run(['check'], 'word '.repeat(OVERSIZE_NOTE_BYTES / 5));
    expectRefused(result, 1, 'standard input');
  });

  it.each([
    ['/dev/zero', () => '/dev/zero'],
    ['a pipe', () => fifo],
    ['a folder', () => folder],
    ['an oversize file', () => oversize],
  ])('note add --file refuses %s and writes nothing', (_what, file) => {
    const before = hashVaultFiles(vault);
    const result = run(['note', 'add', '--vault', vault, '--file', file()]);
    expectRefused(result, 1, file());
    expect(hashVaultFiles(vault)).toEqual(before);
  });
});

describe('verify and district-summary refuse what is not a report file', () => {
  it('verify /dev/zero says NOT VALID, naming the file', () => {
    const result = run(['verify', '/dev/zero']);
    expectRefused(result, 5, '/dev/zero');
    expect(result.stderr).toContain('not a regular file');
  });

  it('verify refuses a pipe as the signature and a folder as the key', () => {
    const report = path.join(root, 'report.json');
    fs.writeFileSync(report, '{}');
    const result = run(['verify', report, '--sig', fifo, '--key', folder]);
    expectRefused(result, 5, fifo);
    expect(result.stderr).toContain(folder);
  });

  it('district-summary rejects /dev/zero as a report and writes the summary of the rest', () => {
    const keys = path.join(root, 'keys');
    fs.mkdirSync(keys);
    fs.symlinkSync('/dev/zero', path.join(keys, 'zero.pem'));
    const out = path.join(root, 'summary');
    const result = run(['district-summary', '--keys', keys, '--out', out, '/dev/zero']);
    expectRefused(result, 5, '/dev/zero');
    expect(result.stderr).toContain('zero.pem');
  });
});

describe('the vault\'s own files', () => {
  it('a keys file that is a link to /dev/zero: unlock answers promptly that the keys file is damaged', () => {
    const linked = path.join(root, 'linked-vault');
    expect(run(['init', '--vault', linked]).status).toBe(0);
    const keys = path.join(linked, 'vault.keys.json');
    fs.rmSync(keys);
    fs.symlinkSync('/dev/zero', keys);
    const result = run(['note', 'list', '--vault', linked]);
    expectRefused(result, 3, 'keys file');
  });

  it('a passphrase read from standard input that never ends a line (/dev/zero) is refused, not read for ever', () => {
    const zero = fs.openSync('/dev/zero', 'r');
    try {
      const result = spawnSync(process.execPath, [cli, 'note', 'list', '--vault', vault], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
        stdio: [zero, 'pipe', 'pipe'],
        encoding: 'utf8',
        timeout: TIMEOUT_MS,
      });
      expect(result.signal, result.stderr).toBeNull();
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('not a passphrase');
    } finally {
      fs.closeSync(zero);
    }
  });
});
