import type { Page } from 'playwright-core';
import { schoolYearOf } from '../shared/domain/schoolYear';
import { callRouter, localIsoDate } from '../tests/e2e/demoData';
import type { ScreenshotStep } from './screenshots';

/**
 * The screenshot walk's steps for Professional growth (scripts/screenshots.ts
 * runs them after Reports): the self-evaluation with a few ratings, an
 * evidence note saved and one with flags being typed; the plan with goals and
 * the CEU cycle; supervision with its weekly count.
 */

function daysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return localIsoDate(date);
}

/** The Tuesday `weeks` weeks before this week's. */
function tuesdayWeeksAgo(weeks: number): string {
  const date = new Date();
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7) + 1 - 7 * weeks);
  return localIsoDate(date);
}

function growthNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Professional growth', exact: true });
}

export const GROWTH_STEPS: ScreenshotStep[] = [
  {
    name: 'growth-seed',
    screenshot: false,
    go: async (_page, { app }) => {
      const router = app.router;
      const today = localIsoDate(new Date());
      const thisYear = schoolYearOf(today);
      const first = Number(thisYear.slice(0, 4));
      const lastYear = `${first - 1}-${String(first % 100).padStart(2, '0')}`;
      await callRouter(router, 'settings.update', { ceuCycleStart: `${first - 2}-07-01` });
      for (const [days, minutes] of [[400, 360], [380, 720], [200, 480], [120, 360], [30, 180]] as const) {
        await callRouter(router, 'services.create', { date: daysAgo(days), minutes, kind: 'pd_attended' });
      }
      await callRouter(router, 'services.create', { date: daysAgo(60), minutes: 90, kind: 'pd_provided' });
      // Supervision on a Tuesday in six of the seven weeks before this one.
      for (const [weeks, minutes, kind, credential] of [
        [1, 60, 'clinical', 'LCSW'],
        [2, 45, 'administrative', null],
        [3, 60, 'clinical', 'LCSW'],
        [5, 60, 'profession_specific', 'LCSW, school social work'],
        [6, 30, 'administrative', null],
        [7, 60, 'clinical', 'LCSW'],
      ] as const) {
        await callRouter(router, 'supervision.add', { date: tuesdayWeeksAgo(weeks), minutes, kind, credential });
      }
      for (const [indicatorId, rating] of [['1.1', 'met'], ['1.2', 'met'], ['1.3', 'not_met'], ['1.4', 'met'], ['1.5', 'exceeds'], ['1.6', 'met'], ['3.2', 'not_met']] as const) {
        await callRouter(router, 'selfEvaluation.rate', { schoolYear: lastYear, indicatorId, rating, evidence: '' });
      }
      await callRouter(router, 'selfEvaluation.rate', { schoolYear: thisYear, indicatorId: '1.2', rating: 'exceeds', evidence: 'Co-led the building’s student support team with the school psychologist every week.' });
      await callRouter(router, 'pdGoals.create', { schoolYear: thisYear, indicatorId: '3.2', goal: 'Complete training in a standardized social-emotional screening tool' });
      await callRouter(router, 'pdGoals.create', { schoolYear: thisYear, indicatorId: '1.3', goal: 'Join the district committee reviewing the attendance policy' });
    },
  },
  {
    name: 'growth-self-evaluation',
    go: async (page) => {
      await growthNav(page).click();
      await page.getByRole('heading', { level: 1, name: 'Professional growth' }).waitFor();
      const rated = page.getByRole('group', { name: /^1\.1 / });
      await rated.getByRole('radio', { name: 'Has met' }).check();
      const evidence = page.getByRole('textbox', { name: 'Evidence for 1.1' });
      await evidence.fill('Took a 12-hour course on motivational interviewing; reviewed my caseload practices each quarter.');
      await page.getByRole('button', { name: 'Save evidence' }).click();
      await page.getByRole('button', { name: 'Save evidence' }).waitFor({ state: 'detached' });
      await page.getByRole('navigation', { name: 'Competency areas' }).getByRole('button', { name: /1 of 6 rated|2 of 6 rated/ }).waitFor();
    },
  },
  {
    // The printable copy saved: its name, "Show in folder" and "Open to print"; the path under Details.
    name: 'growth-self-evaluation-saved',
    go: async (page) => {
      await page.getByRole('button', { name: 'Save a printable copy…' }).click();
      await page.getByRole('group', { name: 'The printable copy' }).waitFor();
    },
  },
  {
    name: 'growth-evidence-flags',
    go: async (page) => {
      const evidence = page.getByRole('textbox', { name: 'Evidence for 1.5' });
      await evidence.fill('Kept notes to memory prompts only, after a student diagnosed with ADHD asked who could read them.');
      await page.getByRole('region', { name: /^Flags \(\d+\)$/ }).waitFor();
    },
  },
  {
    name: 'growth-plan',
    go: async (page) => {
      await page.getByRole('button', { name: 'Undo changes' }).click();
      await page.getByRole('tab', { name: 'Plan & CEUs' }).click();
      await page.getByText(/of 90 contact hours/).waitFor();
      await page.getByRole('list', { name: 'Goals' }).waitFor();
    },
  },
  {
    name: 'growth-supervision',
    go: async (page) => {
      await page.getByRole('tab', { name: 'Supervision' }).click();
      await page.getByText(/^Supervision \d of the last 8 weeks$/).waitFor();
    },
  },
];
