import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * The full integrity check of an unlocked vault, off the main thread.
 *
 * Why not at unlock, before anything else: `PRAGMA integrity_check` reads and
 * decrypts every page and walks every b-tree and index, so it grows with the
 * vault (about 0.3 s at 10,000 notes, seconds at 100,000) and the worker would
 * wait for it at every unlock. It is not what keeps a damaged page from being
 * misread: SQLCipher authenticates every page with an HMAC, so any read of a
 * damaged page fails (VAULT_CORRUPT), whenever it happens. What the check adds
 * is finding damage in pages the worker has not read yet, so that it is known
 * before the vault's good backups are thinned out (see VaultSession: a vault
 * found damaged is never backed up).
 *
 * So unlock checks what it must before writing (the key, the header, the
 * schema pages, the file length: see openEncryptedDatabase), and this check
 * then runs on a second, read-only connection in a worker thread: WAL lets it
 * read a consistent snapshot while the main connection goes on writing.
 */

export type IntegrityStatus = 'checking' | 'ok' | 'damaged';

export interface IntegrityOutcome {
  status: Exclude<IntegrityStatus, 'checking'>;
  /** What SQLite reported (at most ten lines), or why a page could not be read. */
  problems: string[];
}

export interface IntegrityCheck {
  readonly status: IntegrityStatus;
  /** Settles once the check has finished, or with null when it was stopped first (the vault locked). */
  readonly done: Promise<IntegrityOutcome | null>;
  /**
   * Stops the check (the vault is locking): its result no longer counts, and
   * the thread ends at its next step, or once SQLite finishes the check it is
   * in; `exited` says when. The thread is never terminated from outside:
   * terminating a thread while it is inside the native SQLite module (loading
   * it, say) can abort the whole process, and this one runs in the app's main
   * process.
   */
  stop(): void;
  /** Settles once the thread has ended and closed its connection (Windows cannot rename a file still open). */
  readonly exited: Promise<void>;
}

/** The worker's code, plain CommonJS so that it runs the same from the bundle, tsx and the tests. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// A structured clone arrives as a plain Uint8Array: view it as a Buffer again.
const key = Buffer.from(workerData.key.buffer, workerData.key.byteOffset, workerData.key.byteLength);
// Set by stop() on the main thread; looked at before each step, since a step inside SQLite cannot be interrupted.
const stopped = () => Atomics.load(workerData.stop, 0) === 1;
let db;
function check() {
  if (stopped()) return;
  const Database = require(workerData.sqlite);
  if (stopped()) return;
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  // The same keying as applyKey() in connection.ts.
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma('key = "x\\'' + key.toString('hex') + '\\'"');
  key.fill(0);
  if (stopped()) return;
  const problems = db.pragma('integrity_check(10)').map((row) => row.integrity_check);
  parentPort.postMessage({ status: problems.length === 1 && problems[0] === 'ok' ? 'ok' : 'damaged', problems });
}
try {
  check();
} catch (error) {
  const code = error && typeof error.code === 'string' ? error.code : '';
  // A page that fails its HMAC is damage; anything else (the file gone, the disk) is not known to be.
  const damaged = code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
  parentPort.postMessage({ status: damaged ? 'damaged' : 'failed', problems: [code + ': ' + String(error && error.message)] });
} finally {
  key.fill(0);
  if (db) db.close();
}
`;

/**
 * The path of the SQLite module, for the worker to load the same one (an
 * evaluated worker would otherwise resolve it from the current folder). In the
 * bundled main process, scripts/build-main.mjs defines import.meta.url.
 */
function sqliteModulePath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
}

/** The threads of every check started in this process that have not ended yet. */
const running = new Set<Promise<void>>();

/**
 * Settles once every check started in this process has ended its thread:
 * what a process waits for before it exits (see stop() for why threads are
 * not terminated).
 */
export async function integrityChecksEnded(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}

/**
 * Starts the check of `file` with a copy of the data key (zeroed in the
 * worker once the connection is keyed). `onDamage` runs on the main thread
 * if damage is found. A check that cannot finish for another reason (the
 * file moved away, the worker could not start) reports nothing and leaves
 * the status 'checking': nothing is known either way.
 */
export function startIntegrityCheck(file: string, dataKey: Buffer, onDamage: (outcome: IntegrityOutcome) => void): IntegrityCheck {
  let status: IntegrityStatus = 'checking';
  let worker: Worker | null = null;
  let settle: (outcome: IntegrityOutcome | null) => void = () => undefined;
  const done = new Promise<IntegrityOutcome | null>((resolve) => {
    settle = resolve;
  });
  const finish = (outcome: IntegrityOutcome | null) => {
    worker = null;
    if (outcome && status === 'checking') {
      status = outcome.status;
      if (outcome.status === 'damaged') onDamage(outcome);
    }
    settle(outcome);
  };

  // Its own ArrayBuffer (Buffer.alloc never uses the shared pool), moved to the worker, not copied: none stays here.
  const key = Buffer.alloc(dataKey.length);
  dataKey.copy(key);
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, key, stop: stopFlag, sqlite: sqliteModulePath() }, transferList: [key.buffer] });
  } catch {
    finish(null);
    return { status, done, stop: () => undefined, exited: Promise.resolve() };
  } finally {
    if (key.buffer.byteLength > 0) key.fill(0); // zeroed if the worker did not start (once moved, it is detached)
  }
  worker.unref(); // a check in progress never keeps the process alive
  const exited = new Promise<void>((resolve) => worker?.once('exit', () => resolve()));
  running.add(exited);
  void exited.then(() => running.delete(exited));
  worker.once('message', (message: { status: 'ok' | 'damaged' | 'failed'; problems: string[] }) => {
    finish(message.status === 'failed' ? null : { status: message.status, problems: message.problems });
  });
  worker.once('error', () => finish(null));
  worker.once('exit', () => finish(null));

  return {
    get status() {
      return status;
    },
    done,
    exited,
    stop() {
      if (!worker) return;
      finish(null);
      Atomics.store(stopFlag, 0, 1);
    },
  };
}
