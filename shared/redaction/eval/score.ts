import type { FindingKind } from '../finding';

/**
 * Scoring for the redaction check, exactly as POLICY.md defines it:
 *
 * - A predicted span counts as a hit for a gold span of the same kind when the
 *   two overlap by at least one character (offsets are UTF-16, end exclusive,
 *   so [0,4) and [4,8) do not overlap).
 * - Each gold span is matched at most once. A predicted span may overlap
 *   several gold spans; it is one hit, and every gold span it overlaps counts
 *   as matched (the policy limits gold spans, not predicted ones).
 * - The hits are the largest number of predicted spans that can each be given
 *   a gold span of their own (a maximum bipartite matching), so two
 *   predictions on one gold span make one hit and one false alarm.
 * - precision = hits / predicted spans; recall = matched gold spans / gold
 *   spans; F2 = 5PR / (4P + R), weighing recall twice.
 * - A note with no gold span is clean: any flag on it is a false alarm.
 *   clean_false_alarm_rate = clean notes with any finding / clean notes.
 *
 * With nothing predicted, precision is 1 (no false alarm was raised); with
 * nothing to find, recall is 1. Both are reported with the raw counts.
 */

export const KINDS: readonly FindingKind[] = ['diagnostic', 'verbatim', 'identifier'];

export interface Span {
  start: number;
  end: number;
  kind: FindingKind;
}

export interface ScoredNote {
  id: string;
  gold: readonly Span[];
  predicted: readonly Span[];
}

export interface KindCounts {
  /** Predicted spans that are hits. */
  tp: number;
  /** Predicted spans that are not. */
  fp: number;
  /** Gold spans no prediction overlaps. */
  fn: number;
  gold: number;
  predicted: number;
  matchedGold: number;
}

export interface KindScore extends KindCounts {
  precision: number;
  recall: number;
  f2: number;
}

export interface Score {
  notes: number;
  clean_notes: number;
  clean_false_alarms: number;
  clean_false_alarm_rate: number;
  kinds: Record<FindingKind, KindScore>;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Counts for one kind in one note. */
export function matchSpans(gold: readonly Span[], predicted: readonly Span[]): KindCounts {
  const edges = predicted.map((p) => gold.flatMap((g, index) => (overlaps(p, g) ? [index] : [])));
  // Kuhn's augmenting paths: the most predictions that each get a gold span of their own.
  const owner = new Array<number>(gold.length).fill(-1);
  const tryAssign = (p: number, seen: boolean[]): boolean => {
    for (const g of edges[p] as number[]) {
      if (seen[g]) continue;
      seen[g] = true;
      if (owner[g] === -1 || tryAssign(owner[g] as number, seen)) {
        owner[g] = p;
        return true;
      }
    }
    return false;
  };
  let tp = 0;
  for (let p = 0; p < predicted.length; p += 1) {
    if (tryAssign(p, new Array<boolean>(gold.length).fill(false))) tp += 1;
  }
  const matchedGold = gold.filter((g) => predicted.some((p) => overlaps(p, g))).length;
  return { tp, fp: predicted.length - tp, fn: gold.length - matchedGold, gold: gold.length, predicted: predicted.length, matchedGold };
}

export function ratios(counts: KindCounts): KindScore {
  const precision = counts.predicted === 0 ? 1 : counts.tp / counts.predicted;
  const recall = counts.gold === 0 ? 1 : counts.matchedGold / counts.gold;
  const f2 = precision + recall === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
  return { ...counts, precision, recall, f2 };
}

export function scoreNotes(notes: readonly ScoredNote[]): Score {
  const totals = Object.fromEntries(KINDS.map((kind) => [kind, { tp: 0, fp: 0, fn: 0, gold: 0, predicted: 0, matchedGold: 0 }])) as Record<FindingKind, KindCounts>;
  let clean = 0;
  let alarms = 0;
  for (const note of notes) {
    for (const kind of KINDS) {
      const counts = matchSpans(
        note.gold.filter((s) => s.kind === kind),
        note.predicted.filter((s) => s.kind === kind),
      );
      const total = totals[kind];
      total.tp += counts.tp;
      total.fp += counts.fp;
      total.fn += counts.fn;
      total.gold += counts.gold;
      total.predicted += counts.predicted;
      total.matchedGold += counts.matchedGold;
    }
    if (note.gold.length === 0) {
      clean += 1;
      if (note.predicted.length > 0) alarms += 1;
    }
  }
  const kinds = Object.fromEntries(KINDS.map((kind) => [kind, ratios(totals[kind])])) as Record<FindingKind, KindScore>;
  return { notes: notes.length, clean_notes: clean, clean_false_alarms: alarms, clean_false_alarm_rate: clean === 0 ? 0 : alarms / clean, kinds };
}

/** Runs `check` on every note and scores it against the gold spans. */
export function evaluate(notes: readonly { id: string; text: string; spans: readonly Span[] }[], check: (text: string) => readonly Span[]): Score {
  return scoreNotes(notes.map((note) => ({ id: note.id, gold: note.spans, predicted: check(note.text).map(({ start, end, kind }) => ({ start, end, kind })) })));
}

/** The compact report printed by `scripts/eval-redaction.ts`. */
export function report(score: Score): Record<string, unknown> {
  const out: Record<string, unknown> = {
    notes: score.notes,
    clean_notes: score.clean_notes,
    clean_false_alarm_rate: round(score.clean_false_alarm_rate),
  };
  for (const kind of KINDS) {
    const k = score.kinds[kind];
    out[kind] = { precision: round(k.precision), recall: round(k.recall), f2: round(k.f2), tp: k.tp, fp: k.fp, fn: k.fn };
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
