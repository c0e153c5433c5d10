import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../shared/redaction';
import { parseCorpus } from '../../shared/redaction/eval/corpus';
import { evaluate, KINDS, report } from '../../shared/redaction/eval/score';

/**
 * The labelled development corpora live beside the checkout, in the read-only
 * ../shared folder: dev-corpus.jsonl (the notes the check was first built on)
 * and dev-corpus-2.jsonl (ten writing styles, written apart from the first).
 * Where a corpus is not there, the test says so by its name and is skipped,
 * never passed silently. Targets of issue 15: recall >= 0.97 and precision >=
 * 0.93 for every kind, clean notes falsely flagged <= 3 %.
 */
const CORPORA = ['dev-corpus.jsonl', 'dev-corpus-2.jsonl'];
const MIN_PRECISION = 0.93;
const MIN_RECALL = 0.97;
const MAX_CLEAN_FALSE_ALARM_RATE = 0.03;

/**
 * field-notes-3 (eight styles, written by someone who had not read the rules)
 * is kept in the repository, so it is never skipped. Its misses were read
 * after its held-out half was scored (EVALUATION.md), so it is held at the
 * same development targets, which it reaches.
 */
const IN_REPO = [path.resolve(__dirname, '../../shared/redaction/eval/corpora/field-notes-3.jsonl')];

describe('redaction check on the corpus kept in the repository', () => {
  for (const corpusPath of IN_REPO) {
    const file = path.basename(corpusPath);
    it(`reaches precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL} for every kind, clean false alarms <= ${MAX_CLEAN_FALSE_ALARM_RATE * 100}%, on shared/redaction/eval/corpora/${file}`, () => {
      const notes = parseCorpus(readFileSync(corpusPath, 'utf8'), corpusPath);
      const score = evaluate(notes, checkNote);
      console.log(`${file}: ${JSON.stringify(report(score))}`);
      for (const kind of KINDS) {
        expect(score.kinds[kind].precision, `${kind} precision`).toBeGreaterThanOrEqual(MIN_PRECISION);
        expect(score.kinds[kind].recall, `${kind} recall`).toBeGreaterThanOrEqual(MIN_RECALL);
      }
      expect(score.clean_false_alarm_rate, 'clean false-alarm rate').toBeLessThanOrEqual(MAX_CLEAN_FALSE_ALARM_RATE);
    });
  }
});

describe('redaction check on the dev corpora', () => {
  for (const file of CORPORA) {
    const corpusPath = path.resolve(__dirname, '../../../shared/redaction', file);
    const present = existsSync(corpusPath);
    it.skipIf(!present)(
      present
        ? `reaches precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL} for every kind, clean false alarms <= ${MAX_CLEAN_FALSE_ALARM_RATE * 100}%, on ../shared/redaction/${file}`
        : `skipped: the dev corpus ../shared/redaction/${file} is absent (no ../shared folder beside the checkout)`,
      () => {
        const notes = parseCorpus(readFileSync(corpusPath, 'utf8'), corpusPath);
        const score = evaluate(notes, checkNote);
        console.log(`${file}: ${JSON.stringify(report(score))}`);
        for (const kind of KINDS) {
          expect(score.kinds[kind].precision, `${kind} precision`).toBeGreaterThanOrEqual(MIN_PRECISION);
          expect(score.kinds[kind].recall, `${kind} recall`).toBeGreaterThanOrEqual(MIN_RECALL);
        }
        expect(score.clean_false_alarm_rate, 'clean false-alarm rate').toBeLessThanOrEqual(MAX_CLEAN_FALSE_ALARM_RATE);
      },
    );
  }
});
