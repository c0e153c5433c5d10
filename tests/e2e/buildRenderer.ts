import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Builds the renderer with Vite into dist/renderer when it is missing or
 * older than its sources, at most once at a time across processes (Vitest
 * runs test files in parallel child processes): a lock directory guards the
 * build, and whoever waited on it checks again before building.
 */

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIST = path.join(ROOT, 'dist/renderer');
const VITE_CONFIG = path.join(ROOT, 'src-renderer/vite.config.ts');
const LOCK_DIR = path.join(ROOT, 'dist/.renderer-build.lock');

/** What the renderer bundle is made from: a change to any of these makes dist/renderer stale. */
const SOURCES = ['src-renderer', 'shared', 'package.json', 'package-lock.json'].map((entry) => path.join(ROOT, entry));

/** Set by the global setup once it has built (or checked) the renderer for this test run. */
export const RENDERER_READY_ENV = 'SOLE_NOTES_E2E_RENDERER_READY';

const LOCK_WAIT_MS = 180_000;
/** A lock older than this belongs to a build that died. */
const STALE_LOCK_MS = 300_000;

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows only as a newer directory
  for (const child of fs.readdirSync(entry, { withFileTypes: true })) {
    if (child.name === 'node_modules' || child.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child.name)));
  }
  return newest;
}

/** Why dist/renderer must be (re)built, or null when it is up to date. */
export function rendererStaleReason(): string | null {
  let built: number;
  try {
    built = fs.statSync(path.join(RENDERER_DIST, 'index.html')).mtimeMs;
  } catch {
    return 'dist/renderer/index.html is missing';
  }
  const newest = Math.max(...SOURCES.map(newestMtime));
  return newest > built ? 'the renderer sources are newer than dist/renderer' : null;
}

async function acquireLock(): Promise<() => void> {
  fs.mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(path.join(LOCK_DIR, 'owner'), `${process.pid}\n`);
      return () => fs.rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    try {
      if (Date.now() - fs.statSync(LOCK_DIR).mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch {
      // Released between the two calls: try again.
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for another renderer build (lock ${LOCK_DIR}).`);
    await sleep(200);
  }
}

/**
 * Vite decides between a development and a production React build from
 * NODE_ENV, which Vitest sets to "test": build as the app is shipped.
 */
async function viteBuild(): Promise<void> {
  const { build } = await import('vite');
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: VITE_CONFIG, mode: 'production', logLevel: 'warn' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

/**
 * Makes sure dist/renderer holds a build of the current sources. Returns
 * whether this call built it. `force` builds even when it looks up to date.
 */
export async function ensureRendererBuilt(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<boolean> {
  if (!options.force && rendererStaleReason() === null) return false;
  const release = await acquireLock();
  try {
    const reason = options.force ? 'a build was asked for' : rendererStaleReason();
    if (reason === null) return false; // someone else built it while we waited
    options.log?.(`Building the renderer (${reason})…`);
    const started = Date.now();
    await viteBuild();
    options.log?.(`Renderer built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return true;
  } finally {
    release();
  }
}
