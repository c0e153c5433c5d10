import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cliHarness';
import { TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';

/** Standing duties, success stories and where a training was given, from the command line, through to the exported report. */
describe('duty, story and service --audience from the command line', () => {
  let root: string;
  let vault: string;
  const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };
  const run = (args: string[]) => cli([...args, '--vault', vault], { env });

  beforeAll(async () => {
    root = makeTempDir();
    vault = path.join(root, 'vault');
    expect((await cli(['init', '--vault', vault], { env })).code).toBe(0);
    expect((await run(['student', 'add', '--code', 'DX-31', '--name', 'Torvald Abernathy', '--opened', '2026-01-05'])).code).toBe(0);
  });
  afterAll(() => removeDir(root));

  it('adds, lists and ends duties, and refuses one that names a student, writing nothing', async () => {
    expect((await run(['duty', 'add', '--name', '504 coordinator', '--minutes', '240', '--from', '2026-01'])).code).toBe(0);
    const ended = (await run(['duty', 'add', '--name', 'Bus duty', '--minutes', '120', '--from', '2026-01'])).stdout.trim();
    expect((await run(['duty', 'end', '--id', ended, '--until', '2026-01'])).code).toBe(0);
    const refused = await run(['duty', 'add', '--name', 'Lunch with Torvald', '--minutes', '60']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/name you know a student by/);
    const list = JSON.parse((await run(['duty', 'list', '--json'])).stdout) as { name: string; untilMonth: string | null }[];
    expect(list.map((duty) => [duty.name, duty.untilMonth])).toEqual([['504 coordinator', null], ['Bus duty', '2026-01']]);
    expect((await run(['duty', 'add', '--name', 'Hall duty', '--minutes', 'lots'])).code).not.toBe(0);
  });

  it('refuses a story with a flag, and shows a story in the report only after it is confirmed', async () => {
    const flagged = await run(['story', 'add', '--month', '2026-02', '--text', 'A boy with depression now joins in at recess.']);
    expect(flagged.code).not.toBe(0);
    expect(flagged.stderr).toMatch(/cannot go into a report/);
    expect(JSON.parse((await run(['story', 'list', '--month', '2026-02', '--json'])).stdout)).toEqual([]);

    const text = 'A second grader who hid under tables now asks for a calm-down pass and goes back to class.';
    const id = (await run(['story', 'add', '--month', '2026-02', '--text', text])).stdout.trim();
    expect((await run(['service', 'add', '--date', '2026-02-10', '--minutes', '60', '--kind', 'pd_provided', '--audience', 'outside_district'])).code).toBe(0);
    expect((await run(['service', 'add', '--date', '2026-02-11', '--minutes', '30', '--kind', 'administrative', '--audience', 'outside_district'])).code).not.toBe(0);

    const first = path.join(root, 'first');
    expect((await run(['report', '--month', '2026-02', '--out', first])).code).toBe(0);
    const before = JSON.parse(fs.readFileSync(path.join(first, 'service-report-2026-02.json'), 'utf8')) as Record<string, unknown>;
    expect(before.successStories).toEqual([]);
    expect(fs.readFileSync(path.join(first, 'service-report-2026-02.html'), 'utf8')).not.toContain('calm-down pass');
    expect(before.metrics).toMatchObject({ professionalDevelopmentProvided: { outsideDistrict: { count: 1, minutes: 60 }, withinDistrict: { count: 0, minutes: 0 } } });

    expect((await run(['story', 'confirm', '--id', id])).code).toBe(0);
    const second = path.join(root, 'second');
    // The month was sent: it comes out as sent, unless the worker makes a correction, which the story is.
    expect((await run(['report', '--month', '2026-02', '--out', second])).code).toBe(0);
    const resent = JSON.parse(fs.readFileSync(path.join(second, 'service-report-2026-02.json'), 'utf8')) as Record<string, unknown>;
    expect(resent.successStories).toEqual([]);
    fs.rmSync(second, { recursive: true });
    expect((await run(['report', '--month', '2026-02', '--out', second, '--correction'])).code).toBe(0);
    const after = JSON.parse(fs.readFileSync(path.join(second, 'service-report-2026-02.json'), 'utf8')) as Record<string, unknown>;
    expect(after.correction).toBe(1);
    expect(after.successStories).toEqual([text]);
    expect(after.administrativeResponsibilities).toEqual([{ name: '504 coordinator', minutesPerMonth: 240 }]);
    const html = fs.readFileSync(path.join(second, 'service-report-2026-02.html'), 'utf8');
    expect(html).toContain('calm-down pass');
    for (const file of fs.readdirSync(second)) {
      const bytes = fs.readFileSync(path.join(second, file), 'utf8');
      for (const secret of ['DX-31', 'Torvald', 'Abernathy']) expect(bytes).not.toContain(secret);
    }
  });
});
