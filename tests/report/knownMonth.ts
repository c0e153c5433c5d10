import type { ServiceFields } from '../../shared/api/schemas';
import type { CaseOutcome } from '../../shared/domain/caseOutcomes';
import type { VaultData } from '../../src-main/vault/vaultData';

/**
 * A hand-built month, March 2026, with known answers for every metric (see
 * EXPECTED below), plus services in February and April that must not count.
 * The worker's time zone is America/New_York. One session happens at 23:30 on
 * 31 March, local time — already 1 April in UTC — and is logged with the
 * vault's clock at that instant: it must count in March.
 */
export const KNOWN_MONTH = '2026-03';
export const KNOWN_TIME_ZONE = 'America/New_York';
/** 23:30 on 31 March 2026 in New York (EDT, UTC-4). */
export const LATE_EVENING = '2026-04-01T03:30:00.000Z';

/** A clock the fixture moves by hand. */
export function manualClock(start = '2026-03-01T15:00:00.000Z') {
  let now = Date.parse(start);
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set(iso: string) {
      now = Date.parse(iso);
    },
  });
}

interface StudentPlan {
  code: string;
  openedOn: string;
  closed?: { on: string; outcome: CaseOutcome };
  school?: string;
}

const STUDENTS: StudentPlan[] = [
  { code: 'S01', openedOn: '2025-09-02', closed: { on: '2026-03-20', outcome: 'goals_met' } },
  { code: 'S02', openedOn: '2025-09-02', closed: { on: '2026-03-31', outcome: 'improved' } },
  { code: 'S03', openedOn: '2025-09-02', closed: { on: '2026-03-01', outcome: 'referred_out' } },
  { code: 'S04', openedOn: '2025-09-02', closed: { on: '2026-03-15', outcome: 'moved' } },
  { code: 'S05', openedOn: '2025-09-02' },
  { code: 'S06', openedOn: '2025-09-02' },
  { code: 'S07', openedOn: '2025-09-02' },
  { code: 'S08', openedOn: '2025-09-02' },
  { code: 'S09', openedOn: '2026-03-02' },
  { code: 'S10', openedOn: '2026-03-02' },
  { code: 'S11', openedOn: '2026-03-02' },
  { code: 'S12', openedOn: '2026-03-02' },
  { code: 'S13', openedOn: '2026-03-31' },
  { code: 'S14', openedOn: '2026-02-10', closed: { on: '2026-02-27', outcome: 'other' } },
  { code: 'S15', openedOn: '2026-04-01' },
];

type Plan = Omit<ServiceFields, 'studentIds'> & { students?: string[]; at?: string };

const SERVICES: Plan[] = [
  // February: counts toward "sessions so far", not toward March.
  { date: '2026-02-10', minutes: 30, kind: 'individual_session', students: ['S01'] },
  { date: '2026-02-17', minutes: 30, kind: 'individual_session', students: ['S01'] },
  { date: '2026-02-11', minutes: 30, kind: 'individual_session', students: ['S02'] },
  { date: '2026-02-18', minutes: 30, kind: 'individual_session', students: ['S02'] },
  { date: '2026-02-05', minutes: 30, kind: 'individual_session', students: ['S05'] },
  { date: '2026-02-12', minutes: 30, kind: 'individual_session', students: ['S05'] },
  { date: '2026-02-19', minutes: 30, kind: 'individual_session', students: ['S05'] },
  { date: '2026-02-20', minutes: 45, kind: 'group_session', students: ['S06', 'S07'] },
  { date: '2026-02-27', minutes: 30, kind: 'individual_session', students: ['S08'] },
  { date: '2026-02-28', minutes: 60, kind: 'administrative' },
  { date: '2026-02-28', minutes: 30, kind: 'classroom_observation', students: ['S14'], issueCategoryIds: ['academic'] },

  // March: individual sessions (8, 240 minutes).
  { date: '2026-03-02', minutes: 30, kind: 'individual_session', students: ['S01'], issueCategoryIds: ['attendance'] },
  { date: '2026-03-09', minutes: 30, kind: 'individual_session', students: ['S01'], issueCategoryIds: ['attendance', 'family_change'] },
  { date: '2026-03-03', minutes: 30, kind: 'individual_session', students: ['S02'], issueCategoryIds: ['grief_loss'] },
  { date: '2026-03-31', minutes: 30, kind: 'individual_session', students: ['S05'], issueCategoryIds: ['worry_stress'], at: LATE_EVENING },
  { date: '2026-03-04', minutes: 30, kind: 'individual_session', students: ['S09'], issueCategoryIds: ['behavior'] },
  { date: '2026-03-11', minutes: 30, kind: 'individual_session', students: ['S09'], issueCategoryIds: ['behavior'] },
  { date: '2026-03-18', minutes: 30, kind: 'individual_session', students: ['S09'] },
  { date: '2026-03-05', minutes: 30, kind: 'individual_session', students: ['S10'], issueCategoryIds: ['behavior'] },
  // Group sessions (3, 130 minutes).
  { date: '2026-03-06', minutes: 45, kind: 'group_session', students: ['S06', 'S07', 'S08', 'S09'], issueCategoryIds: ['peer_bullying'] },
  { date: '2026-03-13', minutes: 45, kind: 'group_session', students: ['S06', 'S07', 'S11'], issueCategoryIds: ['peer_bullying', 'emotional_regulation'] },
  { date: '2026-03-27', minutes: 40, kind: 'group_session', students: ['S06', 'S12'], issueCategoryIds: ['transitions'] },
  // Everything else.
  { date: '2026-03-10', minutes: 30, kind: 'classroom_observation', students: ['S10'], issueCategoryIds: ['behavior'] },
  { date: '2026-03-12', minutes: 20, kind: 'classroom_observation', students: ['S14'], issueCategoryIds: ['academic'] },
  { date: '2026-03-02', minutes: 15, kind: 'staff_consultation', students: ['S01'] },
  { date: '2026-03-16', minutes: 15, kind: 'staff_consultation' },
  { date: '2026-03-23', minutes: 15, kind: 'staff_consultation' },
  { date: '2026-03-04', minutes: 60, kind: 'team_meeting', teamType: 'iep' },
  { date: '2026-03-19', minutes: 45, kind: 'team_meeting', teamType: 'iep' },
  { date: '2026-03-12', minutes: 30, kind: 'team_meeting', teamType: '504' },
  { date: '2026-03-26', minutes: 50, kind: 'team_meeting', teamType: 'sst_mtss' },
  { date: '2026-03-01', minutes: 120, kind: 'administrative' },
  { date: '2026-03-30', minutes: 60, kind: 'administrative' },
  { date: '2026-03-17', minutes: 20, kind: 'parent_consultation' },
  { date: '2026-03-24', minutes: 25, kind: 'parent_consultation' },
  { date: '2026-03-25', minutes: 90, kind: 'home_visit', students: ['S05'] },
  { date: '2026-03-18', minutes: 60, kind: 'parent_training' },
  { date: '2026-03-20', minutes: 90, kind: 'pd_provided' },
  { date: '2026-03-06', minutes: 180, kind: 'pd_attended' },
  { date: '2026-03-27', minutes: 45, kind: 'pd_attended' },
  { date: '2026-03-09', minutes: 40, kind: 'sped_activity' },
  { date: '2026-03-10', minutes: 30, kind: 'sped_paperwork' },
  { date: '2026-03-31', minutes: 35, kind: 'sped_paperwork' },
  { date: '2026-03-21', minutes: 55, kind: 'crisis_response', students: ['S07'] },
  { date: '2026-03-13', minutes: 10, kind: 'other' },

  // April: must not count in March.
  { date: '2026-04-01', minutes: 30, kind: 'individual_session', students: ['S05'], issueCategoryIds: ['worry_stress'] },
  { date: '2026-04-01', minutes: 25, kind: 'team_meeting', teamType: 'crisis' },
];

/** The true numbers of March 2026, worked out by hand (see the comments). */
export const EXPECTED = {
  byKind: {
    individual_session: { count: 8, minutes: 240 },
    group_session: { count: 3, minutes: 130 },
    classroom_observation: { count: 2, minutes: 50 },
    staff_consultation: { count: 3, minutes: 45 },
    team_meeting: { count: 4, minutes: 185 },
    parent_consultation: { count: 2, minutes: 45 },
    home_visit: { count: 1, minutes: 90 },
    parent_training: { count: 1, minutes: 60 },
    pd_provided: { count: 1, minutes: 90 },
    pd_attended: { count: 2, minutes: 225 },
    administrative: { count: 2, minutes: 180 },
    sped_activity: { count: 1, minutes: 40 },
    sped_paperwork: { count: 2, minutes: 65 },
    crisis_response: { count: 1, minutes: 55 },
    other: { count: 1, minutes: 10 },
  },
  byTeamType: {
    iep: { count: 2, minutes: 105 },
    '504': { count: 1, minutes: 30 },
    sst_mtss: { count: 1, minutes: 50 },
    crisis: { count: 0, minutes: 0 },
    attendance: { count: 0, minutes: 0 },
    other: { count: 0, minutes: 0 },
  },
  // direct: 240 + 130 + 90 (home visit) + 60 (parent training) + 55 (crisis); professional: 90 + 225.
  minutes: { direct: 575, indirect: 620, professional: 315 },
  // S01 S02 S05 S09 S10 (individual) + S06 S07 S08 S11 S12 (group); S13 opened but was never seen.
  studentsSeen: 10,
  // Sessions since opening through 31 March: S01 4, S02 3, S05 4, S06 4, S07 3, S08 2, S09 4, S10 1, S11 1, S12 1.
  medianSessionsSoFar: 3,
  // Days open / 7: S09-S12 29 days (4.14); S01 closed 20 March, 199 days (28.43); S02, S05-S08 210 days (30).
  // Median of 10: (28.43 + 30) / 2 = 29.21.
  medianWeeksOpen: 29.2,
  // Sessions in March per student: S01 2, S02 1, S05 1, S06 3, S07 2, S08 1, S09 4, S10 1, S11 1, S12 1 = 17 over 10.
  meanSessionsPerStudent: 1.7,
  cases: {
    opened: 5,
    closed: 4,
    resolved: 2,
    closedNotResolved: 2,
    closedByOutcome: { goals_met: 1, improved: 1, referred_out: 1, moved: 1, other: 0 },
  },
  studentsByIssueCategory: {
    attendance: 1,
    behavior: 2,
    academic: 1,
    peer_bullying: 5,
    family_change: 1,
    grief_loss: 1,
    worry_stress: 1,
    emotional_regulation: 3,
    basic_needs_housing: 0,
    safety_referral: 0,
    substance_use: 0,
    other: 0,
    worker_defined: 2,
  },
  sessionsPerWeek: [
    { start: '2026-03-01', end: '2026-03-01', individual: 0, group: 0 },
    { start: '2026-03-02', end: '2026-03-08', individual: 4, group: 1 },
    { start: '2026-03-09', end: '2026-03-15', individual: 2, group: 1 },
    { start: '2026-03-16', end: '2026-03-22', individual: 1, group: 0 },
    { start: '2026-03-23', end: '2026-03-29', individual: 0, group: 1 },
    { start: '2026-03-30', end: '2026-03-31', individual: 1, group: 0 },
  ],
} as const;

export interface Canaries {
  codes: string[];
  schools: string[];
  notes: string[];
  dates: string[];
}

/**
 * Fills the vault with the month above. With `canaries`, student codes get a
 * unique prefix, every student a unique school name, and notes with unique
 * text are linked to the services, so a test can look for them in exports.
 */
export function buildKnownMonth(data: VaultData, clock: ReturnType<typeof manualClock>, options: { canaryTag?: string } = {}): Canaries {
  const tag = options.canaryTag;
  const canaries: Canaries = { codes: [], schools: [], notes: [], dates: [] };
  data.settings.update({ timeZone: KNOWN_TIME_ZONE });
  const transitions = data.categories.create('Transitions');
  const ids = new Map<string, string>();
  for (const plan of STUDENTS) {
    const code = tag ? `${tag}-${plan.code}` : plan.code;
    const school = tag ? `${tag} School ${plan.code}` : null;
    const student = data.students.create({ code, openedOn: plan.openedOn, school });
    if (plan.closed) data.students.close(student.id, plan.closed.on, plan.closed.outcome);
    ids.set(plan.code, student.id);
    if (tag) {
      canaries.codes.push(code);
      canaries.schools.push(school as string);
      canaries.dates.push(plan.openedOn);
      if (plan.closed) canaries.dates.push(plan.closed.on);
    }
  }
  // Each service is logged on its own day (the app refuses dates more than a day ahead); the clock is left
  // where the plans put it, at the last `at`.
  let after = clock().toISOString();
  SERVICES.forEach((plan, index) => {
    if (plan.at) after = plan.at;
    clock.set(plan.at ?? `${plan.date}T16:00:00.000Z`);
    const { students = [], at: _at, ...fields } = plan;
    const issueCategoryIds = (fields.issueCategoryIds ?? []).map((id) => (id === 'transitions' ? transitions.id : id));
    let noteId: string | null = null;
    if (tag) {
      const body = `${tag} note ${index} about ${students.join(' and ') || 'the day'}`;
      noteId = data.notes.create({ body, studentId: students[0] ? (ids.get(students[0]) ?? null) : null }).id;
      canaries.notes.push(body);
      canaries.dates.push(plan.date);
    }
    data.services.create({ ...fields, issueCategoryIds, noteId, studentIds: students.map((code) => ids.get(code) as string) });
  });
  clock.set(after);
  return canaries;
}
