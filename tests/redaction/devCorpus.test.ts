import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../shared/redaction';
import { parseCorpus } from '../../shared/redaction/eval/corpus';
import { evaluate, KINDS, report } from '../../shared/redaction/eval/score';

/**
 * The labelled development corpus lives beside the checkout, in the read-only
 * ../shared folder. Where that folder is not there, the test says so by its
 * name and is skipped, never passed silently.
 */
const corpusPath = path.resolve(__dirname, '../../../shared/redaction/dev-corpus.jsonl');
const present = existsSync(corpusPath);
const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.95;

describe('redaction check on the dev corpus', () => {
  it.skipIf(!present)(
    present
      ? `reaches precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL} for every kind on ../shared/redaction/dev-corpus.jsonl`
      : 'skipped: the dev corpus ../shared/redaction/dev-corpus.jsonl is absent (no ../shared folder beside the checkout)',
    () => {
      const notes = parseCorpus(readFileSync(corpusPath, 'utf8'), corpusPath);
      const score = evaluate(notes, checkNote);
      console.log(`dev corpus: ${JSON.stringify(report(score))}`);
      for (const kind of KINDS) {
        expect(score.kinds[kind].precision, `${kind} precision`).toBeGreaterThanOrEqual(MIN_PRECISION);
        expect(score.kinds[kind].recall, `${kind} recall`).toBeGreaterThanOrEqual(MIN_RECALL);
      }
    },
  );
});
