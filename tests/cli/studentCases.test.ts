import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run';
import type { CliIo } from '../../src-main/cli/io';
import { prepareMonthReport } from '../../src-main/report/monthReport';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { TEST_KDF, TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';

/**
 * Cases opened, closed and reopened from the command line, on a real vault,
 * with the vault's clock fixed at 2026-03-01T03:00Z: 28 February, 7 p.m., in
 * Los Angeles (the vault's time zone setting), already 1 March in UTC.
 */
const NOW = new Date('2026-03-01T03:00:00.000Z');
const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  stdin.end('');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let errText = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (errText += chunk.toString('utf8')));
  const io: CliIo = { stdin, stdout, stderr, env, cwd: process.cwd() };
  const code = await runCli(args, io, (folder) => new VaultSession(folder, { kdf: TEST_KDF, clock: () => NOW }));
  return { code, stdout: out, stderr: errText };
}

describe('student add, close and reopen from the command line', () => {
  let root: string;
  let vault: string;

  async function withVault<T>(work: (session: VaultSession) => T): Promise<T> {
    const session = new VaultSession(vault, { kdf: TEST_KDF, clock: () => NOW });
    await session.unlock(TEST_PASSPHRASE);
    try {
      return work(session);
    } finally {
      session.lock('user');
    }
  }

  const studentList = async () => JSON.parse((await cli(['student', 'list', '--vault', vault, '--all', '--json'])).stdout) as Record<string, unknown>[];

  beforeAll(async () => {
    root = makeTempDir();
    vault = path.join(root, 'vault');
    expect((await cli(['init', '--vault', vault])).code).toBe(0);
    await withVault((session) => session.data.settings.update({ timeZone: 'America/Los_Angeles' }));
  });
  afterAll(() => removeDir(root));

  it('opens a case on the given day', async () => {
    const added = await cli(['student', 'add', '--vault', vault, '--code', 'C-1', '--opened', '2026-01-12']);
    expect(added.code).toBe(0);
    expect((await studentList()).find((student) => student.code === 'C-1')).toMatchObject({ openedOn: '2026-01-12', closedOn: null });
  });

  it('opens a case without a date on today in the vault\'s time zone, and the report agrees on the month', async () => {
    expect((await cli(['student', 'add', '--vault', vault, '--code', 'TZ-1'])).code).toBe(0);
    expect((await studentList()).find((student) => student.code === 'TZ-1')).toMatchObject({ openedOn: '2026-02-28' });
    await withVault((session) => {
      expect(session.data.today()).toBe('2026-02-28');
      // It is still February in Los Angeles: March has not begun, and the case is February's.
      expect(() => prepareMonthReport(session.data, { month: '2026-03' })).toThrow(/has not begun/);
      const february = prepareMonthReport(session.data, { month: '2026-02' });
      expect(february.metrics.cases.opened).toBe(1);
      expect(february.document.generated).toBe('2026-02');
    });
  });

  it('refuses a service two days after the worker\'s today, though the computer\'s UTC day is already March', async () => {
    const refused = await cli(['service', 'add', '--vault', vault, '--date', '2026-03-02', '--minutes', '20', '--kind', 'administrative']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/2026-02-28/);
  });

  it('closes a case with a date and an outcome, and reopens it on a later day as a new case', async () => {
    const closed = await cli(['student', 'close', '--vault', vault, '--code', 'C-1', '--date', '2026-02-10', '--outcome', 'improved']);
    expect(closed.code).toBe(0);
    expect((await studentList()).find((student) => student.code === 'C-1')).toMatchObject({ openedOn: '2026-01-12', closedOn: '2026-02-10', outcome: 'improved' });
    await withVault((session) => {
      const february = prepareMonthReport(session.data, { month: '2026-02' }).metrics;
      expect(february.cases.closedByOutcome.improved).toBe(1);
      expect(february.cases.resolved).toBe(1);
    });

    const reopened = await cli(['student', 'reopen', '--vault', vault, '--code', 'C-1', '--date', '2026-02-20']);
    expect(reopened.code).toBe(0);
    expect((await studentList()).find((student) => student.code === 'C-1')).toMatchObject({ openedOn: '2026-02-20', closedOn: null, outcome: null });
  });

  it('undoes a close when reopened without a date', async () => {
    expect((await cli(['student', 'add', '--vault', vault, '--code', 'U-1', '--opened', '2026-02-01'])).code).toBe(0);
    expect((await cli(['student', 'close', '--vault', vault, '--code', 'U-1', '--date', '2026-02-03', '--outcome', 'other'])).code).toBe(0);
    expect((await cli(['student', 'reopen', '--vault', vault, '--code', 'U-1'])).code).toBe(0);
    expect((await studentList()).find((student) => student.code === 'U-1')).toMatchObject({ openedOn: '2026-02-01', closedOn: null, outcome: null });
  });

  it.each([
    ['a date that does not exist', ['student', 'add', '--code', 'BAD-1', '--opened', '2026-02-30'], /not a real calendar date/],
    ['a date in another format', ['student', 'add', '--code', 'BAD-2', '--opened', '02/03/2026'], /YYYY-MM-DD/],
    ['an opening after today', ['student', 'add', '--code', 'BAD-3', '--opened', '2026-03-01'], /after today \(2026-02-28 in America\/Los_Angeles\)/],
    ['an unknown outcome', ['student', 'close', '--code', 'C-1', '--date', '2026-02-25', '--outcome', 'graduated'], /outcome/],
    ['a close after today', ['student', 'close', '--code', 'C-1', '--date', '2026-03-01', '--outcome', 'moved'], /after today/],
    ['a close before the case opened', ['student', 'close', '--code', 'C-1', '--date', '2026-02-19', '--outcome', 'moved'], /opened on 2026-02-20/],
    ['a close without an outcome', ['student', 'close', '--code', 'C-1', '--date', '2026-02-25'], /--outcome/],
    ['an unknown student', ['student', 'close', '--code', 'NOPE', '--date', '2026-02-25', '--outcome', 'moved'], /No student with code NOPE/],
    ['a reopen of an open case', ['student', 'reopen', '--code', 'C-1', '--date', '2026-02-25'], /is open/],
  ])('refuses %s with a clear message and writes nothing', async (_name, words, message) => {
    const before = await studentList();
    const result = await cli([...words, '--vault', vault]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(await studentList()).toEqual(before);
  });

  it('refuses a reopen dated before the close', async () => {
    expect((await cli(['student', 'add', '--vault', vault, '--code', 'R-1', '--opened', '2026-01-05'])).code).toBe(0);
    expect((await cli(['student', 'close', '--vault', vault, '--code', 'R-1', '--date', '2026-02-15', '--outcome', 'moved'])).code).toBe(0);
    const before = await studentList();
    const result = await cli(['student', 'reopen', '--vault', vault, '--code', 'R-1', '--date', '2026-02-14']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/closed on 2026-02-15/);
    expect(await studentList()).toEqual(before);
  });
});
