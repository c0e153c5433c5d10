import type { CaseOutcome } from '../../../shared/domain/caseOutcomes';
import type { PdAudience } from '../../../shared/domain/guidelineList';
import type { ServiceKind, TeamType } from '../../../shared/domain/serviceKinds';
import type { ReadonlyVaultDatabase } from '../readonlyDatabase';

/** A span of calendar days, both ends counted. */
export interface DaySpan {
  first: string;
  last: string;
}

export interface KindTotals {
  kind: ServiceKind;
  /** Set for team meetings only. */
  teamType: TeamType | null;
  count: number;
  minutes: number;
}

export interface SessionsOnDay {
  date: string;
  kind: ServiceKind;
  count: number;
}

/** One student linked to at least one session in the span. */
export interface StudentSeen {
  /** Sessions in the span (a group session counts once for each student in it). */
  sessionsInSpan: number;
  /** Sessions from the day the case opened through the span's last day. */
  sessionsSoFar: number;
  openedOn: string;
  closedOn: string | null;
}

export interface StudentCategory {
  studentId: string;
  categoryId: string;
  builtin: boolean;
}

/** Trainings the worker provided, for one audience; `audience` is null for those logged without saying where. */
export interface ProvidedTotals {
  audience: PdAudience | null;
  count: number;
  minutes: number;
}

const SESSION_KINDS = `('individual_session', 'group_session')`;

/**
 * The counting queries of the reports and the growth pages over `services`,
 * `service_students`, `service_issues`, `issue_categories`, `students` and
 * `pd_provided_audience`.
 * Each returns counts, minutes, dates and ids over a span of days; none reads
 * a name or a note. Built on the read-only database type: nothing here can
 * write. The rules that turn these rows into published numbers stay with the
 * report (report/metrics.ts) and are stated in docs/report-format.md.
 */
export class ReportCounts {
  private readonly byKindAndTeam;
  private readonly sessionsByDate;
  private readonly seen;
  private readonly opened;
  private readonly closedByOutcome;
  private readonly studentCategories;
  private readonly pdAttended;
  private readonly pdProvided;

  constructor(db: ReadonlyVaultDatabase) {
    this.byKindAndTeam = db.prepare<[DaySpan], { kind: ServiceKind; team_type: TeamType | null; n: number; minutes: number }>(
      `SELECT kind, team_type, count(*) AS n, sum(minutes) AS minutes
       FROM services WHERE date BETWEEN @first AND @last
       GROUP BY kind, team_type`,
    );
    this.sessionsByDate = db.prepare<[DaySpan], { date: string; kind: ServiceKind; n: number }>(
      `SELECT date, kind, count(*) AS n
       FROM services WHERE date BETWEEN @first AND @last AND kind IN ${SESSION_KINDS}
       GROUP BY date, kind`,
    );
    this.seen = db.prepare<[DaySpan], { this_month: number; so_far: number; opened_on: string; closed_on: string | null }>(
      `WITH seen AS (
         SELECT ss.student_id AS id, count(*) AS this_month
         FROM services s JOIN service_students ss ON ss.service_id = s.id
         WHERE s.date BETWEEN @first AND @last AND s.kind IN ${SESSION_KINDS}
         GROUP BY ss.student_id)
       SELECT seen.this_month, st.opened_on, st.closed_on,
         (SELECT count(*) FROM service_students ss2 JOIN services s2 ON s2.id = ss2.service_id
          WHERE ss2.student_id = seen.id AND s2.kind IN ${SESSION_KINDS}
            AND s2.date >= st.opened_on AND s2.date <= @last) AS so_far
       FROM seen JOIN students st ON st.id = seen.id`,
    );
    this.opened = db.prepare<[DaySpan], { n: number }>('SELECT count(*) AS n FROM students WHERE opened_on BETWEEN @first AND @last');
    this.closedByOutcome = db.prepare<[DaySpan], { outcome: CaseOutcome; n: number }>(
      'SELECT outcome, count(*) AS n FROM students WHERE closed_on BETWEEN @first AND @last GROUP BY outcome',
    );
    this.studentCategories = db.prepare<[DaySpan], { student_id: string; category_id: string; builtin: number }>(
      `SELECT DISTINCT ss.student_id, si.category_id, c.builtin
       FROM services s
         JOIN service_students ss ON ss.service_id = s.id
         JOIN service_issues si ON si.service_id = s.id
         JOIN issue_categories c ON c.id = si.category_id
       WHERE s.date BETWEEN @first AND @last`,
    );
    this.pdAttended = db.prepare<[DaySpan], { n: number; minutes: number | null }>(
      "SELECT count(*) AS n, sum(minutes) AS minutes FROM services WHERE kind = 'pd_attended' AND date BETWEEN @first AND @last",
    );
    this.pdProvided = db.prepare<[DaySpan], { audience: PdAudience | null; n: number; minutes: number }>(
      `SELECT a.audience, count(*) AS n, sum(s.minutes) AS minutes
       FROM services s LEFT JOIN pd_provided_audience a ON a.service_id = s.id
       WHERE s.date BETWEEN @first AND @last AND s.kind = 'pd_provided'
       GROUP BY a.audience`,
    );
  }

  /** Services and their minutes in the span, by kind and (for team meetings) team type. */
  totalsByKindAndTeam(span: DaySpan): KindTotals[] {
    return this.byKindAndTeam.all(span).map((row) => ({ kind: row.kind, teamType: row.team_type, count: row.n, minutes: row.minutes }));
  }

  /** Individual and group sessions in the span, by day and kind. */
  sessionsByDay(span: DaySpan): SessionsOnDay[] {
    return this.sessionsByDate.all(span).map((row) => ({ date: row.date, kind: row.kind, count: row.n }));
  }

  /** Each student linked to at least one session in the span, with the dates of their case. */
  studentsSeen(span: DaySpan): StudentSeen[] {
    return this.seen
      .all(span)
      .map((row) => ({ sessionsInSpan: row.this_month, sessionsSoFar: row.so_far, openedOn: row.opened_on, closedOn: row.closed_on }));
  }

  /** Cases opened in the span. */
  casesOpened(span: DaySpan): number {
    return this.opened.get(span)?.n ?? 0;
  }

  /** Cases closed in the span, by outcome (outcomes with none are left out). */
  casesClosedByOutcome(span: DaySpan): { outcome: CaseOutcome; count: number }[] {
    return this.closedByOutcome.all(span).map((row) => ({ outcome: row.outcome, count: row.n }));
  }

  /** Each pair of a student and an issue category that one of the span's services links. */
  studentCategoryPairs(span: DaySpan): StudentCategory[] {
    return this.studentCategories.all(span).map((row) => ({ studentId: row.student_id, categoryId: row.category_id, builtin: row.builtin === 1 }));
  }

  /** Professional development the worker attended in the span: how many and how many minutes. */
  professionalDevelopmentAttended(span: DaySpan): { count: number; minutes: number } {
    const row = this.pdAttended.get(span);
    return { count: row?.n ?? 0, minutes: row?.minutes ?? 0 };
  }

  /** Professional development the worker provided in the span, by where it was given (audiences with none are left out). */
  professionalDevelopmentProvided(span: DaySpan): ProvidedTotals[] {
    return this.pdProvided.all(span).map((row) => ({ audience: row.audience, count: row.n, minutes: row.minutes }));
  }
}
