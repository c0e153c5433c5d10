import { createInterface } from 'node:readline';
import { REPORT_THRESHOLDS } from '../../../shared/api/schemas';
import { simulateLine } from '../../report/simulate';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { integerOption } from '../parse';
import { UsageError } from '../usageError';

/** The longest input line read: a month's metrics are about 3 KB. */
const MAX_LINE_CHARS = 1024 * 1024;

export const reportSimulateCommand: CliCommand = {
  words: ['report', 'simulate'],
  summary: 'Show what a report would publish for any numbers (for privacy officers)',
  usage: 'report simulate --threshold K < metrics.jsonl',
  help: [
    'Reads JSON Lines on standard input: each line one `metrics` object with the field names of a report\'s',
    '`metrics` (docs/report-format.md) and every value a plain number (a median or mean may be null).',
    'Writes one JSON line per input line: that `metrics` object exactly as a report with those numbers,',
    'at k = --threshold, would publish it (hidden values as {"suppressed":true}).',
    `K is ${REPORT_THRESHOLDS.join(', ')}. Needs no vault; nothing is written but standard output.`,
    'Counts must agree with their sums (cases closed = the outcomes; cases resolved = goals met + improved).',
    'A line that is not such an object stops the run with an error naming the line and the field (exit 1);',
    'the lines before it have been written. Empty lines are skipped.',
  ].join('\n'),
  options: { threshold: { type: 'string' } },
  async run({ values, io }) {
    const threshold = integerOption('threshold', values.threshold);
    if (threshold === undefined) throw new UsageError('Missing --threshold K.');
    if (!(REPORT_THRESHOLDS as readonly number[]).includes(threshold)) throw new UsageError(`--threshold must be ${REPORT_THRESHOLDS.join(', ')}.`);
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      if (line.length > MAX_LINE_CHARS) throw new UsageError(`line ${lineNumber}: longer than ${MAX_LINE_CHARS} characters.`);
      writeLine(io.stdout, simulateLine(line, lineNumber, threshold));
    }
  },
};
