import type { ReceivedHandover } from '../../../../shared/api/handoverSchemas';
import { formatShortDate } from '../../../lib/dates';
import { useUiStore } from '../../../state/uiStore';
import { describeScope } from '../owner/ownerWords';
import { dateRange, ownerNotes, receivedStatus, STATUS_LABELS, statusLine } from './handoverWords';

/** Packages opened in this vault, newest first: whose, which dates, where each stands, and a way in while its copy is here. */
export function ReceivedList({ received, titleId }: { received: readonly ReceivedHandover[]; titleId: string }) {
  const navigate = useUiStore((store) => store.navigate);
  if (received.length === 0) return <p className="empty">None yet. When a colleague gives you a handover file, open it above.</p>;
  return (
    <ul className="received-list" aria-labelledby={titleId}>
      {received.map((item) => {
        const status = receivedStatus(item);
        const title = ownerNotes(item);
        return (
          <li key={item.packageId} className={`received-item is-${status}`}>
            <div className="received-main">
              <p className="received-title">
                <strong>{title}</strong>
                <span className={`status-tag status-${status}`}>{STATUS_LABELS[status]}</span>
              </p>
              <p className="received-meta">
                <span>{dateRange(item.validFrom, item.validUntil)}</span>
                <span>{describeScope(item.scope)}</span>
                <span>Received {formatShortDate(item.receivedAt.slice(0, 10))}</span>
              </p>
              <p className="received-status">{statusLine(item)}</p>
            </div>
            {item.status === 'open' && (
              <button type="button" className={status === 'active' ? 'primary' : undefined} onClick={() => navigate({ name: 'handover-package', packageId: item.packageId })} aria-label={`Open ${title}, ${dateRange(item.validFrom, item.validUntil)}`}>
                Open
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
