import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { callRouter, FLAGGED_NOTE } from '../tests/e2e/demoData';
import { ensureRendererBuilt, RENDERER_DIST } from '../tests/e2e/buildRenderer';
import { evaluateInPage, startApp, type App } from '../tests/e2e/harness';
import { TEST_PASSPHRASE } from '../tests/helpers/tempVault';
import { buildCorpus, seededRandom } from './corpus';
import type { BenchRow } from './row';
import { percentile } from './stats';

/**
 * The renderer's numbers (issue 4, "Benchmarks"), measured in Debian's
 * Chromium against the built renderer and a real vault, through the same
 * harness as the end-to-end tests:
 *   - unlock → caseload rendered, with 500 students and 20,000 notes;
 *   - keystroke → highlight in the note editor, for a 2,000-character note;
 *   - the renderer bundle's size, all of it and what the first screen loads.
 * Numbers, not pass/fail. `runUiBench` gives rows for the product table
 * (bench/run.ts, area "ui"); run alone, this file prints them with notes.
 */

/** One measurement, with the detail behind it (the product table keeps only name, target and value). */
export interface UiMeasurement {
  name: string;
  target: string;
  /** null when the screen it needs is not there (see `note`). */
  value: number | null;
  unit: 'ms' | 'KiB';
  note: string;
}

/** CSS selectors (they run inside the page, so no Playwright role selectors). */
export const UI_BENCH_SELECTORS = {
  /** The Unlock button on the unlock screen. */
  unlockButton: 'form button[type="submit"]',
  /** The first row of the caseload list: unlocking counts as done when it is on screen. */
  caseloadFirstRow: 'ul[aria-label="Students"] > li',
  /** The note editor's textarea. */
  noteEditorTextarea: '.note-field textarea',
  /** The layer under the textarea that draws the findings. */
  highlightLayer: '.note-mirror',
  /** One drawn finding inside that layer. */
  highlightMark: 'mark',
} as const;

/** Opens an empty note editor from the unlocked app (accessible name of the shell's quick action). */
const NEW_NOTE_BUTTON_NAME = /^New note/;

export interface UiBenchOptions {
  /** Small data and few samples: 100 students, 2,000 notes, 3 unlocks, 10 keystroke pairs. */
  quick?: boolean;
  students?: number;
  notes?: number;
  unlockSamples?: number;
  keystrokeSamples?: number;
  log?: (line: string) => void;
}

interface Timing {
  /** Until the DOM showed it. */
  dom: number;
  /** Until the frame after that was drawn. */
  frame: number;
}

/** Runs in the page: clicks `click` and times until `target` is in the DOM with a size, and until the next frame. */
function clickAndTime(args: { click: string; target: string; timeoutMs: number }): Promise<Timing | string> {
  interface El {
    click(): void;
    getBoundingClientRect(): { width: number; height: number };
  }
  const page = globalThis as unknown as {
    document: { querySelector(selector: string): El | null; documentElement: unknown };
    MutationObserver: new (callback: () => void) => { observe(node: unknown, options: Record<string, boolean>): void; disconnect(): void };
    MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(value: unknown): void } };
    requestAnimationFrame(callback: () => void): void;
  };
  const button = page.document.querySelector(args.click);
  if (button == null) return Promise.resolve(`no element matches ${args.click}`);
  return new Promise((resolve) => {
    const shown = () => {
      const element = page.document.querySelector(args.target);
      if (element == null) return false;
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    const observer = new page.MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      clearTimeout(timer);
      const dom = performance.now() - start;
      page.requestAnimationFrame(() => {
        const channel = new page.MessageChannel();
        channel.port1.onmessage = () => resolve({ dom, frame: performance.now() - start });
        channel.port2.postMessage(null);
      });
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(`${args.target} did not appear within ${args.timeoutMs} ms`);
    }, args.timeoutMs);
    observer.observe(page.document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
    const start = performance.now();
    button.click();
  });
}

/**
 * Runs in the page: arms a one-shot timer from the next keydown in the
 * editor until the highlight layer shows the change (`finding`: one more
 * mark whose text contains `word`; `layer`: the layer's text grew), and until
 * the next frame. The result lands in a global the caller awaits.
 */
function armKeystrokeTimer(args: { key: string; textarea: string; layer: string; mark: string; mode: 'finding' | 'layer'; word: string; timeoutMs: number }): void {
  interface Node {
    textContent: string | null;
    querySelectorAll(selector: string): ArrayLike<Node>;
    addEventListener(type: string, listener: (event: { timeStamp: number }) => void, options: Record<string, boolean>): void;
  }
  const page = globalThis as unknown as Record<symbol, unknown> & {
    document: { querySelector(selector: string): Node | null; body: unknown };
    MutationObserver: new (callback: () => void) => { observe(node: unknown, options: Record<string, boolean>): void; disconnect(): void };
    MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(value: unknown): void } };
    requestAnimationFrame(callback: () => void): void;
  };
  const layer = () => page.document.querySelector(args.layer);
  const marksWithWord = () => Array.from(layer()?.querySelectorAll(args.mark) ?? []).filter((mark) => (mark.textContent ?? '').includes(args.word)).length;
  const layerLength = () => (layer()?.textContent ?? '').length;
  const before = args.mode === 'finding' ? marksWithWord() : layerLength();
  const changed = () => (args.mode === 'finding' ? marksWithWord() > before : layerLength() > before);
  const textarea = page.document.querySelector(args.textarea);

  page[Symbol.for(args.key)] = new Promise<Timing | string>((resolve) => {
    if (textarea == null) {
      resolve(`no element matches ${args.textarea}`);
      return;
    }
    let keyAt: number | null = null;
    textarea.addEventListener('keydown', (event) => (keyAt = event.timeStamp), { once: true, capture: true });
    const observer = new page.MutationObserver(() => {
      if (keyAt == null || !changed()) return;
      observer.disconnect();
      clearTimeout(timer);
      const from = keyAt;
      const dom = performance.now() - from;
      page.requestAnimationFrame(() => {
        const channel = new page.MessageChannel();
        channel.port1.onmessage = () => resolve({ dom, frame: performance.now() - from });
        channel.port2.postMessage(null);
      });
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(`the highlight layer did not change within ${args.timeoutMs} ms`);
    }, args.timeoutMs);
    observer.observe(page.document.body, { childList: true, subtree: true, characterData: true });
  });
}

function awaitTiming(key: string): Promise<Timing | string> {
  return (globalThis as unknown as Record<symbol, Promise<Timing | string>>)[Symbol.for(key)] as Promise<Timing | string>;
}

async function nextFrames(page: Page): Promise<void> {
  await evaluateInPage(
    page,
    () => {
      const frame = (globalThis as unknown as { requestAnimationFrame(callback: () => void): void }).requestAnimationFrame;
      return new Promise<void>((resolve) => frame(() => frame(() => resolve())));
    },
    null,
  );
}

/** 500 students and 20,000 notes by default, through the router. */
async function seedLargeVault(app: Pick<App, 'router'>, students: number, notes: number, log: (line: string) => void): Promise<void> {
  const random = seededRandom(4242);
  const schools = ['Lincoln Elementary', 'Riverside Middle', 'Northgate High', 'Eastside Elementary', 'Harbor View K-8'];
  await callRouter(app.router, 'vault.create', { passphrase: TEST_PASSPHRASE });
  const ids: string[] = [];
  for (let i = 0; i < students; i += 1) {
    const row = await callRouter(app.router, 'students.create', {
      code: `S-${String(i + 1).padStart(4, '0')}`,
      grade: Math.floor(random() * 13),
      school: schools[Math.floor(random() * schools.length)] as string,
      tier: ([1, 2, 3] as const)[Math.floor(random() * 3)] as 1 | 2 | 3,
      iep: random() < 0.3,
      plan504: random() < 0.15,
    });
    ids.push(row.id);
  }
  log(`seeded ${students} students; writing ${notes} notes…`);
  const corpus = buildCorpus(notes);
  for (const [index, body] of corpus.notes.entries()) {
    // One note in 50 names a diagnosis and quotes a student, as some real notes will before they are fixed.
    const text = index % 50 === 0 ? `${FLAGGED_NOTE} ${body}` : body;
    await callRouter(app.router, 'notes.create', { studentId: ids[index % ids.length] as string, body: text, findingsAcknowledged: index % 50 === 0 });
    if ((index + 1) % 5000 === 0) log(`  ${index + 1} notes`);
  }
}

function summary(samples: number[]): string {
  return `p50 ${percentile(samples, 50).toFixed(1)}, p95 ${percentile(samples, 95).toFixed(1)}, n=${samples.length}`;
}

/** Resolves once the page has made no bridge call for `quietMs` (at most `maxMs`). */
async function waitForQuiet(app: App, quietMs = 300, maxMs = 60_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let seen = app.invocations.length;
  let since = Date.now();
  while (Date.now() < deadline) {
    await app.page.waitForTimeout(50);
    if (app.invocations.length !== seen) {
      seen = app.invocations.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
  }
}

async function measureUnlock(app: App, samples: number, data: string, log: (line: string) => void): Promise<UiMeasurement[]> {
  const total: number[] = [];
  const dom: number[] = [];
  const router: number[] = [];
  /** The flagged-note counts the caseload loads after its first rows (one main-side query). */
  const background: { calls: number; ms: number }[] = [];
  let firstCalls = '';
  for (let i = 0; i < samples; i += 1) {
    if (i > 0) await app.lockFromMain('idle');
    await app.page.getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE);
    const before = app.invocations.length;
    const timing = await evaluateInPage(app.page, clickAndTime, { click: UI_BENCH_SELECTORS.unlockButton, target: UI_BENCH_SELECTORS.caseloadFirstRow, timeoutMs: 60_000 });
    if (typeof timing === 'string') throw new Error(`unlock benchmark: ${timing}`);
    const unlockCall = app.invocations.slice(before).find((call) => call.name === 'vault.unlock');
    total.push(timing.frame);
    dom.push(timing.dom);
    router.push(unlockCall?.ms ?? Number.NaN);
    if (i === 0) {
      // What the renderer asked for until the first row was drawn (give the calls in flight a moment to land).
      await app.page.waitForTimeout(50);
      const counts = new Map<string, { count: number; ms: number }>();
      for (const call of app.invocations.slice(before)) {
        const entry = counts.get(call.name) ?? { count: 0, ms: 0 };
        counts.set(call.name, { count: entry.count + 1, ms: entry.ms + call.ms });
      }
      firstCalls = [...counts].map(([name, { count, ms }]) => `${name} ×${count} (${ms.toFixed(0)} ms)`).join(', ');
    }
    await waitForQuiet(app);
    const counts = app.invocations.slice(before).filter((call) => call.name === 'notes.flaggedCounts');
    background.push({ calls: counts.length, ms: counts.reduce((sum, call) => sum + call.ms, 0) });
    log(`  unlock ${i + 1}/${samples}: ${timing.frame.toFixed(0)} ms (vault.unlock ${unlockCall?.ms.toFixed(0) ?? '?'} ms); then notes.flaggedCounts ×${counts.length} in the background`);
  }
  const kdf = 'vault.unlock (argon2id at the test cost, 64 MiB × 3 passes, not the calibrated 0.5–1 s)';
  const rows: UiMeasurement[] = [
    {
      name: `first unlock after launch → caseload first row drawn (${data})`,
      target: 'report',
      value: total[0] ?? null,
      unit: 'ms',
      note: `first row in the DOM at ${(dom[0] ?? Number.NaN).toFixed(1)} ms; ${kdf} took ${(router[0] ?? Number.NaN).toFixed(1)} ms of it; commands: ${firstCalls}`,
    },
  ];
  if (samples > 1) {
    const later = total.slice(1);
    const renderer = later.map((value, index) => value - (router[index + 1] ?? 0));
    rows.push(
      {
        name: `unlock → caseload first row drawn, later unlocks (${data}), p50`,
        target: 'report',
        value: percentile(later, 50),
        unit: 'ms',
        note: `${summary(later)}; first row in the DOM ${summary(dom.slice(1))}; ${kdf} ${summary(router.slice(1))}`,
      },
      {
        name: `later unlocks less vault.unlock: renderer, list queries, drawing (${data}), p50`,
        target: 'report',
        value: percentile(renderer, 50),
        unit: 'ms',
        note: summary(renderer),
      },
    );
  }
  const backgroundMs = background.map((entry) => entry.ms);
  rows.push({
    name: `after unlock, in the background: flagged-note counts for the caseload, router time (${data}), p50`,
    target: 'report',
    value: percentile(backgroundMs, 50),
    unit: 'ms',
    note: `notes.flaggedCounts ×${background[0]?.calls ?? 0} per unlock, after the first rows are drawn; ${summary(backgroundMs)}`,
  });
  return rows;
}

/** A plausible 2,000-character note with a few findings in it, as the editor would hold. */
function longNote(): string {
  const parts = [
    'Check-in after the schedule change. Walked through the new morning routine together; the picture checklist is working again.',
    FLAGGED_NOTE,
    'Classroom visit during the math block. Did best with short tasks and a movement break halfway through.',
    'Talked with grandmother by phone about mornings. Getting out the door is hard since the move.',
  ];
  let text = '';
  for (let i = 0; text.length < 2000; i += 1) text += `${parts[i % parts.length] as string}\n\n`;
  return text.slice(0, 2000);
}

async function measureKeystrokes(app: App, samples: number, log: (line: string) => void): Promise<UiMeasurement[] | null> {
  const { page } = app;
  try {
    await page.getByRole('button', { name: NEW_NOTE_BUTTON_NAME }).first().click({ timeout: 5_000 });
    await page.locator(UI_BENCH_SELECTORS.noteEditorTextarea).waitFor({ timeout: 5_000 });
    await page.locator(UI_BENCH_SELECTORS.highlightLayer).waitFor({ state: 'attached', timeout: 5_000 });
  } catch {
    log('  no note editor with a highlight layer found: keystroke latency not measured');
    return null;
  }
  const textarea = page.locator(UI_BENCH_SELECTORS.noteEditorTextarea);
  await textarea.fill(longNote());
  await textarea.press('ControlOrMeta+End');
  await nextFrames(page);

  const key = 'sole-notes.bench.keystroke';
  const common = { key, textarea: UI_BENCH_SELECTORS.noteEditorTextarea, layer: UI_BENCH_SELECTORS.highlightLayer, mark: UI_BENCH_SELECTORS.highlightMark, word: 'ADHD', timeoutMs: 2_000 };
  const finding: Timing[] = [];
  const plain: Timing[] = [];
  for (let i = 0; i < samples; i += 1) {
    // " ADH" then "D": the last keystroke completes a diagnosis, which must appear highlighted.
    await page.keyboard.type(' ADH');
    await nextFrames(page);
    await evaluateInPage(page, armKeystrokeTimer, { ...common, mode: 'finding' });
    await page.keyboard.type('D');
    const found = await evaluateInPage(page, awaitTiming, key);
    if (typeof found === 'string') throw new Error(`keystroke benchmark: ${found}`);
    finding.push(found);
    // An ordinary letter: the layer must follow the text, or the highlights drift.
    await nextFrames(page);
    await evaluateInPage(page, armKeystrokeTimer, { ...common, mode: 'layer' });
    await page.keyboard.type('s');
    const followed = await evaluateInPage(page, awaitTiming, key);
    if (typeof followed === 'string') throw new Error(`keystroke benchmark: ${followed}`);
    plain.push(followed);
    for (let k = 0; k < 6; k += 1) await page.keyboard.press('Backspace');
    await nextFrames(page);
  }
  const rows = (name: string, timings: Timing[]): UiMeasurement[] => {
    const inDom = timings.map((timing) => timing.dom);
    const note = `${summary(inDom)}; to the next frame drawn ${summary(timings.map((timing) => timing.frame))} (includes waiting for the next display frame, up to 16.7 ms at 60 Hz)`;
    return [50, 95].map((p) => ({ name: `${name}, p${p}`, target: '≤ 16', value: percentile(inDom, p), unit: 'ms', note }));
  };
  log(`  keystroke → finding highlighted in the DOM: ${summary(finding.map((timing) => timing.dom))}`);
  return [
    ...rows('keystroke → new finding highlighted in the editor (2,000-character note)', finding),
    ...rows('keystroke → highlight layer follows an ordinary letter (2,000-character note)', plain),
  ];
}

/** Sizes of dist/renderer: everything, and what index.html loads before anything else. */
export function measureBundle(root = RENDERER_DIST): UiMeasurement[] {
  const files = fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  const size = (file: string) => fs.statSync(file).size;
  const gzip = (file: string) => gzipSync(fs.readFileSync(file), { level: 9 }).length;
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const initial = [
    path.join(root, 'index.html'),
    ...[...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((match) => path.join(root, match[1] ?? '')),
  ].filter((file, index, all) => all.indexOf(file) === index && fs.existsSync(file));
  const kib = (bytes: number) => bytes / 1024;
  const sum = (list: string[], measure: (file: string) => number) => list.reduce((total, file) => total + measure(file), 0);
  const js = files.filter((file) => file.endsWith('.js'));
  const css = files.filter((file) => file.endsWith('.css'));
  return [
    {
      name: 'renderer bundle, initial load: index.html + the JS and CSS it references (KiB)',
      target: 'keep small',
      value: kib(sum(initial, size)),
      unit: 'KiB',
      note: `${initial.map((file) => `${path.relative(root, file)} ${kib(size(file)).toFixed(1)} KiB`).join(', ')}`,
    },
    {
      name: 'renderer bundle, initial load, gzip -9 (KiB)',
      target: 'report',
      value: kib(sum(initial, gzip)),
      unit: 'KiB',
      note: 'what the first screen costs compressed (the app reads it from disk, uncompressed)',
    },
    {
      name: 'renderer bundle, total: all files in dist/renderer (KiB)',
      target: 'report',
      value: kib(sum(files, size)),
      unit: 'KiB',
      note: `${files.length} files; JS ${kib(sum(js, size)).toFixed(1)} KiB in ${js.length}, CSS ${kib(sum(css, size)).toFixed(1)} KiB; gzip ${kib(sum(files, gzip)).toFixed(1)} KiB`,
    },
  ];
}

/** Every measurement, with its notes. */
export async function measureUi(options: UiBenchOptions = {}): Promise<UiMeasurement[]> {
  const log = options.log ?? (() => undefined);
  const quick = options.quick === true;
  const students = options.students ?? (quick ? 100 : 500);
  const notes = options.notes ?? (quick ? 2_000 : 20_000);
  await ensureRendererBuilt({ log });
  const rows: UiMeasurement[] = [];

  const app = await startApp({
    open: false,
    log,
    prepare: async ({ router, session }) => {
      await seedLargeVault({ router }, students, notes, log);
      session.lock('user');
    },
  });
  try {
    await app.open();
    await app.page.locator(UI_BENCH_SELECTORS.unlockButton).waitFor();
    rows.push(...(await measureUnlock(app, options.unlockSamples ?? (quick ? 3 : 6), `${students} students, ${notes.toLocaleString('en-US')} notes`, log)));
    const keystrokes = await measureKeystrokes(app, options.keystrokeSamples ?? (quick ? 10 : 30), log);
    rows.push(
      ...(keystrokes ?? [
        { name: 'keystroke → new finding highlighted in the editor (2,000-character note)', target: '≤ 16', value: null, unit: 'ms', note: 'no note editor found' } satisfies UiMeasurement,
      ]),
    );
  } finally {
    await app.close();
  }
  rows.push(...measureBundle());
  return rows;
}

/**
 * The renderer's rows for the product table (bench/run.ts): area "ui",
 * milliseconds unless the name says KiB, no peer. The notes behind each
 * number go to `log`; a measurement that could not be taken is logged and left out.
 */
export async function runUiBench(options: UiBenchOptions = {}): Promise<BenchRow[]> {
  const log = options.log ?? (() => undefined);
  const measurements = await measureUi(options);
  const rows: BenchRow[] = [];
  for (const measurement of measurements) {
    log(`  ui: ${measurement.name}: ${measurement.value === null ? 'not measured' : `${measurement.value.toFixed(1)} ${measurement.unit}`}; ${measurement.note}`);
    if (measurement.value === null || !Number.isFinite(measurement.value)) continue;
    rows.push({ area: 'ui', name: measurement.name, target: measurement.target, value: measurement.value, peer: null });
  }
  return rows;
}

export function formatUiBenchTable(rows: readonly UiMeasurement[]): string {
  const lines = ['| measurement | target | value | notes |', '| --- | --- | ---: | --- |'];
  for (const row of rows) {
    const value = row.value === null ? '—' : `${row.value < 10 ? row.value.toFixed(2) : row.value.toFixed(1)} ${row.unit}`;
    lines.push(`| ${row.name} | ${row.target} | ${value} | ${row.note} |`);
  }
  return lines.join('\n');
}

// `npx tsx bench/uiBench.ts [--quick]` runs it alone.
if (process.argv[1] != null && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const quick = process.argv.includes('--quick');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  measureUi({ quick, log })
    .then((rows) => console.log(formatUiBenchTable(rows)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
