import crypto from 'node:crypto';
import type { z } from 'zod';
import type { SupervisionAddInput, SupervisionOverview, SupervisionSession } from '../../shared/api/growthSchemas';
import { SUPERVISION_KIND_IDS, SUPERVISION_STREAK_WEEKS, type SupervisionKind } from '../../shared/domain/growth';
import { schoolYearOf, schoolYearRange } from '../../shared/domain/schoolYear';
import { addDays } from '../common/calendar';
import type { VaultDatabase } from '../vault/connection';
import { VaultError } from '../vault/errors';

interface Row {
  id: string;
  date: string;
  minutes: number;
  kind: SupervisionKind;
  credential: string | null;
  created_at: string;
}

const toSession = (row: Row): SupervisionSession => ({
  id: row.id,
  date: row.date,
  minutes: row.minutes,
  kind: row.kind,
  credential: row.credential,
  createdAt: row.created_at,
});

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
  constructor(
    private readonly db: VaultDatabase,
    private readonly clock: () => Date,
  ) {}

  add(input: z.output<typeof SupervisionAddInput>): SupervisionSession {
    const credential = input.credential == null || input.credential.trim() === '' ? null : input.credential.trim();
    const row: Row = { id: crypto.randomUUID(), date: input.date, minutes: input.minutes, kind: input.kind, credential, created_at: this.clock().toISOString() };
    this.db
      .prepare('INSERT INTO supervision_sessions (id, date, minutes, kind, credential, created_at) VALUES (@id, @date, @minutes, @kind, @credential, @created_at)')
      .run(row);
    return toSession(row);
  }

  delete(id: string): void {
    const { changes } = this.db.prepare('DELETE FROM supervision_sessions WHERE id = ?').run(id);
    if (changes === 0) throw new VaultError('NOT_FOUND', 'No supervision session with that id.');
  }

  /** Sessions dated from `from` through `to`, newest first. */
  between(from: string, to: string): SupervisionSession[] {
    return this.db
      .prepare<[string, string], Row>('SELECT * FROM supervision_sessions WHERE date BETWEEN ? AND ? ORDER BY date DESC, created_at DESC')
      .all(from, to)
      .map(toSession);
  }

  /** This school year's sessions (from `startMonth`, July unless the worker set another) and the weekly streak. */
  overview(today: string, startMonth?: number): SupervisionOverview {
    const schoolYear = schoolYearOf(today, startMonth);
    const { from, to } = schoolYearRange(schoolYear, startMonth);
    const sessions = this.between(from, to);
    const recent = this.between(addDays(mondayOf(today), -7 * SUPERVISION_STREAK_WEEKS), addDays(today, 7)).map((session) => session.date);
    const byKind = SUPERVISION_KIND_IDS.map((kind) => {
      const ofKind = sessions.filter((session) => session.kind === kind);
      return { kind, count: ofKind.length, minutes: ofKind.reduce((sum, session) => sum + session.minutes, 0) };
    });
    return { schoolYear, streak: weeklyStreak(recent, today), byKind, sessions };
  }
}
