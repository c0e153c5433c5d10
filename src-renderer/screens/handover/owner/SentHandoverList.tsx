import type { SentHandover } from '../../../../shared/api/handoverSchemas';
import { formatTimestamp } from '../../../lib/dates';
import { describeDates, describeScope, sentStatus } from './ownerWords';

/** The packages this worker made, newest first: for whom, which days, what they hold, and where each stands. */
export function SentHandoverList({ handovers, today, onRevoke }: { handovers: readonly SentHandover[]; today: string; onRevoke: (handover: SentHandover) => void }) {
  return (
    <ul className="sent-list" aria-label="Handovers you made">
      {handovers.map((handover) => {
        const status = sentStatus(handover, today);
        const when =
          handover.status === 'closed' && handover.closedAt != null
            ? `Taken back ${formatTimestamp(handover.closedAt)}.`
            : handover.status === 'revoked' && handover.revokedAt != null
              ? `Revoked ${formatTimestamp(handover.revokedAt)}.`
              : `Made ${formatTimestamp(handover.createdAt)}.`;
        return (
          <li key={handover.packageId} className={`sent-item sent-${status.tone}`}>
            <div className="sent-main">
              <p className="sent-who">
                <strong>{handover.substitute}</strong>
                <span className={`sent-status tone-${status.tone}`}>{status.label}</span>
              </p>
              <p className="sent-meta">
                <span>Covers {describeDates(handover.validFrom, handover.validUntil).replace(/^from /, '')}</span>
                <span>{describeScope(handover.scope)}</span>
                <span>{handover.recipient.kind === 'key' ? 'Opens with their handover key' : 'Opens with a one-time code'}</span>
              </p>
              <p className="sent-detail">
                {status.detail} {when}
              </p>
            </div>
            {handover.status === 'open' && (
              <button type="button" className="small" onClick={() => onRevoke(handover)} aria-label={`Revoke the handover to ${handover.substitute}…`}>
                Revoke…
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
