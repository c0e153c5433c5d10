import type { z } from 'zod';
import type { SupervisionAddInput, SupervisionOverview, SupervisionSession } from '../../shared/api/growthSchemas';
import { SUPERVISION_KIND_IDS, SUPERVISION_STREAK_WEEKS } from '../../shared/domain/growth';
import { schoolYearOf, schoolYearRange } from '../../shared/domain/schoolYear';
import { addDays } from '../common/calendar';
import type { SupervisionRepository } from '../vault/repos/supervision';

/** The Monday that begins the week holding `date` (weeks run Monday to Sunday). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 is Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * Of the last `SUPERVISION_STREAK_WEEKS` weeks (this one included), how many
 * had at least one supervision session. A count to notice, not a warning.
 */
export function weeklyStreak(dates: readonly string[], today: string): SupervisionOverview['streak'] {
  const thisMonday = mondayOf(today);
  const first = addDays(thisMonday, -7 * (SUPERVISION_STREAK_WEEKS - 1));
  const weeks = new Set(dates.filter((date) => date >= first && date <= addDays(thisMonday, 6)).map(mondayOf));
  return { weeksWithSupervision: weeks.size, of: SUPERVISION_STREAK_WEEKS, thisWeek: weeks.has(thisMonday) };
}

/** Supervision the worker received: administrative, clinical and profession-specific. */
export class SupervisionLog {
  constructor(private readonly sessions: SupervisionRepository) {}

  add(input: z.output<typeof SupervisionAddInput>): SupervisionSession {
    const credential = input.credential == null || input.credential.trim() === '' ? null : input.credential.trim();
    return this.sessions.insert({ date: input.date, minutes: input.minutes, kind: input.kind, credential });
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  /** This school year's sessions (from `startMonth`, July unless the worker set another) and the weekly streak. */
  overview(today: string, startMonth?: number): SupervisionOverview {
    const schoolYear = schoolYearOf(today, startMonth);
    const { from, to } = schoolYearRange(schoolYear, startMonth);
    const sessions = this.sessions.between(from, to);
    const recent = this.sessions.between(addDays(mondayOf(today), -7 * SUPERVISION_STREAK_WEEKS), addDays(today, 7)).map((session) => session.date);
    const byKind = SUPERVISION_KIND_IDS.map((kind) => {
      const ofKind = sessions.filter((session) => session.kind === kind);
      return { kind, count: ofKind.length, minutes: ofKind.reduce((sum, session) => sum + session.minutes, 0) };
    });
    return { schoolYear, streak: weeklyStreak(recent, today), byKind, sessions };
  }
}
