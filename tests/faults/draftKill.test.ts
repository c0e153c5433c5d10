import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, newSession, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';
import { bundleChild, removeBundle } from './childBundle';
import { typistText } from './typistText';

/*
 * Nothing typed is lost but the last moment. A child process types a note
 * as the renderer sends it (child.ts typist: a few characters every 20-60 ms,
 * each put through the router as an unfinished note), printing the length of
 * each text it sends and when, on its own clock, just before sending it. The
 * parent kills it with SIGKILL after a few seconds of typing. After
 * reopening, the vault holds one of the texts sent, and everything sent more
 * than 2 s before the child's last word is in it: a kill loses at most the
 * last 2 s of typing. Its last printed time stands for the moment of the
 * kill (it prints every 20-60 ms, and the kill comes after a line).
 */

const RUNS = 4;
const MAX_LOSS_MS = 2000;

let root: string;
let child: string;

beforeAll(async () => {
  child = await bundleChild();
  root = makeTempDir('sole-notes-draft-kill-');
  const session = newSession(root);
  await session.create(TEST_PASSPHRASE);
  session.lock();
}, 60_000);

afterAll(() => {
  if (root) removeDir(root);
  if (child) removeBundle(child);
});

interface Sent {
  length: number;
  at: number;
}

/** Runs the typist until it has typed for `typeMs` of its own clock, then kills it; resolves with what it said it sent. */
function typeAndKill(run: number, typeMs: number): Promise<Sent[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, 'typist', `${root}/vault`, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const last = /SENT \d+ (\d+)\n$/.exec(out);
      if (!killed && last && Number(last[1]) >= typeMs) {
        killed = true;
        proc.kill('SIGKILL');
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const safety = setTimeout(() => proc.kill('SIGKILL'), 60_000);
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(safety);
      if (signal !== 'SIGKILL' || !killed) {
        reject(new Error(`the typist stopped by itself (code ${code}): ${out.slice(-300)} ${err.slice(-300)}`));
        return;
      }
      const sent = [...out.matchAll(/^SENT (\d+) (\d+)$/gm)].map((match) => ({ length: Number(match[1]), at: Number(match[2]) }));
      resolve(sent);
    });
  });
}

describe('a SIGKILL while typing', () => {
  it(`loses at most the last ${MAX_LOSS_MS / 1000} s of what was typed (${RUNS} kills)`, async () => {
    for (let run = 0; run < RUNS; run += 1) {
      const sent = await typeAndKill(run, 2500 + Math.random() * 2500);
      expect(sent.length).toBeGreaterThan(20);

      const session = newSession(root);
      await session.unlock(TEST_PASSPHRASE);
      const draft = session.data.drafts.get({ kind: 'note', noteId: null, studentId: null, serviceId: null });
      session.lock();

      const text = typistText(String(run));
      expect(draft, `run ${run}: no unfinished note was kept`).not.toBeNull();
      const body = draft?.body ?? '';
      // One of the texts sent in this run, whole.
      const kept = sent.findIndex((entry) => entry.length === body.length);
      expect(kept, `run ${run}: the kept text (${body.length} characters) is not one that was sent`).toBeGreaterThanOrEqual(0);
      expect(body).toBe(text.slice(0, body.length));
      expect(draft?.cursor).toBe(body.length);

      // What was lost began no more than 2 s before the child's last word.
      const lastWord = sent.at(-1)?.at ?? 0;
      const lostFrom = sent[kept + 1]?.at ?? lastWord;
      expect(lastWord - lostFrom, `run ${run}: lost what was typed from ${lostFrom} ms to ${lastWord} ms`).toBeLessThanOrEqual(MAX_LOSS_MS);
    }
  }, 120_000);
});
