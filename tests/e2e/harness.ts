import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import type { LockReason } from '../../shared/api/bridge';
import { FILE_PURPOSES, withExtension, type FilePurpose, type FolderPurpose } from '../../shared/api/systemSchemas';
import type { FileOpener, Platform } from '../../src-main/api/platform';
import { createRouter, type Router } from '../../src-main/api/router';
import { REFUSED_MESSAGE } from '../../src-main/app/refusal';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { chromiumInstallHint, findChromium } from '../../scripts/setup/chromium.mjs';
import { APP_ORIGIN, APP_URL, bindApp, nonJsonReason, pageScript, snapshotRenderer, type BoundApp, type CspViolation, type InvokeRecord } from '../../scripts/window/pageBridge';
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
 * The serving and the binding are scripts/window/pageBridge.ts, which
 * `npm start`'s window mode uses too.
 */

export { APP_ORIGIN, APP_URL, nonJsonReason, pageScript, REFUSED_MESSAGE };
export type { CspViolation, InvokeRecord };

/** Chromium as scripts/setup/chromium.mjs finds it: SOLE_NOTES_CHROMIUM, else the usual install paths. */
const FOUND_CHROMIUM = findChromium();
export const CHROMIUM_PATH = FOUND_CHROMIUM.path;
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

export interface ConsoleEntry {
  type: string;
  text: string;
  url: string;
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
  /** What the page asked the system to show or open ("Show in folder", "Open to print"), in order; nothing is opened. */
  openRequests: Array<{ action: 'show' | 'open'; path: string }>;
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

/** `page.evaluate(pageScript(fn, arg))`, typed by `fn`. */
export async function evaluateInPage<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return (await page.evaluate(pageScript(fn, arg))) as R;
}

async function launch(userDataDir: string, options: StartAppOptions): Promise<BrowserContext> {
  if (CHROMIUM_PATH == null) {
    throw new Error(`Chromium was not found (looked at ${FOUND_CHROMIUM.tried.join(', ')}). ${chromiumInstallHint()}`);
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
  const openRequests: Array<{ action: 'show' | 'open'; path: string }> = [];
  const opener: FileOpener = {
    async showInFolder(target) {
      openRequests.push({ action: 'show', path: target });
    },
    async openFile(target) {
      openRequests.push({ action: 'open', path: target });
    },
  };
  const router = createRouter(session, { platform, opener });

  const abortedRequests: string[] = [];
  const consoleProblems: ConsoleEntry[] = [];
  const pageErrors: string[] = [];
  const cspViolations: CspViolation[] = [];
  const bridgeProblems: string[] = [];
  const invocations: InvokeRecord[] = [];

  let context: BrowserContext | null = null;
  let bound: BoundApp | null = null;
  let closed = false;

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    bound?.unbind();
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

    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        consoleProblems.push({ type: message.type(), text: message.text(), url: message.location().url });
      }
    });
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));

    // As src-main/app/ipc.ts: only the app's own main frame may invoke; the router never throws, but a bug must not reject.
    bound = await bindApp(context, page, {
      files,
      router,
      session,
      onAborted: (url) => abortedRequests.push(url),
      onInvoke: (record, result) => {
        invocations.push(record);
        const problem = nonJsonReason(result);
        if (problem) bridgeProblems.push(`${record.name}: ${problem}`);
      },
      onCspViolation: (violation) => cspViolations.push(violation),
    });
    const { locksDelivered } = bound;

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
      openRequests,
      open,
      async lockFromMain(reason) {
        session.lock(reason);
        await locksDelivered();
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
