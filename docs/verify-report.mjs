// A district-side check of a Sole Notes service report with Node.js alone
// (no Sole Notes code, no packages): the Ed25519 signature over the exact
// bytes, the key fingerprint against the one the report names and, if given,
// the one expected. Without an expected fingerprint it says, on a line of its
// own, that the key was not checked against the worker's registered one.
//
//   node verify-report.mjs service-report-2026-03.json [worker-signing-key.pem] [EXPECTED-FINGERPRINT]
//
// Exit code 0 when valid, 1 when not. The signature file is REPORT.json.sig.
// (The Sole Notes CLI `verify` also checks the schema and canonical form.)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const [reportFile, keyFile = path.join(path.dirname(reportFile ?? '.'), 'worker-signing-key.pem'), expected] = process.argv.slice(2);
if (!reportFile) {
  process.stderr.write('usage: node verify-report.mjs REPORT.json [KEY.pem] [EXPECTED-FINGERPRINT]\n');
  process.exit(2);
}

const bytes = fs.readFileSync(reportFile);
const signature = fs.readFileSync(`${reportFile}.sig`);
const key = crypto.createPublicKey(fs.readFileSync(keyFile, 'utf8'));
const spki = key.export({ format: 'der', type: 'spki' });
const fingerprint = (crypto.createHash('sha256').update(spki).digest('hex').toUpperCase().match(/.{4}/g) ?? []).join(' ');
const normalize = (text) => text.replace(/[\s:]/g, '').toUpperCase();

const failures = [];
if (key.asymmetricKeyType !== 'ed25519') failures.push(`the key is ${key.asymmetricKeyType}, not Ed25519`);
else if (signature.length !== 64 || !crypto.verify(null, bytes, key, signature)) failures.push('the signature does not match');
let report = null;
try {
  report = JSON.parse(bytes.toString('utf8'));
} catch {
  failures.push('the report is not JSON');
}
if (report && report.signingKey?.fingerprint !== fingerprint) failures.push(`the report names key ${report.signingKey?.fingerprint}, not ${fingerprint}`);
if (expected && normalize(expected) !== normalize(fingerprint)) failures.push(`the key is ${fingerprint}, not the expected ${expected}`);

if (failures.length > 0) {
  process.stderr.write(`NOT VALID: ${failures.join('; ')}\n`);
  process.exitCode = 1;
} else if (expected) {
  process.stdout.write(`valid: ${report.schema} for ${report.period}, key ${fingerprint}\n`);
} else {
  // Without a pinned fingerprint, a report re-signed with a fresh key beside it is also "valid": say so, every time.
  process.stdout.write(`valid only for the key given (key not checked): ${report.schema} for ${report.period}, key ${fingerprint}\n`);
  process.stdout.write(
    `Key not checked: ${path.basename(keyFile)} was NOT checked against the worker's registered fingerprint, so "valid" means only ` +
      'that the report was not altered since it was signed with that key. Pass the fingerprint the worker registered as EXPECTED-FINGERPRINT.\n',
  );
}
