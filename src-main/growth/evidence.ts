import type { EvidenceSummary } from '../../shared/api/growthSchemas';
import { SUPERVISION_KIND_IDS } from '../../shared/domain/growth';
import { schoolYearRange } from '../../shared/domain/schoolYear';
import { TEAM_TYPE_IDS, type ServiceKind, type TeamType } from '../../shared/domain/serviceKinds';
import type { VaultReader } from '../vault/vaultReader';

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
 * evidence for the self-evaluation. Only counts and minutes by kind (and team
 * meetings by team type) are read: no student, no note and no text ever
 * enters the result.
 */
export function evidenceSummary(vault: VaultReader, schoolYear: string, startMonth?: number): EvidenceSummary {
  const { from, to } = schoolYearRange(schoolYear, startMonth);
  const span = { first: from, last: to };
  const byKind = new Map<ServiceKind, { count: number; minutes: number }>();
  const teams = new Map<TeamType, { count: number; minutes: number }>();
  for (const row of vault.reportCounts.totalsByKindAndTeam(span)) {
    const kind = byKind.get(row.kind) ?? { count: 0, minutes: 0 };
    byKind.set(row.kind, { count: kind.count + row.count, minutes: kind.minutes + row.minutes });
    if (row.kind === 'team_meeting' && row.teamType !== null) teams.set(row.teamType, { count: row.count, minutes: row.minutes });
  }
  const tally = (kinds: readonly ServiceKind[]) =>
    kinds.reduce((sum, kind) => ({ count: sum.count + (byKind.get(kind)?.count ?? 0), minutes: sum.minutes + (byKind.get(kind)?.minutes ?? 0) }), { count: 0, minutes: 0 });

  const supervision = new Map(vault.supervision.totalsByKind(span).map((row) => [row.kind, row]));
  const supervisionByKind = SUPERVISION_KIND_IDS.map((kind) => ({ kind, count: supervision.get(kind)?.count ?? 0, minutes: supervision.get(kind)?.minutes ?? 0 }));

  const counts = Object.fromEntries(Object.entries(SERVICE_COUNTS).map(([key, kinds]) => [key, tally(kinds)])) as Record<keyof typeof SERVICE_COUNTS, { count: number; minutes: number }>;
  return {
    schoolYear,
    from,
    to,
    counts: {
      ...counts,
      supervision: supervisionByKind.reduce((sum, kind) => ({ count: sum.count + kind.count, minutes: sum.minutes + kind.minutes }), { count: 0, minutes: 0 }),
    },
    teamMeetingsByType: TEAM_TYPE_IDS.map((teamType) => ({ teamType, count: teams.get(teamType)?.count ?? 0, minutes: teams.get(teamType)?.minutes ?? 0 })),
    supervisionByKind,
  };
}
