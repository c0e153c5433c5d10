import { findDiagnostic } from './diagnostic';
import type { Finding, FindingSummary } from './finding';
import { findIdentifiers } from './identifier';
import { toFinding } from './messages';
import { mergeOverlapping, type RawSpan } from './spans';
import { tokenize } from './text';
import { findVerbatim } from './verbatim';

export { FINDING_KINDS, FINDING_RULES, FINDING_CONTEXTS } from './finding';
export type { Finding, FindingKind, FindingRule, FindingContext, FindingSummary, Suggestion } from './finding';
export { ALL_PATTERNS } from './patterns';

/**
 * The redaction check: which words put a personal note at risk, and why.
 * Pure and deterministic; runs on every keystroke. Findings are sorted by
 * start and never overlap within a kind. A finding is advice, never a block.
 */
export function checkNote(text: string): Finding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const t = tokenize(text);
  const verbatim = mergeOverlapping(findVerbatim(t));
  const identifiers = mergeOverlapping(findIdentifiers(t));
  const diagnostic = mergeOverlapping(findDiagnostic(t));

  // A diagnosis inside someone's quoted words is reported on its own as well
  // as with the quote (POLICY.md, "Cases decided"): the worker must leave it
  // out of the paraphrase too. The quote's message names it.
  let v = 0;
  for (const span of diagnostic) {
    while (v < verbatim.length && (verbatim[v] as RawSpan).end <= span.start) v += 1;
    const quote = verbatim[v];
    if (quote !== undefined && quote.start <= span.start && span.end <= quote.end) quote.mentions ??= text.slice(span.start, span.end);
  }

  const all = [...diagnostic, ...verbatim, ...identifiers].sort((a, b) => a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return all.map((span) => toFinding(text, span));
}

export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  const summary: FindingSummary = { diagnostic: 0, verbatim: 0, identifier: 0 };
  for (const finding of findings) summary[finding.kind] += 1;
  return summary;
}
