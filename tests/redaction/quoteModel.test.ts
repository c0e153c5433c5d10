import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../shared/redaction';
import { parseCorpus } from '../../shared/redaction/eval/corpus';
import { QUOTE_TRAINING_CORPORA, quoteExamples, trainQuoteModel } from '../../shared/redaction/eval/quoteTraining';
import { type Example, train } from '../../shared/redaction/learned/logistic';
import { quoteSoundsLikeSomeonesWords } from '../../shared/redaction/learned/quoteModel';
import { QUOTE_WEIGHTS } from '../../shared/redaction/learned/quoteWeights';

/**
 * The quotation model (shared/redaction/learned/): its committed weights are
 * what `npm run train:redaction` makes of the training corpora, training is
 * deterministic, the file stays small, and the check it feeds dismisses a
 * sign's or a form's wording while it still flags a student's own words.
 */
const root = path.resolve(__dirname, '../..');
const corpusPath = (relative: string) => path.resolve(root, relative);
const allPresent = QUOTE_TRAINING_CORPORA.every((relative) => existsSync(corpusPath(relative)));
const inRepository = QUOTE_TRAINING_CORPORA.filter((relative) => relative.startsWith('shared/'));

function examplesOf(relative: string): Example[] {
  return quoteExamples(parseCorpus(readFileSync(corpusPath(relative), 'utf8'), relative));
}

const OPTIONS = { epochs: 40, learningRate: 0.05, l2: 0.01, minExamples: 2 };

describe('training the quotation model', () => {
  it.skipIf(!allPresent)(
    allPresent
      ? 'the committed weights (quoteWeights.ts) equal a fresh training on the corpora'
      : 'skipped: the committed weights cannot be retrained here, the dev corpora ../shared/redaction/dev-corpus*.jsonl are absent (no ../shared folder beside the checkout)',
    () => {
      expect(trainQuoteModel(QUOTE_TRAINING_CORPORA.map(examplesOf))).toEqual(QUOTE_WEIGHTS);
    },
  );

  it('gives the same weights, in the same order, when run twice on the same corpora', () => {
    const corpora = inRepository.map(examplesOf);
    const first = trainQuoteModel(corpora);
    const second = trainQuoteModel(inRepository.map(examplesOf));
    expect(Object.keys(first).length).toBeGreaterThan(100);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('never trains on the corpora kept to score the check', () => {
    for (let n = 10; n <= 16; n += 1) expect(QUOTE_TRAINING_CORPORA.join(' ')).not.toContain(`field-notes-${n}.jsonl`);
  });

  it('gives no weight to a feature seen in one example, rounds to four decimals, drops tiny weights and sorts the keys', () => {
    const examples: Example[] = [
      { features: ['bias', 'z=words', 'once'], label: 1 },
      { features: ['bias', 'z=words'], label: 1 },
      { features: ['bias', 'a=sign'], label: 0 },
      { features: ['bias', 'a=sign', 'a=sign'], label: 0 },
    ];
    const weights = train(examples, OPTIONS);
    expect(Object.keys(weights)).toEqual(['a=sign', 'bias', 'z=words']);
    expect(weights['once']).toBeUndefined();
    // No pass over the examples: every weight is zero, so none is kept.
    expect(train(examples, { ...OPTIONS, epochs: 0 })).toEqual({});
    expect(weights['z=words']).toBeGreaterThan(0);
    expect(weights['a=sign']).toBeLessThan(0);
    for (const weight of Object.values(weights)) expect(Math.round(weight * 10_000) / 10_000).toBe(weight);
  });
});

describe('the committed weights', () => {
  const file = path.resolve(root, 'shared/redaction/learned/quoteWeights.ts');

  it('are a small file (under 60 KB)', () => {
    expect(statSync(file).size).toBeLessThan(60_000);
    expect(Object.keys(QUOTE_WEIGHTS).length).toBeGreaterThan(100);
  });

  it.skipIf(!allPresent)(
    allPresent
      ? 'hold no feature seen in only one training quotation'
      : 'skipped: which features the training corpora hold cannot be counted, the dev corpora ../shared/redaction/dev-corpus*.jsonl are absent',
    () => {
      const seenIn = new Map<string, number>();
      for (const example of QUOTE_TRAINING_CORPORA.flatMap(examplesOf)) for (const feature of new Set(example.features)) seenIn.set(feature, (seenIn.get(feature) ?? 0) + 1);
      const once = Object.keys(QUOTE_WEIGHTS).filter((feature) => (seenIn.get(feature) ?? 0) < 2);
      expect(once).toEqual([]);
    },
  );
});

/** Notes written for this test, not taken from any corpus. */
describe('the check with the quotation model', () => {
  const quotationOf = (note: string, quoted: string) => {
    const start = note.indexOf(quoted) - 1;
    return [start, start + quoted.length + 2] as const;
  };
  const flagged = (note: string) => checkNote(note).filter((finding) => finding.kind === 'verbatim');

  it.each([
    ["The poster outside the nurse's office says \"Wash Your Hands. Cover Your Cough.\"", 'Wash Your Hands. Cover Your Cough.'],
    ['The intake packet question reads "Has the student ever been out of school for one month or more?"', 'Has the student ever been out of school for one month or more?'],
    ['Hung up the new poster for the hallway, "Kindness Counts, Pass It On!" and told him about it.', 'Kindness Counts, Pass It On!'],
  ])('does not flag a sign or a form wording in quotes: %s', (note, quoted) => {
    expect(quoteSoundsLikeSomeonesWords(note, ...quotationOf(note, quoted))).toBe(false);
    expect(flagged(note)).toEqual([]);
  });

  it.each([
    ['Student came in upset after lunch and said "I don\'t want to go home tonight, my stepdad is back."', "I don't want to go home tonight, my stepdad is back."],
    ['During check-in he whispered "I haven\'t eaten since yesterday and I\'m tired of it."', "I haven't eaten since yesterday and I'm tired of it."],
    ['Met with her at recess. She said "I feel like nobody at this school even notices me."', 'I feel like nobody at this school even notices me.'],
  ])("flags a student's own words: %s", (note, quoted) => {
    const [start, end] = quotationOf(note, quoted);
    expect(quoteSoundsLikeSomeonesWords(note, start, end)).toBe(true);
    expect(flagged(note).map((finding) => [finding.start, finding.end, finding.rule])).toEqual([[start, end, 'verbatim.quote']]);
  });
});
