import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../shared/domain/schoolYear';
import { selfEvaluation } from '../../src-main/growth/selfEvaluation';
import { SupervisionLog } from '../../src-main/growth/supervisionLog';
import { TEST_PASSPHRASE } from '../helpers/tempVault';
import { localIsoDate } from './demoData';
import { startApp, type App } from './harness';
import { setUpAndUnlockThroughUi } from './ui';

/*
 * Professional growth in Chromium against the built renderer and a real
 * vault: the worker opens it from the navigation by keyboard, rates an
 * indicator, sees an evidence note flagged as it is typed and a student's
 * code refused, logs supervision, and the vault holds what was saved.
 */

describe('professional growth (end to end)', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp();
    await setUpAndUnlockThroughUi(app, TEST_PASSPHRASE, () => app.session.data.students.create({ code: 'MV-3307', grade: 7 }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('rates an indicator, checks and refuses evidence, and logs supervision', async () => {
    const page = app.page;
    const schoolYear = schoolYearOf(localIsoDate(new Date()));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Professional growth' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Professional growth' }).waitFor();

    await page.getByRole('group', { name: /^1\.1 / }).getByRole('radio', { name: 'Has met' }).check();
    await page.getByText('1.1 rated “Has met”.').waitFor();

    const evidence = page.getByRole('textbox', { name: 'Evidence for 1.2' });
    await evidence.fill('Planned the year with a teacher whose student was diagnosed with ADHD');
    await page.getByRole('region', { name: /^Flags \(\d+\)$/ }).waitFor();
    await evidence.fill('Planned the year with the team of MV-3307');
    await page.getByRole('button', { name: 'Save evidence' }).click();
    await page.getByRole('alert').filter({ hasText: 'names a student on your caseload' }).waitFor();
    await evidence.fill('Planned the year with the grade 7 team');
    await page.getByRole('button', { name: 'Save evidence' }).click();
    await page.getByRole('button', { name: 'Save evidence' }).waitFor({ state: 'detached' });

    const saved = selfEvaluation(app.session.data, schoolYear).entries;
    expect(saved.find((entry) => entry.indicatorId === '1.1')?.rating).toBe('met');
    expect(saved.find((entry) => entry.indicatorId === '1.2')?.evidence).toBe('Planned the year with the grade 7 team');

    await page.getByRole('tab', { name: 'Self-evaluation' }).press('End');
    await page.getByRole('form', { name: 'Log supervision' }).waitFor();
    await page.getByRole('textbox', { name: 'Minutes' }).fill('45');
    await page.getByRole('radio', { name: 'Administrative' }).check();
    await page.getByRole('textbox', { name: /credential/ }).fill('LCSW');
    await page.getByRole('button', { name: 'Log supervision' }).click();
    await page.getByRole('list', { name: 'Supervision this school year' }).getByText('LCSW').waitFor();
    await page.getByText('Supervision 1 of the last 8 weeks').waitFor();
    const sessions = new SupervisionLog(app.session.data.supervision).overview(app.session.data.today()).sessions;
    expect(sessions.map((session) => [session.minutes, session.kind, session.credential])).toEqual([[45, 'administrative', 'LCSW']]);
  });

  it('reached nothing but the app, with no console errors or page errors', () => {
    expect(app.abortedRequests).toEqual([]);
    expect(app.consoleProblems.filter((entry) => entry.type === 'error')).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.bridgeProblems).toEqual([]);
  });
});
