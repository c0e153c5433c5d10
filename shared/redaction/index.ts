/**
 * The redaction check. How to change it (EVALUATION.md says how to measure it):
 *
 * - Add a medication, diagnosis, symptom or phrase: append it to its word list
 *   under data/ (medications.ts, diagnoses.ts, symptoms.ts, phrasing.ts …),
 *   lower case unless it must match by case ("ADD"). Every list opens with
 *   where its words come from; keep that true. Nothing else changes.
 * - Add a rule: add one entry to RULES in rules.ts (its kind, its merge
 *   priority, its message and its suggestion; the compiler refuses an entry
 *   without one, or an id that does not start with its kind), then emit spans
 *   with the new id from the detector of that kind (diagnostic.ts,
 *   verbatim.ts, identifier.ts). The id type, the API's enum and the messages
 *   follow from the table. Add cases for it in tests/fixtures/redaction-cases.ts.
 * - Retrain the quotation model (learned/: is a flagged quotation someone's
 *   words, or a sign's or a form's wording?) whenever its features
 *   (learned/quoteFeatures.ts), the pairing of quotation marks
 *   (verbatim/quotes.ts) or a training corpus (eval/quoteTraining.ts) change:
 *   `npm run train:redaction` rewrites learned/quoteWeights.ts, `-- --loco`
 *   prints the leave-one-corpus-out table the threshold in quoteModel.ts was
 *   read from. Commit the weights with the change; a test retrains and compares.
 * - Then run `npm run eval:redaction -- <corpus>` on both dev corpora and
 *   `npx vitest run tests/redaction/`.
 */
import { findDiagnostic } from './diagnostic';
import type { Finding, FindingSummary } from './finding';
import { findIdentifiers } from './identifier';
import { toFinding } from './messages';
import { mergeOverlapping, type RawSpan } from './spans';
import { tokenize } from './text';
import { findVerbatim } from './verbatim';

export { FINDING_KINDS, FINDING_RULES, FINDING_CONTEXTS } from './finding';
export { RULES, type RuleInfo } from './rules';
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
