import os from 'node:os';
import { runRedactionBench } from './redactionBench';
import { runReportBench } from './reportBench';
import type { BenchRow } from './row';
import { runUiBench } from './uiBench';
import { runVaultBench } from './vaultBench';

/**
 * `npm run bench [-- --quick] [--vault-only] [--drafts-only] [--schema=N]`: one Markdown table for the whole product,
 * every row beside its target and, where there is one, a peer measured on the
 * same workload in this same run. Numbers, not pass/fail; docs/benchmarks.md keeps
 * the latest table and the machine it ran on.
 */
const log = (line: string) => process.stderr.write(`${line}\n`);

function format(value: number): string {
  return value < 10 ? value.toFixed(3) : value.toFixed(1);
}

function table(rows: readonly BenchRow[]): string {
  const lines = ['| area | measurement | target | measured (ms) | peer | peer (ms) | measured / peer |', '| --- | --- | --- | ---: | --- | ---: | ---: |'];
  for (const row of rows) {
    const peer = row.peer;
    const ratio = peer ? (row.value / peer.value).toFixed(2) : '—';
    lines.push(`| ${row.area} | ${row.name} | ${row.target} | ${format(row.value)} | ${peer?.name ?? '—'} | ${peer ? format(peer.value) : '—'} | ${ratio} |`);
  }
  return lines.join('\n');
}

async function redactionRows(quick: boolean): Promise<BenchRow[]> {
  const rows = await runRedactionBench({ quick, log });
  return rows.flatMap((row) => [
    { area: 'redaction', name: `check p50 (${row.name})`, target: 'report', value: row.ours.p50, peer: null },
    { area: 'redaction', name: `check p99 (${row.name})`, target: row.target, value: row.ours.p99, peer: { name: 'redact-pii', value: row.peer.p99 } },
  ]);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  // --vault-only: just the vault rows (with --quick: at 2k notes), for quick before/after comparisons.
  const vaultOnly = process.argv.includes('--vault-only');
  // --drafts-only: just the unfinished-note save rows, at 10k notes.
  const draftsOnly = process.argv.includes('--drafts-only');
  const rows: BenchRow[] = [];
  // --schema=N: build the vaults at schema version N (an earlier one, to compare before and after a migration).
  const schemaArgument = process.argv.find((argument) => argument.startsWith('--schema='));
  const schemaVersion = schemaArgument === undefined ? undefined : Number(schemaArgument.slice('--schema='.length));
  rows.push(
    ...(await runVaultBench({ sizes: quick ? [2_000] : draftsOnly ? [10_000] : [10_000, 100_000], log, draftsOnly, ...(schemaVersion === undefined ? {} : { schemaVersion }) })),
  );
  if (!vaultOnly && !draftsOnly) {
    rows.push(...(await redactionRows(quick)));
    rows.push(...(await runReportBench({ log, ...(quick ? { services: 5_000, notes: 10_000 } : {}) })));
    rows.push(...(await runUiBench({ quick, log })));
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}\n`);
  console.log(table(rows));
  console.log('\nVault rows: the encrypted vault against plain SQLite with the same durability settings, samples alternating between the two (target ratio <= 1.3).');
  console.log('Redaction rows: the check against redact-pii (SyncRedactor, default rules) on the same notes.');
  console.log('UI rows: the Vite-built renderer in Chromium over a real vault (test KDF cost); keystroke rows time keydown → highlight in the DOM; KiB rows are sizes, not times.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
