import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cliHarness';
import { TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';
import { openVaultDatabase } from '../helpers/vaultDisk';

/* retention show | set | destroy, in-process on a real encrypted vault. */

const FIRST = 'HERON-NOTE-1180 talked about the move to her aunt’s.';
const SECOND = 'HERON-NOTE-2291 she is settling in at the new school.';
const EDITED = 'HERON-NOTE-2291 settling in; made a friend in art class.';
const DRAFT = 'HERON-DRAFT-7712 half a thought';
const KEPT = 'Open case: checked in about the bus.';

interface Shown {
  retention: { rule: string; months?: number };
  today: string;
  due: { cases: number; notes: number; versions: number; drafts: number };
  cases: { code: string; closedOn: string; dueOn: string; notes: number; versions: number; drafts: number }[];
}

describe('retention from the command line', () => {
  let root: string;
  let vault: string;
  let closedNote: string;
  const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

  async function show(): Promise<Shown> {
    const shown = await cli(['retention', 'show', '--vault', vault, '--json'], { env });
    expect(shown.code, shown.stderr).toBe(0);
    return JSON.parse(shown.stdout) as Shown;
  }

  beforeAll(async () => {
    root = makeTempDir('sole-notes-cli-retention-');
    vault = path.join(root, 'vault');
    expect((await cli(['init', '--vault', vault], { env })).code).toBe(0);
    expect((await cli(['student', 'add', '--vault', vault, '--code', 'RT-1', '--opened', '2024-09-02'], { env })).code).toBe(0);
    expect((await cli(['student', 'add', '--vault', vault, '--code', 'OP-2', '--opened', '2024-09-02'], { env })).code).toBe(0);
    closedNote = (await cli(['note', 'add', '--vault', vault, '--student', 'RT-1', '--file', '-'], { env, stdin: FIRST })).stdout.trim();
    const second = (await cli(['note', 'add', '--vault', vault, '--student', 'RT-1', '--file', '-'], { env, stdin: SECOND })).stdout.trim();
    expect((await cli(['note', 'edit', '--vault', vault, second, '--file', '-'], { env, stdin: EDITED })).code).toBe(0);
    expect((await cli(['note', 'add', '--vault', vault, '--student', 'OP-2', '--file', '-'], { env, stdin: KEPT })).code).toBe(0);
    expect((await cli(['student', 'close', '--vault', vault, '--code', 'RT-1', '--date', '2025-01-10', '--outcome', 'improved'], { env })).code).toBe(0);
    // An unfinished note left in the app's editor for the closed case's first note.
    const db = await openVaultDatabase(vault);
    db.prepare(
      `INSERT INTO drafts (context_key, context, note_id, service_id, package_id, body, cursor, form, resume, updated_at)
       VALUES (?, ?, ?, NULL, NULL, ?, 0, NULL, 1, '2025-01-05T10:00:00.000Z')`,
    ).run(`note:${closedNote}`, JSON.stringify({ kind: 'note', noteId: closedNote, studentId: null, serviceId: null }), closedNote, DRAFT);
    db.close();
  });
  afterAll(() => removeDir(root));

  it('is off at first: nothing is due', async () => {
    expect(await show()).toMatchObject({ retention: { rule: 'off' }, due: { cases: 0, notes: 0, versions: 0, drafts: 0 }, cases: [] });
    const text = await cli(['retention', 'show', '--vault', vault], { env });
    expect(text).toMatchObject({ code: 0 });
    expect(text.stdout).toContain('Notes of closed cases are kept until you delete them.');
  });

  it('refuses a bad rule with exit 1 and writes nothing', async () => {
    for (const args of [['--months', '0'], ['--months', '-3'], ['--months', 'six'], ['--months', '121'], ['--off', '--months', '6'], ['--end-of-school-year', '--off'], []]) {
      const refused = await cli(['retention', 'set', '--vault', vault, ...args], { env });
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderr, args.join(' ')).not.toBe('');
    }
    expect((await show()).retention).toEqual({ rule: 'off' });
    const db = await openVaultDatabase(vault);
    expect(db.prepare("SELECT count(*) FROM settings WHERE key = 'noteRetention'").pluck().get()).toBe(0);
    db.close();
  });

  it('sets a rule, shows what is due (counts and dates, never text), lists it without --yes, destroys it with --yes', async () => {
    const set = await cli(['retention', 'set', '--vault', vault, '--months', '6'], { env });
    expect(set).toMatchObject({ code: 0 });
    expect(set.stdout).toContain('Notes of a closed case are destroyed 6 months after it closed.');

    const due = await show();
    expect(due).toMatchObject({
      retention: { rule: 'months_after_closing', months: 6 },
      due: { cases: 1, notes: 2, versions: 3, drafts: 1 },
      cases: [{ code: 'RT-1', closedOn: '2025-01-10', dueOn: '2025-07-10', notes: 2, versions: 3, drafts: 1 }],
    });
    const text = await cli(['retention', 'show', '--vault', vault], { env });
    expect(text.stdout).toContain('RT-1\tclosed 2025-01-10\tdue 2025-07-10\t2 notes\t3 versions\t1 unfinished note');
    for (const output of [JSON.stringify(due), text.stdout, text.stderr]) expect(output).not.toMatch(/HERON|OP-2/);

    const asked = await cli(['retention', 'destroy', '--vault', vault], { env });
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain('RT-1\tclosed 2025-01-10');
    expect(asked.stderr).toContain('Nothing was destroyed. To destroy it, add --yes');
    expect((await show()).due.notes).toBe(2);

    const destroyed = await cli(['retention', 'destroy', '--vault', vault, '--yes'], { env });
    expect(destroyed.code, destroyed.stderr).toBe(0);
    expect(destroyed.stdout).toMatch(/^Destroyed the notes of 1 closed case: 2 notes, 3 versions, 1 unfinished note, on \d{4}-\d{2}-\d{2}\.\n/);
    expect(destroyed.stderr).toContain('backup fresh-set');
    expect(destroyed.stdout + destroyed.stderr).not.toMatch(/HERON/);
    expect(await show()).toMatchObject({ due: { cases: 0, notes: 0, versions: 0, drafts: 0 }, cases: [] });

    const again = await cli(['retention', 'destroy', '--vault', vault, '--yes'], { env });
    expect(again).toMatchObject({ code: 0, stdout: 'Nothing is due: nothing was destroyed.\n' });

    // The open case's note stays; the audit has the counts and the day, no code and no text.
    const list = await cli(['note', 'list', '--vault', vault, '--json'], { env });
    expect(list.stdout).toContain(KEPT);
    expect(list.stdout).not.toContain('HERON');
    const db = await openVaultDatabase(vault);
    const entries = db.prepare("SELECT details FROM audit WHERE action = 'retention.notes_destroyed'").pluck().all() as string[];
    expect(db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM note_revisions').pluck().get()).toBe(1);
    db.close();
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0] ?? '{}')).toMatchObject({ students: 1, notes: 2, versions: 3, drafts: 1, rule: 'months_after_closing' });
    expect(entries[0]).toMatch(/"on":"\d{4}-\d{2}-\d{2}"/);
    expect(entries[0]).not.toMatch(/RT-1|HERON|2025-01-10/);
    expect((await cli(['audit', 'verify', '--vault', vault], { env })).code).toBe(0);
  });

  it('is in the help, with each command’s own usage', async () => {
    const general = await cli(['--help']);
    for (const words of [['retention', 'show'], ['retention', 'set'], ['retention', 'destroy'], ['backup', 'fresh-set']]) {
      expect(general.stdout).toContain(words.join(' '));
      const help = await cli([...words, '--help']);
      expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining(`Usage: sole-notes ${words.join(' ')}`) });
    }
  });

  it('sets the end of the school year, and off again', async () => {
    const schoolYear = await cli(['retention', 'set', '--vault', vault, '--end-of-school-year'], { env });
    expect(schoolYear).toMatchObject({ code: 0 });
    expect((await show()).retention).toEqual({ rule: 'school_year_end' });
    expect((await cli(['retention', 'set', '--vault', vault, '--off'], { env })).code).toBe(0);
    expect((await show()).retention).toEqual({ rule: 'off' });
  });
});
