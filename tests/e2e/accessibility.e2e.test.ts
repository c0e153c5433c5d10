import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { walkScreens, type ScreenState } from '../../scripts/screenshots';
import { pageScript } from './harness';

/**
 * Every screen state the screenshot walk reaches (scripts/screenshots.ts),
 * light and dark at 1280×800, checked in real Chromium by axe-core against the
 * WCAG 2.1 A and AA rules: zero violations. axe's source is evaluated in the
 * page (as DevTools does, outside its CSP), so nothing is added to the app.
 */

const WCAG_21_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Runs in the page: axe over the whole document, the WCAG 2.1 A and AA rules only. */
async function runAxe(tags: string[]): Promise<AxeViolation[]> {
  const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
  const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
  });
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
  }));
}

async function violationsOn(page: Page): Promise<AxeViolation[]> {
  // A step that reloads the app (a fresh start) drops the injected axe: put it back.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(pageScript(runAxe, WCAG_21_A_AA))) as AxeViolation[];
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  it('finds no violation on any screen of the walk, light or dark', { timeout: 900_000 }, async () => {
    const found: string[] = [];
    let states = 0;
    const { skipped } = await walkScreens(
      async (page, state: ScreenState) => {
        states += 1;
        for (const violation of await violationsOn(page)) {
          const targets = violation.nodes.map((node) => JSON.stringify(node.target)).join(', ');
          found.push(`${state.step.name} (${state.theme}): ${violation.id} [${violation.impact}] ${violation.help} — ${targets}`);
        }
      },
      { sizes: 'standard' },
    );
    for (const reason of skipped) console.error(`accessibility: step skipped, ${reason}`);
    expect(states).toBeGreaterThan(80);
    expect(found).toEqual([]);
  });
});
