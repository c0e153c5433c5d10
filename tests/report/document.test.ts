import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPORT_METRICS, valueAtPath } from '../../shared/report/catalog';
import { ServiceReportDocument, type ReportMetrics } from '../../shared/report/document';
import { canonicalBytes } from '../../src-main/common/canonical';
import { prepareMonthReport } from '../../src-main/report/monthReport';
import { fingerprint } from '../../src-main/common/signing';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, type TestDatabase } from '../vault/testVault';
import { buildKnownMonth, KNOWN_MONTH, KNOWN_TIME_ZONE, manualClock } from './knownMonth';

/** Every hidden value looks alike. */
const P = { suppressed: true } as const;
const W = P;
const NOW = new Date('2026-04-06T14:00:00.000Z');

let vault: TestDatabase & { data: VaultData };

beforeEach(() => {
  const clock = manualClock();
  vault = openTestVault(clock);
  buildKnownMonth(vault.data, clock);
});
afterEach(() => vault.dispose());

/** Everything in the document that does not depend on k. */
const ACTIVITIES = {
  sessions: { individual: { count: 8, minutes: 240 }, group: { count: 3, minutes: 130 } },
  classroomObservations: { count: 2, minutes: 50 },
  staffConsultations: { count: 3, minutes: 45 },
  teamParticipation: {
    iep: { count: 2, minutes: 105 },
    '504': { count: 1, minutes: 30 },
    sst_mtss: { count: 1, minutes: 50 },
    crisis: { count: 0, minutes: 0 },
    attendance: { count: 0, minutes: 0 },
    other: { count: 0, minutes: 0 },
  },
  administrative: { count: 2, minutes: 180 },
  parentConsultations: { count: 2, minutes: 45 },
  homeVisits: { count: 1, minutes: 90 },
  parentTraining: { count: 1, minutes: 60 },
  professionalDevelopment: { provided: { count: 1, minutes: 90, hours: 1.5 }, attended: { count: 2, minutes: 225, contactHours: 3.75 } },
  specialEducation: { activities: { count: 1, minutes: 40 }, paperwork: { count: 2, minutes: 65 } },
  crisisResponse: { count: 1, minutes: 55 },
  otherServices: { count: 1, minutes: 10 },
  minutes: { direct: 575, indirect: 620, professional: 315 },
  // The known month's one training was logged without saying where: within the district.
  professionalDevelopmentProvided: { withinDistrict: { count: 1, minutes: 90 }, outsideDistrict: { count: 0, minutes: 0 } },
  // 4 team meetings over March's 31 days = 31/7 weeks: 0.90 a week; IEP 2 (0.45), 504 and SST 1 each (0.23).
  teamParticipationFrequency: { meetingsPerWeek: 0.9, byTeamType: { iep: 0.45, '504': 0.23, sst_mtss: 0.23, crisis: 0, attendance: 0, other: 0 } },
  administrativeResponsibilities: { duties: 0, minutesPerMonth: 0 },
} satisfies Partial<ReportMetrics>;

describe('the report document of the hand-built month', () => {
  it('at k = 10 (the default): 10 students seen is shown; the case group, with a small count, is hidden whole, its 0 too; the mean would give back the group sessions\' 9 students', () => {
    const report = prepareMonthReport(vault.data, { month: KNOWN_MONTH, now: NOW });
    expect(report.document).toEqual({
      schema: 'sole-notes/service-report/2',
      period: '2026-03',
      generated: '2026-04',
      timeZone: KNOWN_TIME_ZONE,
      threshold: 10,
      suppressionRule: expect.stringContaining('A count of students from 1 to 9 is never shown.'),
      signingKey: { algorithm: 'Ed25519', fingerprint: fingerprint(vault.data.keys.signingPublicKey().spki) },
      metrics: {
        ...ACTIVITIES,
        studentsSeen: 10,
        lengthOfTreatment: { medianSessionsSoFar: 3, medianWeeksOpen: 29.2 },
        // 1.7 × 10 students − 8 individual sessions = 9 students in the group sessions: from 1 to k-1, so the mean is hidden.
        frequency: { meanSessionsPerStudent: P },
        cases: { opened: P, closed: P, resolved: P, closedByOutcome: { goals_met: P, improved: P, referred_out: P, moved: P, other: P } },
        studentsByIssueCategory: {
          attendance: P,
          behavior: P,
          academic: P,
          peer_bullying: P,
          family_change: P,
          grief_loss: P,
          worry_stress: P,
          emotional_regulation: P,
          basic_needs_housing: 0,
          safety_referral: 0,
          substance_use: 0,
          other: 0,
          worker_defined: P,
        },
      },
      administrativeResponsibilities: [],
      successStories: [],
    });
    expect(report.bytes).toEqual(canonicalBytes(report.document));
    expect(ServiceReportDocument.safeParse(JSON.parse(report.bytes.toString('utf8'))).success).toBe(true);
  });

  it('at k = 5: counts of 5 are shown, and the case group (4 closed) is hidden whole', () => {
    const report = prepareMonthReport(vault.data, { month: KNOWN_MONTH, threshold: 5, now: NOW });
    const metrics = report.document.metrics;
    expect(metrics.studentsSeen).toBe(10);
    expect(metrics.cases).toEqual({ opened: 5, closed: W, resolved: W, closedByOutcome: { goals_met: W, improved: W, referred_out: W, moved: W, other: W } });
    expect(metrics.studentsByIssueCategory).toMatchObject({ peer_bullying: 5, emotional_regulation: P, behavior: P, worker_defined: P, basic_needs_housing: 0 });
    expect(report.suppressed.find((cell) => cell.path === 'cases.closedByOutcome.other')).toMatchObject({ reason: 'group', explanation: expect.stringContaining('Hidden with the other counts it adds up with') });
    expect(report.suppressed.find((cell) => cell.path === 'cases.closed')).toMatchObject({ reason: 'small' });
    expect(metrics.frequency).toEqual({ meanSessionsPerStudent: 1.7 });
  });

  it('at k = 11: 10 students seen is suppressed, and so are the medians and the mean over them', () => {
    const report = prepareMonthReport(vault.data, { month: KNOWN_MONTH, threshold: 11, now: NOW });
    const metrics = report.document.metrics;
    expect(metrics.studentsSeen).toEqual(P);
    expect(metrics.lengthOfTreatment).toEqual({ medianSessionsSoFar: P, medianWeeksOpen: P });
    expect(metrics.frequency).toEqual({ meanSessionsPerStudent: P });
    expect(metrics.cases.closedByOutcome).toEqual({ goals_met: P, improved: P, referred_out: P, moved: P, other: P });
    expect(report.suppressed.map((cell) => cell.path)).toEqual(expect.arrayContaining(['studentsSeen', 'lengthOfTreatment.medianWeeksOpen']));
    expect(report.suppressed.find((cell) => cell.path === 'lengthOfTreatment.medianWeeksOpen')?.explanation).toBe('Based on fewer than 11 students.');
  });

  it('has a catalogue entry for every number of the document, and a number or cell at every catalogue path', () => {
    const document = prepareMonthReport(vault.data, { month: KNOWN_MONTH, now: NOW }).document;
    const leaves: string[] = [];
    const walk = (node: unknown, prefix: string) => {
      if (node !== null && typeof node === 'object' && !('suppressed' in node)) {
        for (const [key, child] of Object.entries(node)) walk(child, prefix === '' ? key : `${prefix}.${key}`);
      } else {
        leaves.push(prefix);
      }
    };
    walk(document.metrics, '');
    expect(REPORT_METRICS.map((metric) => metric.path).sort()).toEqual(leaves.sort());
    for (const metric of REPORT_METRICS) expect(valueAtPath(document.metrics, metric.path), metric.path).not.toBeUndefined();
  });

  it('gives chart series: minutes by service kind, sessions per week, students per category after suppression', () => {
    const { charts } = prepareMonthReport(vault.data, { month: KNOWN_MONTH, now: NOW, threshold: 5 });
    expect(charts.minutesByServiceKind.find((row) => row.kind === 'team_meeting')).toEqual({ kind: 'team_meeting', label: 'Team meeting', minutes: 185, suppressed: null });
    expect(charts.minutesByServiceKind.reduce((sum, row) => sum + row.minutes, 0)).toBe(575 + 620 + 315);
    expect(charts.sessionsPerWeek[1]).toEqual({ weekStart: '2026-03-02', weekEnd: '2026-03-08', individual: 4, group: 1 });
    expect(charts.studentsPerIssueCategory.find((row) => row.category === 'peer_bullying')).toEqual({ category: 'peer_bullying', label: 'Peer relationships / bullying', value: 5, suppressed: null });
    expect(charts.studentsPerIssueCategory.find((row) => row.category === 'behavior')).toMatchObject({ value: null, suppressed: 'small' });
  });
});
