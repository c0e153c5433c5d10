import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cliHarness';
import { TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';

const RECOVERY_KEY = /^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/;

describe('cli', () => {
  let root: string;
  let vault: string;
  const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

  beforeAll(async () => {
    root = makeTempDir();
    vault = path.join(root, 'vault');
    const init = await cli(['init', '--vault', vault], { env });
    expect(init.code).toBe(0);
    expect(init.stdout.trim()).toMatch(RECOVERY_KEY);
  });
  afterAll(() => removeDir(root));

  it('refuses to init over an existing vault, leaving it as it was', async () => {
    const keysBefore = fs.readFileSync(path.join(vault, 'vault.keys.json'));
    const again = await cli(['init', '--vault', vault], { env });
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/already/i);
    expect(fs.readFileSync(path.join(vault, 'vault.keys.json'))).toEqual(keysBefore);
  });

  it('refuses a weak passphrase at init with exit 1 and creates nothing', async () => {
    const folder = path.join(root, 'weak');
    const result = await cli(['init', '--vault', folder], { env: { SOLE_NOTES_PASSPHRASE: 'password1' } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(folder, 'vault.keys.json'))).toBe(false);
  });

  it('adds a student, a note, lists and searches', async () => {
    const student = await cli(['student', 'add', '--vault', vault, '--code', 'A-17', '--grade', 'K'], { env });
    expect(student.code).toBe(0);

    const note = await cli(['note', 'add', '--vault', vault, '--student', 'A-17', '--text', 'Planned a check-in about lunchtime friendships.'], { env });
    expect(note.code).toBe(0);
    const noteId = note.stdout.trim();
    expect(noteId).toMatch(/^[0-9a-f-]{36}$/);

    const list = await cli(['note', 'list', '--vault', vault, '--student', 'A-17', '--json'], { env });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: noteId }]);

    const search = await cli(['note', 'search', '--vault', vault, 'friend*', '--json'], { env });
    expect(search.code).toBe(0);
    expect(JSON.parse(search.stdout)).toMatchObject([{ noteId, studentCode: 'A-17' }]);

    const text = await cli(['note', 'search', '--vault', vault, 'lunchtime'], { env });
    expect(text.stdout).toContain('[lunchtime]');
  });

  it('reads a note from a file and from standard input', async () => {
    const file = path.join(root, 'note.txt');
    fs.writeFileSync(file, 'Walked the new student to the library.');
    expect((await cli(['note', 'add', '--vault', vault, '--file', file], { env })).code).toBe(0);
    expect((await cli(['note', 'add', '--vault', vault, '--file', '-'], { env, stdin: 'Quick hallway check-in.' })).code).toBe(0);
    const hits = await cli(['note', 'search', '--vault', vault, 'hallway', '--json'], { env });
    expect(JSON.parse(hits.stdout)).toHaveLength(1);
  });

  it('logs services with students, issue categories by id or label, and team types', async () => {
    await cli(['student', 'add', '--vault', vault, '--code', 'B-2'], { env });
    const service = await cli(
      ['service', 'add', '--vault', vault, '--date', '2026-03-04', '--minutes', '30', '--kind', 'group_session', '--student', 'A-17', '--student', 'B-2', '--issue', 'attendance', '--issue', 'Grief / loss'],
      { env },
    );
    expect(service.stderr).toBe('');
    expect(service.code).toBe(0);
    const team = await cli(['service', 'add', '--vault', vault, '--date', '2026-03-04', '--minutes', '45', '--kind', 'team_meeting', '--team', 'iep'], { env });
    expect(team.code).toBe(0);
  });

  it.each([
    [['service', 'add', '--vault', 'V', '--date', '2026-02-30', '--minutes', '30', '--kind', 'individual_session'], /date/],
    [['service', 'add', '--vault', 'V', '--date', '2999-01-01', '--minutes', '30', '--kind', 'administrative'], /date: 2999-01-01 is more than 1 day after today/],
    [['service', 'add', '--vault', 'V', '--date', '1999-12-31', '--minutes', '30', '--kind', 'administrative'], /date: 1999-12-31 is before 2000-01-01/],
    [['service', 'add', '--vault', 'V', '--date', '2026-02-03', '--minutes', 'thirty', '--kind', 'individual_session'], /minutes/],
    [['service', 'add', '--vault', 'V', '--date', '2026-02-03', '--minutes', '30', '--kind', 'nap'], /kind/],
    [['service', 'add', '--vault', 'V', '--date', '2026-02-03', '--minutes', '30', '--kind', 'team_meeting'], /team/],
    [['student', 'add', '--vault', 'V', '--code', 'has space'], /code/],
    [['note', 'add', '--vault', 'V'], /--text/],
    [['note', 'add', '--vault', 'V', '--bogus'], /bogus/],
    [['note', 'search', '--vault', 'V'], /Usage/],
    [['frobnicate'], /unknown command/],
  ])('exits 1 with one clear line for bad input: %j', async (args, pattern) => {
    const result = await cli(args.map((arg) => (arg === 'V' ? vault : arg)), { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 for an unknown student code', async () => {
    const result = await cli(['note', 'add', '--vault', vault, '--student', 'NOPE', '--text', 'x'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('NOPE');
  });

  it('exits 2 on a wrong passphrase and 3 on a missing vault', async () => {
    const wrong = await cli(['note', 'list', '--vault', vault], { env: { SOLE_NOTES_PASSPHRASE: 'not the right one at all' } });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    const missing = await cli(['note', 'list', '--vault', path.join(root, 'nowhere')], { env });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/No vault/);
  });

  it('reads the passphrase from standard input when no variable is set', async () => {
    const result = await cli(['note', 'list', '--vault', vault, '--json'], { stdin: `${TEST_PASSPHRASE}\n` });
    expect(result.code).toBe(0);
  });

  it('changes the passphrase: the new one works and the old one fails', async () => {
    const next = 'copper meadow violin thirteen';
    const change = await cli(['passphrase', 'change', '--vault', vault], { env: { ...env, SOLE_NOTES_NEW_PASSPHRASE: next } });
    expect(change.code).toBe(0);
    expect((await cli(['note', 'list', '--vault', vault], { env })).code).toBe(2);
    expect((await cli(['note', 'list', '--vault', vault], { env: { SOLE_NOTES_PASSPHRASE: next } })).code).toBe(0);
    const back = await cli(['passphrase', 'change', '--vault', vault], { env: { SOLE_NOTES_PASSPHRASE: next, SOLE_NOTES_NEW_PASSPHRASE: TEST_PASSPHRASE } });
    expect(back.code).toBe(0);
  });

  it('checks a note from a file or standard input and prints the findings as JSON', async () => {
    const file = path.join(root, 'check.txt');
    fs.writeFileSync(file, 'Mom said he takes Adderall.');
    const fromFile = await cli(['check', file]);
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ findings: [{ kind: 'diagnostic', rule: 'diagnostic.medication', start: 18, end: 26 }] });
    const fromStdin = await cli(['check'], { stdin: 'A calm day.' });
    expect(JSON.parse(fromStdin.stdout)).toEqual({ findings: [] });
    const missing = await cli(['check', path.join(root, 'absent.txt')]);
    expect(missing.code).toBe(1);
  });

  it('prints help for every command and in general', async () => {
    const general = await cli(['--help']);
    expect(general.code).toBe(0);
    for (const words of [['init'], ['check'], ['student', 'add'], ['note', 'add'], ['note', 'list'], ['note', 'search'], ['service', 'add'], ['passphrase', 'change']]) {
      expect(general.stdout).toContain(words.join(' '));
      const help = await cli([...words, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: sole-notes ${words.join(' ')}`);
    }
  });
});
