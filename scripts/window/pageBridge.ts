import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext, Frame, Page, Route } from 'playwright-core';
import { err, type Result } from '../../shared/api/errors';
import type { Router } from '../../src-main/api/router';
import { APP_RESPONSE_HEADERS as BASE_HEADERS, mimeTypeFor } from '../../src-main/app/appResponses';
import { REFUSED_MESSAGE } from '../../src-main/app/refusal';
import type { VaultSession } from '../../src-main/vault/vaultSession';

/**
 * The built renderer in a Chromium page driven by Playwright, as the Electron
 * shell would show it: shared by the end-to-end harness (tests/e2e/harness.ts)
 * and `npm start`'s window mode (scripts/window/windowMode.ts), so both bind
 * the page the same way.
 *
 * No server and no network: the app is served at APP_ORIGIN by request
 * interception from an in-memory copy of dist/renderer, with the same headers
 * (CSP included) as the app:// protocol; every other request is aborted.
 * `window.soleNotes` is bound through exposeBinding to the real router; only
 * the app's own main frame may invoke it.
 */

export const APP_ORIGIN = 'https://sole-notes.test';
export const APP_URL = `${APP_ORIGIN}/`;

/** Names of the page-side globals the bridge installs (the renderer uses only `window.soleNotes`). */
const INVOKE_BINDING = '__soleNotesInvoke';
const REPORT_BINDING = '__soleNotesE2eReport';
const EMIT_LOCKED_KEY = 'sole-notes.e2e.emitLocked';

/** What exposeBinding passes first (playwright-core does not export its type). */
interface BindingSource {
  context: BrowserContext;
  page: Page;
  frame: Frame;
}

export interface CspViolation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
}

/** One call through the bridge: the command and how long the router took. Never inputs or results. */
export interface InvokeRecord {
  name: string;
  ok: boolean;
  code: string | null;
  ms: number;
}

/** The built renderer, read into memory so that a rebuild during a run cannot pull files from under a page. */
export async function snapshotRenderer(root: string): Promise<Map<string, Buffer>> {
  // A concurrent build (tests/app/build.test.ts empties the folder first) can leave it incomplete for a moment.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const files = readTree(root);
    const missing = missingReferences(files);
    if (missing.length === 0) return files;
    if (Date.now() > deadline) {
      throw new Error(`${root} is incomplete: ${missing.join(', ')}. Build it with \`npm run build:renderer\`.`);
    }
    await sleep(250);
  }
}

function readTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    try {
      files.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full));
    } catch {
      // Removed while reading: the completeness check below notices.
    }
  }
  return files;
}

/** Local files that index.html refers to but the snapshot lacks (all of them if index.html is missing). */
function missingReferences(files: Map<string, Buffer>): string[] {
  const index = files.get('index.html');
  if (!index) return ['index.html'];
  const references = [...index.toString('utf8').matchAll(/\b(?:src|href)="\.?\/?([^"#?:]+)"/g)].map((match) => match[1] ?? '');
  return references.filter((reference) => reference !== '' && !files.has(reference));
}

/** Maps an app URL to a file of the snapshot, like protocol.ts: `/` is index.html, nothing escapes the root. */
function fileForUrl(url: string): string | null {
  const { pathname } = new URL(url);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return null;
  const parts = decoded.split('/').filter((part) => part !== '');
  if (parts.some((part) => part === '.' || part === '..')) return null;
  return parts.length === 0 ? 'index.html' : parts.join('/');
}

/**
 * The source of a call of `fn(arg)` to run in the page. tsx (esbuild with
 * keepNames) wraps named functions in a `__name(…)` helper that exists only
 * in Node; the page gets a stand-in. Use it for every function sent to the
 * page: `page.evaluate(pageScript(fn, arg))`, `page.addInitScript(pageScript(fn, arg))`.
 */
export function pageScript<A>(fn: (arg: A) => unknown, arg: A): string {
  return `(() => { const __name = (target) => target; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}

/** Why a value would not survive JSON unchanged, or null if it would. */
export function nonJsonReason(value: unknown, where = 'result'): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${where} is ${value}`;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const reason = nonJsonReason(item, `${where}[${index}]`);
      if (reason) return reason;
    }
    return null;
  }
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return `${where} is a ${value.constructor.name}`;
    for (const [key, item] of Object.entries(value)) {
      const reason = nonJsonReason(item, `${where}.${key}`);
      if (reason) return reason;
    }
    return null;
  }
  return `${where} is ${typeof value}`;
}

/**
 * Runs in the page before any of its scripts, as the preload does: defines
 * `window.soleNotes` with exactly the SoleNotesBridge shape. Self-contained
 * (Playwright sends its source text).
 */
function installBridge(names: { invoke: string; report: string; emitLocked: string }): void {
  type Callback = (reason: string) => void;
  type Binding = (...args: unknown[]) => Promise<unknown>;
  interface ViolationEvent {
    violatedDirective: string;
    blockedURI: string;
    sourceFile: string;
  }
  const page = globalThis as unknown as Record<string, unknown> & {
    addEventListener(type: string, listener: (event: ViolationEvent) => void): void;
  };
  const binding = (name: string): Binding => {
    const fn = page[name];
    if (typeof fn !== 'function') throw new Error(`The end-to-end binding ${name} is missing.`);
    return fn as Binding;
  };

  const listeners = new Set<Callback>();
  const bridge = Object.freeze({
    // Electron's IPC structured-clones the input; so does this, with the same errors for what cannot be cloned.
    invoke: (name: unknown, input: unknown) =>
      Promise.resolve().then(() => binding(names.invoke)(name, input === undefined ? undefined : structuredClone(input))),
    onLocked(callback: Callback): () => void {
      const listener: Callback = (reason) => callback(reason);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  });
  Object.defineProperty(page, 'soleNotes', { value: bridge, enumerable: true, writable: false, configurable: false });

  // The harness calls this (through page.evaluate) when the session locks.
  Object.defineProperty(page, Symbol.for(names.emitLocked), {
    value: (reason: string) => {
      for (const listener of [...listeners]) {
        try {
          listener(reason);
        } catch (error) {
          // As with an IPC listener: the error is uncaught, the other listeners still run.
          setTimeout(() => {
            throw error;
          });
        }
      }
    },
  });

  page.addEventListener('securitypolicyviolation', (event) => {
    void binding(names.report)({ directive: event.violatedDirective, blockedURI: event.blockedURI, sourceFile: event.sourceFile });
  });
}

/** Runs in the page: tells the bridge's onLocked callbacks. */
function emitLocked({ key, reason }: { key: string; reason: string }): void {
  const emit = (globalThis as unknown as Record<symbol, ((why: string) => void) | undefined>)[Symbol.for(key)];
  emit?.(reason);
}

export interface BindAppOptions {
  /** The built renderer (snapshotRenderer). */
  files: Map<string, Buffer>;
  router: Router;
  session: VaultSession;
  /** Every request to anywhere but APP_ORIGIN, once aborted (WebSockets included). */
  onAborted?: (url: string) => void;
  onInvoke?: (record: InvokeRecord, result: Result<unknown>) => void;
  onCspViolation?: (violation: CspViolation) => void;
}

export interface BoundApp {
  /** Resolves once every lock already told to the page has reached its onLocked callbacks. */
  locksDelivered(): Promise<void>;
  /** Stops forwarding locks to the page (call before closing it). */
  unbind(): void;
}

/** Serves the renderer into `context` and binds `window.soleNotes` in `page` to the router (call before the page first loads). */
export async function bindApp(context: BrowserContext, page: Page, options: BindAppOptions): Promise<BoundApp> {
  const { files, router, session } = options;
  // Routes registered later win: the app origin first, everything else aborted.
  await context.route('**/*', async (route: Route) => {
    options.onAborted?.(route.request().url());
    await route.abort('blockedbyclient');
  });
  await context.route(`${APP_ORIGIN}/**`, async (route: Route) => {
    const request = route.request();
    const file = fileForUrl(request.url());
    const body = file === null ? undefined : files.get(file);
    if (file === null || request.method() !== 'GET' || body === undefined) {
      const status = file === null ? 400 : request.method() !== 'GET' ? 405 : 404;
      await route.fulfill({ status, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: status === 404 ? 'Not found' : 'Refused' });
      return;
    }
    await route.fulfill({ status: 200, headers: { ...BASE_HEADERS, 'Content-Type': mimeTypeFor(file) }, body });
  });
  await context.routeWebSocket(() => true, async (socket) => {
    options.onAborted?.(socket.url());
    await socket.close({ code: 1008, reason: 'No network in Sole Notes.' });
  });

  // As src-main/app/ipc.ts: only the app's own main frame may invoke; the router never throws, but a bug must not reject.
  await page.exposeBinding(INVOKE_BINDING, async (source: BindingSource, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (source.frame !== page.mainFrame() || new URL(source.frame.url()).origin !== APP_ORIGIN) return err('INTERNAL', REFUSED_MESSAGE);
    const started = performance.now();
    let result: Result<unknown>;
    try {
      result = await router.invoke(name, input);
    } catch {
      result = err('INTERNAL', 'Something went wrong inside Sole Notes.');
    }
    const commandName = typeof name === 'string' ? name : String(name);
    options.onInvoke?.({ name: commandName, ok: result.ok, code: result.ok ? null : result.error.code, ms: performance.now() - started }, result);
    return result;
  });
  await page.exposeBinding(REPORT_BINDING, (_source: BindingSource, violation: CspViolation) => {
    options.onCspViolation?.(violation);
  });
  await page.addInitScript(pageScript(installBridge, { invoke: INVOKE_BINDING, report: REPORT_BINDING, emitLocked: EMIT_LOCKED_KEY }));

  // As registerIpc: every lock, whoever asked for it, is forwarded to the page.
  let unbound = false;
  const pendingEmits = new Set<Promise<void>>();
  const unsubscribe = session.onLock((reason) => {
    if (unbound || page.isClosed()) return;
    const emitted = page
      .evaluate(pageScript(emitLocked, { key: EMIT_LOCKED_KEY, reason }))
      .then(() => undefined)
      .catch(() => undefined); // the page may be navigating or closing
    pendingEmits.add(emitted);
    void emitted.finally(() => pendingEmits.delete(emitted));
  });
  return {
    async locksDelivered() {
      await Promise.all([...pendingEmits]);
    },
    unbind() {
      unbound = true;
      unsubscribe();
    },
  };
}
