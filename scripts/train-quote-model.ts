/**
 * Trains the quotation model of the redaction check and writes its weights to
 * shared/redaction/learned/quoteWeights.ts:
 *
 *   npm run train:redaction            (or: npx tsx scripts/train-quote-model.ts)
 *   npm run train:redaction -- --loco  prints the leave-one-corpus-out table, writes nothing
 *
 * Reads the training corpora of shared/redaction/eval/quoteTraining.ts (the two
 * dev corpora beside the checkout, in ../shared, and field-notes-3 to -9); a
 * missing corpus is one line on stderr and exit code 1. Deterministic: the
 * same corpora always give the same file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Example } from '../shared/redaction/learned/logistic';
import { CorpusError, parseCorpus } from '../shared/redaction/eval/corpus';
import { LOCO_THRESHOLDS, leaveOneCorpusOut, QUOTE_TRAINING_CORPORA, QUOTE_TRAINING_OPTIONS, quoteExamples, trainQuoteModel } from '../shared/redaction/eval/quoteTraining';

const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, 'shared/redaction/learned/quoteWeights.ts');

function fail(message: string): never {
  process.stderr.write(`train-quote-model: ${message}\n`);
  process.exit(1);
}

interface Corpus {
  name: string;
  sha256: string;
  examples: Example[];
}

function readCorpus(relative: string): Corpus {
  let source: string;
  try {
    source = readFileSync(path.resolve(root, relative), 'utf8');
  } catch (error) {
    fail(`cannot read the training corpus ${relative}: ${(error as Error).message}`);
  }
  try {
    return { name: relative, sha256: createHash('sha256').update(source).digest('hex'), examples: quoteExamples(parseCorpus(source, relative)) };
  } catch (error) {
    if (error instanceof CorpusError) fail(error.message);
    throw error;
  }
}

function printLoco(corpora: readonly Corpus[]): void {
  const rows = leaveOneCorpusOut(
    corpora.map((corpus) => path.basename(corpus.name)),
    corpora.map((corpus) => corpus.examples),
  );
  const head = LOCO_THRESHOLDS.map((t) => `p < ${t}`);
  const lines = [
    'Each corpus held out in turn, the model trained on the others. Per threshold: quotations that are not someone\'s words dismissed (right) / quotations that are someone\'s words dismissed (wrong).',
    '',
    `| held out | not words | words | ${head.join(' | ')} |`,
    `| --- | ---: | ---: | ${head.map(() => '---:').join(' | ')} |`,
  ];
  for (const row of rows) {
    const cells = LOCO_THRESHOLDS.map((_, t) => `${row.notWordsDismissed[t] as number} / ${row.wordsDismissed[t] as number}`);
    lines.push(`| ${row.corpus} | ${row.notWords} | ${row.words} | ${cells.join(' | ')} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function weightsSource(corpora: readonly Corpus[], weights: Readonly<Record<string, number>>): string {
  const examples = corpora.reduce((total, corpus) => total + corpus.examples.length, 0);
  const options = QUOTE_TRAINING_OPTIONS;
  const lines = [
    '/**',
    ' * Generated: do not edit. The weights of the quotation model',
    ' * (quoteModel.ts): logistic regression over the features of quoteFeatures.ts,',
    ' * one weight per feature, for "is this quotation someone\'s words?".',
    ' *',
    ' * Regenerate with `npm run train:redaction` (scripts/train-quote-model.ts).',
    ` * Trained on ${examples} quotations (${options.epochs} passes, step ${options.learningRate}, L2 ${options.l2},`,
    ` * features seen in at least ${options.minExamples} of them) from these corpora (sha256):`,
    ...corpora.map((corpus) => ` *   ${corpus.name} ${corpus.sha256} (${corpus.examples.length} quotations)`),
    ' */',
    'export const QUOTE_WEIGHTS: Readonly<Record<string, number>> = {',
    ...Object.entries(weights).map(([feature, weight]) => `  ${JSON.stringify(feature)}: ${weight},`),
    '};',
    '',
  ];
  return lines.join('\n');
}

const corpora = QUOTE_TRAINING_CORPORA.map(readCorpus);
if (process.argv.includes('--loco')) {
  printLoco(corpora);
} else {
  const weights = trainQuoteModel(corpora.map((corpus) => corpus.examples));
  writeFileSync(target, weightsSource(corpora, weights));
  process.stderr.write(`train-quote-model: ${Object.keys(weights).length} weights written to ${path.relative(root, target)}\n`);
}
