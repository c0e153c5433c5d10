import type { EvidenceSummary } from '../../shared/api/growthSchemas';
import { SUPERVISION_KIND_IDS } from '../../shared/domain/growth';
import { schoolYearRange } from '../../shared/domain/schoolYear';
import { TEAM_TYPE_IDS, type ServiceKind, type TeamType } from '../../shared/domain/serviceKinds';
import type { VaultDatabase } from '../vault/connection';

/** Which service kinds each service count of the evidence summary adds up. */
const SERVICE_COUNTS = {
  staffConsultations: ['staff_consultation'],
  parentConsultations: ['parent_consultation'],
  classroomObservations: ['classroom_observation'],
  homeVisits: ['home_visit'],
  parentTrainings: ['parent_training'],
  pdProvided: ['pd_provided'],
  pdAttended: ['pd_attended'],
  teamMeetings: ['team_meeting'],
  crisisResponses: ['crisis_response'],
  spedActivities: ['sped_activity', 'sped_paperwork'],
} as const satisfies Record<string, readonly ServiceKind[]>;

/**
 * Counts and minutes from the worker's own log over one school year, as
 * evidence for the self-evaluation. Only `count(*)` and `sum(minutes)` grouped
 * by kind are read: no student, no note and no text ever enters the result.
 */
export function evidenceSummary(db: VaultDatabase, schoolYear: string, startMonth?: number): EvidenceSummary {
  const { from, to } = schoolYearRange(schoolYear, startMonth);
  const byKind = new Map(
    db
      .prepare<[string, string], { kind: ServiceKind; n: number; minutes: number }>(
        'SELECT kind, count(*) AS n, sum(minutes) AS minutes FROM services WHERE date BETWEEN ? AND ? GROUP BY kind',
      )
      .all(from, to)
      .map((row) => [row.kind, row]),
  );
  const tally = (kinds: readonly ServiceKind[]) =>
    kinds.reduce((sum, kind) => ({ count: sum.count + (byKind.get(kind)?.n ?? 0), minutes: sum.minutes + (byKind.get(kind)?.minutes ?? 0) }), { count: 0, minutes: 0 });

  const teams = new Map(
    db
      .prepare<[string, string], { team_type: TeamType; n: number; minutes: number }>(
        "SELECT team_type, count(*) AS n, sum(minutes) AS minutes FROM services WHERE kind = 'team_meeting' AND date BETWEEN ? AND ? GROUP BY team_type",
      )
      .all(from, to)
      .map((row) => [row.team_type, row]),
  );
  const supervision = new Map(
    db
      .prepare<[string, string], { kind: string; n: number; minutes: number }>(
        'SELECT kind, count(*) AS n, sum(minutes) AS minutes FROM supervision_sessions WHERE date BETWEEN ? AND ? GROUP BY kind',
      )
      .all(from, to)
      .map((row) => [row.kind, row]),
  );
  const supervisionByKind = SUPERVISION_KIND_IDS.map((kind) => ({ kind, count: supervision.get(kind)?.n ?? 0, minutes: supervision.get(kind)?.minutes ?? 0 }));

  const counts = Object.fromEntries(Object.entries(SERVICE_COUNTS).map(([key, kinds]) => [key, tally(kinds)])) as Record<keyof typeof SERVICE_COUNTS, { count: number; minutes: number }>;
  return {
    schoolYear,
    from,
    to,
    counts: {
      ...counts,
      supervision: supervisionByKind.reduce((sum, kind) => ({ count: sum.count + kind.count, minutes: sum.minutes + kind.minutes }), { count: 0, minutes: 0 }),
    },
    teamMeetingsByType: TEAM_TYPE_IDS.map((teamType) => ({ teamType, count: teams.get(teamType)?.n ?? 0, minutes: teams.get(teamType)?.minutes ?? 0 })),
    supervisionByKind,
  };
}
