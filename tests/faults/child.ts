import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRouter } from '../../src-main/api/router';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { typistText } from './typistText';

/*
 * The process the fault tests start (bundled by childBundle.ts).
 *
 *   child.cjs writer <vault folder> <backup folder> <run>
 *     Unlocks, prints READY, then saves notes through the router for ever:
 *     mostly new notes, some edits, now and then a lock and unlock (which
 *     checkpoints and makes a backup). Before each save it prints INTENT with
 *     the SHA-256 of the body; only after the save has returned does it print
 *     ACK. The parent kills it with SIGKILL at a random moment.
 *
 *   child.cjs typist <vault folder> <run>
 *     Unlocks, prints READY, then types a new note as the renderer sends it:
 *     every 20-60 ms a few more characters, put as an unfinished note through
 *     the router (drafts.put). Before each put it prints SENT with the text's
 *     length and the milliseconds since READY on its own clock. The parent
 *     kills it with SIGKILL while it types.
 *
 *   child.cjs unlock <vault folder> <passphrase>
 *     Tries one unlock and prints the result as JSON (for runs as another user).
 *
 *   child.cjs restore <vault folder> <backup folder> <backup id> <open|locked>
 *     Restores one backup through the router and prints the result as JSON:
 *     'open' unlocks first and restores with the open vault's key (its keys
 *     file stays), 'locked' restores with the passphrase while locked (the
 *     backup's keys file replaces it). For the crash-at-a-chosen-call tests.
 */

function say(line: string): void {
  // Synchronous, so a line is either fully written before the next save starts or not at all.
  fs.writeSync(1, `${line}\n`);
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

const FILLER = 'Met with the student about attendance and the plan for next week; checked in with the teacher. ';

async function writer(folder: string, backups: string, run: string): Promise<void> {
  const session = new VaultSession(folder, { kdf: TEST_KDF, backups: { automatic: true, defaultFolder: backups, minIntervalMs: 0 } });
  const router = createRouter(session, { reportInternalError: (command, error) => say(`INTERNAL ${command} ${String(error)}`) });
  const unlocked = await router.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE });
  if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.error.code}`);
  const listed = await router.invoke('notes.list', { limit: 500 });
  const ids = listed.ok ? (listed.value as { id: string }[]).map((note) => note.id) : [];
  say('READY');

  for (let index = 0; ; index += 1) {
    const roll = Math.random();
    if (roll < 0.015) {
      say('LOCK');
      session.lock('user');
      const again = await router.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE });
      if (!again.ok) throw new Error(`unlock failed: ${again.error.code}`);
      say('UNLOCKED');
      continue;
    }
    const body = `crash-note ${run}-${index} ${FILLER.repeat(Math.floor(Math.random() * 8))}${crypto.randomBytes(8).toString('hex')}`;
    const hash = sha256(body);
    const target = ids.length > 0 && roll < 0.3 ? ids[Math.floor(Math.random() * ids.length)] : undefined;
    if (target) {
      say(`INTENT update ${target} ${hash}`);
      const saved = await router.invoke('notes.update', { id: target, body });
      if (!saved.ok) throw new Error(`update failed: ${saved.error.code}`);
      say(`ACK update ${target} ${hash}`);
    } else {
      say(`INTENT create - ${hash}`);
      const saved = await router.invoke('notes.create', { body });
      if (!saved.ok) throw new Error(`create failed: ${saved.error.code}`);
      const id = (saved.value as { id: string }).id;
      ids.push(id);
      say(`ACK create ${id} ${hash}`);
    }
  }
}

async function typist(folder: string, run: string): Promise<void> {
  const session = new VaultSession(folder, { kdf: TEST_KDF });
  const router = createRouter(session, { reportInternalError: (command, error) => say(`INTERNAL ${command} ${String(error)}`) });
  const unlocked = await router.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE });
  if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.error.code}`);
  const context = { kind: 'note', noteId: null, studentId: null, serviceId: null } as const;
  const text = typistText(run);
  const start = performance.now();
  say('READY');
  for (let length = 1; length <= text.length; length += 1 + Math.floor(Math.random() * 3)) {
    say(`SENT ${length} ${Math.round(performance.now() - start)}`);
    const put = await router.invoke('drafts.put', { context, body: text.slice(0, length), cursor: length });
    if (!put.ok) throw new Error(`drafts.put failed: ${put.error.code}`);
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
  }
  say('DONE');
}

async function unlockOnce(folder: string, passphrase: string): Promise<void> {
  const session = new VaultSession(folder, { kdf: TEST_KDF });
  const router = createRouter(session, { reportInternalError: () => undefined });
  const result = await router.invoke('vault.unlock', { passphrase });
  session.lock();
  say(JSON.stringify(result));
}

async function restoreOnce(folder: string, backups: string, id: string, how: string): Promise<void> {
  const session = new VaultSession(folder, { kdf: TEST_KDF, backups: { defaultFolder: backups } });
  const router = createRouter(session, { reportInternalError: (command, error) => say(`INTERNAL ${command} ${String(error)}`) });
  if (how === 'open') {
    const unlocked = await router.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE });
    if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.error.code}`);
  }
  const result = await router.invoke('backups.restore', how === 'open' ? { id } : { id, passphrase: TEST_PASSPHRASE });
  session.lock();
  say(JSON.stringify(result));
}

const [mode, ...args] = process.argv.slice(2);
const done =
  mode === 'writer'
    ? writer(args[0] ?? '', args[1] ?? '', args[2] ?? '0')
    : mode === 'restore'
      ? restoreOnce(args[0] ?? '', args[1] ?? '', args[2] ?? '', args[3] ?? '')
      : mode === 'typist'
        ? typist(args[0] ?? '', args[1] ?? '0')
        : unlockOnce(args[0] ?? '', args[1] ?? '');
done.catch((error: unknown) => {
  say(`FAILED ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
