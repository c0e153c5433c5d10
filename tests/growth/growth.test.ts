import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPETENCY_INDICATORS } from '../../shared/domain/competencies';
import { ceuProgress } from '../../src-main/growth/ceuProgress';
import { evidenceSummary } from '../../src-main/growth/evidence';
import { createGoal, listGoals, updateGoal } from '../../src-main/growth/pdGoals';
import { rateIndicator, selfEvaluation } from '../../src-main/growth/selfEvaluation';
import { mondayOf, SupervisionLog, weeklyStreak } from '../../src-main/growth/supervisionLog';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, steppingClock, type TestDatabase } from '../vault/testVault';

// Professional growth over a real encrypted vault: evidence counts on a
// hand-built school year, the weekly supervision streak, CEU progress per
// cycle year, the self-evaluation year over year, and goals.

let vault: TestDatabase & { data: VaultData };
let data: VaultData;

beforeEach(() => {
  vault = openTestVault(steppingClock('2027-07-10T15:00:00.000Z'));
  data = vault.data;
  data.settings.update({ timeZone: 'America/New_York' });
});
afterEach(() => vault.dispose());

describe('evidence from the log', () => {
  it('counts each kind of service and supervision inside the school year (July to June) only', () => {
    const student = data.students.create({ code: 'RW-1102' });
    const services = [
      ['2026-06-30', 30, 'staff_consultation', null], // the school year before
      ['2026-07-01', 20, 'staff_consultation', null],
      ['2026-10-12', 25, 'staff_consultation', null],
      ['2027-06-30', 15, 'staff_consultation', null],
      ['2027-07-01', 40, 'staff_consultation', null], // the next one
      ['2026-09-03', 60, 'home_visit', null],
      ['2026-11-04', 45, 'home_visit', null],
      ['2026-09-10', 50, 'team_meeting', 'iep'],
      ['2026-09-17', 40, 'team_meeting', 'iep'],
      ['2026-10-01', 30, 'team_meeting', 'sst_mtss'],
      ['2026-10-20', 90, 'pd_provided', null],
      ['2026-11-20', 180, 'pd_attended', null],
      ['2027-01-11', 35, 'parent_consultation', null],
      ['2027-02-02', 30, 'classroom_observation', null],
      ['2027-03-03', 60, 'parent_training', null],
      ['2027-03-09', 25, 'crisis_response', null],
      ['2027-04-01', 40, 'sped_activity', null],
      ['2027-04-02', 20, 'sped_paperwork', null],
      ['2027-04-05', 45, 'individual_session', null],
    ] as const;
    for (const [date, minutes, kind, teamType] of services) {
      data.services.create({ date, minutes, kind, teamType, studentIds: kind === 'individual_session' ? [student.id] : [] });
    }
    const supervision = new SupervisionLog(data.supervision);
    supervision.add({ date: '2026-09-08', minutes: 60, kind: 'clinical', credential: 'LCSW' });
    supervision.add({ date: '2026-09-15', minutes: 45, kind: 'clinical' });
    supervision.add({ date: '2026-10-06', minutes: 30, kind: 'administrative' });
    supervision.add({ date: '2026-06-29', minutes: 60, kind: 'profession_specific' }); // the year before

    const summary = evidenceSummary(data, '2026-27');
    expect(summary.from).toBe('2026-07-01');
    expect(summary.to).toBe('2027-06-30');
    expect(summary.counts).toEqual({
      staffConsultations: { count: 3, minutes: 60 },
      parentConsultations: { count: 1, minutes: 35 },
      classroomObservations: { count: 1, minutes: 30 },
      homeVisits: { count: 2, minutes: 105 },
      parentTrainings: { count: 1, minutes: 60 },
      pdProvided: { count: 1, minutes: 90 },
      pdAttended: { count: 1, minutes: 180 },
      teamMeetings: { count: 3, minutes: 120 },
      crisisResponses: { count: 1, minutes: 25 },
      spedActivities: { count: 2, minutes: 60 },
      supervision: { count: 3, minutes: 135 },
    });
    expect(summary.teamMeetingsByType).toEqual([
      { teamType: 'iep', count: 2, minutes: 90 },
      { teamType: '504', count: 0, minutes: 0 },
      { teamType: 'sst_mtss', count: 1, minutes: 30 },
      { teamType: 'crisis', count: 0, minutes: 0 },
      { teamType: 'attendance', count: 0, minutes: 0 },
      { teamType: 'other', count: 0, minutes: 0 },
    ]);
    expect(summary.supervisionByKind).toEqual([
      { kind: 'administrative', count: 1, minutes: 30 },
      { kind: 'clinical', count: 2, minutes: 105 },
      { kind: 'profession_specific', count: 0, minutes: 0 },
    ]);
    expect(evidenceSummary(data, '2025-26').counts.staffConsultations).toEqual({ count: 1, minutes: 30 });
  });
});

describe('supervision', () => {
  it('counts the weeks (Monday to Sunday) of the last eight that had supervision, this week included', () => {
    expect(mondayOf('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    // Today is Wednesday 25 November; the eight weeks start Monday 5 October.
    const dates = ['2026-10-04', '2026-10-05', '2026-10-07', '2026-10-19', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];
    expect(weeklyStreak(dates, '2026-11-25')).toEqual({ weeksWithSupervision: 6, of: 8, thisWeek: true });
    expect(weeklyStreak(dates.slice(0, -1), '2026-11-25')).toEqual({ weeksWithSupervision: 5, of: 8, thisWeek: false });
  });

  it('keeps sessions with an optional credential, lists this school year newest first and sums minutes by kind', () => {
    const log = new SupervisionLog(data.supervision);
    const first = log.add({ date: '2027-06-28', minutes: 60, kind: 'clinical', credential: '  LCSW ' });
    log.add({ date: '2027-07-06', minutes: 30, kind: 'profession_specific', credential: '' });
    const overview = log.overview('2027-07-08');
    expect(overview.schoolYear).toBe('2027-28');
    expect(overview.sessions.map((session) => [session.date, session.credential])).toEqual([['2027-07-06', null]]);
    expect(overview.streak).toEqual({ weeksWithSupervision: 2, of: 8, thisWeek: true });
    expect(log.overview('2027-06-30').byKind).toEqual([
      { kind: 'administrative', count: 0, minutes: 0 },
      { kind: 'clinical', count: 1, minutes: 60 },
      { kind: 'profession_specific', count: 0, minutes: 0 },
    ]);
    expect(first.credential).toBe('LCSW');
    log.delete(first.id);
    expect(() => log.delete(first.id)).toThrow(/No supervision session/);
  });
});

describe('CEU progress', () => {
  it('counts professional development attended per cycle year and spreads what is left over the years left', () => {
    for (const [date, minutes] of [
      ['2024-06-30', 600], // before the cycle
      ['2024-07-01', 600],
      ['2025-03-10', 1200],
      ['2026-08-01', 300],
      ['2027-07-06', 120],
    ] as const) {
      data.services.create({ date, minutes, kind: 'pd_attended' });
    }
    const progress = ceuProgress(data, { ceuCycleStart: '2024-07-01', ceuRequirementApplies: true, timeZone: 'America/New_York' }, new Date('2027-07-10T15:00:00.000Z'));
    expect(progress).toMatchObject({ status: 'current', cycleStart: '2024-07-01', cycleEnd: '2029-06-30', sessions: 4, contactHours: 37, ceus: 3.7, requiredHours: 90, remainingHours: 53, yearsLeft: 2, hoursPerYearLeft: 26.5 });
    expect(progress.years.map((year) => [year.index, year.from, year.to, year.hours, year.current])).toEqual([
      [1, '2024-07-01', '2025-06-30', 30, false],
      [2, '2025-07-01', '2026-06-30', 0, false],
      [3, '2026-07-01', '2027-06-30', 5, false],
      [4, '2027-07-01', '2028-06-30', 2, true],
      [5, '2028-07-01', '2029-06-30', 0, false],
    ]);
    const without = ceuProgress(data, { ceuCycleStart: '2024-07-01', ceuRequirementApplies: false, timeZone: 'America/New_York' }, new Date('2027-07-10T15:00:00.000Z'));
    expect(without).toMatchObject({ requirementApplies: false, contactHours: 37, requiredHours: null, remainingHours: null, yearsLeft: null, hoursPerYearLeft: null });
    expect(ceuProgress(data, { ceuCycleStart: null, ceuRequirementApplies: true, timeZone: 'UTC' }, new Date('2027-07-10T15:00:00.000Z'))).toMatchObject({ status: 'not-set', remainingHours: 90, years: [] });
  });
});

describe('self-evaluation', () => {
  it('lists every indicator with this year’s rating and evidence beside last year’s rating', () => {
    rateIndicator(data, { schoolYear: '2025-26', indicatorId: '5.1.1', rating: 'met', evidence: 'Ran consultation hours each week' });
    const entry = rateIndicator(data, { schoolYear: '2026-27', indicatorId: '5.1.1', rating: 'exceeds', evidence: '  Led two staff trainings on de-escalation  ' });
    expect(entry).toMatchObject({ indicatorId: '5.1.1', rating: 'exceeds', previousRating: 'met', evidence: 'Led two staff trainings on de-escalation' });
    const evaluation = selfEvaluation(data, '2026-27');
    expect(evaluation.previousSchoolYear).toBe('2025-26');
    expect(evaluation.entries).toHaveLength(COMPETENCY_INDICATORS.length);
    expect(evaluation.entries.find((candidate) => candidate.indicatorId === '1.1')).toEqual({ indicatorId: '1.1', rating: null, evidence: '', previousRating: null, updatedAt: null });
    rateIndicator(data, { schoolYear: '2026-27', indicatorId: '5.1.1', rating: null, evidence: '' });
    expect(selfEvaluation(data, '2026-27').entries.find((candidate) => candidate.indicatorId === '5.1.1')).toMatchObject({ rating: null, previousRating: 'met' });
  });

  it('refuses an evidence note or a goal that names a student on the caseload, and writes nothing', () => {
    data.students.create({ code: 'NH-2214', knownAs: 'Marisol' });
    expect(() => rateIndicator(data, { schoolYear: '2026-27', indicatorId: '1.2', rating: 'met', evidence: 'Worked with nh-2214 teachers' })).toThrow(/names a student/);
    expect(() => rateIndicator(data, { schoolYear: '2026-27', indicatorId: '1.2', rating: 'met', evidence: 'Helped marisol settle' })).toThrow(/names a student/);
    expect(selfEvaluation(data, '2026-27').entries.find((entry) => entry.indicatorId === '1.2')?.rating).toBeNull();
    expect(() => createGoal(data, { schoolYear: '2026-27', indicatorId: '1.2', goal: 'Check in with Marisol weekly' })).toThrow(/names a student/);
    // A word that merely contains a name is fine.
    expect(rateIndicator(data, { schoolYear: '2026-27', indicatorId: '1.2', rating: 'met', evidence: 'Marisoles are not students' }).rating).toBe('met');
  });

  it('keeps goals tied to indicators, and marks them done', () => {
    const goal = createGoal(data, { schoolYear: '2027-28', indicatorId: '3.2', goal: 'Complete training in a screening tool' });
    expect(listGoals(data, '2027-28')).toEqual([goal]);
    expect(listGoals(data, '2026-27')).toEqual([]);
    expect(updateGoal(data, { id: goal.id, doneOn: '2027-10-01' })).toMatchObject({ doneOn: '2027-10-01', goal: 'Complete training in a screening tool' });
  });
});
