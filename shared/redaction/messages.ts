import type { Finding, FindingContext } from './finding';
import { RULES } from './rules';
import type { RawSpan } from './spans';

/**
 * Turns a detector's span into the worker's finding. Each rule's message and
 * suggestion live in the registry of rules (rules.ts); here are the parts
 * they share: the quoted words, the context sentence, the diagnosis named
 * inside quoted words. No jargon beyond the words the worker already wrote.
 */

const CONTEXT_NOTES: Record<FindingContext, string> = {
  negated: 'Writing that someone does not have a condition still puts the condition in the note.',
  uncertain: 'A possible or suspected diagnosis counts too.',
  family: 'It is about a family member, but it still puts diagnostic information in the note.',
  historical: 'A past diagnosis counts too.',
};

function quoteOf(text: string): string {
  const trimmed = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `\u201c${trimmed}\u201d`;
}

function messageFor(span: RawSpan, spanText: string): string {
  return RULES[span.rule].message({
    quoted: quoteOf(spanText),
    context: span.context === undefined ? '' : ` ${CONTEXT_NOTES[span.context]}`,
    mentions: span.mentions === undefined ? '' : ` The quoted words also name a diagnosis (${quoteOf(span.mentions)}).`,
  });
}

export function toFinding(text: string, span: RawSpan): Finding {
  const finding: Finding = {
    kind: span.kind,
    start: span.start,
    end: span.end,
    rule: span.rule,
    message: messageFor(span, text.slice(span.start, span.end)),
  };
  if (span.context !== undefined) finding.context = span.context;
  finding.suggestion = RULES[span.rule].suggestion(span);
  return finding;
}
