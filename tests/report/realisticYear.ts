import { CASE_OUTCOMES } from '../../shared/domain/caseOutcomes';
import { monthsOfSchoolYear } from '../../shared/domain/schoolYear';
import type { VaultData } from '../../src-main/vault/vaultData';

/**
 * A worker with 40 students over the 2026-27 school year: a quiet July and
 * August, busy months, closings scattered over outcomes. Seeded, so the same
 * every run. `newStudent` makes a student opened on the day given.
 */
export function buildRealisticYear(data: VaultData, newStudent: (openedOn: string) => string): void {
  realisticYear(data, newStudent).enter(() => true);
}

/**
 * The same year, its students made now and its sessions and closings entered
 * month by month (`enter` with the months to enter), as a worker enters them
 * while the year goes on.
 */
export function realisticYear(data: VaultData, newStudent: (openedOn: string) => string): { enter: (months: (month: string) => boolean) => void } {
  const entries: { month: string; enter: () => void }[] = [];
  const months = monthsOfSchoolYear('2026-27');
  let seed = 20262027;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const categories = ['attendance', 'behavior', 'academic', 'family_change', 'grief_loss', 'worry_stress', 'emotional_regulation', 'peer_bullying'];
  const students = Array.from({ length: 40 }, (_, index) => ({
    id: newStudent(index < 25 ? '2026-06-01' : `2026-${String(8 + (index % 4)).padStart(2, '0')}-0${1 + (index % 8)}`),
    categories: [pick(categories), ...(random() < 0.3 ? [pick(categories)] : [])],
    closesIn: random() < 0.45 ? pick(months.slice(3)) : null,
  }));
  for (const month of months) {
    const quiet = month === '2026-07' || month === '2026-08';
    for (const student of students) {
      if (student.closesIn !== null && month > student.closesIn) continue;
      if (random() > (quiet ? 0.05 : 0.6)) continue;
      const sessions = 1 + Math.floor(random() * 3);
      for (let session = 0; session < sessions; session += 1) {
        const date = `${month}-${String(3 + session * 7).padStart(2, '0')}`;
        entries.push({ month, enter: () => data.services.create({ date, minutes: 30, kind: 'individual_session', studentIds: [student.id], issueCategoryIds: student.categories }) });
      }
    }
    if (!quiet) {
      const group = students.filter(() => random() < 0.15).map((student) => student.id);
      if (group.length > 0) entries.push({ month, enter: () => data.services.create({ date: `${month}-24`, minutes: 45, kind: 'group_session', studentIds: group, issueCategoryIds: ['worry_stress'] }) });
    }
  }
  const outcomes = CASE_OUTCOMES.map((outcome) => outcome.id);
  for (const student of students) {
    const month = student.closesIn;
    if (month === null) continue;
    const outcome = pick(outcomes);
    entries.push({ month, enter: () => data.students.close(student.id, `${month}-27`, outcome) });
  }
  return {
    enter: (months) => {
      for (const entry of entries) if (months(entry.month)) entry.enter();
    },
  };
}
