import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { TEST_PASSPHRASE } from '../tests/helpers/tempVault';
import { seedDemoData, type DemoSummary } from '../tests/e2e/demoData';
import { pageScript, startApp, type App } from '../tests/e2e/harness';
import { ui, unlockThroughUi } from '../tests/e2e/ui';

/**
 * `npm run screenshots -- --out DIR`: walks the built renderer through every
 * screen it can reach, over a real vault with demo data, and writes each in
 * light and dark at 1280×800 as DIR/NN-screen-theme.png.
 *
 * To add a screen, add a step: `go` brings the app from the previous step's
 * screen to this one (use roles and accessible names). `optional` steps that
 * cannot find their screen are reported and skipped, so the walk survives a
 * UI that is still growing; required steps stop it.
 */

export interface StepContext {
  app: App;
  /** Moves the vault's clock (null: real time), to date demo notes in the past. */
  setClock: (now: Date | null) => void;
  /** Set once the demo data is in the vault. */
  demo: DemoSummary | null;
}

export interface ScreenshotStep {
  name: string;
  go: (page: Page, context: StepContext) => Promise<void>;
  optional?: boolean;
  /** A step that only prepares (seeds data, say) and takes no picture. */
  screenshot?: false;
}

const THEMES = ['light', 'dark'] as const;
const VIEWPORT = { width: 1280, height: 800 };
const WRONG_PASSPHRASE = 'quiet harbor lantern eighteen';

function mainNav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

export const STEPS: ScreenshotStep[] = [
  {
    name: 'create',
    go: async (page) => {
      const screen = ui(page);
      await screen.passphrase.fill(TEST_PASSPHRASE);
      await screen.confirmPassphrase.fill(TEST_PASSPHRASE);
      // The strength check answers after a pause; the button is enabled once it says the passphrase will do.
      await screen.createVault.and(page.locator(':enabled')).waitFor();
    },
  },
  {
    name: 'recovery-key',
    go: async (page) => {
      await ui(page).createVault.click();
      await ui(page).recoveryKey.waitFor();
    },
  },
  {
    name: 'recovery-key-check',
    optional: true,
    go: async (page) => {
      await page.getByRole('button', { name: 'I have kept a copy' }).click();
      await page.getByRole('heading', { name: 'Check your copy' }).waitFor();
    },
  },
  {
    name: 'seed-demo-data',
    screenshot: false,
    go: async (_page, context) => {
      context.demo = await seedDemoData(context.app.router, { setClock: context.setClock });
    },
  },
  {
    name: 'unlock',
    go: async (page, { app }) => {
      await app.lockFromMain('idle');
      await ui(page).unlock.waitFor();
    },
  },
  {
    name: 'unlock-wrong-passphrase',
    go: async (page) => {
      await unlockThroughUi(page, WRONG_PASSPHRASE);
      await ui(page).alert.waitFor();
    },
  },
  {
    name: 'home',
    go: async (page) => {
      await unlockThroughUi(page, TEST_PASSPHRASE);
      await ui(page).lock.waitFor();
      // The full UI opens on the caseload: wait for its rows when it has them.
      await page
        .getByRole('list', { name: 'Students' })
        .getByRole('listitem')
        .first()
        .waitFor({ timeout: 5_000 })
        .catch(() => undefined);
    },
  },
  {
    name: 'student',
    optional: true,
    go: async (page, { demo }) => {
      const code = demo?.flaggedStudentCode ?? '';
      await page.getByRole('button', { name: new RegExp(`^${code}`) }).first().click();
      await page.getByRole('heading', { name: new RegExp(code) }).first().waitFor();
      await page.getByRole('button', { name: /left out at recess/ }).waitFor();
    },
  },
  {
    name: 'note-flagged',
    optional: true,
    go: async (page) => {
      await page.getByRole('button', { name: /left out at recess/ }).click();
      await page.getByLabel('Note', { exact: true }).waitFor();
      await page.locator('mark').first().waitFor();
    },
  },
  {
    name: 'service-log',
    optional: true,
    go: async (page) => {
      await mainNav(page, 'Service log').click();
      await page.getByRole('heading', { level: 1, name: /Service log/ }).waitFor();
    },
  },
  {
    name: 'search',
    optional: true,
    go: async (page) => {
      await mainNav(page, 'Search').click();
      await page.getByLabel('Search notes').fill('recess');
      await page.getByLabel('Search notes').press('Enter');
      await page.getByRole('list', { name: 'Matching notes' }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'settings',
    optional: true,
    go: async (page) => {
      await mainNav(page, 'Settings').click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    },
  },
  {
    name: 'keyboard-shortcuts',
    optional: true,
    go: async (page) => {
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'locked-by-user',
    optional: true,
    go: async (page) => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await ui(page).lock.click();
      await ui(page).unlock.waitFor();
    },
  },
];

/** Waits until nothing says it is busy, web fonts are in and two frames have been drawn. */
async function settle(page: Page): Promise<void> {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.evaluate(
    pageScript(async () => {
      const doc = (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document;
      const frame = (globalThis as unknown as { requestAnimationFrame(callback: () => void): void }).requestAnimationFrame;
      await doc.fonts.ready;
      await new Promise<void>((resolve) => frame(() => frame(() => resolve())));
    }, null),
  );
}

export async function takeScreenshots(outDir: string, steps: readonly ScreenshotStep[] = STEPS): Promise<{ written: string[]; skipped: string[] }> {
  fs.mkdirSync(outDir, { recursive: true });
  let clock: Date | null = null;
  const app = await startApp({ viewport: VIEWPORT, clock: () => clock ?? new Date(), log: (line) => console.error(line) });
  const context: StepContext = { app, demo: null, setClock: (now) => (clock = now) };
  const written: string[] = [];
  const skipped: string[] = [];
  let number = 0;
  try {
    for (const step of steps) {
      app.page.setDefaultTimeout(step.optional ? 5_000 : 20_000);
      try {
        await step.go(app.page, context);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        if (!step.optional) throw new Error(`Step "${step.name}" failed: ${reason}`, { cause: error });
        skipped.push(`${step.name}: ${reason}`);
        continue;
      }
      if (step.screenshot === false) continue;
      number += 1;
      for (const theme of THEMES) {
        await app.page.emulateMedia({ colorScheme: theme });
        await settle(app.page);
        const file = path.join(outDir, `${String(number).padStart(2, '0')}-${step.name}-${theme}.png`);
        await app.page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
        written.push(file);
      }
      await app.page.emulateMedia({ colorScheme: 'light' });
    }
  } finally {
    const problems = [
      ...app.abortedRequests.map((url) => `request aborted: ${url}`),
      ...app.consoleProblems.map((entry) => `console ${entry.type}: ${entry.text}`),
      ...app.pageErrors.map((text) => `page error: ${text}`),
      ...app.cspViolations.map((violation) => `CSP violation: ${violation.directive} ${violation.blockedURI}`),
    ];
    for (const problem of problems) console.error(`warning: ${problem}`);
    await app.close();
  }
  return { written, skipped };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: false });
  if (values.out == null || values.out === '') {
    console.error('Usage: npm run screenshots -- --out DIR');
    process.exitCode = 2;
    return;
  }
  const outDir = path.resolve(values.out);
  const { written, skipped } = await takeScreenshots(outDir);
  for (const file of written) console.log(file);
  for (const reason of skipped) console.error(`skipped ${reason}`);
  console.error(`${written.length} screenshots in ${outDir}${skipped.length > 0 ? `; ${skipped.length} optional screens not reached` : ''}.`);
}

if (process.argv[1] != null && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
