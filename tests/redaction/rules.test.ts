import { describe, expect, it } from 'vitest';
import { checkNote, FINDING_KINDS, FINDING_RULES, RULES } from '../../shared/redaction';
import { FindingSchema } from '../../shared/redaction/findingSchema';
import { mergeOverlapping } from '../../shared/redaction/spans';

const PARTS = { quoted: '\u201cwords\u201d', context: ' A past diagnosis counts too.', mentions: ' The quoted words also name a diagnosis (\u201cADHD\u201d).' };

describe('the registry of redaction rules', () => {
  it('gives every rule id a kind it starts with, a priority, a message and a suggestion', () => {
    expect(FINDING_RULES.length).toBeGreaterThan(0);
    for (const rule of FINDING_RULES) {
      const info = RULES[rule];
      expect(FINDING_KINDS, rule).toContain(info.kind);
      expect(rule.startsWith(`${info.kind}.`), rule).toBe(true);
      expect(Number.isInteger(info.priority), rule).toBe(true);
      const message = info.message(PARTS);
      expect(message.length, rule).toBeGreaterThan(40);
      expect(message, rule).toMatch(/[.”)]$/);
      for (const span of [{}, { speaker: 'mom' }]) {
        const suggestion = info.suggestion(span);
        expect(suggestion.label.length, rule).toBeGreaterThan(0);
        expect(suggestion.replacement, rule).toMatch(/^\[.+\]$/);
      }
    }
  });

  it('is the list the API accepts: every rule id passes the finding schema, and no other', () => {
    const finding = { kind: 'diagnostic', start: 0, end: 4, message: 'm', rule: 'diagnostic.name' };
    for (const rule of FINDING_RULES) expect(FindingSchema.safeParse({ ...finding, kind: RULES[rule].kind, rule }).success, rule).toBe(true);
    expect(FindingSchema.safeParse({ ...finding, rule: 'diagnostic.unknown' }).success).toBe(false);
  });

  it('hands each suggestion out as its own object', () => {
    const [first, second] = checkNote('Dad has ADHD and mom has PTSD.');
    expect(first?.suggestion).toEqual(second?.suggestion);
    expect(first?.suggestion).not.toBe(second?.suggestion);
  });

  it('merges overlapping spans of one kind into the rule of higher priority; identifier rules tie, so the earlier keeps its rule', () => {
    expect(RULES['verbatim.transcript'].priority).toBeLessThan(RULES['verbatim.quote'].priority);
    expect(RULES['diagnostic.phrase'].priority).toBeLessThan(RULES['diagnostic.name'].priority);
    const merged = mergeOverlapping([
      { kind: 'verbatim', rule: 'verbatim.quote', start: 5, end: 20 },
      { kind: 'verbatim', rule: 'verbatim.transcript', start: 0, end: 30 },
      { kind: 'identifier', rule: 'identifier.phone', start: 40, end: 52 },
      { kind: 'identifier', rule: 'identifier.student_id', start: 44, end: 60 },
    ]);
    expect(merged.map((s) => [s.rule, s.start, s.end])).toEqual([
      ['verbatim.transcript', 0, 30],
      ['identifier.phone', 40, 60],
    ]);
  });
});
