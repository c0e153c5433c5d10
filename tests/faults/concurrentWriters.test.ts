import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { cli } from '../helpers/cliHarness';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { bundleChild, removeBundle } from './childBundle';

/*
 * Two processes writing the same vault (two commands, or the app and a
 * command) wait for each other instead of failing, and when the vault stays
 * busy the worker reads the app's own message, never SQLite's
 * "database is locked".
 */

const RAW_TEXT = /database is locked|SQLITE_|SqliteError|busy|EPERM|EACCES|ENOSPC|EROFS/;
const NOTES_PER_WRITER = 8;
const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

let child: string;
let root: string;

beforeAll(async () => {
  child = await bundleChild('tests/faults/cliChild.ts');
  root = makeTempDir('sole-notes-concurrent-');
}, 60_000);

afterAll(() => {
  if (child) removeBundle(child);
  if (root) removeDir(root);
});

interface Finished {
  status: number | null;
  stderr: string;
}

/** One CLI process, run without waiting for the others. */
function runAsync(args: string[]): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [child, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    process_.on('error', reject);
    process_.on('close', (status) => resolve({ status, stderr }));
  });
}

/** `note add` again and again, one process after the other. */
async function writer(vault: string, name: string): Promise<Finished[]> {
  const results: Finished[] = [];
  for (let index = 0; index < NOTES_PER_WRITER; index += 1) results.push(await runAsync(['note', 'add', '--vault', vault, '--text', `${name} note ${index}`]));
  return results;
}

describe('two command-line processes writing the same vault at once', () => {
  it('both succeed every time, and every note is there', async () => {
    const vault = path.join(root, 'shared');
    expect(spawnSync(process.execPath, [child, 'init', '--vault', vault], { env: { PATH: process.env.PATH ?? '', ...env } }).status).toBe(0);

    const results = (await Promise.all([writer(vault, 'first'), writer(vault, 'second'), writer(vault, 'third')])).flat();
    for (const result of results) {
      expect(result.stderr).not.toMatch(RAW_TEXT);
      expect(result.status, result.stderr).toBe(0);
    }
    const listed = await cli(['note', 'list', '--vault', vault, '--json'], { env });
    const bodies = (JSON.parse(listed.stdout) as { preview: string }[]).map((note) => note.preview).sort();
    expect(bodies).toHaveLength(3 * NOTES_PER_WRITER);
    expect(new Set(bodies).size).toBe(3 * NOTES_PER_WRITER);
  }, 180_000);
});

describe('a vault kept busy by another process', () => {
  it('the command line waits, then says the vault is busy in the app\'s words', async () => {
    const vault = path.join(root, 'busy');
    const app = new VaultSession(vault, { kdf: TEST_KDF });
    await app.create(TEST_PASSPHRASE);
    // Another writer holds the write lock (as the app would, mid-save) for longer than the command waits.
    app.data.db.exec('BEGIN IMMEDIATE');
    app.data.db.prepare("INSERT INTO settings (key, value) VALUES ('held', '1')").run();
    try {
      const added = await cli(['note', 'add', '--vault', vault, '--text', 'while busy'], { env });
      expect(added.stderr).not.toMatch(/database is locked|SQLITE_|SqliteError/);
      expect(added.stderr).toContain('another Sole Notes');
      expect(added.code).toBe(3);
    } finally {
      app.data.db.exec('ROLLBACK');
      app.lock();
    }
    const listed = await cli(['note', 'list', '--vault', vault], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe('');
  }, 60_000);
});
