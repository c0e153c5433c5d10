import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type BrowserContext, type ConsoleMessage, type Frame, type Page, type Route } from 'playwright-core';
import type { LockReason } from '../../shared/api/bridge';
import { err, type Result } from '../../shared/api/errors';
import { FILE_PURPOSES, withExtension, type FilePurpose, type FolderPurpose } from '../../shared/api/systemSchemas';
import type { Platform } from '../../src-main/api/platform';
import { createRouter, type Router } from '../../src-main/api/router';
import { APP_RESPONSE_HEADERS as BASE_HEADERS, mimeTypeFor } from '../../src-main/app/appResponses';
import { REFUSED_MESSAGE } from '../../src-main/app/refusal';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { makeTempDir, removeDir, TEST_KDF } from '../helpers/tempVault';
import { ensureRendererBuilt, RENDERER_DIST, RENDERER_READY_ENV } from './buildRenderer';

/**
 * The end-to-end front door (DESIGN.md, "Process model"): the Vite-built
 * renderer in Debian's Chromium, with `window.soleNotes` bound through
 * Playwright's exposeBinding to the real router over a real vault in a temp
 * folder. The renderer cannot tell it from the Electron preload.
 *
 * No server and no network: the app is served at APP_ORIGIN by request
 * interception from an in-memory copy of dist/renderer, with the same CSP
 * header as the app:// protocol; every other request is aborted and recorded.
 */

export const APP_ORIGIN = 'https://sole-notes.test';
export const APP_URL = `${APP_ORIGIN}/`;

export const CHROMIUM_PATH = process.env.SOLE_NOTES_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Belt and braces: should anything slip past the request interception, no host name resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND',
] as const;

/** Names of the page-side globals the harness installs (the renderer uses only `window.soleNotes`). */
const INVOKE_BINDING = '__soleNotesInvoke';
const REPORT_BINDING = '__soleNotesE2eReport';
const EMIT_LOCKED_KEY = 'sole-notes.e2e.emitLocked';

export { REFUSED_MESSAGE };

/** What exposeBinding passes first (playwright-core does not export its type). */
interface BindingSource {
  context: BrowserContext;
  page: Page;
  frame: Frame;
}

export interface ConsoleEntry {
  type: string;
  text: string;
  url: string;
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

export interface StartAppOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Runs against the router and session before the page first loads (seed a vault, say). */
  prepare?: (app: { router: Router; session: VaultSession }) => Promise<void>;
  /** Load the app at once (default). With false, call `app.open()` yourself. */
  open?: boolean;
  /** Rebuild dist/renderer even if it looks current. */
  rebuild?: boolean;
  /** The vault's clock (timestamps of notes, audit entries…); the real time by default. */
  clock?: () => Date;
  /** Serve this built renderer instead of dist/renderer (and build nothing). */
  rendererDir?: string;
  /** What the folder dialog (`system.chooseFolder`) answers: a path, or null as when cancelled. By default `app.chosenFolder`. */
  chooseFolder?: (purpose: FolderPurpose) => string | null | Promise<string | null>;
  /**
   * What the file dialog (`system.chooseFile`) answers: a path, or null as when cancelled. By default a
   * save dialog names `suggestedName` in `app.chosenFolder`, and an open dialog is cancelled.
   */
  chooseFile?: (purpose: FilePurpose, suggestedName: string | undefined) => string | null | Promise<string | null>;
  log?: (line: string) => void;
}

export interface App {
  page: Page;
  context: BrowserContext;
  session: VaultSession;
  router: Router;
  /** The vault folder (inside a temp dir); `vault.keys.json` appears here once created. */
  vaultDir: string;
  /** Every request to anywhere but APP_ORIGIN, aborted (WebSockets included). Expect it empty. */
  abortedRequests: string[];
  /** Console messages of type error or warning (CSP violations are reported here too). */
  consoleProblems: ConsoleEntry[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** `securitypolicyviolation` events seen in the page. */
  cspViolations: CspViolation[];
  /** Results that were not plain JSON values (undefined, NaN, Date…), by command name. Expect it empty. */
  bridgeProblems: string[];
  invocations: InvokeRecord[];
  /** The folder the harness's folder dialog picks by default: an empty folder in the temp dir, made when first chosen. */
  chosenFolder: string;
  /** The purpose of every folder dialog the page asked for, in order. */
  folderRequests: FolderPurpose[];
  /** Every file dialog the page asked for, in order. */
  fileRequests: Array<{ purpose: FilePurpose; suggestedName: string | undefined }>;
  /** Loads (or reloads) the app and waits for its load event. */
  open(): Promise<void>;
  /**
   * Locks the vault from the main side, as the idle timer or screen lock
   * would, and waits until the page's onLocked callbacks have run. Like
   * VaultSession.lock, it tells no one when the vault is already locked.
   */
  lockFromMain(reason: LockReason): Promise<void>;
  close(): Promise<void>;
}

/** The built renderer, read into memory so that a rebuild during a run cannot pull files from under a page. */
async function snapshotRenderer(root: string): Promise<Map<string, Buffer>> {
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

/** `page.evaluate(pageScript(fn, arg))`, typed by `fn`. */
export async function evaluateInPage<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return (await page.evaluate(pageScript(fn, arg))) as R;
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

async function launch(userDataDir: string, options: StartAppOptions): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}. Install Debian's package (apt-get install chromium) or set SOLE_NOTES_CHROMIUM to its path.`);
  }
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    acceptDownloads: false,
    locale: 'en-US',
    timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
}

export async function startApp(options: StartAppOptions = {}): Promise<App> {
  if (options.rendererDir == null && process.env[RENDERER_READY_ENV] !== '1') {
    await ensureRendererBuilt({ force: options.rebuild, log: options.log });
  }
  const files = await snapshotRenderer(options.rendererDir ?? RENDERER_DIST);

  const root = makeTempDir('sole-notes-e2e-');
  const vaultDir = path.join(root, 'vault');
  const userDataDir = path.join(root, 'chromium');
  fs.mkdirSync(userDataDir);
  const session = new VaultSession(vaultDir, { kdf: TEST_KDF, clock: options.clock });
  // As src-main/app/platform.ts, without a dialog: the folder the test says, or an empty temp folder.
  const chosenFolder = path.join(root, 'chosen-folder');
  const folderRequests: FolderPurpose[] = [];
  const fileRequests: Array<{ purpose: FilePurpose; suggestedName: string | undefined }> = [];
  const platform: Platform = {
    async chooseFolder(purpose) {
      folderRequests.push(purpose);
      if (options.chooseFolder) return options.chooseFolder(purpose);
      fs.mkdirSync(chosenFolder, { recursive: true });
      return chosenFolder;
    },
    async chooseFile(purpose, suggestedName) {
      fileRequests.push({ purpose, suggestedName });
      if (options.chooseFile) return options.chooseFile(purpose, suggestedName);
      if (FILE_PURPOSES[purpose].mode === 'open') return null;
      fs.mkdirSync(chosenFolder, { recursive: true });
      return path.join(chosenFolder, suggestedName ?? withExtension(purpose, 'file'));
    },
  };
  const router = createRouter(session, { platform });

  const abortedRequests: string[] = [];
  const consoleProblems: ConsoleEntry[] = [];
  const pageErrors: string[] = [];
  const cspViolations: CspViolation[] = [];
  const bridgeProblems: string[] = [];
  const invocations: InvokeRecord[] = [];

  let context: BrowserContext | null = null;
  let unsubscribe: () => void = () => undefined;
  let closed = false;
  const pendingEmits = new Set<Promise<void>>();

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    unsubscribe();
    try {
      await context?.close();
    } finally {
      session.lock('window-closed');
      removeDir(root);
    }
  };

  try {
    if (options.prepare) await options.prepare({ router, session });

    context = await launch(userDataDir, options);
    const page = context.pages()[0] ?? (await context.newPage());

    // Routes registered later win: the app origin first, everything else aborted.
    await context.route('**/*', async (route: Route) => {
      abortedRequests.push(route.request().url());
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
      abortedRequests.push(socket.url());
      await socket.close({ code: 1008, reason: 'No network in Sole Notes.' });
    });

    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        consoleProblems.push({ type: message.type(), text: message.text(), url: message.location().url });
      }
    });
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));

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
      invocations.push({ name: commandName, ok: result.ok, code: result.ok ? null : result.error.code, ms: performance.now() - started });
      const problem = nonJsonReason(result);
      if (problem) bridgeProblems.push(`${commandName}: ${problem}`);
      return result;
    });
    await page.exposeBinding(REPORT_BINDING, (_source: BindingSource, violation: CspViolation) => {
      cspViolations.push(violation);
    });
    await page.addInitScript(pageScript(installBridge, { invoke: INVOKE_BINDING, report: REPORT_BINDING, emitLocked: EMIT_LOCKED_KEY }));

    // As registerIpc: every lock, whoever asked for it, is forwarded to the page.
    unsubscribe = session.onLock((reason) => {
      if (closed || page.isClosed()) return;
      const emitted = page
        .evaluate(pageScript(emitLocked, { key: EMIT_LOCKED_KEY, reason }))
        .then(() => undefined)
        .catch(() => undefined); // the page may be navigating or closing
      pendingEmits.add(emitted);
      void emitted.finally(() => pendingEmits.delete(emitted));
    });

    const open = async (): Promise<void> => {
      await page.goto(APP_URL, { waitUntil: 'load' });
    };

    const app: App = {
      page,
      context,
      session,
      router,
      vaultDir,
      abortedRequests,
      consoleProblems,
      pageErrors,
      cspViolations,
      bridgeProblems,
      invocations,
      chosenFolder,
      folderRequests,
      fileRequests,
      open,
      async lockFromMain(reason) {
        session.lock(reason);
        await Promise.all([...pendingEmits]);
      },
      close,
    };
    if (options.open !== false) await open();
    return app;
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** Starts the app, runs `body`, and always closes it. */
export async function withApp<T>(options: StartAppOptions, body: (app: App) => Promise<T>): Promise<T> {
  const app = await startApp(options);
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}
