import path from 'node:path';
import type { Page } from 'playwright-core';
import { callRouter, localIsoDate } from '../tests/e2e/demoData';
import type { ScreenshotStep } from './screenshots';

/**
 * The screenshot walk's steps for the school-year report (scripts/screenshots.ts
 * runs them after the monthly report): this school year exported into the
 * chosen folder, the question before a year already sent goes again with
 * other numbers, and the year under Past exports once the worker kept the
 * copy sent.
 */

function schoolYearPanel(page: Page) {
  return page.getByRole('region', { name: 'School year' });
}

export const SCHOOL_YEAR_STEPS: ScreenshotStep[] = [
  {
    name: 'reports-school-year',
    go: async (page, { app, folders }) => {
      // A folder of its own: the walk's usual one holds the backups by now.
      folders['report-export'] = path.join(path.dirname(app.chosenFolder), 'District reports');
      const panel = schoolYearPanel(page);
      const select = panel.getByRole('combobox', { name: 'School year' });
      const thisYear = await select.locator('option').first().getAttribute('value');
      await select.selectOption(thisYear ?? '');
      await panel.getByRole('button', { name: 'Export school year…' }).click();
      const outcome = panel.getByText(/^Exported the /).or(panel.getByRole('alert')).or(page.getByRole('alertdialog'));
      await outcome.first().waitFor();
      if (!(await panel.getByText(/^Exported the /).isVisible())) throw new Error(`the school year was not exported: ${await outcome.first().innerText()}`);
      await panel.scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'reports-school-year-sent-again',
    go: async (page, { app }) => {
      // A consultation logged after the year went out: its numbers are no longer those sent.
      await callRouter(app.router, 'services.create', { date: localIsoDate(new Date()), minutes: 20, kind: 'staff_consultation' });
      await schoolYearPanel(page).getByRole('button', { name: 'Export school year…' }).click();
      await page.getByRole('alertdialog', { name: /with other numbers\. Send it again\?$/ }).waitFor();
    },
  },
  {
    name: 'reports-school-year-kept',
    go: async (page) => {
      await page.getByRole('alertdialog').getByRole('button', { name: 'Keep the one I sent' }).click();
      const panel = schoolYearPanel(page);
      await panel.getByText('Nothing was written; the report you sent stays as it is.').waitFor();
      const past = page.getByRole('list', { name: 'Past exports' });
      await past.getByText(/^School year \d{4}-\d{2}$/).waitFor();
      await panel.scrollIntoViewIfNeeded();
      await past.scrollIntoViewIfNeeded();
    },
  },
];

/** Settings → Monthly report: the month the school year starts in (run right after the walk's Settings screen). */
export const SCHOOL_YEAR_START_STEP: ScreenshotStep = {
  name: 'settings-school-year-start',
  go: async (page) => {
    const start = page.getByLabel('School year starts in');
    await start.scrollIntoViewIfNeeded();
    await start.focus();
    await page.getByText(/^Your school year runs July to June\./).waitFor();
  },
};
