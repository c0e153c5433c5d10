import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import canonicalize from 'canonicalize';
import { renderReportCsv } from '../../src-main/report/reportCsv';
import { exportReportFiles, reportFileNames } from '../../src-main/report/exportFiles';
import { reportHistory } from '../../src-main/report/history';
import { prepareMonthReport, signMonthReport } from '../../src-main/report/monthReport';
import { HTML_HEADING, renderReportHtml } from '../../src-main/report/reportHtml';
import { verifyReport, verifyReportFiles } from '../../src-main/report/verify';
import type { VaultData } from '../../src-main/vault/vaultData';
import { cli } from '../helpers/cliHarness';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { openTestVault, sha256File, type TestDatabase } from '../vault/testVault';
import { buildKnownMonth, KNOWN_MONTH, manualClock, type Canaries } from './knownMonth';
import { seededRandom } from '../helpers/seededRandom';

const NOW = new Date('2026-04-06T14:00:00.000Z');
const names = reportFileNames(KNOWN_MONTH);

function openssl(args: string[]) {
  return spawnSync('openssl', args, { encoding: 'utf8' });
}

function exportKnownMonth(data: VaultData, folder: string) {
  return exportReportFiles(data, signMonthReport(data, prepareMonthReport(data, { month: KNOWN_MONTH, now: NOW })), folder);
}

/** A copy with one byte changed to a different value. */
function mutate(bytes: Buffer, random: () => number): Buffer {
  const copy = Buffer.from(bytes);
  const at = Math.floor(random() * copy.length);
  copy[at] = (copy[at] as number) ^ (1 + Math.floor(random() * 255));
  return copy;
}

describe('export', () => {
  let vault: TestDatabase & { data: VaultData };
  let root: string;
  let folder: string;
  let result: ReturnType<typeof exportKnownMonth>;

  beforeAll(() => {
    const clock = manualClock();
    vault = openTestVault(clock);
    buildKnownMonth(vault.data, clock);
    root = makeTempDir('sole-notes-report-');
    folder = path.join(root, 'out');
    result = exportKnownMonth(vault.data, folder);
  });
  afterAll(() => {
    vault.dispose();
    removeDir(root);
  });

  it('writes the five files, and nothing else', () => {
    expect(result.files.map((file) => file.name)).toEqual([names.json, names.signature, names.publicKey, names.csv, names.html]);
    expect(fs.readdirSync(folder).sort()).toEqual([names.csv, names.html, names.json, names.signature, names.publicKey].sort());
    expect(fs.readFileSync(path.join(folder, names.signature))).toHaveLength(64);
    expect(fs.readFileSync(path.join(folder, names.publicKey), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
  });

  it('writes RFC 8785 canonical JSON', () => {
    const bytes = fs.readFileSync(path.join(folder, names.json));
    expect(bytes.toString('utf8')).toBe(canonicalize(JSON.parse(bytes.toString('utf8'))));
    expect(bytes.toString('utf8')).toMatch(/^\{"administrativeResponsibilities":\[\],"generated":"2026-04","metrics":\{"administrative":\{"count":2,"minutes":180\},"administrativeResponsibilities":\{/);
  });

  it('is verified by OpenSSL alone', () => {
    const verified = openssl(['pkeyutl', '-verify', '-pubin', '-inkey', path.join(folder, names.publicKey), '-rawin', '-in', path.join(folder, names.json), '-sigfile', path.join(folder, names.signature)]);
    expect(verified.stdout).toContain('Signature Verified Successfully');
    expect(verified.status).toBe(0);
  });

  it('is verified by the plain-Node example in docs/verify-report.mjs, which also refuses a changed report', () => {
    const script = path.resolve(__dirname, '../../docs/verify-report.mjs');
    const valid = spawnSync(process.execPath, [script, path.join(folder, names.json), path.join(folder, names.publicKey), result.fingerprint], { encoding: 'utf8' });
    expect(valid.stdout).toBe(`valid: sole-notes/service-report/2 for ${KNOWN_MONTH}, k = 10, key ${result.fingerprint}\n`);
    // A district minimum above the report's k: refused.
    const strict = spawnSync(process.execPath, [script, path.join(folder, names.json), path.join(folder, names.publicKey), result.fingerprint, '11'], { encoding: 'utf8' });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('below the minimum of 11');
    expect(valid.status).toBe(0);
    const unpinned = spawnSync(process.execPath, [script, path.join(folder, names.json)], { encoding: 'utf8' });
    expect(unpinned.status).toBe(0);
    expect(unpinned.stdout.split('\n')[0]).toContain('(key not checked)');
    expect(unpinned.stdout).toContain("NOT checked against the worker's registered fingerprint");
    const changed = path.join(root, 'changed.json');
    fs.writeFileSync(changed, fs.readFileSync(path.join(folder, names.json), 'utf8').replace('"threshold":10', '"threshold":16'));
    fs.copyFileSync(path.join(folder, names.signature), `${changed}.sig`);
    const invalid = spawnSync(process.execPath, [script, changed, path.join(folder, names.publicKey)], { encoding: 'utf8' });
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('the signature does not match');
  });

  it('agrees with OpenSSL on the key fingerprint (SHA-256 of the SPKI DER)', () => {
    const der = spawnSync('openssl', ['pkey', '-pubin', '-in', path.join(folder, names.publicKey), '-outform', 'DER']);
    expect(der.status).toBe(0);
    const hex = crypto.createHash('sha256').update(der.stdout).digest('hex').toUpperCase();
    expect(result.fingerprint.replace(/ /g, '')).toBe(hex);
  });

  it('is valid to verify()', () => {
    const verdict = verifyReportFiles({ report: path.join(folder, names.json) });
    expect(verdict).toMatchObject({ valid: true, failures: [], keyFingerprint: result.fingerprint, keyPinned: false });
    expect(verifyReportFiles({ report: path.join(folder, names.json), expectedFingerprint: result.fingerprint })).toMatchObject({ valid: true, keyPinned: true });
  });

  it('rejects 200 single-byte changes to the JSON and 200 to the signature, in OpenSSL and in verify', async () => {
    const json = fs.readFileSync(path.join(folder, names.json));
    const signature = fs.readFileSync(path.join(folder, names.signature));
    const pem = path.join(folder, names.publicKey);
    const work = path.join(root, 'mutations');
    fs.mkdirSync(work);
    const random = seededRandom(2026);
    const jsonCopies: string[] = [];
    const sigCopies: string[] = [];
    for (let index = 0; index < 200; index += 1) {
      const jsonFile = path.join(work, `j${String(index).padStart(3, '0')}.json`);
      fs.writeFileSync(jsonFile, mutate(json, random));
      jsonCopies.push(jsonFile);
      const sigFile = path.join(work, `s${String(index).padStart(3, '0')}.sig`);
      fs.writeFileSync(sigFile, mutate(signature, random));
      sigCopies.push(sigFile);
    }

    // OpenSSL: one shell loop over all 400, printing each exit status.
    const script = [
      'for f in "$W"/j*.json; do openssl pkeyutl -verify -pubin -inkey "$K" -rawin -in "$f" -sigfile "$S" >/dev/null 2>&1; echo "$? $f"; done',
      'for f in "$W"/s*.sig; do openssl pkeyutl -verify -pubin -inkey "$K" -rawin -in "$J" -sigfile "$f" >/dev/null 2>&1; echo "$? $f"; done',
      // The control: the untouched files still verify in the same loop.
      'openssl pkeyutl -verify -pubin -inkey "$K" -rawin -in "$J" -sigfile "$S" >/dev/null 2>&1; echo "$? control"',
    ].join('\n');
    const loop = spawnSync('bash', ['-c', script], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', W: work, K: pem, J: path.join(folder, names.json), S: path.join(folder, names.signature) },
    });
    const lines = loop.stdout.trim().split('\n');
    expect(lines).toHaveLength(401);
    expect(lines.at(-1)).toBe('0 control');
    const accepted = lines.slice(0, 400).filter((line) => line.startsWith('0 '));
    expect(accepted).toEqual([]);

    // verify, in-process and through the CLI.
    for (const file of jsonCopies) {
      expect(verifyReport({ json: fs.readFileSync(file), signature, publicKeyPem: fs.readFileSync(pem, 'utf8') }).valid, file).toBe(false);
      const run = await cli(['verify', file, '--sig', path.join(folder, names.signature), '--key', pem]);
      expect(run.code, file).toBe(5);
      expect(run.stderr, file).toMatch(/signature: the signature does not match/);
    }
    for (const file of sigCopies) {
      const run = await cli(['verify', path.join(folder, names.json), '--sig', file, '--key', pem]);
      expect(run.code, file).toBe(5);
      expect(run.stderr.trim().split('\n'), file).toHaveLength(1);
      expect(run.stderr, file).toMatch(/signature: the signature does not match/);
    }
  });

  it('writes a printable, self-contained HTML page with the heading, and a CSV', () => {
    const html = fs.readFileSync(path.join(folder, names.html), 'utf8');
    expect(html).toContain(`<h1>${HTML_HEADING}</h1>`);
    expect(html).toContain('Aggregate statistics — contains no student identifiers');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import|https?:|src=/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('March 2026');

    const csv = fs.readFileSync(path.join(folder, names.csv), 'utf8').split('\r\n');
    expect(csv[0]).toBe('metric,label,value,status');
    expect(csv).toContain('studentsSeen,Individual students seen in sessions (each counted once),10,shown');
    expect(csv).toContain('cases.closed,Cases closed,,suppressed');
    // Hidden with its group (4 cases closed): the 0 too.
    expect(csv).toContain('cases.closedByOutcome.other,Cases closed: other,,suppressed');
    expect(csv.filter((line) => /,(primary|complementary|withheld)$/.test(line))).toEqual([]);
    expect(csv).toContain('professionalDevelopment.attended.contactHours,Professional development attended: contact hours,3.75,shown');
  });

  it('records the export in the audit log with every file\'s SHA-256, and lists it in the history', () => {
    const [entry] = vault.data.audit.listByAction('report.exported');
    expect(entry?.details).toMatchObject({ period: KNOWN_MONTH, threshold: 10, fingerprint: result.fingerprint, folder });
    const recorded = (entry?.details as { files: { name: string; sha256: string; bytes: number }[] }).files;
    expect(recorded).toHaveLength(5);
    for (const file of recorded) {
      expect(file.sha256, file.name).toBe(sha256File(path.join(folder, file.name)));
      expect(file.bytes).toBe(fs.statSync(path.join(folder, file.name)).size);
    }
    expect(reportHistory(vault.data)).toEqual([{ seq: entry?.seq, at: entry?.at, kind: 'month', period: KNOWN_MONTH, threshold: 10, fingerprint: result.fingerprint, folder, files: recorded }]);
    expect(vault.data.audit.verify().intact).toBe(true);
  });

  it('exports again over the same files only when told to replace them, and refuses a folder holding someone else\'s key', () => {
    const before = fs.readdirSync(folder).map((name) => fs.readFileSync(path.join(folder, name)).toString('base64'));
    expect(() => exportKnownMonth(vault.data, folder)).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining(`The ${KNOWN_MONTH} report is already saved in`) }));
    expect(fs.readdirSync(folder).map((name) => fs.readFileSync(path.join(folder, name)).toString('base64'))).toEqual(before);
    const again = exportReportFiles(vault.data, signMonthReport(vault.data, prepareMonthReport(vault.data, { month: KNOWN_MONTH, now: NOW })), folder, {
      protectedFolders: [],
      replace: true,
    });
    expect(again.files).toHaveLength(5);
    expect(fs.readdirSync(folder)).toHaveLength(5); // no temporary files left behind
    expect(verifyReportFiles({ report: path.join(folder, names.json) }).valid).toBe(true);
    const other = path.join(root, 'other');
    fs.mkdirSync(other);
    const foreign = crypto.generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' });
    fs.writeFileSync(path.join(other, names.publicKey), foreign);
    expect(() => exportKnownMonth(vault.data, other)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(fs.readFileSync(path.join(other, names.publicKey), 'utf8')).toBe(foreign);
    expect(fs.readdirSync(other)).toEqual([names.publicKey]);
  });
});

describe('canaries', () => {
  it('no export file holds a student code, a school, note text, a student id or a date finer than the month', () => {
    const clock = manualClock();
    const vault = openTestVault(clock);
    const root = makeTempDir('sole-notes-canary-');
    try {
      const tag = `QZX${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
      const canaries: Canaries = buildKnownMonth(vault.data, clock, { canaryTag: tag });
      const ids = vault.data.students.list({ includeClosed: true }).map((student) => student.id);
      expect(canaries.codes.length).toBeGreaterThan(10);
      expect(canaries.notes.length).toBeGreaterThan(40);
      for (const threshold of [5, 10, 11, 16] as const) {
        const folder = path.join(root, `k${threshold}`);
        const report = prepareMonthReport(vault.data, { month: KNOWN_MONTH, threshold, now: NOW });
        if (threshold === 10) exportReportFiles(vault.data, signMonthReport(vault.data, report), folder);
        else {
          // A month is sent at one k only (its school year's); the files another k would write are made the same way.
          fs.mkdirSync(folder);
          fs.writeFileSync(path.join(folder, 'report.json'), report.bytes);
          fs.writeFileSync(path.join(folder, 'report.csv'), renderReportCsv(report.document));
          fs.writeFileSync(path.join(folder, 'report.html'), renderReportHtml(report.document));
        }
        for (const name of fs.readdirSync(folder)) {
          const bytes = fs.readFileSync(path.join(folder, name));
          const text = bytes.toString('utf8');
          const planted = [tag, ...canaries.codes, ...canaries.schools, ...canaries.notes, ...canaries.dates, ...ids];
          for (const canary of planted) {
            expect(bytes.includes(Buffer.from(canary, 'utf8')), `${name} holds ${canary}`).toBe(false);
            expect(text.toLowerCase().includes(canary.toLowerCase()), `${name} holds ${canary}`).toBe(false);
          }
          if (name.endsWith('.sig')) continue;
          expect(text, name).not.toMatch(/\d{4}-\d{2}-\d{2}/);
          expect(text, name).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/);
          expect(text, name).not.toMatch(/\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b/);
          expect(text, name).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
          expect(text, name).not.toMatch(/T\d{2}:\d{2}/);
        }
      }
    } finally {
      vault.dispose();
      removeDir(root);
    }
  });
});
