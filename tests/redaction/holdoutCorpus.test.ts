import path from 'node:path';
import { describe, it } from 'vitest';
import { expectCorpusMeets, targetsInWords } from './corpusTargets';

/**
 * Two blind held-out corpora, labelled by POLICY.md by someone who never saw
 * the check. They live in the repository (tests/fixtures), so this test always
 * runs: it guards the check against fitting the dev corpus alone.
 */
const HOLDOUTS = ['redaction-holdout-a.jsonl', 'redaction-holdout-b.jsonl'];
const TARGETS = { minPrecision: 0.93, minRecall: 0.95, maxCleanFalseAlarmRate: 0.03 };

describe('redaction check on the held-out corpora', () => {
  it.each(HOLDOUTS)(`%s: ${targetsInWords(TARGETS)}`, (file) => expectCorpusMeets(path.resolve(__dirname, '../fixtures', file), file, TARGETS));
});
