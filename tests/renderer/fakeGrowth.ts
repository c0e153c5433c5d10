import type { CeuProgress, PdGoal, SelfEvaluationEntry, SupervisionOverview, SupervisionSession } from '../../shared/api/growthSchemas';
import { COMPETENCY_INDICATORS } from '../../shared/domain/competencies';
import { SUPERVISION_KIND_IDS } from '../../shared/domain/growth';
import { previousSchoolYear } from '../../shared/domain/schoolYear';
import { TEAM_TYPE_IDS } from '../../shared/domain/serviceKinds';
import { fakeId, Failure, type FakeHandlers } from './fakeBridge';

/**
 * Professional growth for renderer tests: ratings by school year, goals,
 * supervision sessions and a fixed CEU answer, in memory. Evidence naming
 * the student code "NH-2214" is refused as the main side refuses a student.
 */
export interface FakeGrowth {
  ratings: Map<string, { rating: SelfEvaluationEntry['rating']; evidence: string }>;
  goals: PdGoal[];
  sessions: SupervisionSession[];
  ceu: CeuProgress;
  streak: SupervisionOverview['streak'];
}

export const FAKE_CEU: CeuProgress = {
  requirementApplies: true,
  status: 'current',
  today: '2026-11-20',
  cycleStart: '2024-07-01',
  cycleEnd: '2029-06-30',
  sessions: 4,
  minutes: 2220,
  contactHours: 37,
  ceus: 3.7,
  requiredHours: 90,
  remainingHours: 53,
  yearsLeft: 3,
  hoursPerYearLeft: 17.67,
  years: [
    { index: 1, from: '2024-07-01', to: '2025-06-30', hours: 30, current: false },
    { index: 2, from: '2025-07-01', to: '2026-06-30', hours: 2, current: false },
    { index: 3, from: '2026-07-01', to: '2027-06-30', hours: 5, current: true },
    { index: 4, from: '2027-07-01', to: '2028-06-30', hours: 0, current: false },
    { index: 5, from: '2028-07-01', to: '2029-06-30', hours: 0, current: false },
  ],
};

export function emptyGrowth(): FakeGrowth {
  return { ratings: new Map(), goals: [], sessions: [], ceu: FAKE_CEU, streak: { weeksWithSupervision: 6, of: 8, thisWeek: true } };
}

const tally = (count: number, minutes: number) => ({ count, minutes });

export function growthHandlers(growth: FakeGrowth): FakeHandlers {
  const entry = (schoolYear: string, indicatorId: string): SelfEvaluationEntry => {
    const saved = growth.ratings.get(`${schoolYear}/${indicatorId}`);
    const before = growth.ratings.get(`${previousSchoolYear(schoolYear)}/${indicatorId}`);
    return { indicatorId, rating: saved?.rating ?? null, evidence: saved?.evidence ?? '', previousRating: before?.rating ?? null, updatedAt: saved == null ? null : '2026-11-20T15:00:00.000Z' };
  };
  return {
    'selfEvaluation.get': ({ schoolYear }) => ({
      schoolYear,
      previousSchoolYear: previousSchoolYear(schoolYear),
      entries: COMPETENCY_INDICATORS.map((indicator) => entry(schoolYear, indicator.id)),
    }),
    'selfEvaluation.rate': ({ schoolYear, indicatorId, rating, evidence }) => {
      if (/nh-2214/i.test(evidence)) throw new Failure('INVALID_INPUT', 'evidence: this names a student on your caseload. Professional growth is about your own practice; describe it without naming a student.');
      growth.ratings.set(`${schoolYear}/${indicatorId}`, { rating: rating ?? null, evidence: evidence.trim() });
      return entry(schoolYear, indicatorId);
    },
    'selfEvaluation.export': ({ file }) => ({ path: file, bytes: 1234, sha256: 'a'.repeat(64) }),
    'growth.evidence': ({ schoolYear }) => ({
      schoolYear,
      from: `${schoolYear.slice(0, 4)}-07-01`,
      to: `${Number(schoolYear.slice(0, 4)) + 1}-06-30`,
      counts: {
        staffConsultations: tally(42, 1260),
        parentConsultations: tally(18, 540),
        classroomObservations: tally(9, 270),
        homeVisits: tally(3, 180),
        parentTrainings: tally(1, 60),
        pdProvided: tally(2, 180),
        pdAttended: tally(1, 300),
        teamMeetings: tally(12, 540),
        crisisResponses: tally(2, 90),
        spedActivities: tally(6, 240),
        supervision: tally(7, 360),
      },
      teamMeetingsByType: TEAM_TYPE_IDS.map((teamType) => ({ teamType, ...(teamType === 'iep' ? tally(8, 360) : teamType === 'sst_mtss' ? tally(4, 180) : tally(0, 0)) })),
      supervisionByKind: SUPERVISION_KIND_IDS.map((kind) => ({ kind, ...(kind === 'clinical' ? tally(5, 270) : tally(1, 45)) })),
    }),
    'pdGoals.list': ({ schoolYear }) => growth.goals.filter((goal) => schoolYear === undefined || goal.schoolYear === schoolYear),
    'pdGoals.create': ({ schoolYear, indicatorId, goal }) => {
      const created: PdGoal = { id: fakeId(), schoolYear, indicatorId, goal, doneOn: null, createdAt: '2026-11-20T15:00:00.000Z' };
      growth.goals.push(created);
      return created;
    },
    'pdGoals.update': ({ id, goal, doneOn }) => {
      const found = growth.goals.find((candidate) => candidate.id === id);
      if (found == null) throw new Failure('NOT_FOUND', 'No goal with that id.');
      if (goal !== undefined) found.goal = goal;
      if (doneOn !== undefined) found.doneOn = doneOn;
      return { ...found };
    },
    'pdGoals.delete': ({ id }) => {
      growth.goals = growth.goals.filter((goal) => goal.id !== id);
      return { done: true };
    },
    'ceu.progress': () => growth.ceu,
    'supervision.overview': () => ({
      schoolYear: '2026-27',
      streak: growth.streak,
      byKind: SUPERVISION_KIND_IDS.map((kind) => {
        const ofKind = growth.sessions.filter((session) => session.kind === kind);
        return { kind, count: ofKind.length, minutes: ofKind.reduce((sum, session) => sum + session.minutes, 0) };
      }),
      sessions: [...growth.sessions].sort((a, b) => b.date.localeCompare(a.date)),
    }),
    'supervision.add': ({ date, minutes, kind, credential }) => {
      const session: SupervisionSession = { id: fakeId(), date, minutes, kind, credential: credential ?? null, createdAt: '2026-11-20T15:00:00.000Z' };
      growth.sessions.push(session);
      return session;
    },
    'supervision.delete': ({ id }) => {
      growth.sessions = growth.sessions.filter((session) => session.id !== id);
      return { done: true };
    },
  };
}
