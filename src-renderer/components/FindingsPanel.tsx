import { useId, useState } from 'react';
import type { Finding } from '../../shared/redaction/index';
import { CONTEXT_LABELS, countFindings, describeCounts, findingExcerpt, firstSentence, KIND_INFO } from '../lib/findings';
import { CheckIcon, FindingKindIcon } from './Icons';

/**
 * Every finding in the note, in order: what kind, the words, why (the full
 * message on request), and its quick fix. Focusing or hovering an item
 * highlights it in the note, without moving anything; "Show in note" puts
 * the cursor on it.
 */
export function FindingsPanel({
  text,
  findings,
  activeIndex,
  onActivate,
  onShow,
  onFix,
  headingLevel = 2,
}: {
  text: string;
  findings: readonly Finding[];
  activeIndex: number;
  onActivate: (index: number) => void;
  onShow: (index: number) => void;
  onFix: (index: number) => void;
  headingLevel?: 2 | 3;
}) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const counts = countFindings(findings);
  // Which explanations are open. Opening one never moves the buttons above it.
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (index: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });

  return (
    // Labelled "Flags", not by its heading: "Note" must name only the note itself.
    <section className="findings-panel" aria-label={findings.length === 0 ? 'Check' : `Flags (${findings.length})`}>
      <Heading className="panel-title" id={`${id}-title`}>
        {findings.length === 0 ? 'Check' : `Flags in this note (${findings.length})`}
      </Heading>
      {findings.length === 0 ? (
        <p className="findings-empty">
          <CheckIcon className="ok-icon" />
          <span>Nothing flagged. No diagnosis, exact words or identifying details found.</span>
        </p>
      ) : (
        <>
          <p className="findings-summary">{describeCounts(counts)}. Each one can make this personal note part of a record. Rewrite it, or use the suggested fix.</p>
          <ol className="findings-list">
            {findings.map((finding, index) => {
              const active = index === activeIndex;
              const itemId = `${id}-f${index}`;
              const expanded = open.has(index);
              const more = finding.message !== firstSentence(finding.message);
              return (
                <li
                  key={`${finding.rule}-${finding.start}-${finding.end}`}
                  className={`finding finding-${finding.kind}${active ? ' is-active' : ''}`}
                  onMouseEnter={() => onActivate(index)}
                  onMouseLeave={() => onActivate(-1)}
                  onFocus={() => onActivate(index)}
                  onBlur={() => onActivate(-1)}
                >
                  <button type="button" className="finding-show" onClick={() => onShow(index)} aria-describedby={`${itemId}-message`}>
                    <span className="finding-kind">
                      <FindingKindIcon kind={finding.kind} />
                      <span>{KIND_INFO[finding.kind].label}</span>
                    </span>
                    <span className="finding-words" id={`${itemId}-words`}>
                      “{findingExcerpt(text, finding)}”
                    </span>
                    <span className="sr-only">Show in note</span>
                  </button>
                  {finding.context != null && <span className="context-label">{CONTEXT_LABELS[finding.context]}</span>}
                  {finding.suggestion != null && (
                    <button type="button" className="fix" onClick={() => onFix(index)} aria-describedby={`${itemId}-words`} title={`Replaces the words with “${finding.suggestion.replacement}”`}>
                      {finding.suggestion.label}
                    </button>
                  )}
                  <p className="finding-message" id={`${itemId}-message`}>
                    {expanded ? finding.message : firstSentence(finding.message)}
                  </p>
                  {more && (
                    <button type="button" className="link why" aria-expanded={expanded} onClick={() => toggle(index)}>
                      {expanded ? 'Less' : 'Why?'}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
