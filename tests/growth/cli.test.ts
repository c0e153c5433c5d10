import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateIndicator } from '../../src-main/growth/selfEvaluation';
import { createGoal } from '../../src-main/growth/pdGoals';
import { SELF_EVALUATION_EXPORT_ACTION } from '../../src-main/growth/selfEvaluationExport';
import { cli } from '../helpers/cliHarness';
import { TEST_PASSPHRASE, createdVault, newSession, removeDir } from '../helpers/tempVault';

// supervision add, ceu and self-evaluation export on a real vault, and the
// canary: a student's code, private name and note text placed in the vault
// never appear in the self-evaluation page or the ceu output.

const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };
const CANARY_CODE = 'QZ-7731';
const CANARY_NAME = 'Thessaly';
const CANARY_NOTE = 'canary-note-words-plum-orbit';

describe('professional growth: the command line', () => {
  let root: string;
  let vault: string;
  let out: string;

  beforeAll(async () => {
    const created = await createdVault();
    root = created.root;
    vault = created.session.folder;
    const data = created.session.data;
    data.settings.update({ ceuCycleStart: '2024-07-01' });
    const student = data.students.create({ code: CANARY_CODE, knownAs: CANARY_NAME });
    data.notes.create({ studentId: student.id, body: `${CANARY_NOTE} talked about the weekend` });
    data.services.create({ date: '2026-09-14', minutes: 30, kind: 'individual_session', studentIds: [student.id] });
    data.services.create({ date: '2026-09-15', minutes: 45, kind: 'staff_consultation', studentIds: [student.id] });
    data.services.create({ date: '2026-10-02', minutes: 50, kind: 'team_meeting', teamType: 'iep', studentIds: [student.id] });
    data.services.create({ date: '2026-10-20', minutes: 360, kind: 'pd_attended' });
    rateIndicator(data, { schoolYear: '2026-27', indicatorId: '5.1.1', rating: 'exceeds', evidence: 'Led two staff trainings on de-escalation & <calm> rooms' });
    rateIndicator(data, { schoolYear: '2025-26', indicatorId: '5.1.1', rating: 'met', evidence: '' });
    createGoal(data, { schoolYear: '2026-27', indicatorId: '3.2', goal: 'Training in a screening tool' });
    created.session.lock();
    out = path.join(root, 'out');
    fs.mkdirSync(out);
  });
  afterAll(() => removeDir(root));

  it('supervision add logs a session and prints its id; a bad kind or minutes is refused before the passphrase (exit 1)', async () => {
    const run = await cli(['supervision', 'add', '--vault', vault, '--date', '2026-10-05', '--minutes', '60', '--kind', 'clinical', '--credential', 'LCSW'], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const badKind = await cli(['supervision', 'add', '--vault', vault, '--date', '2026-10-05', '--minutes', '60', '--kind', 'peer']);
    expect(badKind.code).toBe(1);
    expect(badKind.stderr).toMatch(/kind/);
    const badMinutes = await cli(['supervision', 'add', '--vault', vault, '--date', '2026-10-05', '--minutes', '0', '--kind', 'clinical']);
    expect(badMinutes.code).toBe(1);
  });

  it('ceu prints the cycle year by year, and --json the same as JSON', async () => {
    const text = await cli(['ceu', '--vault', vault], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Cycle 2024-07-01 to 2029-06-30');
    expect(text.stdout).toContain('6 contact hours (0.6 CEUs) from 1 session');
    expect(text.stdout).toContain('left: 84 hours');
    const json = await cli(['ceu', '--vault', vault, '--json'], { env });
    expect(json.code).toBe(0);
    const progress = JSON.parse(json.stdout) as { contactHours: number; years: { index: number; hours: number }[] };
    expect(progress.contactHours).toBe(6);
    expect(progress.years.find((year) => year.index === 3)?.hours).toBe(6);
    for (const output of [text.stdout, json.stdout]) {
      for (const canary of [CANARY_CODE, CANARY_NAME, CANARY_NOTE]) expect(output.toLowerCase()).not.toContain(canary.toLowerCase());
    }
  });

  it('self-evaluation export writes the printable page, headed as holding no student information, and no student in it', async () => {
    const file = path.join(out, 'self-evaluation.html');
    const run = await cli(['self-evaluation', 'export', '--vault', vault, '--school-year', '2026-27', '--out', file], { env });
    expect(run.stderr).toContain('Wrote the 2026-27 self-evaluation');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(fs.realpathSync(file));
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain('<p class="marking">Contains no student information</p>');
    expect(html).toContain('Led two staff trainings on de-escalation &amp; &lt;calm&gt; rooms');
    expect(html).toMatch(/<td>Has met<\/td><td><strong>Exceeds expectations<\/strong><\/td>/);
    expect(html).toContain('Training in a screening tool');
    expect(html).toMatch(/Staff consultations<\/td><td class="num">1<\/td>/);
    expect(html).toMatch(/Team meetings: IEP<\/td><td class="num">1<\/td>/);
    for (const canary of [CANARY_CODE, CANARY_NAME, CANARY_NOTE]) expect(html.toLowerCase()).not.toContain(canary.toLowerCase());

    const again = await cli(['self-evaluation', 'export', '--vault', vault, '--school-year', '2026-27', '--out', file], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/--replace|already/);
    const replaced = await cli(['self-evaluation', 'export', '--vault', vault, '--school-year', '2026-27', '--out', file, '--replace'], { env });
    expect(replaced.code).toBe(0);

    const inside = await cli(['self-evaluation', 'export', '--vault', vault, '--school-year', '2026-27', '--out', path.join(vault, 'self-evaluation.html')], { env });
    expect(inside.code).not.toBe(0);
    expect(fs.existsSync(path.join(vault, 'self-evaluation.html'))).toBe(false);
    const badYear = await cli(['self-evaluation', 'export', '--vault', vault, '--school-year', '2026-28', '--out', file], { env });
    expect(badYear.code).toBe(1);

    const session = newSession(root);
    await session.unlock(TEST_PASSPHRASE);
    try {
      expect(session.data.audit.list(50).filter((entry) => entry.action === SELF_EVALUATION_EXPORT_ACTION)).toHaveLength(2);
    } finally {
      session.lock('user');
    }
  });
});
