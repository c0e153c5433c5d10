import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * `npm audit --omit=dev`: no high or critical advisory in what ships.
 *
 * The audit needs npm's advisory service (a POST to the registry's
 * /-/npm/v1/security/advisories/bulk). Where it cannot be reached — offline,
 * or behind a registry mirror that answers only GET, as on the machine this
 * was written on (405 Method Not Allowed) — the test is SKIPPED with the
 * reason printed, not passed and not failed: an unreachable service proves
 * nothing either way, and CI must not go red for an outage elsewhere.
 * Set SOLE_NOTES_REQUIRE_AUDIT=1 (release builds should) to make an
 * unreachable service a failure instead.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const REQUIRE_AUDIT = process.env.SOLE_NOTES_REQUIRE_AUDIT === '1';

interface AuditReport {
  vulnerabilities?: Record<string, { severity: string; via: unknown[]; fixAvailable: unknown }>;
  metadata?: { vulnerabilities: Record<string, number>; dependencies?: { prod?: number } };
  error?: { code?: string; summary?: string; detail?: string };
  message?: string;
}

function npmAudit(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return new Promise((resolve, reject) => {
    const child = spawn(npm, ['audit', '--omit=dev', '--json'], { cwd: ROOT, env: { ...process.env, npm_config_fund: 'false' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Why the report says nothing about advisories, or null when it is a real report. */
export function unreachableReason(report: AuditReport | null, stderr: string): string | null {
  if (report === null) return `npm audit printed no JSON report (${stderr.trim().split('\n').at(-1) ?? 'no output'})`;
  if (report.metadata?.vulnerabilities) return null;
  const said = report.error?.summary || report.message || stderr.trim().split('\n').find((line) => /audit|ENOTFOUND|ECONN|ETIMEDOUT|40\d|50\d/.test(line));
  return `the npm advisory service could not be reached: ${said ?? 'no report returned'}`;
}

describe('npm audit --omit=dev', () => {
  it('reports no high or critical advisory in the production dependencies', async (context) => {
    const { stdout, stderr } = await npmAudit();
    let report: AuditReport | null;
    try {
      report = JSON.parse(stdout) as AuditReport;
    } catch {
      report = null;
    }
    const unreachable = unreachableReason(report, stderr);
    if (unreachable) {
      if (REQUIRE_AUDIT) throw new Error(`${unreachable} (SOLE_NOTES_REQUIRE_AUDIT=1, so this fails)`);
      console.warn(`npm audit skipped: ${unreachable}. Set SOLE_NOTES_REQUIRE_AUDIT=1 to fail instead.`);
      context.skip();
      return;
    }
    const counts = report?.metadata?.vulnerabilities ?? {};
    const serious = Object.entries(report?.vulnerabilities ?? {})
      .filter(([, entry]) => entry.severity === 'high' || entry.severity === 'critical')
      .map(([name, entry]) => `${name} (${entry.severity})`);
    console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
    expect(serious).toEqual([]);
    expect((counts.high ?? 0) + (counts.critical ?? 0)).toBe(0);
  }, 120_000);

  it('tells an unreachable advisory service from a real report', () => {
    expect(unreachableReason(null, 'npm error audit endpoint returned an error\n')).toMatch(/no JSON report/);
    expect(unreachableReason({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' }, '')).toMatch(
      /could not be reached: 405 Method Not Allowed/,
    );
    expect(unreachableReason({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed' } }, '')).toMatch(/could not be reached/);
    expect(unreachableReason({ vulnerabilities: {}, metadata: { vulnerabilities: { high: 0, critical: 0 } } }, '')).toBeNull();
  });
});
