// `npm test`: on any Node, installs what the tests need and runs them all: the
// type-check, the linter, then every test suite; ends with one line of counts.
//  1. Node: an older one than the project's floor gets a pinned Node from the npm
//     registry in .tools/node, and this script runs again on it (setup/node.mjs).
//  2. The packages: `npm ci` when node_modules is missing or stale.
//  3. Chromium and OpenSSL 3: found (SOLE_NOTES_CHROMIUM, else the usual paths), installed with
//     apt-get on Debian as root, or one line per missing tool saying what to install.
// `npm test -- FILE…` runs only those test files (no type-check or lint).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './setup/dependencies.mjs';
import { ensureRecentNode, runNpm } from './setup/node.mjs';
import { ensureTestTools } from './setup/testTools.mjs';

const script = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(script), '..');

/** "N passed, N failed, N skipped" from Vitest's JSON report, or null without one. */
export function countsLine(reportFile) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  } catch {
    return null;
  }
  const skipped = report.numPendingTests + report.numTodoTests;
  return `${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`;
}

function main() {
  ensureRecentNode(root, script);
  ensureDependencies(root);
  ensureTestTools();

  const files = process.argv.slice(2);
  const report = process.env.SOLE_NOTES_TEST_REPORT || path.join(os.tmpdir(), `sole-notes-test-report-${process.pid}.json`);
  fs.rmSync(report, { force: true });
  const env = { ...process.env, SOLE_NOTES_TEST_REPORT: report };
  const steps = files.length > 0 ? [['exec', '--', 'vitest', 'run', ...files]] : [['run', 'typecheck'], ['run', 'lint'], ['run', 'test:unit']];
  let status = 0;
  for (const args of steps) {
    status = runNpm(args, { cwd: root, env }) ?? 1;
    if (status !== 0) break;
  }
  const counts = countsLine(report);
  if (!process.env.SOLE_NOTES_TEST_REPORT) fs.rmSync(report, { force: true });
  if (counts) console.log(counts);
  else if (status === 0) {
    console.error('The tests ran no suite (no report was written).');
    status = 1;
  }
  process.exit(status);
}

if (process.argv[1] && path.resolve(process.argv[1]) === script) main();
