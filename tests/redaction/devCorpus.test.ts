import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { type CorpusTargets, expectCorpusMeets, targetsInWords } from './corpusTargets';

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

/**
 * field-notes-4 to -9 and -11 to -16 (written blind on 2026-12-07,
 * eval/corpora/README.md) were scored first, built from their even halves,
 * scored on their odd halves once, and only then read (EVALUATION.md);
 * field-notes-10 has only been scored. They do not reach the development
 * targets yet; these floors, a little under today's scores, keep them from
 * falling back.
 */
const BLIND_FLOORS: Array<[string, CorpusTargets]> = [
  ['field-notes-4.jsonl', { minPrecision: 0.9, minRecall: 0.9, maxCleanFalseAlarmRate: 0.04 }],
  ['field-notes-5.jsonl', { minPrecision: 0.9, minRecall: 0.95, maxCleanFalseAlarmRate: 0.04 }],
  ['field-notes-6.jsonl', { minPrecision: 0.9, minRecall: 0.88, maxCleanFalseAlarmRate: 0.05 }],
  ['field-notes-7.jsonl', { minPrecision: 0.88, minRecall: 0.85, maxCleanFalseAlarmRate: 0.08 }],
  ['field-notes-8.jsonl', { minPrecision: 0.93, minRecall: 0.93, maxCleanFalseAlarmRate: 0.03 }],
  ['field-notes-9.jsonl', { minPrecision: 0.9, minRecall: 0.9, maxCleanFalseAlarmRate: 0.05 }],
  // Scored once, first, with the check as it stands; none of its misses has been read.
  ['field-notes-10.jsonl', { minPrecision: 0.85, minRecall: 0.85, maxCleanFalseAlarmRate: 0.07 }],
  // Built from their even halves, odd halves scored once (EVALUATION.md).
  ['field-notes-11.jsonl', { minPrecision: 0.8, minRecall: 0.75, maxCleanFalseAlarmRate: 0.08 }],
  ['field-notes-12.jsonl', { minPrecision: 0.85, minRecall: 0.9, maxCleanFalseAlarmRate: 0.05 }],
  ['field-notes-13.jsonl', { minPrecision: 0.93, minRecall: 0.86, maxCleanFalseAlarmRate: 0.05 }],
  ['field-notes-14.jsonl', { minPrecision: 0.88, minRecall: 0.78, maxCleanFalseAlarmRate: 0.1 }],
  // Scored once, first (the estimate for unseen notes), then built from their even halves.
  ['field-notes-15.jsonl', { minPrecision: 0.86, minRecall: 0.86, maxCleanFalseAlarmRate: 0.09 }],
  ['field-notes-16.jsonl', { minPrecision: 0.9, minRecall: 0.84, maxCleanFalseAlarmRate: 0.04 }],
];

describe('redaction check on the later blind corpora', () => {
  for (const [file, floors] of BLIND_FLOORS) {
    const corpusPath = path.resolve(__dirname, '../../shared/redaction/eval/corpora', file);
    it(`stays at ${targetsInWords(floors)}, on shared/redaction/eval/corpora/${file}`, () => expectCorpusMeets(corpusPath, file, floors));
  }
});

