import type { FindingContext, FindingKind, FindingRule } from './finding';
import { RULES } from './rules';

/** A span found by one of the detectors, before it gets its message. */
export interface RawSpan {
  kind: FindingKind;
  rule: FindingRule;
  start: number;
  end: number;
  context?: FindingContext;
  /** For verbatim spans: who spoke, when known ("mom", "the student"). */
  speaker?: string;
  /** For verbatim spans: a diagnosis named inside the quoted words. */
  mentions?: string;
}

/**
 * Sorts spans of one kind and merges those that overlap, so that the
 * findings of a kind never overlap. The merged span keeps the rule of its
 * most specific part (phrase over name, transcript over quote), by the
 * priorities in the registry of rules (rules.ts).
 */
export function mergeOverlapping(spans: RawSpan[]): RawSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.kind === span.kind && span.start < last.end) {
      if (span.end > last.end) last.end = span.end;
      if (RULES[span.rule].priority < RULES[last.rule].priority) last.rule = span.rule;
      last.context ??= span.context;
      last.speaker ??= span.speaker;
      last.mentions ??= span.mentions;
    } else {
      out.push({ ...span });
    }
  }
  return out;
}
