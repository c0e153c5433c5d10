import type { FindingCounts } from '../../shared/api/schemas';
import type { Finding, FindingContext, FindingKind } from '../../shared/redaction/index';

/** How each kind of finding is named to the worker. Colour is never the only cue: each has an icon and an underline style too. */
export const KIND_INFO: Record<FindingKind, { label: string; plural: string; short: string }> = {
  diagnostic: { label: 'Diagnosis', plural: 'diagnoses', short: 'diagnosis' },
  verbatim: { label: 'Exact words', plural: 'quotes of exact words', short: 'exact words' },
  identifier: { label: 'Identifying detail', plural: 'identifying details', short: 'identifying detail' },
};

export const CONTEXT_LABELS: Record<FindingContext, string> = {
  negated: 'Written as “does not have”',
  uncertain: 'Possible or suspected',
  family: 'About a family member',
  historical: 'In the past',
};

/** The first sentence of a finding's message, for the compact list. */
export function firstSentence(message: string): string {
  const match = /^.*?[.!?](?=\s|$)/.exec(message);
  return match ? match[0] : message;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { diagnostic: 0, verbatim: 0, identifier: 0 };
  for (const finding of findings) counts[finding.kind] += 1;
  return counts;
}

export function totalFindings(counts: FindingCounts): number {
  return counts.diagnostic + counts.verbatim + counts.identifier;
}

/** "1 diagnosis, 2 quotes of exact words" */
export function describeCounts(counts: FindingCounts): string {
  const parts: string[] = [];
  if (counts.diagnostic > 0) parts.push(`${counts.diagnostic} ${counts.diagnostic === 1 ? 'diagnosis' : 'diagnoses'}`);
  if (counts.verbatim > 0) parts.push(`${counts.verbatim} ${counts.verbatim === 1 ? 'quote of exact words' : 'quotes of exact words'}`);
  if (counts.identifier > 0) parts.push(`${counts.identifier} ${counts.identifier === 1 ? 'identifying detail' : 'identifying details'}`);
  return parts.join(', ');
}

/** A key that names a finding by what it flags, so an acknowledgement survives edits elsewhere in the note. */
export function findingKey(text: string, finding: Finding): string {
  return `${finding.rule}\u0000${text.slice(finding.start, finding.end).toLowerCase()}`;
}

export interface Segment {
  start: number;
  end: number;
  /** Indices into the findings array of every finding covering this stretch, outermost first. */
  findings: number[];
}

/**
 * Cuts the text at every finding boundary. Findings of different kinds may
 * overlap (an identifier inside a quote); each stretch lists all that cover it.
 */
export function buildSegments(length: number, findings: readonly Finding[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const finding of findings) {
    cuts.add(Math.min(Math.max(finding.start, 0), length));
    cuts.add(Math.min(Math.max(finding.end, 0), length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    const covering: number[] = [];
    findings.forEach((finding, index) => {
      if (finding.start <= start && finding.end >= end) covering.push(index);
    });
    // Wider findings outside, narrower inside.
    covering.sort((a, b) => {
      const fa = findings[a] as Finding;
      const fb = findings[b] as Finding;
      return fb.end - fb.start - (fa.end - fa.start);
    });
    segments.push({ start, end, findings: covering });
  }
  return segments;
}

/** The finding holding the caret (or the innermost one, if several do). */
export function findingAt(findings: readonly Finding[], position: number): number {
  let best = -1;
  findings.forEach((finding, index) => {
    if (finding.start <= position && position <= finding.end) {
      const current = findings[best];
      if (current === undefined || finding.end - finding.start < current.end - current.start) best = index;
    }
  });
  return best;
}

/** The text a finding covers, cut short for a list. */
export function findingExcerpt(text: string, finding: Finding, max = 48): string {
  // The list puts its own quotation marks around the words.
  const raw = text
    .slice(finding.start, finding.end)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["“”'‘’]+|["“”'‘’]+$/g, '');
  return raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
}
