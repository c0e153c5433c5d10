'use strict';
/*
 * Loaded with `node --require` into a child process by crashAt.ts. Wraps the
 * file operations of `fs` and `fs.promises` that name a path, and:
 *   - SOLE_NOTES_FILE_TRACE=FILE: appends one JSON line per operation
 *     ({ op, path, to }) to FILE, so a test can list every operation a run makes;
 *   - SOLE_NOTES_CRASH_AT={"op","match","when","nth"} or {"index","when"}:
 *     kills the process with SIGKILL before or after the nth operation `op`
 *     whose path (or target) contains `match`, or the `index`th traced
 *     operation of the run (1 = the first): what a crash or power cut at that
 *     moment leaves.
 * Test-only: the product never loads it.
 */
const fs = require('node:fs');

const traceFile = process.env.SOLE_NOTES_FILE_TRACE;
const crashAt = process.env.SOLE_NOTES_CRASH_AT ? JSON.parse(process.env.SOLE_NOTES_CRASH_AT) : null;
const appendFileSync = fs.appendFileSync;
let matched = 0;

const SYNC_OPS = ['openSync', 'writeFileSync', 'renameSync', 'rmSync', 'unlinkSync', 'copyFileSync', 'mkdirSync', 'rmdirSync', 'cpSync', 'truncateSync'];
const PROMISE_OPS = ['open', 'writeFile', 'rename', 'rm', 'unlink', 'copyFile', 'mkdir', 'rmdir', 'cp', 'truncate'];

function nameOf(value) {
  if (typeof value === 'string') return value;
  if (value instanceof URL) return value.pathname;
  return undefined; // a file descriptor or handle: not a named operation
}

let seen = 0;

/** Whether this call is the one to crash at: the `index`th traced call, or the `nth` call of `op` naming `match`. */
function isCrashPoint(op, from, to) {
  if (!crashAt) return false;
  if (crashAt.index !== undefined) return crashAt.index === seen;
  if (crashAt.op !== op) return false;
  if (!(from.includes(crashAt.match) || (to !== undefined && to.includes(crashAt.match)))) return false;
  matched += 1;
  return (crashAt.nth ?? 1) === matched;
}

function kill() {
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL is delivered at once; never go on in the meantime.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
}

let inside = false;

function around(op, from, to, call) {
  // Calls made by fs itself while inside a wrapped call (writeFileSync opens its file) are not counted twice.
  if (from === undefined || inside) return call();
  seen += 1;
  if (traceFile) {
    inside = true;
    try {
      appendFileSync(traceFile, `${JSON.stringify({ op, path: from, to })}\n`);
    } finally {
      inside = false;
    }
  }
  const here = isCrashPoint(op, from, to);
  if (here && crashAt.when === 'before') kill();
  // After the call, whether it succeeded or failed (an open of a file that is not there is a call too).
  inside = true;
  let result;
  try {
    result = call();
  } catch (error) {
    if (here) kill();
    throw error;
  } finally {
    inside = false;
  }
  if (here) {
    if (result && typeof result.then === 'function') return result.then(kill, kill);
    kill();
  }
  return result;
}

function wrap(target, op, label) {
  const original = target[op];
  if (typeof original !== 'function') return;
  target[op] = function (...args) {
    const from = nameOf(args[0]);
    const to = op.startsWith('rename') || op.startsWith('copyFile') || op.startsWith('cp') ? nameOf(args[1]) : undefined;
    return around(label, from, to, () => original.apply(this, args));
  };
}

// `--require` is loaded into worker threads too (the background integrity
// check): their calls interleave with the main thread's by timing, so only the
// main thread's calls are listed and counted, and a run's order is the same
// every time.
if ((traceFile || crashAt) && require('node:worker_threads').isMainThread) {
  // Sync and promise forms share one name, so a test can say "rename" for either.
  for (const op of SYNC_OPS) wrap(fs, op, op.replace(/Sync$/, ''));
  for (const op of PROMISE_OPS) wrap(fs.promises, op, op);
}
