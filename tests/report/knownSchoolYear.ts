import type { ServiceFields } from '../../shared/api/schemas';
import type { CaseOutcome } from '../../shared/domain/caseOutcomes';
import { SupervisionLog } from '../../src-main/growth/supervisionLog';
import type { VaultData } from '../../src-main/vault/vaultData';
import type { manualClock } from './knownMonth';

/**
 * A hand-built school year, 2026-27 (1 July 2026 to 30 June 2027), with known
 * answers for every school-year number (EXPECTED_YEAR, worked out by hand in
 * the comments), plus a session, supervision and a duty just before and just
 * after the year that must not count. Twelve students are each seen in one
 * or two months only (at most six in any month, so every month alone hides
 * them), but twelve different students over the year: the year's count is
 * of distinct students, not a sum of months.
 */
export const KNOWN_SCHOOL_YEAR = '2026-27';
/** After the year: every month of it has ended. */
export const AFTER_THE_YEAR = '2027-07-10T15:00:00.000Z';

interface StudentPlan {
  code: string;
  openedOn: string;
  closed?: { on: string; outcome: CaseOutcome };
}

const STUDENTS: StudentPlan[] = [
  { code: 'S01', openedOn: '2026-08-20', closed: { on: '2027-05-20', outcome: 'goals_met' } },
  { code: 'S02', openedOn: '2026-08-20', closed: { on: '2027-06-01', outcome: 'improved' } },
  ...['S03', 'S04', 'S05', 'S06', 'S07', 'S08', 'S09', 'S10', 'S11', 'S12'].map((code) => ({ code, openedOn: '2026-08-20' })),
  // Opened in the school year before; seen just before and just after this one.
  { code: 'S13', openedOn: '2026-06-15' },
];

type Plan = Omit<ServiceFields, 'studentIds'> & { students?: string[] };

const individual = (date: string, code: string, issueCategoryIds: string[] = ['attendance']): Plan => ({ date, minutes: 30, kind: 'individual_session', students: [code], issueCategoryIds });

const SERVICES: Plan[] = [
  // Outside the year: must not count.
  { date: '2026-06-30', minutes: 30, kind: 'individual_session', students: ['S13'], issueCategoryIds: ['behavior'] },
  { date: '2027-07-01', minutes: 30, kind: 'individual_session', students: ['S13'], issueCategoryIds: ['behavior'] },
  { date: '2026-06-29', minutes: 45, kind: 'pd_attended' },
  // Individual sessions: 13, 390 minutes. September: S01-S06; October: S01 again; March: S07-S12.
  individual('2026-09-08', 'S01', ['attendance', 'behavior']),
  ...['S02', 'S03', 'S04', 'S05', 'S06'].map((code, index) => individual(`2026-09-${String(9 + index).padStart(2, '0')}`, code)),
  { date: '2026-10-05', minutes: 30, kind: 'individual_session', students: ['S01'], issueCategoryIds: ['behavior'] },
  ...['S07', 'S08', 'S09', 'S10', 'S11', 'S12'].map((code, index) => individual(`2027-03-${String(8 + index).padStart(2, '0')}`, code)),
  // One group session, 45 minutes, with three students.
  { date: '2026-11-10', minutes: 45, kind: 'group_session', students: ['S01', 'S02', 'S03'] },
  // Everything else.
  { date: '2026-07-15', minutes: 60, kind: 'administrative' },
  { date: '2026-09-15', minutes: 20, kind: 'staff_consultation' },
  { date: '2027-02-02', minutes: 25, kind: 'staff_consultation' },
  { date: '2026-10-01', minutes: 60, kind: 'team_meeting', teamType: 'iep' },
  { date: '2027-04-01', minutes: 30, kind: 'team_meeting', teamType: '504' },
  { date: '2027-01-20', minutes: 90, kind: 'home_visit', students: ['S05'] },
  { date: '2026-08-10', minutes: 180, kind: 'pd_attended' },
  { date: '2027-03-03', minutes: 120, kind: 'pd_attended' },
  { date: '2026-10-20', minutes: 90, kind: 'pd_provided' },
  { date: '2027-04-20', minutes: 60, kind: 'pd_provided', pdAudience: 'outside_district' },
];

const ZERO = { count: 0, minutes: 0 };

/** The true numbers of the 2026-27 school year, by hand. */
export const EXPECTED_YEAR = {
  byKind: {
    individual_session: { count: 13, minutes: 390 },
    group_session: { count: 1, minutes: 45 },
    classroom_observation: ZERO,
    staff_consultation: { count: 2, minutes: 45 },
    team_meeting: { count: 2, minutes: 90 },
    parent_consultation: ZERO,
    home_visit: { count: 1, minutes: 90 },
    parent_training: ZERO,
    pd_provided: { count: 2, minutes: 150 },
    pd_attended: { count: 2, minutes: 300 },
    administrative: { count: 1, minutes: 60 },
    sped_activity: ZERO,
    sped_paperwork: ZERO,
    crisis_response: ZERO,
    other: ZERO,
  },
  byTeamType: { iep: { count: 1, minutes: 60 }, '504': { count: 1, minutes: 30 }, sst_mtss: ZERO, crisis: ZERO, attendance: ZERO, other: ZERO },
  // direct: 390 + 45 + 90 (home visit); indirect: 45 + 90 + 60; professional: 300 + 150.
  minutes: { direct: 525, indirect: 195, professional: 450 },
  // S01-S12, each once; S13 only outside the year. Each month has at most six.
  studentsSeen: 12,
  // Sessions from 20 August 2026 through 30 June 2027: S01 3 (two individual, the group), S02 and S03 2, the other nine 1. Median of 12: 1.
  medianSessionsSoFar: 1,
  // Days open / 7: S01 to 20 May 2027, 273 days (39); S02 to 1 June, 285 (40.71); the other ten to 30 June, 314 (44.86). Median: 44.9.
  medianWeeksOpen: 44.9,
  // 13 individual + 3 in the group = 16 student-sessions over 12 students.
  meanSessionsPerStudent: 1.33,
  cases: {
    opened: 12,
    closed: 2,
    resolved: 2,
    closedNotResolved: 0,
    closedByOutcome: { goals_met: 1, improved: 1, referred_out: 0, moved: 0, other: 0 },
  },
  // Attendance: the first session of each of S01-S12. Behavior: S01's two sessions (one student; S13's are outside the year).
  studentsByIssueCategory: {
    attendance: 12,
    behavior: 1,
    academic: 0,
    peer_bullying: 0,
    family_change: 0,
    grief_loss: 0,
    worry_stress: 0,
    emotional_regulation: 0,
    basic_needs_housing: 0,
    safety_referral: 0,
    substance_use: 0,
    other: 0,
    worker_defined: 0,
  },
  // 365 days = 52.14 weeks: 2 meetings → 0.04 a week, one of each team type → 0.02.
  meetingsPerWeek: 0.04,
  meetingsPerWeekByType: { iep: 0.02, '504': 0.02, sst_mtss: 0, crisis: 0, attendance: 0, other: 0 },
  supervision: { administrative: { count: 1, minutes: 45 }, clinical: { count: 2, minutes: 90 }, profession_specific: ZERO },
  // 300 / 60; 90 / 60 within (logged without saying where); 60 / 60 outside.
  professionalDevelopmentHours: { attended: 5, providedWithinDistrict: 1.5, providedOutsideDistrict: 1 },
  // 504 coordinator from September (10 months to June); Attendance committee March and April; Lunch duty ended in May 2026.
  duties: [
    { name: '504 coordinator', minutesPerMonth: 120, months: 10 },
    { name: 'Attendance committee', minutesPerMonth: 60, months: 2 },
  ],
} as const;

export interface YearCanaries {
  codes: string[];
  schools: string[];
  notes: string[];
}

/**
 * Fills the vault with the school year above (the manual clock ends after the
 * year). With `canaryTag`, codes, schools and notes are unique. `firstYear`
 * moves every date by whole years (2024 gives 2024-25, whose days fall as
 * 2026-27's: no 29 February in either), for a vault on the computer's clock.
 */
export function buildKnownSchoolYear(data: VaultData, clock: ReturnType<typeof manualClock>, options: { canaryTag?: string; firstYear?: number } = {}): YearCanaries {
  const tag = options.canaryTag;
  const offset = (options.firstYear ?? 2026) - 2026;
  const at = (date: string) => `${Number(date.slice(0, 4)) + offset}${date.slice(4)}`;
  const canaries: YearCanaries = { codes: [], schools: [], notes: [] };
  clock.set(at(AFTER_THE_YEAR));
  data.settings.update({ timeZone: 'America/New_York' });
  const ids = new Map<string, string>();
  for (const plan of STUDENTS) {
    const code = tag ? `${tag}-${plan.code}` : plan.code;
    const school = tag ? `${tag} School ${plan.code}` : null;
    const student = data.students.create({ code, openedOn: at(plan.openedOn), school });
    if (plan.closed) data.students.close(student.id, at(plan.closed.on), plan.closed.outcome);
    ids.set(plan.code, student.id);
    if (tag) {
      canaries.codes.push(code);
      canaries.schools.push(school as string);
    }
  }
  SERVICES.forEach((plan, index) => {
    const { students = [], ...fields } = plan;
    let noteId: string | null = null;
    if (tag) {
      const body = `${tag} note ${index} about ${students.join(' and ') || 'the day'}`;
      noteId = data.notes.create({ body, studentId: students[0] ? (ids.get(students[0]) ?? null) : null }).id;
      canaries.notes.push(body);
    }
    data.services.create({ ...fields, date: at(fields.date), noteId, studentIds: students.map((code) => ids.get(code) as string) });
  });
  const supervision = new SupervisionLog(data.supervision);
  supervision.add({ date: at('2026-06-30'), minutes: 60, kind: 'clinical', credential: null });
  supervision.add({ date: at('2026-09-01'), minutes: 60, kind: 'clinical', credential: 'LCSW' });
  supervision.add({ date: at('2026-09-08'), minutes: 30, kind: 'clinical', credential: 'LCSW' });
  supervision.add({ date: at('2027-01-10'), minutes: 45, kind: 'administrative', credential: null });
  data.duties.create({ name: '504 coordinator', minutesPerMonth: 120, fromMonth: at('2026-09') });
  const committee = data.duties.create({ name: 'Attendance committee', minutesPerMonth: 60, fromMonth: at('2027-03') });
  data.duties.end({ id: committee.id, untilMonth: at('2027-04') });
  const lunch = data.duties.create({ name: 'Lunch duty', minutesPerMonth: 200, fromMonth: at('2025-09') });
  data.duties.end({ id: lunch.id, untilMonth: at('2026-05') });
  return canaries;
}
