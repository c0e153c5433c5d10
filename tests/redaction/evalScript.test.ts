import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** scripts/eval-redaction.ts as the lead and CI run it. */
const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts/eval-redaction.ts');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/eval-redaction.ts', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'eval-redaction-'));

  it('prints one JSON object with the scores', () => {
    const file = path.join(dir, 'ok.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'a', text: 'Takes Zoloft daily.', spans: [{ start: 6, end: 12, kind: 'diagnostic' }] })}\n${JSON.stringify({ id: 'b', text: 'Lunch group went well.', spans: [] })}\n`);
    const { code, stdout } = run(file);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] as string);
    expect(out.diagnostic).toEqual({ precision: 1, recall: 1, f2: 1, tp: 1, fp: 0, fn: 0 });
    expect(out.clean_false_alarm_rate).toBe(0);
  });

  it('scores one half of the notes by the parity of their id number with --half', () => {
    const file = path.join(dir, 'halves.jsonl');
    const notes = [
      { id: 'n-0001', text: 'Takes Zoloft daily.', spans: [{ start: 6, end: 12, kind: 'diagnostic' }] },
      { id: 'n-0002', text: 'Lunch group went well.', spans: [] },
      { id: 'n-0004', text: 'Walked her to class.', spans: [] },
    ];
    writeFileSync(file, `${notes.map((note) => JSON.stringify(note)).join('\n')}\n`);
    const odd = JSON.parse(run(file, '--half=odd').stdout);
    expect(odd.notes).toBe(1);
    expect(odd.diagnostic.tp).toBe(1);
    const even = JSON.parse(run(file, '--half=even').stdout);
    expect(even.notes).toBe(2);
    expect(even.clean_notes).toBe(2);
    const wrong = run(file, '--half=third');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/--half must be/);
  });

  it('fails with one line for a missing file', () => {
    const { code, stdout, stderr } = run(path.join(dir, 'nope.jsonl'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/no such file: .*nope\.jsonl/);
  });

  it('fails with one line naming the line of a malformed note', () => {
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'a', text: 'x', spans: [] })}\n{"id": "b", "text": \n`);
    const { code, stderr } = run(file);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/bad\.jsonl:2: not valid JSON/);
  });
});
