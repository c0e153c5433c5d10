import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { expectCorpusMeets, targetsInWords } from './corpusTargets';

/**
 * The labelled development corpora live beside the checkout, in the read-only
 * ../shared folder: dev-corpus.jsonl (the notes the check was first built on)
 * and dev-corpus-2.jsonl (ten writing styles, written apart from the first).
 * Where a corpus is not there, the test says so by its name and is skipped,
 * never passed silently. Targets of issue 15: recall >= 0.97 and precision >=
 * 0.93 for every kind, clean notes falsely flagged <= 3 %.
 */
const CORPORA = ['dev-corpus.jsonl', 'dev-corpus-2.jsonl'];
const TARGETS = { minPrecision: 0.93, minRecall: 0.97, maxCleanFalseAlarmRate: 0.03 };

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
    it(`reaches ${targetsInWords(TARGETS)}, on shared/redaction/eval/corpora/${file}`, () => expectCorpusMeets(corpusPath, file, TARGETS));
  }
});

describe('redaction check on the dev corpora', () => {
  for (const file of CORPORA) {
    const corpusPath = path.resolve(__dirname, '../../../shared/redaction', file);
    const present = existsSync(corpusPath);
    it.skipIf(!present)(
      present
        ? `reaches ${targetsInWords(TARGETS)}, on ../shared/redaction/${file}`
        : `skipped: the dev corpus ../shared/redaction/${file} is absent (no ../shared folder beside the checkout)`,
      () => expectCorpusMeets(corpusPath, file, TARGETS),
    );
  }
});
