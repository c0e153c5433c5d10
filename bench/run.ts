import os from 'node:os';
import { runVaultBench, type BenchRow } from './vaultBench';

/**
 * `npm run bench`: prints one Markdown table, every row measured on the
 * encrypted vault and on plain SQLite with the same settings in this run.
 * Numbers, not pass/fail: the README keeps the latest table.
 */
const ENCRYPTED_TO_PLAIN_LIMIT = 1.3;

function format(value: number): string {
  return value < 10 ? value.toFixed(3) : value.toFixed(1);
}

function table(rows: BenchRow[]): string {
  const lines = [
    '| measurement | target (ms) | encrypted (ms) | plain SQLite (ms) | encrypted / plain |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const ratio = row.plain === null ? '—' : (row.encrypted / row.plain).toFixed(2);
    const flag = row.plain !== null && row.encrypted / row.plain > ENCRYPTED_TO_PLAIN_LIMIT ? ' ⚠' : '';
    lines.push(`| ${row.name} | ${row.target} | ${format(row.encrypted)} | ${row.plain === null ? '—' : format(row.plain)} | ${ratio}${flag} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const sizes = quick ? [2_000] : [10_000, 100_000];
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const rows = await runVaultBench({ sizes, log });
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
  console.log(`Ratio target: encrypted / plain <= ${ENCRYPTED_TO_PLAIN_LIMIT} on every row (⚠ marks a row above it).\n`);
  console.log(table(rows));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
