import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';
import { callRouter, localIsoDate } from './demoData';
import { startApp, type App } from './harness';
import { mainNav } from './ui';

// The Reports screen end to end: services logged through the router, the
// month previewed in Chromium against the built renderer, the report
// exported to the folder the (harness's) folder dialog gives, and the files
// checked with OpenSSL alone, with the very command the screen shows.

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CODES = ['RPT-4101', 'RPT-4102', 'RPT-4103'] as const;

/** The calendar month before today's, in this computer's time zone (the vault's default). */
function lastMonth(): { month: string; label: string; day: (n: number) => string } {
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() - 1, 1, 12);
  const month = localIsoDate(first).slice(0, 7);
  return { month, label: `${MONTH_NAMES[first.getMonth()]} ${first.getFullYear()}`, day: (n) => `${month}-${String(n).padStart(2, '0')}` };
}

describe('Reports screen (end to end)', () => {
  const { month, label, day } = lastMonth();
  let app: App;
  let page: Page;
  let folder: string;
  let cancelNext = true;
  const files = {
    json: `service-report-${month}.json`,
    sig: `service-report-${month}.json.sig`,
    key: 'worker-signing-key.pem',
    csv: `service-report-${month}.csv`,
    html: `service-report-${month}.html`,
  };

  beforeAll(async () => {
    folder = path.join(makeTempDir('sole-notes-e2e-export-'), 'District reports');
    app = await startApp({
      // The first dialog is cancelled, the next ones pick the folder.
      chooseFolder: () => {
        if (cancelNext) {
          cancelNext = false;
          return null;
        }
        fs.mkdirSync(folder, { recursive: true });
        return folder;
      },
      prepare: async ({ router }) => {
        await callRouter(router, 'vault.create', { passphrase: TEST_PASSPHRASE });
        const ids: string[] = [];
        for (const code of CODES) ids.push((await callRouter(router, 'students.create', { code, grade: 4, openedOn: day(1) })).id);
        const [a, b, c] = ids as [string, string, string];
        // A quiet month: three students in five individual sessions and no group session, so the
        // session count (at most 5 students) is hidden along with the students seen.
        const sessions: [string, string, string[]][] = [
          [day(3), a, ['attendance']],
          [day(10), a, ['attendance']],
          [day(4), b, ['worry_stress']],
          [day(11), b, ['worry_stress']],
          [day(12), c, []],
        ];
        for (const [date, student, issueCategoryIds] of sessions) {
          await callRouter(router, 'services.create', { date, minutes: 30, kind: 'individual_session', studentIds: [student], issueCategoryIds });
        }
        await callRouter(router, 'services.create', { date: day(5), minutes: 20, kind: 'staff_consultation', studentIds: [] });
        await callRouter(router, 'services.create', { date: day(6), minutes: 60, kind: 'team_meeting', teamType: 'iep', studentIds: [b] });
        await callRouter(router, 'services.create', { date: day(7), minutes: 180, kind: 'pd_attended', studentIds: [] });
      },
    });
    page = app.page;
    page.setDefaultTimeout(15_000);
    // Today is the first screen after unlock; these steps start from the caseload.
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    if (folder) removeDir(path.dirname(folder));
  });

  it('opens Reports from the navigation and previews last month, with what is hidden and why', async () => {
    await mainNav(page, 'Reports').click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByRole('heading', { level: 2, name: `Service report for ${label}` }).waitFor();
    expect(await page.getByLabel('Month', { exact: true }).inputValue()).toBe(month);

    const glance = page.locator('dl.glance');
    await expect.poll(() => glance.locator('.glance-tile', { hasText: 'Students seen in sessions' }).innerText()).toMatch(/Hidden$/);
    expect(await glance.locator('.glance-tile', { hasText: 'Individual sessions' }).innerText()).toMatch(/Hidden$/);
    expect(await glance.locator('.glance-tile', { hasText: 'Group sessions' }).innerText()).toMatch(/\b0$/);

    const hidden = page.getByRole('list', { name: 'Hidden numbers, by reason' });
    await expect.poll(() => hidden.getByRole('list', { name: 'Fewer than 10 students (1 to 9).' }).innerText()).toContain('Individual students seen in sessions (each counted once)');
    expect(await hidden.innerText()).toContain('Individual sessions held');
    expect(await hidden.innerText()).toContain('each individual session is with exactly one student');

    const figures = page.getByRole('figure');
    expect(await figures.count()).toBe(3);
    expect(await page.getByRole('img', { name: /^Minutes by kind of service\. 6 h 50 min in all\./ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Sessions per week\. 5 individual and 0 group sessions/ }).count()).toBe(1);
    expect(await page.locator('svg.chart-svg text', { hasText: '1 to 9, hidden' }).count()).toBe(2);
    expect(await page.getByLabel(/^Check code: [0-9A-F]{4}( [0-9A-F]{4}){15}$/).locator('.fingerprint-group').count()).toBe(16);
  });

  it('writes nothing when the folder dialog is cancelled', async () => {
    await page.getByRole('button', { name: 'Export report…' }).click();
    await page.getByText('No folder chosen, so nothing was written.').waitFor();
    expect(app.folderRequests).toEqual(['report-export']);
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('exports to the chosen folder, lists the files, and OpenSSL verifies them with the command shown', async () => {
    await page.getByRole('button', { name: 'Export report…' }).click();
    await page.getByText('Files written').waitFor();
    expect(app.folderRequests).toEqual(['report-export', 'report-export']);
    // The worker sees the folder's name; its whole path is under Details.
    expect(await page.getByText(`Exported ${label} to`).innerText()).toContain(path.basename(folder));
    const listed = await page.getByRole('list', { name: 'Files written' }).locator('.file-name').allInnerTexts();
    expect(listed).toEqual([files.json, files.sig, files.key, files.csv, files.html]);
    expect(fs.readdirSync(folder).sort()).toEqual(Object.values(files).sort());
    // Instead of a path: the folder shown in the file manager, the printable page opened to print.
    await page.getByRole('button', { name: 'Show in folder' }).click();
    await page.getByRole('button', { name: 'Open to print' }).click();
    await expect.poll(() => app.openRequests).toEqual([
      { action: 'show', path: folder },
      { action: 'open', path: path.join(folder, files.html) },
    ]);

    // The command on the screen (under the IT person's details), run as it is, in the folder.
    await page.locator('details.technical:has(pre.command) > summary').click();
    const command = (await page.locator('pre.command').innerText()).trim();
    expect(command).toBe(`openssl pkeyutl -verify -pubin -inkey ${files.key} -rawin -in ${files.json} -sigfile ${files.sig}`);
    const [program, ...args] = command.split(' ');
    const verified = spawnSync(program as string, args, { cwd: folder, encoding: 'utf8' });
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('Signature Verified Successfully');
    // …and a changed report is refused.
    const changed = Buffer.from(fs.readFileSync(path.join(folder, files.json)));
    changed[changed.length - 2] = (changed[changed.length - 2] as number) ^ 1;
    fs.writeFileSync(path.join(folder, 'changed.json'), changed);
    expect(spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', files.key, '-rawin', '-in', 'changed.json', '-sigfile', files.sig], { cwd: folder }).status).not.toBe(0);
    fs.rmSync(path.join(folder, 'changed.json'));

    // The signed numbers: the quiet month's sessions are hidden with the students seen; nothing names a student.
    const report = JSON.parse(fs.readFileSync(path.join(folder, files.json), 'utf8')) as { period: string; metrics: Record<string, unknown> & { sessions: unknown; minutes: unknown } };
    expect(report.period).toBe(month);
    const C = { suppressed: true }; // every hidden value alike
    expect(report.metrics.studentsSeen).toEqual(C);
    expect(report.metrics.sessions).toEqual({ individual: { count: C, minutes: C }, group: { count: 0, minutes: 0 } });
    expect(report.metrics.minutes).toEqual({ direct: C, indirect: 80, professional: 180 });
    for (const name of Object.values(files)) {
      const text = fs.readFileSync(path.join(folder, name), 'latin1');
      for (const code of CODES) expect(text, name).not.toContain(code);
    }
    const fingerprint = (await page.getByLabel(/^Check code: /).getAttribute('aria-label'))?.replace('Check code: ', '');
    expect(JSON.stringify(report)).toContain(fingerprint ?? 'missing');
  });

  it('lists the export under past exports, as the audit log has it', async () => {
    const past = page.getByRole('list', { name: 'Past exports' });
    await past.getByText(label).waitFor();
    expect(await past.innerText()).toContain(path.basename(folder));
    const history = await callRouter(app.router, 'reports.history', {});
    expect(history).toMatchObject([{ period: month, threshold: 10, folder }]);
  });

  it('exports the school year that holds last month, and OpenSSL verifies it', async () => {
    const first = Number(month.slice(0, 4)) - (Number(month.slice(5, 7)) >= 7 ? 0 : 1);
    const schoolYear = `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
    const panel = page.getByRole('region', { name: 'School year' });
    await panel.getByRole('combobox', { name: 'School year' }).selectOption(schoolYear);
    await panel.getByRole('button', { name: 'Export school year…' }).click();
    await panel.getByText(/^Exported the /).waitFor();
    const json = `service-report-${schoolYear}.json`;
    expect(await panel.getByRole('list', { name: 'Files written' }).locator('.file-name').allInnerTexts()).toEqual([json, `${json}.sig`, files.key, `service-report-${schoolYear}.csv`, `service-report-${schoolYear}.html`]);
    const openssl = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', files.key, '-rawin', '-in', json, '-sigfile', `${json}.sig`], { cwd: folder, encoding: 'utf8' });
    expect(openssl.status, openssl.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(folder, json), 'utf8')) as { kind: string; period: string; metrics: { studentsSeen: unknown } };
    expect(report).toMatchObject({ kind: 'school-year', period: schoolYear, metrics: { studentsSeen: { suppressed: true } } });
  });

  it('stayed inside the CSP, the network rule and the bridge', () => {
    expect(app.cspViolations).toEqual([]);
    expect(app.abortedRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.consoleProblems).toEqual([]);
    expect(app.bridgeProblems).toEqual([]);
    expect(app.invocations.filter((call) => !call.ok)).toEqual([]);
  });
});
