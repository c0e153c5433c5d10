import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { checkNote } from '../../shared/redaction';
import { type CorpusNote, parseCorpus } from '../../shared/redaction/eval/corpus';
import { evaluate, KINDS, report } from '../../shared/redaction/eval/score';

export interface CorpusTargets {
  minPrecision: number;
  minRecall: number;
  maxCleanFalseAlarmRate: number;
}

/** The targets in words, for a test's name. */
export function targetsInWords(targets: CorpusTargets): string {
  return `precision >= ${targets.minPrecision} and recall >= ${targets.minRecall} for every kind, clean false alarms <= ${targets.maxCleanFalseAlarmRate * 100}%`;
}

/** Scores the check on a labelled corpus (a JSON Lines file, or notes already read) and holds every kind to `targets`; the score is printed. */
export function expectCorpusMeets(corpus: string | readonly CorpusNote[], name: string, targets: CorpusTargets): void {
  const notes = typeof corpus === 'string' ? parseCorpus(readFileSync(corpus, 'utf8'), corpus) : corpus;
  expect(notes.length).toBeGreaterThan(0);
  const score = evaluate(notes, checkNote);
  console.log(`${name}: ${JSON.stringify(report(score))}`);
  for (const kind of KINDS) {
    expect(score.kinds[kind].precision, `${kind} precision`).toBeGreaterThanOrEqual(targets.minPrecision);
    expect(score.kinds[kind].recall, `${kind} recall`).toBeGreaterThanOrEqual(targets.minRecall);
  }
  expect(score.clean_false_alarm_rate, 'clean false-alarm rate').toBeLessThanOrEqual(targets.maxCleanFalseAlarmRate);
}
