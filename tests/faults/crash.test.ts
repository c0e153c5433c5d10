import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile, listBackups, openBackup } from '../../src-main/vault/backups/backup';
import { openEncryptedDatabase } from '../../src-main/vault/connection';
import { deriveKey } from '../../src-main/vault/keys/kdf';
import { readKeyFile, unwrapKey, wrapAad } from '../../src-main/vault/keys/keyFile';
import { VaultData } from '../../src-main/vault/vaultData';
import { makeTempDir, newSession, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';
import { bundleChild, removeBundle } from './childBundle';

/*
 * Crash durability. A child process saves notes in a loop (child.ts: new
 * notes, edits, and now and then a lock — which checkpoints the write-ahead
 * log and writes a backup — and an unlock) and prints ACK for each save only
 * after the save has returned. It is killed with SIGKILL at a random moment,
 * over and over, on the same vault. After every kill:
 *   - the vault opens and `PRAGMA integrity_check` returns ok;
 *   - every acknowledged note is there, with its last acknowledged text (or
 *     the text of the edit under way, if that committed before the kill);
 *   - every note there is whole: its text is one the child meant to write;
 *   - the audit log's hash chain is intact;
 *   - the newest backup matches its manifest and opens with the key.
 * SIGKILL stops the process, not the machine: this proves the save path and
 * the files on disk are consistent at every instant, and relies on
 * `synchronous=FULL` for power loss.
 */

const KILLS = Number(process.env.SOLE_NOTES_CRASH_KILLS ?? 105);

let root: string;
let folder: string;
let backups: string;
let child: string;
let dataKey: Buffer;

beforeAll(async () => {
  child = await bundleChild();
  root = makeTempDir('sole-notes-crash-');
  folder = path.join(root, 'vault');
  backups = path.join(root, 'backups');
  const session = newSession(root);
  await session.create(TEST_PASSPHRASE);
  session.lock();
  const keys = await readKeyFile(folder);
  const kek = await deriveKey(TEST_PASSPHRASE, keys.wraps.passphrase.kdf);
  const key = unwrapKey(keys.wraps.passphrase, kek, wrapAad(keys.vaultId, 'passphrase'));
  kek.fill(0);
  if (!key) throw new Error('could not derive the data key');
  dataKey = key;
}, 60_000);

afterAll(() => {
  dataKey?.fill(0);
  if (root) removeDir(root);
  if (child) removeBundle(child);
});

interface NoteModel {
  /** The last text whose save was acknowledged (null: only ever seen in the database). */
  acked: string | null;
  /** Edits under way since: any of them may have committed before the kill. */
  pending: Set<string>;
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Runs the writer once and kills it; resolves with its complete output lines. */
function runAndKill(run: number): Promise<{ lines: string[]; killedBeforeReady: boolean }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, 'writer', folder, backups, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready = false;
    let timer: NodeJS.Timeout | undefined;
    const kill = () => proc.kill('SIGKILL');
    // One run in six is killed early, at any point of starting up and unlocking.
    const early = Math.random() < 1 / 6;
    if (early) timer = setTimeout(kill, Math.random() * 400);
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!ready && out.includes('READY\n')) {
        ready = true;
        if (!early) timer = setTimeout(kill, Math.random() * 350);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const safety = setTimeout(kill, 20_000);
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(safety);
      if (signal !== 'SIGKILL') {
        reject(new Error(`the writer stopped by itself (code ${code}): ${out.slice(-500)} ${err.slice(-500)}`));
        return;
      }
      const lines = out.split('\n');
      lines.pop(); // a line cut off by the kill is no acknowledgement
      resolve({ lines, killedBeforeReady: !ready });
    });
  });
}

describe('crash durability', () => {
  it(`keeps every acknowledged note through ${KILLS} SIGKILLs at random moments`, async () => {
    const started = Date.now();
    const notes = new Map<string, NoteModel>();
    const createIntents = new Set<string>();
    let acknowledged = 0;
    let killedBeforeReady = 0;
    let killedLocking = 0;

    for (let run = 0; run < KILLS; run += 1) {
      const result = await runAndKill(run);
      if (result.killedBeforeReady) killedBeforeReady += 1;
      let locking = false;
      for (const line of result.lines) {
        const [word, kind, id = '', hash = ''] = line.split(' ');
        expect(word, `child said: ${line}`).toMatch(/^(READY|INTENT|ACK|LOCK|UNLOCKED)$/);
        if (word === 'LOCK') locking = true;
        if (word === 'UNLOCKED') locking = false;
        if (word === 'INTENT' && kind === 'create') createIntents.add(hash);
        if (word === 'INTENT' && kind === 'update') {
          const model = notes.get(id) ?? { acked: null, pending: new Set<string>() };
          model.pending.add(hash);
          notes.set(id, model);
        }
        if (word === 'ACK') {
          notes.set(id, { acked: hash, pending: new Set() });
          acknowledged += 1;
        }
      }
      if (locking) killedLocking += 1;

      // The vault as the next start of the app finds it: integrity-checked on open, as unlock does.
      const db = openEncryptedDatabase(path.join(folder, 'vault.db'), dataKey, { create: false, verify: 'integrity' });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const rows = db.prepare<[], { id: string; body: string }>('SELECT id, body FROM notes').all();
        const byId = new Map(rows.map((row) => [row.id, sha256(row.body)]));
        for (const [id, model] of notes) {
          const found = byId.get(id);
          if (model.acked !== null) expect(found, `acknowledged note ${id} is missing after kill ${run}`).toBeDefined();
          if (found === undefined) continue;
          expect(found === model.acked || model.pending.has(found), `note ${id} holds text never acknowledged (kill ${run})`).toBe(true);
          notes.set(id, { acked: found, pending: new Set() });
        }
        for (const [id, hash] of byId) {
          if (notes.has(id)) continue;
          expect(createIntents.has(hash), `note ${id} holds text the writer never meant to write`).toBe(true);
          notes.set(id, { acked: hash, pending: new Set() }); // a save that committed just before the kill
        }
        expect(new VaultData(db).audit.verify()).toMatchObject({ intact: true });
      } finally {
        db.close();
      }

      const newest = listBackups(backups)[0];
      if (newest) {
        const checked = openBackup(backups, newest.id);
        expect(checkDatabaseFile(path.join(checked.dir, 'vault.db'), dataKey).schemaVersion).toBeGreaterThan(0);
      }
    }

    for (const entry of listBackups(backups)) openBackup(backups, entry.id);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `crash durability: ${KILLS} kills in ${seconds} s, ${acknowledged} acknowledged saves, ${notes.size} notes, ` +
        `${killedBeforeReady} killed while starting or unlocking, ${killedLocking} while locking (checkpoint, backup) or unlocking again, ` +
        `${listBackups(backups).length} backups kept, vault ${(fs.statSync(path.join(folder, 'vault.db')).size / 1e6).toFixed(1)} MB`,
    );
    expect(acknowledged).toBeGreaterThan(KILLS);
  }, 600_000);
});
