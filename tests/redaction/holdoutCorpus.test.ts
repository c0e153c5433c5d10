import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../shared/redaction';
import { parseCorpus } from '../../shared/redaction/eval/corpus';
import { evaluate, KINDS, report } from '../../shared/redaction/eval/score';

/**
 * Two blind held-out corpora, labelled by POLICY.md by someone who never saw
 * the check. They live in the repository (tests/fixtures), so this test always
 * runs: it guards the check against fitting the dev corpus alone.
 */
const HOLDOUTS = ['redaction-holdout-a.jsonl', 'redaction-holdout-b.jsonl'];
const MIN_PRECISION = 0.93;
const MIN_RECALL = 0.95;
const MAX_CLEAN_FALSE_ALARM_RATE = 0.03;

describe('redaction check on the held-out corpora', () => {
  it.each(HOLDOUTS)(
    `%s: precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL} for every kind, clean false alarms <= ${MAX_CLEAN_FALSE_ALARM_RATE * 100}%`,
    (file) => {
      const corpusPath = path.resolve(__dirname, '../fixtures', file);
      const notes = parseCorpus(readFileSync(corpusPath, 'utf8'), corpusPath);
      expect(notes.length).toBeGreaterThan(0);
      const score = evaluate(notes, checkNote);
      console.log(`${file}: ${JSON.stringify(report(score))}`);
      for (const kind of KINDS) {
        expect(score.kinds[kind].precision, `${kind} precision`).toBeGreaterThanOrEqual(MIN_PRECISION);
        expect(score.kinds[kind].recall, `${kind} recall`).toBeGreaterThanOrEqual(MIN_RECALL);
      }
      expect(score.clean_false_alarm_rate, 'clean false-alarm rate').toBeLessThanOrEqual(MAX_CLEAN_FALSE_ALARM_RATE);
    },
  );
});
