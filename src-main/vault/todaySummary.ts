import type { TodaySummary } from '../../shared/api/followUpSchemas';
import type { VaultData } from './vaultData';

/** How many recently seen students Today lists. */
export const RECENT_STUDENTS = 8;

/**
 * Everything the Today screen shows, one query per part: the services dated
 * today and their totals, the open follow-ups due today or before, how many
 * are due later, and the open cases seen most recently.
 */
export function todaySummary(data: VaultData): TodaySummary {
  const today = data.today();
  const services = data.services.list({ from: today, to: today });
  const minutes = services.reduce((sum, service) => sum + service.minutes, 0);
  const open = new Set(data.students.list().map((student) => student.id));
  const recentStudents = Object.entries(data.students.lastSeen())
    .filter(([studentId]) => open.has(studentId))
    .sort(([idA, dayA], [idB, dayB]) => (dayA === dayB ? idA.localeCompare(idB) : dayA < dayB ? 1 : -1))
    .slice(0, RECENT_STUDENTS)
    .map(([studentId, lastSeen]) => ({ studentId, lastSeen }));
  return {
    today,
    services,
    totals: { count: services.length, minutes },
    followUps: data.followUps.dueBy(today),
    laterFollowUps: data.followUps.laterThan(today),
    recentStudents,
  };
}
