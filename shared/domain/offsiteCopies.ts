/*
 * Copies off this laptop: a second backup folder on a USB drive or a network
 * folder, so that losing the laptop does not lose the notes. Rules shared by
 * the main side and the screens (no zod here: the renderer runs it).
 */

export const OFFSITE_KINDS = ['usb', 'network'] as const;
export type OffsiteKind = (typeof OFFSITE_KINDS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
/** After this long without a copy off the laptop, the sidebar says so (calmly). */
export const OFFSITE_WARN_AFTER_MS = 7 * DAY_MS;
/** "Not now" asks again after this long; "Don't ask again" never does. */
export const OFFSITE_ASK_AGAIN_MS = 7 * DAY_MS;

/** The second place as the main side reports it. */
export interface OffsiteStatus {
  folder: string;
  kind: OffsiteKind;
  /** When the last copy was made there; null when none yet. */
  lastCopyAt: string | null;
  /** Whether the folder (or, before the first copy, the folder it goes in) can be seen: false with the drive unplugged. */
  reachable: boolean;
}

export interface OffsitePromptAnswer {
  answer: 'later' | 'never';
  at: string;
}

/** Whether to ask for a second place now: none chosen, and not "Don't ask again", nor "Not now" within a week. */
export function shouldAskForSecondPlace(settings: { offsite: unknown; offsitePrompt: OffsitePromptAnswer | null }, now: Date): boolean {
  if (settings.offsite !== null) return false;
  const answered = settings.offsitePrompt;
  if (!answered) return true;
  if (answered.answer === 'never') return false;
  const since = now.getTime() - Date.parse(answered.at);
  return !(since >= 0 && since < OFFSITE_ASK_AGAIN_MS);
}

export function placeName(kind: OffsiteKind): string {
  return kind === 'usb' ? 'USB drive' : 'network folder';
}

function ago(iso: string, now: Date): string {
  const days = Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export interface OffsiteLine {
  /** "Last copy on USB drive: 3 days ago". */
  text: string;
  /** A second line, or null: "Can't see the drive", or what to do. */
  detail: string | null;
  /** 'warning' after a week without a copy (or none yet): shown calmly, never red. */
  tone: 'ok' | 'warning';
}

/** What the sidebar says about copies off this laptop. */
export function offsiteLine(status: OffsiteStatus | null, now: Date): OffsiteLine {
  if (!status) return { text: 'No copies off this laptop yet', detail: 'Choose a USB drive or a network folder in Backups.', tone: 'warning' };
  const place = placeName(status.kind);
  const unseen = status.reachable ? null : status.kind === 'usb' ? 'Can’t see the drive. Plug it in to make a copy.' : 'Can’t see the network folder.';
  if (status.lastCopyAt === null) {
    return { text: `No copy on the ${place} yet`, detail: unseen ?? 'A copy is made there as the notes lock.', tone: 'warning' };
  }
  const old = now.getTime() - Date.parse(status.lastCopyAt) >= OFFSITE_WARN_AFTER_MS;
  return {
    text: `Last copy on ${place}: ${ago(status.lastCopyAt, now)}`,
    detail: unseen ?? (old ? (status.kind === 'usb' ? 'Over a week ago. Plug in the drive to make a new copy.' : 'Over a week ago.') : null),
    tone: old ? 'warning' : 'ok',
  };
}
