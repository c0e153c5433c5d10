import { quoteFeatures } from '../learned/quoteFeatures';
import { type Example, probability, train, type TrainingOptions, type Weights } from '../learned/logistic';
import { tokenize } from '../text';
import { findQuotePairs } from '../verbatim/quotes';
import type { CorpusNote } from './corpus';
import { overlaps } from './score';

/**
 * How the quotation model (learned/quoteModel.ts) is trained and measured:
 * on which corpora, from which examples, with which settings. The files are
 * read by scripts/train-quote-model.ts and tests/redaction/quoteModel.test.ts.
 */

/**
 * The training corpora, relative to the checkout. Never field-notes-10 or any
 * later one: they are the corpora kept to score the check (EVALUATION.md).
 */
export const QUOTE_TRAINING_CORPORA: readonly string[] = [
  '../shared/redaction/dev-corpus.jsonl',
  '../shared/redaction/dev-corpus-2.jsonl',
  ...[3, 4, 5, 6, 7, 8, 9].map((n) => `shared/redaction/eval/corpora/field-notes-${n}.jsonl`),
];

/** Forty passes at step 0.05 with a light L2 penalty; a feature needs two examples to get a weight. */
export const QUOTE_TRAINING_OPTIONS: TrainingOptions = { epochs: 40, learningRate: 0.05, l2: 0.01, minExamples: 2 };

/**
 * One example per quotation the check pairs (double and single quotes), in
 * note order: positive when it overlaps a gold verbatim span, that is when
 * it holds someone's words.
 */
export function quoteExamples(notes: readonly CorpusNote[]): Example[] {
  const examples: Example[] = [];
  for (const note of notes) {
    for (const pair of findQuotePairs(tokenize(note.text))) {
      const span = { start: pair.open.start, end: pair.close.end };
      const words = note.spans.some((gold) => gold.kind === 'verbatim' && overlaps(gold, span));
      examples.push({ features: quoteFeatures(note.text, span.start, span.end), label: words ? 1 : 0 });
    }
  }
  return examples;
}

/** The weights from every training corpus, each given as its examples. */
export function trainQuoteModel(corpora: readonly (readonly Example[])[]): Record<string, number> {
  return train(corpora.flat(), QUOTE_TRAINING_OPTIONS);
}

/** The thresholds the leave-one-corpus-out table is read at. */
export const LOCO_THRESHOLDS: readonly number[] = [0.05, 0.1, 0.2, 0.3];

export interface HeldOutRow {
  /** The corpus held out, or "total". */
  readonly corpus: string;
  /** Quotations that are not someone's words, and how many of them fall under each threshold (dismissed: right). */
  readonly notWords: number;
  readonly notWordsDismissed: readonly number[];
  /** Quotations that are someone's words, and how many of them fall under each threshold (dismissed: wrong). */
  readonly words: number;
  readonly wordsDismissed: readonly number[];
}

/**
 * Leave one corpus out: for each corpus, trains on all the others and
 * counts, on the one left out, the quotations the model would dismiss at
 * each threshold. The last row is the total.
 */
export function leaveOneCorpusOut(names: readonly string[], corpora: readonly (readonly Example[])[], thresholds: readonly number[] = LOCO_THRESHOLDS): HeldOutRow[] {
  const rows: HeldOutRow[] = corpora.map((heldOut, index) => {
    const weights: Weights = trainQuoteModel(corpora.filter((_, other) => other !== index));
    const row = { corpus: names[index] as string, notWords: 0, notWordsDismissed: thresholds.map(() => 0), words: 0, wordsDismissed: thresholds.map(() => 0) };
    for (const example of heldOut) {
      const p = probability(weights, example.features);
      if (example.label === 1) row.words += 1;
      else row.notWords += 1;
      thresholds.forEach((threshold, t) => {
        if (p >= threshold) return;
        if (example.label === 1) row.wordsDismissed[t] = (row.wordsDismissed[t] as number) + 1;
        else row.notWordsDismissed[t] = (row.notWordsDismissed[t] as number) + 1;
      });
    }
    return row;
  });
  const sum = (pick: (row: HeldOutRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  rows.push({
    corpus: 'total',
    notWords: sum((row) => row.notWords),
    notWordsDismissed: thresholds.map((_, t) => sum((row) => row.notWordsDismissed[t] as number)),
    words: sum((row) => row.words),
    wordsDismissed: thresholds.map((_, t) => sum((row) => row.wordsDismissed[t] as number)),
  });
  return rows;
}
