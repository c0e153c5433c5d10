import type { FindingCounts } from '../../shared/api/schemas';
import { describeCounts, totalFindings } from '../lib/findings';
import { FlagIcon, SendIcon } from './Icons';

/** A note (or a student's notes) carries findings: icon and words, never colour alone. */
export function FlagMarker({ counts, label }: { counts?: FindingCounts; label?: string }) {
  const text = label ?? (counts == null ? 'Flagged' : `Flagged: ${describeCounts(counts)}`);
  if (counts != null && totalFindings(counts) === 0) return null;
  return (
    <span className="marker marker-flag">
      <FlagIcon />
      <span>{text}</span>
    </span>
  );
}

export function ReleasedMarker() {
  return (
    <span className="marker marker-released" title="Released to another agency: this note is now part of a record.">
      <SendIcon />
      <span>Released</span>
    </span>
  );
}

export function PlanBadges({ iep, plan504 }: { iep: boolean; plan504: boolean }) {
  if (!iep && !plan504) return null;
  return (
    <span className="plan-badges">
      {iep && (
        <span className="badge badge-plan" title="Has an IEP">
          IEP
        </span>
      )}
      {plan504 && (
        <span className="badge badge-plan" title="Has a 504 plan">
          504
        </span>
      )}
    </span>
  );
}
