import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../src-main/common/canonical';
import { reportFileNames } from '../../src-main/report/exportFiles';
import { fingerprint } from '../../src-main/common/signing';
import { cli } from '../helpers/cliHarness';
import { TEST_PASSPHRASE, createdVault, removeDir } from '../helpers/tempVault';
import { buildKnownMonth, KNOWN_MONTH, manualClock } from './knownMonth';

const names = reportFileNames(KNOWN_MONTH);
const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

function freshKey() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, pem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), fingerprint: fingerprint(spki) };
}

describe('report, verify: the command line', () => {
  let root: string;
  let vault: string;
  let out: string;
  let vaultFingerprint: string;
  const file = (name: string) => path.join(out, name);

  beforeAll(async () => {
    const created = await createdVault();
    root = created.root;
    vault = created.session.folder;
    buildKnownMonth(created.session.data, manualClock());
    vaultFingerprint = fingerprint(created.session.data.keys.signingPublicKey().spki);
    created.session.lock();
    out = path.join(root, 'out');
  });
  afterAll(() => removeDir(root));

  it('report writes the five files and prints their paths', async () => {
    const run = await cli(['report', '--vault', vault, '--month', KNOWN_MONTH, '--out', out], { env });
    expect(run.stderr).toContain(`Wrote the ${KNOWN_MONTH} report (k = 10,`);
    expect(run.stderr).toContain(vaultFingerprint);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([names.json, names.signature, names.publicKey, names.csv, names.html].map(file));
    const openssl = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', file(names.publicKey), '-rawin', '-in', file(names.json), '-sigfile', file(names.signature)], { encoding: 'utf8' });
    expect(openssl.status).toBe(0);
  });

  it('report takes --threshold, and refuses bad input with exit 1 and a wrong passphrase with exit 2', async () => {
    // The month was sent at k = 10: another k is refused, and the school year's k no longer changes.
    const k16 = await cli(['report', '--vault', vault, '--month', KNOWN_MONTH, '--out', path.join(root, 'k16'), '--threshold', '16'], { env });
    expect(k16.code).toBe(1);
    expect(k16.stderr).toContain('never sent at two different k');
    expect(fs.existsSync(path.join(root, 'k16'))).toBe(false);
    expect((await cli(['report', 'threshold', '--vault', vault, '--set', '16'], { env })).code).toBe(1); // no reason
    // (This vault's clock is the computer's: "this school year" is today's, not March 2026's; March keeps its k either way.)
    const change = await cli(['report', 'threshold', '--vault', vault, '--set', '16', '--reason', 'district asks for 16'], { env });
    if (change.code === 0) expect(change.stdout).toMatch(/^\d{4}-\d{2}: k = 16/);
    else expect(change.stderr).toContain('stays 10 for the 2025-26 school year'); // run during the school year of March 2026
    // The same k is accepted, and the month comes out exactly as sent.
    const again = await cli(['report', '--vault', vault, '--month', KNOWN_MONTH, '--out', path.join(root, 'k10'), '--threshold', '10'], { env });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('was already sent; this is the report as sent');
    expect(fs.readFileSync(path.join(root, 'k10', names.json))).toEqual(fs.readFileSync(file(names.json)));
    for (const [args, pattern] of [
      [['--month', KNOWN_MONTH, '--out', out, '--threshold', '7'], /threshold/],
      [['--month', KNOWN_MONTH, '--out', out, '--threshold', 'ten'], /threshold/],
      [['--month', '2026-13', '--out', out], /month/],
      [['--month', KNOWN_MONTH], /--out/],
      [['--out', out], /--month/],
      [['--month', '2099-01', '--out', out], /has not begun/],
    ] as const) {
      const run = await cli(['report', '--vault', vault, ...args], { env });
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(pattern);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    const wrong = await cli(['report', '--vault', vault, '--month', KNOWN_MONTH, '--out', out], { env: { SOLE_NOTES_PASSPHRASE: 'not the passphrase at all' } });
    expect(wrong.code).toBe(2);
  });

  it('verify exits 0 for the fresh export, finding the signature and key beside the report, and says that key was not checked', async () => {
    const run = await cli(['verify', file(names.json)]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`valid only for the key beside the report (key not checked): ${names.json} — ${KNOWN_MONTH}, k = 10, signed by key ${vaultFingerprint}`);
    expect(lines[1]).toMatch(/^Key not checked: worker-signing-key\.pem was taken from beside the report and NOT checked against the worker's registered fingerprint/);
    expect(lines[1]).toContain('--fingerprint');
    expect(lines[1]).toContain('--key');

    const pinned = await cli(['verify', names.json, '--fingerprint', vaultFingerprint.replace(/ /g, '').toLowerCase()], { cwd: out });
    expect(pinned.code).toBe(0);
    expect(pinned.stdout).toBe(`valid: ${names.json} — ${KNOWN_MONTH}, k = 10, signed by key ${vaultFingerprint}\n`);
    // The key file beside the report named with --key is still only the key beside the report.
    const besideByName = await cli(['verify', names.json, '--key', names.publicKey], { cwd: out });
    expect(besideByName.stdout).toContain('Key not checked:');
    const registered = path.join(root, 'registered.pem');
    fs.copyFileSync(file(names.publicKey), registered);
    const byKey = await cli(['verify', file(names.json), '--key', registered]);
    expect(byKey.code).toBe(0);
    expect(byKey.stdout).toBe(`valid: ${names.json} — ${KNOWN_MONTH}, k = 10, signed by key ${vaultFingerprint}\n`);
  });

  it('verify says, on every run without a pinned key, that a report re-signed with a fresh key is valid only for that key', async () => {
    const other = freshKey();
    const folder = path.join(root, 'resigned-beside');
    fs.mkdirSync(folder, { recursive: true });
    const document = JSON.parse(fs.readFileSync(file(names.json), 'utf8')) as { signingKey: { fingerprint: string } };
    document.signingKey.fingerprint = other.fingerprint;
    const bytes = canonicalBytes(document);
    fs.writeFileSync(path.join(folder, names.json), bytes);
    fs.writeFileSync(path.join(folder, names.signature), crypto.sign(null, bytes, other.privateKey));
    fs.writeFileSync(path.join(folder, names.publicKey), other.pem);
    for (let run = 0; run < 2; run += 1) {
      const verdict = await cli(['verify', path.join(folder, names.json)]);
      expect(verdict.code).toBe(0);
      expect(verdict.stdout.split('\n')[0]).toContain('(key not checked)');
      expect(verdict.stdout).toContain('NOT checked against the worker\'s registered fingerprint');
    }
    const pinned = await cli(['verify', path.join(folder, names.json), '--fingerprint', vaultFingerprint]);
    expect(pinned.code).toBe(5);
    expect(pinned.stdout).toBe('');
  });

  it('verify exits 5 with one line naming what failed: signature, key fingerprint mismatch, schema, missing file', async () => {
    const other = freshKey();
    fs.writeFileSync(path.join(root, 'other.pem'), other.pem);

    const wrongKey = await cli(['verify', file(names.json), '--key', path.join(root, 'other.pem')]);
    expect(wrongKey.code).toBe(5);
    expect(wrongKey.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrongKey.stderr).toMatch(/^NOT VALID: service-report-2026-03\.json — signature: .*; fingerprint: key fingerprint mismatch: the report names key /);

    const unexpected = await cli(['verify', file(names.json), '--fingerprint', other.fingerprint]);
    expect(unexpected.code).toBe(5);
    expect(unexpected.stderr).toContain(`fingerprint: key fingerprint mismatch: expected ${other.fingerprint} but the public key is ${vaultFingerprint}`);
    expect(unexpected.stderr).not.toContain('signature:');

    // A document signed correctly by its own key, but not a service report.
    const bogus = canonicalBytes({ schema: 'sole-notes/service-report/9', period: '2026-03' });
    fs.writeFileSync(path.join(root, 'bogus.json'), bogus);
    fs.writeFileSync(path.join(root, 'bogus.json.sig'), crypto.sign(null, bogus, other.privateKey));
    const schema = await cli(['verify', path.join(root, 'bogus.json'), '--key', path.join(root, 'other.pem')]);
    expect(schema.code).toBe(5);
    expect(schema.stderr).toMatch(/— schema: the report does not match the schema sole-notes\/service-report\/2 \(it says "sole-notes\/service-report\/9"\)/);
    expect(schema.stderr).not.toContain('signature:');

    // The real report, re-keyed and re-signed by another key: valid for that key. Pretty-printed: not canonical.
    const document = JSON.parse(fs.readFileSync(file(names.json), 'utf8')) as { signingKey: { fingerprint: string } };
    document.signingKey.fingerprint = other.fingerprint;
    const resigned = canonicalBytes(document);
    fs.writeFileSync(path.join(root, 'resigned.json'), resigned);
    fs.writeFileSync(path.join(root, 'resigned.json.sig'), crypto.sign(null, resigned, other.privateKey));
    expect((await cli(['verify', path.join(root, 'resigned.json'), '--key', path.join(root, 'other.pem')])).code).toBe(0);
    const pretty = Buffer.from(JSON.stringify(document, null, 2));
    fs.writeFileSync(path.join(root, 'pretty.json'), pretty);
    fs.writeFileSync(path.join(root, 'pretty.json.sig'), crypto.sign(null, pretty, other.privateKey));
    const notCanonical = await cli(['verify', path.join(root, 'pretty.json'), '--key', path.join(root, 'other.pem')]);
    expect(notCanonical.code).toBe(5);
    expect(notCanonical.stderr).toContain('schema: the report is not in RFC 8785 canonical form');

    const missing = await cli(['verify', file(names.json), '--sig', path.join(root, 'absent.sig')]);
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('file: cannot read');
  });

  it('verify refuses a signed report whose counts contradict their sums', async () => {
    const other = freshKey();
    const document = JSON.parse(fs.readFileSync(file(names.json), 'utf8')) as {
      signingKey: { fingerprint: string };
      metrics: { cases: Record<string, unknown> };
    };
    document.signingKey.fingerprint = other.fingerprint;
    document.metrics.cases = {
      opened: 0,
      closed: 20,
      resolved: 12,
      closedByOutcome: { goals_met: 10, improved: 10, referred_out: 0, moved: 0, other: 0 },
    };
    const bytes = canonicalBytes(document);
    fs.writeFileSync(path.join(root, 'contradicts.json'), bytes);
    fs.writeFileSync(path.join(root, 'contradicts.json.sig'), crypto.sign(null, bytes, other.privateKey));
    fs.writeFileSync(path.join(root, 'contradicts.pem'), other.pem);
    const run = await cli(['verify', path.join(root, 'contradicts.json'), '--key', path.join(root, 'contradicts.pem')]);
    expect(run.code).toBe(5);
    expect(run.stderr).toContain("schema: the report's counts of students do not add up");
  });

  it('verify needs exactly one report (exit 1), and every new command has help', async () => {
    expect((await cli(['verify'])).code).toBe(1);
    expect((await cli(['verify', 'a.json', 'b.json'])).code).toBe(1);
    const general = await cli(['--help']);
    for (const words of [['report'], ['verify'], ['district-summary']]) {
      expect(general.stdout).toContain(words.join(' '));
      const help = await cli([...words, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: sole-notes ${words.join(' ')}`);
    }
    expect((await cli(['verify', '--help'])).stdout).toContain('Exit code 0 when the report is valid, 5 when it is not.');
  });
});
