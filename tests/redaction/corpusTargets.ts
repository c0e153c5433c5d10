import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { checkNote } from '../../shared/redaction';
import { parseCorpus } from '../../shared/redaction/eval/corpus';
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

/** Scores the check on a labelled corpus (JSON Lines) and holds every kind to `targets`; the score is printed. */
export function expectCorpusMeets(corpusPath: string, name: string, targets: CorpusTargets): void {
  const notes = parseCorpus(readFileSync(corpusPath, 'utf8'), corpusPath);
  expect(notes.length).toBeGreaterThan(0);
  const score = evaluate(notes, checkNote);
  console.log(`${name}: ${JSON.stringify(report(score))}`);
  for (const kind of KINDS) {
    expect(score.kinds[kind].precision, `${kind} precision`).toBeGreaterThanOrEqual(targets.minPrecision);
    expect(score.kinds[kind].recall, `${kind} recall`).toBeGreaterThanOrEqual(targets.minRecall);
  }
  expect(score.clean_false_alarm_rate, 'clean false-alarm rate').toBeLessThanOrEqual(targets.maxCleanFalseAlarmRate);
}
