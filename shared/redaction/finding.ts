import type { FindingRule } from './rules';

export const FINDING_KINDS = ['diagnostic', 'verbatim', 'identifier'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Rule ids come from the registry of rules (rules.ts). */
export { FINDING_RULES, type FindingRule } from './rules';

export const FINDING_CONTEXTS = ['negated', 'uncertain', 'family', 'historical'] as const;
export type FindingContext = (typeof FINDING_CONTEXTS)[number];

/** A suggested rewrite for a finding's span. */
export interface Suggestion {
  /** Text that could replace the span. */
  replacement: string;
  /** Short button label, e.g. "Replace with a paraphrase". */
  label: string;
}

/**
 * One thing in a note that puts it at risk. Plain types here, with no zod, so
 * the renderer's live check loads no validator (and trips no CSP probe); the
 * zod schema for the API boundary is in findingSchema.ts.
 */
export interface Finding {
  kind: FindingKind;
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset just past the last character (exclusive). */
  end: number;
  rule: FindingRule;
  /** Plain language for the worker: what was found, why it matters, what to write instead. */
  message: string;
  /** Context that never suppresses a finding, only explains it. */
  context?: FindingContext;
  suggestion?: Suggestion;
}
export interface FindingSummary {
  diagnostic: number;
  verbatim: number;
  identifier: number;
}
