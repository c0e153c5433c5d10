import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_EXPORT_ACTION, reportFileNames, sha256Hex } from '../../src-main/report/exportFiles';
import { SCHOOL_YEAR_EXPORT_ACTION } from '../../src-main/report/schoolYearFiles';
import { verifyReportFiles } from '../../src-main/report/verify';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { cli } from '../helpers/cliHarness';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { bundleChild, removeBundle } from './childBundle';
import { crashPointsFor, runChild, traceFileOps, type CrashPoint } from './crashAt';

/*
 * A correction of a month (a service added since, --replace) killed before and
 * after every file call it makes in the export folder; the school year's
 * re-export, written by the same writer, killed at a sample of its calls. Whenever it stops, a
 * signature in the folder signs the report beside it; `verify` finds a valid
 * report (rolling back a swap left half-done); a new signed report that can
 * be seen is already in the audit log; and the next export leaves
 * exactly the five files, consistent, and no work folder.
 */

const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };
const MONTH = '2026-03';
const names = reportFileNames(MONTH);
const FIVE = [names.json, names.signature, names.publicKey, names.csv, names.html].sort();
const SCHOOL_YEAR = '2025-26';
const yearNames = reportFileNames(SCHOOL_YEAR);
const YEAR_FIVE = [yearNames.json, yearNames.signature, yearNames.publicKey, yearNames.csv, yearNames.html].sort();

type Place = { vault: string; out: string; yearOut: string };

let bundle: string;
let root: string;
let template: string;

function copyOf(name: string): Place {
  const folder = path.join(root, name);
  fs.cpSync(template, folder, { recursive: true });
  return { vault: path.join(folder, 'vault'), out: path.join(folder, 'out'), yearOut: path.join(folder, 'year') };
}

function reportArgs(place: Place): string[] {
  return ['report', '--vault', place.vault, '--month', MONTH, '--out', place.out, '--replace', '--correction'];
}

function yearReportArgs(place: Place): string[] {
  return ['year-report', '--vault', place.vault, '--school-year', SCHOOL_YEAR, '--out', place.yearOut, '--replace'];
}

/** Every signature in the folder signs the report beside it. */
function expectNoStraySignature(out: string, label: string): void {
  for (const name of fs.readdirSync(out)) {
    if (!name.endsWith('.json.sig')) continue;
    const report = path.join(out, name.slice(0, -'.sig'.length));
    expect(fs.existsSync(report), `${label}: ${name} without its report`).toBe(true);
    const verdict = verifyReportFiles({ report, minThreshold: 5 });
    expect(verdict.failures, `${label}: ${name}`).toEqual([]);
    expect(verdict.valid, label).toBe(true);
  }
}

/** A new signed report that can be seen in the folder is already in the vault's audit log. */
async function expectRecordedIfSigned(
  vault: string,
  out: string,
  { files, action }: { files: ReturnType<typeof reportFileNames>; action: string },
  newReport: Buffer,
  label: string,
): Promise<void> {
  const json = path.join(out, files.json);
  const signature = path.join(out, files.signature);
  if (!fs.existsSync(json) || !fs.existsSync(signature) || !fs.readFileSync(json).equals(newReport)) return;
  const session = new VaultSession(vault, { kdf: TEST_KDF });
  await session.unlock(TEST_PASSPHRASE);
  try {
    const hashes = session.data.audit
      .listByAction(action)
      .flatMap((entry) => (entry.details.files as { name: string; sha256: string }[]).filter((file) => file.name === files.json).map((file) => file.sha256));
    expect(hashes, `${label}: the signed report in the folder is not in the audit log`).toContain(sha256Hex(newReport));
  } finally {
    session.lock();
  }
}

beforeAll(async () => {
  bundle = await bundleChild('tests/faults/cliChild.ts');
  root = makeTempDir('sole-notes-report-crash-');
  template = path.join(root, 'template');
  const vault = path.join(template, 'vault');
  const out = path.join(template, 'out');
  expect((await cli(['init', '--vault', vault], { env })).code).toBe(0);
  // Enough students and sessions (k = 5) for the numbers to be shown, so that one more service changes the report.
  const service = (code: string, date: string) => ['service', 'add', '--vault', vault, '--date', date, '--minutes', '30', '--kind', 'individual_session', '--student', code];
  expect((await cli(['report', 'threshold', '--vault', vault, '--set', '5', '--reason', 'a small school'], { env })).code).toBe(0);
  for (let index = 1; index <= 6; index += 1) {
    expect((await cli(['student', 'add', '--vault', vault, '--code', `A-${index}`], { env })).code).toBe(0);
    expect((await cli(service(`A-${index}`, '2026-03-10'), { env })).code).toBe(0);
  }
  expect((await cli(['report', '--vault', vault, '--month', MONTH, '--out', out], { env })).code).toBe(0);
  expect((await cli(['year-report', '--vault', vault, '--school-year', SCHOOL_YEAR, '--out', path.join(template, 'year')], { env })).code).toBe(0);
  // A service added after the report was sent: the correction differs from what is in the folder.
  expect((await cli(service('A-1', '2026-03-11'), { env })).code).toBe(0);
}, 120_000);

afterAll(() => {
  if (bundle) removeBundle(bundle);
  if (root) removeDir(root);
});

describe('a report re-export killed at every file call in the export folder', () => {
  it('never leaves a signature beside a report it does not sign, and the next export finishes the folder', async () => {
    const traced = copyOf('traced');
    const { run, ops } = traceFileOps(bundle, reportArgs(traced), { env });
    expect(run.status, run.stderr).toBe(0);
    expect(fs.readdirSync(traced.out).sort()).toEqual(FIVE);
    const points: CrashPoint[] = crashPointsFor(ops, [traced.out]);
    expect(points.length).toBeGreaterThan(20);
    // The re-export does replace the report: the new one counts two services.
    const newReport = fs.readFileSync(path.join(traced.out, names.json));
    expect(newReport.equals(fs.readFileSync(path.join(template, 'out', names.json)))).toBe(false);

    for (const [position, point] of points.entries()) {
      const place = copyOf(`crash-${position}`);
      const label = `${point.when} ${'label' in point ? point.label : ''} (#${position})`;
      const killed = runChild(bundle, reportArgs(place), { env, crashAt: point });
      expect(killed.signal, `${label}: ${killed.stderr}`).toBe('SIGKILL');
      expectNoStraySignature(place.out, label);
      await expectRecordedIfSigned(place.vault, place.out, { files: names, action: REPORT_EXPORT_ACTION }, newReport, label);

      // Reading the folder to verify finishes a swap left half-done: the old report or the new, whole.
      const verified = await cli(['verify', path.join(place.out, names.json), '--min-threshold', '5']);
      expect(verified.code, `${label}: ${verified.stderr}`).toBe(0);
      expect(fs.readdirSync(place.out).filter((name) => name.startsWith('.')), label).toEqual([]);
      expectNoStraySignature(place.out, label);

      const again = await cli(reportArgs(place), { env });
      expect(again.code, `${label}: ${again.stderr}`).toBe(0);
      expect(fs.readdirSync(place.out).sort(), label).toEqual(FIVE);
      expectNoStraySignature(place.out, label);
      expect(fs.readFileSync(path.join(place.out, names.json)).equals(newReport), label).toBe(true);
      removeDir(path.join(root, `crash-${position}`));
    }
  }, 600_000);

  it('the school year re-exported by the same writer: the same holds at a sample of its file calls', async () => {
    const traced = copyOf('year-traced');
    const { run, ops } = traceFileOps(bundle, yearReportArgs(traced), { env });
    expect(run.status, run.stderr).toBe(0);
    expect(fs.readdirSync(traced.yearOut).sort()).toEqual(YEAR_FIVE);
    const all: CrashPoint[] = crashPointsFor(ops, [traced.yearOut]);
    expect(all.length).toBeGreaterThan(20);
    // The month above is crashed at every call; the school year at every third
    // point, and at every rename (the swap itself), which keeps the run short.
    const points = all.filter((point, position) => position % 3 === 0 || ('label' in point && point.label?.startsWith('rename ')));
    const newReport = fs.readFileSync(path.join(traced.yearOut, yearNames.json));
    expect(newReport.equals(fs.readFileSync(path.join(template, 'year', yearNames.json)))).toBe(false);

    for (const [position, point] of points.entries()) {
      const place = copyOf(`year-crash-${position}`);
      const label = `${point.when} ${'label' in point ? point.label : ''} (#${position})`;
      const killed = runChild(bundle, yearReportArgs(place), { env, crashAt: point });
      expect(killed.signal, `${label}: ${killed.stderr}`).toBe('SIGKILL');
      expectNoStraySignature(place.yearOut, label);
      await expectRecordedIfSigned(place.vault, place.yearOut, { files: yearNames, action: SCHOOL_YEAR_EXPORT_ACTION }, newReport, label);

      const verified = await cli(['verify', path.join(place.yearOut, yearNames.json), '--min-threshold', '5']);
      expect(verified.code, `${label}: ${verified.stderr}`).toBe(0);
      expect(fs.readdirSync(place.yearOut).filter((name) => name.startsWith('.')), label).toEqual([]);
      expectNoStraySignature(place.yearOut, label);

      const again = await cli(yearReportArgs(place), { env });
      expect(again.code, `${label}: ${again.stderr}`).toBe(0);
      expect(fs.readdirSync(place.yearOut).sort(), label).toEqual(YEAR_FIVE);
      expectNoStraySignature(place.yearOut, label);
      expect(fs.readFileSync(path.join(place.yearOut, yearNames.json)).equals(newReport), label).toBe(true);
      removeDir(path.join(root, `year-crash-${position}`));
    }
  }, 600_000);
});
