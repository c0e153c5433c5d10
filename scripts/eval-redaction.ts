/**
 * Scores the redaction check on a labelled JSONL corpus (POLICY.md format):
 *
 *   npx tsx scripts/eval-redaction.ts ../shared/redaction/dev-corpus.jsonl [--misses] [--half=even|odd]
 *
 * Prints one JSON object on stdout: per kind precision, recall, f2, tp, fp, fn,
 * and the clean false-alarm rate. With --misses, lists every missed gold span
 * and every false alarm on stderr. A missing or malformed file is one line on
 * stderr and exit code 1. With --half=even or --half=odd, only the notes whose
 * id ends in an even (odd) number are scored: the split that keeps one half
 * unread while rules are built from the other (shared/redaction/EVALUATION.md).
 * With --variant=lower|curly|single|nopunct|newlines|noquotes, the notes are
 * scored as that writing form leaves them (shared/redaction/eval/variants.ts).
 */
import { readFileSync } from 'node:fs';
import { checkNote } from '../shared/redaction';
import { CorpusError, halfOf, parseCorpus } from '../shared/redaction/eval/corpus';
import { evaluate, overlaps, report } from '../shared/redaction/eval/score';
import { type Variant, VARIANTS, variantOf } from '../shared/redaction/eval/variants';

function fail(message: string): never {
  process.stderr.write(`eval-redaction: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const file = args.find((arg) => !arg.startsWith('--'));
if (file === undefined) fail('usage: eval-redaction <corpus.jsonl> [--misses] [--half=even|odd] [--variant=NAME]');
const halfArgument = args.find((arg) => arg.startsWith('--half'));
const half = halfArgument === undefined ? undefined : halfArgument.slice('--half='.length);
if (half !== undefined && half !== 'even' && half !== 'odd') fail('--half must be --half=even or --half=odd');
const variantArgument = args.find((arg) => arg.startsWith('--variant'));
const variant = variantArgument === undefined ? undefined : variantArgument.slice('--variant='.length);
if (variant !== undefined && !(VARIANTS as readonly string[]).includes(variant)) fail(`--variant must be one of ${VARIANTS.join(', ')}`);

let source: string;
try {
  source = readFileSync(file, 'utf8');
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(error as Error).message}`);
}

let notes;
try {
  notes = parseCorpus(source, file);
  if (half !== undefined) notes = halfOf(notes, half);
  if (variant !== undefined) notes = variantOf(notes, variant as Variant);
} catch (error) {
  if (error instanceof CorpusError) fail(error.message);
  throw error;
}

const score = evaluate(notes, checkNote);
process.stdout.write(`${JSON.stringify(report(score))}\n`);

if (showMisses) {
  for (const note of notes) {
    const found = checkNote(note.text);
    for (const gold of note.spans) {
      if (!found.some((f) => f.kind === gold.kind && overlaps(f, gold))) {
        process.stderr.write(`MISS ${note.id} ${gold.kind}: ${JSON.stringify(note.text.slice(gold.start, gold.end))}\n`);
      }
    }
    for (const f of found) {
      const hits = note.spans.filter((gold) => gold.kind === f.kind && overlaps(f, gold));
      if (hits.length === 0) process.stderr.write(`FALSE ${note.id} ${f.kind} ${f.rule}: ${JSON.stringify(note.text.slice(f.start, f.end))}\n`);
    }
  }
}
