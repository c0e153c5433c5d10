import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionRuleWords } from '../../shared/domain/noteRetention';
import { TEST_PASSPHRASE } from '../helpers/tempVault';
import { callRouter } from './demoData';
import { startApp, type App } from './harness';

// The sidebar at 1280x800 (issue 17): the longest notice the app shows (the
// rule for notes of closed cases, said as it is chosen) takes its room in the
// sidebar's foot without pushing "Keyboard shortcuts" or Lock out of sight,
// at every text size, beside the line about copies off this laptop.

const LONGEST_NOTICE = retentionRuleWords({ rule: 'school_year_end' });

interface Box {
  top: number;
  bottom: number;
  /** Whether the element itself is what the page shows at its middle (not covered, not scrolled away). */
  onTop: boolean;
}

/** Runs in the page (a script string: this file has no DOM types): the element's box, and whether it is what shows at its middle. */
function boxScript(selector: string): string {
  return `(() => {
    const element = document.querySelector(${JSON.stringify(selector)});
    if (element == null) return null;
    const rect = element.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return { top: rect.top, bottom: rect.bottom, onTop: hit != null && element.contains(hit) };
  })()`;
}

async function box(page: Page, selector: string): Promise<Box | null> {
  return (await page.evaluate(boxScript(selector))) as Box | null;
}

describe('a long notice in the sidebar (end to end)', () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({
      open: false,
      viewport: { width: 1280, height: 800 },
      prepare: async ({ router }) => {
        await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
      },
    });
    page = app.page;
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await app?.close();
  });

  for (const textSize of ['normal', 'large', 'larger'] as const) {
    it(`keeps Keyboard shortcuts and Lock on screen with ${textSize} text`, async () => {
      await callRouter(app.router, 'retention.set', { rule: 'off' });
      await callRouter(app.router, 'settings.update', { textSize });
      await app.open();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      const retention = page.getByRole('region', { name: 'Notes of closed cases' });
      await retention.getByRole('radio', { name: /end of the school year/ }).check();
      const notice = page.locator('.sidebar .toast[role="status"]');
      await expect.poll(() => notice.innerText()).toBe(LONGEST_NOTICE);
      // The line about copies off this laptop is there too (a new laptop has none yet).
      await page.locator('.sidebar .offsite-status').waitFor();

      // The list of sections may give its room (it scrolls), keeping the current section in sight.
      for (const selector of ['.sidebar .shortcuts-link', '.sidebar .lock-button', '.sidebar .toast[role="status"]', '.main-nav .is-current']) {
        const seen = await box(page, selector);
        expect(seen, selector).not.toBeNull();
        expect(seen?.bottom, `${selector} ends within 800 px`).toBeLessThanOrEqual(800);
        expect(seen?.top, `${selector} starts on screen`).toBeGreaterThanOrEqual(0);
        expect(seen?.onTop, `${selector} is not covered`).toBe(true);
      }
    });
  }

  it('stayed inside the CSP, the network rule and the bridge', () => {
    expect(app.cspViolations).toEqual([]);
    expect(app.abortedRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.bridgeProblems).toEqual([]);
  });
});
