import os from 'node:os';
import { runRedactionBench, type Row } from './redactionBench';

/**
 * `npx tsx bench/redaction.ts [--quick]`: speed of the redaction check, as
 * one Markdown table. Numbers, not pass/fail.
 */
function ms(value: number): string {
  return value < 10 ? value.toFixed(3) : value.toFixed(1);
}

function table(rows: readonly Row[]): string {
  const lines = ['| note size | target | ours p50 (ms) | ours p99 (ms) | redact-pii p99 (ms) | ours / redact-pii (p99) |', '| --- | --- | ---: | ---: | ---: | ---: |'];
  for (const row of rows) lines.push(`| ${row.name} | ${row.target} | ${ms(row.ours.p50)} | ${ms(row.ours.p99)} | ${ms(row.peer.p99)} | ${row.ratio.toFixed(2)} |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const rows = await runRedactionBench({ quick, log: (line) => process.stderr.write(`${line}\n`) });
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}. redact-pii: SyncRedactor with its default rules.\n`);
  console.log(table(rows));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
