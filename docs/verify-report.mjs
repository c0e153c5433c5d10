// A district-side check of a Sole Notes service report with Node.js alone
// (no Sole Notes code, no packages): the Ed25519 signature over the exact
// bytes, the key fingerprint against the one the report names and, if given,
// the one expected. Without an expected fingerprint it says, on a line of its
// own, that the key was not checked against the worker's registered one.
// It also refuses a report whose k is below the district's minimum
// (MIN-THRESHOLD, default 10) or that shows a count of students from 1 to
// that minimum less one (the counts under studentsSeen, cases and
// studentsByIssueCategory: every count of students of format 2).
//
//   node verify-report.mjs service-report-2026-03.json [worker-signing-key.pem] [EXPECTED-FINGERPRINT] [MIN-THRESHOLD]
//
// Exit code 0 when valid, 1 when not. The signature file is REPORT.json.sig.
// (The Sole Notes CLI `verify` also checks the schema, the canonical form and
// that hidden counts are hidden as the report's rule says.)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const [reportFile, keyFileGiven, expectedGiven, minGiven] = process.argv.slice(2);
const keyFile = keyFileGiven || path.join(path.dirname(reportFile ?? '.'), 'worker-signing-key.pem');
const expected = expectedGiven || undefined;
const minThreshold = minGiven === undefined ? 10 : Number(minGiven);
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
if (!Number.isInteger(minThreshold) || minThreshold < 2) failures.push(`MIN-THRESHOLD ${minGiven} is not a whole number from 2 up`);
else if (report) {
  if (!(report.threshold >= minThreshold)) failures.push(`the report's threshold is ${report.threshold}, below the minimum of ${minThreshold}`);
  // Every count of students: a number from 1 to minimum - 1 must never be shown.
  const counts = [['studentsSeen', report.metrics?.studentsSeen]];
  const walk = (prefix, node) => {
    if (node !== null && typeof node === 'object' && !('suppressed' in node)) for (const [key, child] of Object.entries(node)) walk(`${prefix}.${key}`, child);
    else counts.push([prefix, node]);
  };
  walk('cases', report.metrics?.cases);
  walk('studentsByIssueCategory', report.metrics?.studentsByIssueCategory);
  for (const [name, value] of counts) {
    if (typeof value === 'number' && value >= 1 && value < minThreshold) failures.push(`${name} shows ${value} students, a count from 1 to ${minThreshold - 1}`);
  }
}
const marked = report && report.correction !== undefined ? ` (correction ${report.correction})` : '';

if (failures.length > 0) {
  process.stderr.write(`NOT VALID: ${failures.join('; ')}\n`);
  process.exitCode = 1;
} else if (expected) {
  process.stdout.write(`valid: ${report.schema} for ${report.period}${marked}, k = ${report.threshold}, key ${fingerprint}\n`);
} else {
  // Without a pinned fingerprint, a report re-signed with a fresh key beside it is also "valid": say so, every time.
  process.stdout.write(`valid only for the key given (key not checked): ${report.schema} for ${report.period}${marked}, k = ${report.threshold}, key ${fingerprint}\n`);
  process.stdout.write(
    `Key not checked: ${path.basename(keyFile)} was NOT checked against the worker's registered fingerprint, so "valid" means only ` +
      'that the report was not altered since it was signed with that key. Pass the fingerprint the worker registered as EXPECTED-FINGERPRINT.\n',
  );
}
