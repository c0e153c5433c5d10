import type { BackupInfo } from '../../shared/api/backupSchemas';
import { formatTimestamp } from './dates';

/** "today at 3:10 PM", "Mar 4, 2026 at 9:10 AM": when a backup was made. */
export function backupWhen(createdAt: string, now: Date = new Date()): string {
  return formatTimestamp(createdAt, now);
}

/** "Today at 3:10 PM", "Mar 4, 2026 at 9:10 AM": a backup's time at the start of a line. */
export function backupWhenAtStart(createdAt: string, now: Date = new Date()): string {
  const when = backupWhen(createdAt, now);
  return when.charAt(0).toUpperCase() + when.slice(1);
}

/** The same, to follow "as it was …" or "the backup from …": "today at 3:10 PM", "on Mar 4, 2026 at 9:10 AM". */
export function onBackupWhen(createdAt: string, now: Date = new Date()): string {
  const when = backupWhen(createdAt, now);
  return /^(today|yesterday)\b/.test(when) ? when : `on ${when}`;
}

export function backupReasonLabel(reason: BackupInfo['reason']): string {
  return reason === 'automatic' ? 'Automatic, as Sole Notes locked' : 'Made with Back up now';
}

/** "820 KB", "12.4 MB": the size of the encrypted copy. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(1)} GB`;
}
