import { describe, expect, it } from 'vitest';
import { CorpusError, parseCorpus } from '../../shared/redaction/eval/corpus';
import { evaluate, matchSpans, overlaps, ratios, report, scoreNotes, type Span } from '../../shared/redaction/eval/score';

const dx = (start: number, end: number): Span => ({ start, end, kind: 'diagnostic' });
const vb = (start: number, end: number): Span => ({ start, end, kind: 'verbatim' });

describe('the matching rule of POLICY.md', () => {
  it('counts an overlap of a single character as a hit', () => {
    expect(overlaps(dx(0, 5), dx(4, 9))).toBe(true);
    expect(matchSpans([dx(0, 5)], [dx(4, 9)])).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  it('does not count spans that only touch (end is exclusive)', () => {
    expect(overlaps(dx(0, 4), dx(4, 8))).toBe(false);
    expect(matchSpans([dx(0, 4)], [dx(4, 8)])).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('counts a prediction inside the gold span and one around it', () => {
    expect(matchSpans([dx(10, 20)], [dx(12, 14)])).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(matchSpans([dx(10, 20)], [dx(0, 30)])).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  it('matches each gold span at most once: a second prediction on it is a false alarm', () => {
    expect(matchSpans([dx(0, 20)], [dx(0, 5), dx(10, 15)])).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  });

  it('lets one prediction cover two gold spans: one hit, both gold spans matched', () => {
    expect(matchSpans([dx(0, 5), dx(10, 15)], [dx(0, 15)])).toMatchObject({ tp: 1, fp: 0, fn: 0, matchedGold: 2 });
  });

  it('finds the best assignment, not the first one', () => {
    // P1 overlaps G1 and G2, P2 overlaps only G1: both predictions can be hits.
    const gold = [dx(0, 10), dx(20, 30)];
    const predicted = [dx(5, 25), dx(0, 3)];
    expect(matchSpans(gold, predicted)).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });

  it('never matches spans of different kinds', () => {
    const score = scoreNotes([{ id: 'a', gold: [dx(0, 5)], predicted: [vb(0, 5)] }]);
    expect(score.kinds.diagnostic).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0 });
    expect(score.kinds.verbatim).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0 });
  });

  it('is vacuous when nothing is predicted or nothing is to be found', () => {
    expect(ratios(matchSpans([], []))).toMatchObject({ precision: 1, recall: 1, f2: 1 });
    expect(ratios(matchSpans([dx(0, 1)], []))).toMatchObject({ precision: 1, recall: 0, f2: 0 });
  });

  it('computes precision, recall and F2 (recall weighted twice)', () => {
    const gold = [dx(0, 1), dx(2, 3), dx(4, 5), dx(6, 7)];
    const predicted = [dx(0, 1), dx(2, 3), dx(4, 5), dx(10, 11), dx(12, 13), dx(14, 15)];
    const score = ratios(matchSpans(gold, predicted));
    expect(score.precision).toBeCloseTo(0.5);
    expect(score.recall).toBeCloseTo(0.75);
    expect(score.f2).toBeCloseTo((5 * 0.5 * 0.75) / (4 * 0.5 + 0.75));
  });
});

describe('scoring a corpus', () => {
  it('sums per kind and measures false alarms on clean notes only', () => {
    const score = scoreNotes([
      { id: 'clean-quiet', gold: [], predicted: [] },
      { id: 'clean-alarm', gold: [], predicted: [vb(0, 3)] },
      { id: 'labelled', gold: [dx(0, 4), vb(10, 20)], predicted: [dx(1, 2), vb(30, 31)] },
      { id: 'clean-quiet-2', gold: [], predicted: [] },
    ]);
    expect(score.clean_notes).toBe(3);
    expect(score.clean_false_alarms).toBe(1);
    expect(score.clean_false_alarm_rate).toBeCloseTo(1 / 3);
    expect(score.kinds.diagnostic).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(score.kinds.verbatim).toMatchObject({ tp: 0, fp: 2, fn: 1 });
    expect(score.kinds.identifier).toMatchObject({ tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
  });

  it('runs a checker over notes and reports one compact object', () => {
    const notes = [{ id: 'n1', text: 'takes Zoloft', spans: [dx(6, 12)] }];
    const score = evaluate(notes, () => [dx(6, 12)]);
    expect(report(score)).toEqual({
      notes: 1,
      clean_notes: 0,
      clean_false_alarm_rate: 0,
      diagnostic: { precision: 1, recall: 1, f2: 1, tp: 1, fp: 0, fn: 0 },
      verbatim: { precision: 1, recall: 1, f2: 1, tp: 0, fp: 0, fn: 0 },
      identifier: { precision: 1, recall: 1, f2: 1, tp: 0, fp: 0, fn: 0 },
    });
  });
});

describe('reading a corpus', () => {
  it('parses JSON Lines and skips blank lines', () => {
    const notes = parseCorpus('{"id":"a","text":"hi there","spans":[{"start":0,"end":2,"kind":"verbatim"}]}\n\n{"id":"b","text":"x","spans":[]}\n');
    expect(notes.map((n) => n.id)).toEqual(['a', 'b']);
  });

  it.each([
    ['not JSON', '{"id":"a","text":"x","spans":[]}\n{oops', /:2: not valid JSON/],
    ['a missing field', '{"id":"a","spans":[]}', /:1: not a corpus note at text/],
    ['an unknown kind', '{"id":"a","text":"abc","spans":[{"start":0,"end":1,"kind":"other"}]}', /:1: not a corpus note at spans\.0\.kind/],
    ['a span past the text', '{"id":"a","text":"abc","spans":[{"start":1,"end":9,"kind":"verbatim"}]}', /:1: span 1-9 does not fit/],
    ['an empty span', '{"id":"a","text":"abc","spans":[{"start":2,"end":2,"kind":"verbatim"}]}', /:1: /],
    ['a repeated id', '{"id":"a","text":"x","spans":[]}\n{"id":"a","text":"y","spans":[]}', /:2: duplicate id a/],
    ['no notes at all', '\n\n', /no notes/],
  ])('names the line for %s', (_what, source, message) => {
    expect(() => parseCorpus(source, 'test.jsonl')).toThrow(CorpusError);
    expect(() => parseCorpus(source, 'test.jsonl')).toThrow(message);
  });
});
