import type { ReceivedHandover } from '../../../../shared/api/handoverSchemas';
import { HandoverIcon } from '../../../components/Icons';
import { formatLongDate } from '../../../lib/dates';
import type { PackageAccess } from '../../../state/packageStore';
import { daysLeft } from './handoverWords';
import { CheckCode } from '../../../components/CheckCode';

/** What the banner says about the dates, by where the package stands. */
function whenLine(info: ReceivedHandover, access: PackageAccess): string {
  const named = info.ownerName != null && info.ownerName.trim() !== '';
  const theirs = named ? `${info.ownerName}’s` : 'their';
  if (access === 'handed-back' || info.status === 'handed_back') {
    return `You handed these notes back${named ? ` to ${info.ownerName}` : ''}. The copy on this laptop was deleted.`;
  }
  if (info.validity === 'expired') {
    return `You were ${theirs} temporary substitute until ${formatLongDate(info.validUntil)}. That time is over.`;
  }
  if (info.validity === 'not-yet-valid') {
    return `You will be ${theirs} temporary substitute from ${formatLongDate(info.validFrom)} until ${formatLongDate(info.validUntil)}.`;
  }
  const left = daysLeft(info.validFrom, info.validUntil);
  return `You are ${theirs} temporary substitute until ${formatLongDate(info.validUntil)}${left == null ? '' : ` (${left})`}.`;
}

/**
 * The banner over a package handed to this worker, on every view of it and
 * with no way to close it: whose notes these are, that this worker is their
 * temporary substitute and until when, that every note opened is recorded,
 * and that these notes are kept apart from the worker's own.
 */
export function PackageBanner({ info, access }: { info: ReceivedHandover | null; access: PackageAccess }) {
  const named = info?.ownerName != null && info.ownerName.trim() !== '';
  return (
    <section className="package-banner" aria-label="Whose notes these are">
      <HandoverIcon className="package-banner-icon" />
      <div className="package-banner-text">
        {info == null ? (
          <>
            <p className="package-banner-title">These are not your own notes</p>
            <p>They were handed to you as a colleague’s temporary substitute. Every note you open is recorded for them, and these notes are kept apart from your own.</p>
          </>
        ) : (
          <>
            <p className="package-banner-title">{named ? `${info.ownerName}’s notes, not your own` : 'A colleague’s notes, not your own'}</p>
            <p>{whenLine(info, access)}</p>
            {access !== 'handed-back' && info.status !== 'handed_back' && info.validity !== 'expired' && (
              <p>
                <strong>Every note you open is recorded</strong> in an access log that goes back to {named ? info.ownerName : 'them'}. These notes are kept apart from
                your own.
              </p>
            )}
            {access !== 'handed-back' && info.status !== 'handed_back' && info.validity === 'expired' && (
              <p>These notes are kept apart from your own. Everything done with them is in the access log, which goes back to {named ? info.ownerName : 'them'}.</p>
            )}
            {!named && (
              <div className="package-banner-key">
                <p>They gave no name. Their words, to read with them:</p>
                <CheckCode fingerprint={info.ownerHandoverFingerprint} label="Their words" digitsLabel="Their key in digits" />
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}
