import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';

/*
 * Crash at a chosen file call. A child process (a bundle made by
 * childBundle.ts: the command line, or tests/faults/child.ts) runs with
 * crashAtHook.cjs loaded, which kills it with SIGKILL just before or just
 * after a named file operation. `traceFileOps` lists every operation a run
 * makes, so a test can crash at each of them in turn and check what the
 * folder holds afterwards.
 */

const HOOK = path.join(import.meta.dirname, 'crashAtHook.cjs');

export type FileOpName = 'open' | 'writeFile' | 'rename' | 'rm' | 'unlink' | 'copyFile' | 'mkdir' | 'rmdir' | 'cp' | 'truncate';

export interface FileOp {
  op: FileOpName;
  path: string;
  to?: string;
}

/** A named call (the nth `op` whose path or target contains `match`), or the run's `index`th traced call. */
export type CrashPoint =
  | { op: FileOpName; match: string; when: 'before' | 'after'; nth?: number }
  | { index: number; when: 'before' | 'after'; label?: string };

export interface ChildRun {
  status: number | null;
  /** 'SIGKILL' when the crash point was reached. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ChildOptions {
  env?: Record<string, string>;
  cwd?: string;
  input?: string;
  crashAt?: CrashPoint;
  traceFile?: string;
  /** The child is killed (SIGTERM) after this long; 60 s unless told. */
  timeoutMs?: number;
}

function childEnv(options: ChildOptions): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE,
    ...options.env,
  };
  if (options.crashAt) env.SOLE_NOTES_CRASH_AT = JSON.stringify(options.crashAt);
  if (options.traceFile) env.SOLE_NOTES_FILE_TRACE = options.traceFile;
  return env;
}

export function runChild(bundle: string, args: readonly string[], options: ChildOptions = {}): ChildRun {
  const result = spawnSync(process.execPath, ['--require', HOOK, bundle, ...args], {
    cwd: options.cwd ?? path.dirname(bundle),
    env: childEnv(options),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Starts a child as runChild does, without waiting: for runs that must overlap (two processes racing). */
export function startChild(bundle: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', HOOK, bundle, ...args], {
      cwd: options.cwd ?? path.dirname(bundle),
      env: childEnv(options),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Every named file operation one run makes, in order (the run itself is not crashed). */
export function traceFileOps(bundle: string, args: readonly string[], options: Omit<ChildOptions, 'crashAt' | 'traceFile'> = {}): { run: ChildRun; ops: FileOp[] } {
  const dir = makeTempDir('sole-notes-trace-');
  try {
    const traceFile = path.join(dir, 'trace.jsonl');
    const run = runChild(bundle, args, { ...options, traceFile });
    const text = fs.existsSync(traceFile) ? fs.readFileSync(traceFile, 'utf8') : '';
    const ops = text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as FileOp);
    return { run, ops };
  } finally {
    removeDir(dir);
  }
}

/**
 * Crash points before and after every traced operation of a run that touches
 * a path under one of `under`, by the operation's place in the run (names of
 * temporary files differ from run to run; their order does not).
 */
export function crashPointsFor(ops: readonly FileOp[], under: readonly string[]): CrashPoint[] {
  const inside = (file: string | undefined) =>
    file !== undefined && under.some((folder) => (path.resolve(file) + path.sep).startsWith(path.resolve(folder) + path.sep));
  const points: CrashPoint[] = [];
  ops.forEach((op, position) => {
    if (!inside(op.path) && !inside(op.to)) return;
    const label = `${op.op} ${path.basename(op.path)}${op.to ? ` -> ${path.basename(op.to)}` : ''}`;
    points.push({ index: position + 1, when: 'before', label }, { index: position + 1, when: 'after', label });
  });
  return points;
}
