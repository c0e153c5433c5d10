import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { CASE_OUTCOMES } from '../../shared/domain/caseOutcomes';
import { SERVICE_KINDS, TEAM_TYPE_IDS, type ServiceKind } from '../../shared/domain/serviceKinds';
import { valueAtPath } from '../../shared/report/catalog';
import { REPORT_CATEGORY_IDS, type ServiceReportDocument } from '../../shared/report/document';
import { canonicalBytes } from '../../src-main/common/canonical';
import type { MonthMetrics } from '../../src-main/report/metrics';
import { buildReportDocument } from '../../src-main/report/reportDocument';
import { renderReportCsv } from '../../src-main/report/reportCsv';
import { renderReportHtml } from '../../src-main/report/reportHtml';
import { serviceCellProblem, serviceCellRanges } from '../../src-main/report/serviceSuppression';
import { parseReportDocument } from '../../src-main/report/verify';

// Counts of services can bound a suppressed count of students: each
// individual session is with exactly one student, so one individual session
// and no group session say that exactly one student was seen. These tests
// look at the published document only, as a reader would, with what the
// report format says every reader knows (docs/report-format.md): students
// per service (individual 1; group 1 to 200; kinds with optional students 0
// to 200; others none), minutes per service (1 to 1,440), and that a
// suppressed count of individual sessions lies in [1, k-1].

const FINGERPRINT = Array.from({ length: 16 }, () => 'AB12').join(' ');
/** Every hidden value looks alike. */
const C = { suppressed: true } as const;
const P = C;
const THRESHOLDS = [5, 10, 11, 16] as const;
type K = (typeof THRESHOLDS)[number];


interface MonthPlan {
  /** Services and minutes of each kind (kinds left out have none). */
  services: Partial<Record<ServiceKind, { count: number; minutes: number }>>;
  studentsSeen: number;
  categories?: Partial<Record<(typeof REPORT_CATEGORY_IDS)[number], number>>;
}

/** The true numbers of a month as the metrics query would give them (no cases; statistics only where students were seen). */
function monthOf(plan: MonthPlan): MonthMetrics {
  const byKind = Object.fromEntries(SERVICE_KINDS.map((kind) => [kind.id, { ...(plan.services[kind.id] ?? { count: 0, minutes: 0 }) }])) as MonthMetrics['byKind'];
  const byTeamType = Object.fromEntries(TEAM_TYPE_IDS.map((id) => [id, { count: 0, minutes: 0 }])) as MonthMetrics['byTeamType'];
  byTeamType.iep = { ...byKind.team_meeting };
  const minutes = { direct: 0, indirect: 0, professional: 0 };
  for (const kind of SERVICE_KINDS) minutes[kind.minutes] += byKind[kind.id].minutes;
  const seen = plan.studentsSeen;
  return {
    period: '2026-03',
    byKind,
    byTeamType,
    minutes,
    studentsSeen: seen,
    medianSessionsSoFar: seen === 0 ? null : 2,
    medianWeeksOpen: seen === 0 ? null : 6,
    meanSessionsPerStudent: seen === 0 ? null : 1.5,
    cases: {
      opened: 0,
      closed: 0,
      resolved: 0,
      closedNotResolved: 0,
      closedByOutcome: Object.fromEntries(CASE_OUTCOMES.map((outcome) => [outcome.id, 0])) as MonthMetrics['cases']['closedByOutcome'],
    },
    studentsByIssueCategory: Object.fromEntries(REPORT_CATEGORY_IDS.map((id) => [id, plan.categories?.[id] ?? 0])) as MonthMetrics['studentsByIssueCategory'],
    sessionsPerWeek: [],
  };
}

function publish(plan: MonthPlan, threshold: K) {
  return buildReportDocument({ metrics: monthOf(plan), threshold, timeZone: 'America/New_York', generated: '2026-04', fingerprint: FINGERPRINT });
}

/** Paths of the counts of students that services can bound. */
const BOUNDED_PATHS = ['studentsSeen', ...REPORT_CATEGORY_IDS.map((id) => `studentsByIssueCategory.${id}`)];

/**
 * The reader: the most students each count can hold, from the published
 * service numbers and the domain alone (shares no code with the rule).
 */
function readerUpperBounds(document: ServiceReportDocument): Map<string, number> {
  const k = document.threshold;
  const m = document.metrics;
  const number = (path: string) => valueAtPath(m, path);
  // Individual sessions: shown, or (suppressed) 1 to k-1; each at least a minute long.
  let individualMax = typeof m.sessions.individual.count === 'number' ? m.sessions.individual.count : k - 1;
  let individualMinutes: number | null = typeof m.sessions.individual.minutes === 'number' ? m.sessions.individual.minutes : null;
  if (individualMinutes === null && typeof m.minutes.direct === 'number') {
    // The direct minutes less every other direct kind's minutes give the individual minutes back.
    const others = [m.sessions.group.minutes, m.homeVisits.minutes, m.parentTraining.minutes, m.crisisResponse.minutes];
    individualMinutes = m.minutes.direct - others.reduce((sum, value) => sum + value, 0);
  }
  if (individualMinutes !== null) individualMax = Math.min(individualMax, individualMinutes);
  // A group session, or a service of a kind with optional students, can be with up to 200 students.
  const group = m.sessions.group.count;
  const optional = [
    'classroomObservations',
    'staffConsultations',
    ...TEAM_TYPE_IDS.map((id) => `teamParticipation.${id}`),
    'parentConsultations',
    'homeVisits',
    'specialEducation.activities',
    'specialEducation.paperwork',
    'crisisResponse',
    'otherServices',
  ].reduce((sum, path) => sum + (number(`${path}.count`) as number), 0);
  const bounds = new Map<string, number>([['studentsSeen', individualMax + 200 * group]]);
  for (const id of REPORT_CATEGORY_IDS) bounds.set(`studentsByIssueCategory.${id}`, individualMax + 200 * (group + optional));
  return bounds;
}

/** Every suppressed count of students is still anything from 1 to k-1 for the reader; every claim the reader relies on is true. */
function expectNotNarrowed(plan: MonthPlan, threshold: K): void {
  const built = publish(plan, threshold);
  const document = built.document;
  const truth = monthOf(plan);
  const bounds = readerUpperBounds(document);
  for (const path of BOUNDED_PATHS) {
    const value = valueAtPath(document.metrics, path);
    if (typeof value === 'number') continue;
    const bound = bounds.get(path) as number;
    expect(bound, `${path} (true ${String(valueAtPath(truth, path))}) narrowed to at most ${bound} by the service counts`).toBeGreaterThanOrEqual(threshold - 1);
  }
  // What the reader assumes of a suppressed count of individual sessions holds: 1 to k-1, and no group session.
  const individual = truth.byKind.individual_session.count;
  if (typeof document.metrics.sessions.individual.count !== 'number') {
    expect(individual).toBeGreaterThanOrEqual(1);
    expect(individual).toBeLessThanOrEqual(threshold - 1);
    expect(truth.byKind.group_session.count).toBe(0);
  } else if (truth.byKind.group_session.count === 0) {
    // …and so the pattern says nothing more: a shown count without group sessions is 0 or at least k.
    expect(individual === 0 || individual >= threshold, `${individual} individual sessions shown with no group session`).toBe(true);
  }
  // The district's ranges hold the true values; verify finds nothing wrong.
  for (const [path, range] of serviceCellRanges(document)) {
    const value = path === 'minutes.direct' ? truth.minutes.direct : (valueAtPath({ sessions: { individual: truth.byKind.individual_session } }, path) as number);
    expect(value, path).toBeGreaterThanOrEqual(range.min);
    expect(value, path).toBeLessThanOrEqual(range.max);
  }
  expect(serviceCellProblem(document)).toBeNull();
}

describe('counts of services that would narrow a suppressed count of students', () => {
  it('hides one individual session with no group session, with its minutes and the direct minutes', () => {
    const plan: MonthPlan = {
      services: { individual_session: { count: 1, minutes: 30 }, home_visit: { count: 1, minutes: 90 }, administrative: { count: 2, minutes: 60 } },
      studentsSeen: 1,
      categories: { behavior: 1 },
    };
    const built = publish(plan, 10);
    const metrics = built.document.metrics;
    expect(metrics.studentsSeen).toEqual(P);
    expect(metrics.sessions).toEqual({ individual: { count: C, minutes: C }, group: { count: 0, minutes: 0 } });
    expect(metrics.minutes).toEqual({ direct: C, indirect: 60, professional: 0 });
    expect(metrics.homeVisits).toEqual({ count: 1, minutes: 90 });
    expect([...built.hidden].filter(([, why]) => why === 'services').map(([path]) => path).sort()).toEqual(['minutes.direct', 'sessions.individual.count', 'sessions.individual.minutes']);
    expect(built.document.suppressionRule).toContain('1 to 9 individual sessions are hidden with their minutes and the direct minutes');
    // The district carries them as ranges: 1 to 9 sessions of 1 to 1,440 minutes; the direct minutes around the home visit's 90.
    expect(Object.fromEntries(serviceCellRanges(built.document))).toEqual({
      'sessions.individual.count': { min: 1, max: 9 },
      'sessions.individual.minutes': { min: 1, max: 9 * 1440 },
      'minutes.direct': { min: 91, max: 90 + 9 * 1440 },
    });
    expectNotNarrowed(plan, 10);
  });

  it('shows them again from k individual sessions, or with any group session', () => {
    // 10 sessions with 3 students: "at most 10" says nothing about a count known to be 1 to 9.
    const ten = publish({ services: { individual_session: { count: 10, minutes: 300 } }, studentsSeen: 3 }, 10).document.metrics;
    expect(ten.studentsSeen).toEqual(P);
    expect(ten.sessions.individual).toEqual({ count: 10, minutes: 300 });
    expect(ten.minutes.direct).toBe(300);
    // A group session may hold up to 200 students, so nothing is bounded.
    const withGroup = publish({ services: { individual_session: { count: 1, minutes: 30 }, group_session: { count: 1, minutes: 45 } }, studentsSeen: 3 }, 10);
    expect(withGroup.document.metrics.sessions.individual).toEqual({ count: 1, minutes: 30 });
    expect([...withGroup.hidden.values()]).not.toContain('services');
    // Nine sessions at k = 10, four at k = 5: hidden; five at k = 5: shown.
    expect(publish({ services: { individual_session: { count: 9, minutes: 270 } }, studentsSeen: 9 }, 10).document.metrics.sessions.individual.count).toEqual(C);
    expect(publish({ services: { individual_session: { count: 4, minutes: 120 } }, studentsSeen: 2 }, 5).document.metrics.sessions.individual.count).toEqual(C);
    expect(publish({ services: { individual_session: { count: 5, minutes: 150 } }, studentsSeen: 2 }, 5).document.metrics.sessions.individual.count).toBe(5);
    // No sessions at all: zero is shown, as for students.
    expect(publish({ services: { staff_consultation: { count: 2, minutes: 30 } }, studentsSeen: 0, categories: { behavior: 2 } }, 10).document.metrics.sessions.individual).toEqual({ count: 0, minutes: 0 });
  });

  it('writes the hidden cells as suppressed in the CSV and the printable page, and explains them in the preview', () => {
    const document = publish({ services: { individual_session: { count: 2, minutes: 50 } }, studentsSeen: 1 }, 10).document;
    const csv = renderReportCsv(document);
    expect(csv).toContain('\r\nsessions.individual.count,Individual sessions held,,suppressed\r\n');
    expect(csv).toContain('\r\nsessions.individual.minutes,Individual sessions held: minutes,,suppressed\r\n');
    expect(csv).toMatch(/\r\nminutes\.direct,[^\r\n]*,,suppressed\r\n/);
    expect(csv).not.toMatch(/sessions\.individual\.(count|minutes),[^\r\n]*,[0-9]/);
    const html = renderReportHtml(document);
    expect(html).toMatch(/Individual sessions held<\/th><td class="value"><span class="suppressed">hidden/);
    expect(html).not.toMatch(/Individual sessions held<\/th><td class="value">2</);
  });

  it('the reader can never pin or narrow a suppressed count of students through the service counts (property)', () => {
    const small = (k: number) => fc.oneof(fc.constant(0), fc.integer({ min: 1, max: k - 1 }), fc.constant(k - 1), fc.constant(k), fc.integer({ min: k, max: 40 }));
    const activity = (count: fc.Arbitrary<number>) =>
      count.chain((n) => (n === 0 ? fc.constant({ count: 0, minutes: 0 }) : fc.integer({ min: n, max: n * 120 }).map((minutes) => ({ count: n, minutes }))));
    const plans = fc.constantFrom(...THRESHOLDS).chain((k) =>
      fc
        .record({
          individual_session: activity(small(k)),
          group_session: activity(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 4 }))),
          classroom_observation: activity(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }))),
          home_visit: activity(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2 }))),
          parent_training: activity(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2 }))),
          crisis_response: activity(fc.oneof(fc.constant(0), fc.constant(1))),
          administrative: activity(fc.integer({ min: 0, max: 3 })),
          pd_attended: activity(fc.integer({ min: 0, max: 2 })),
        })
        .chain((services) => {
          const sessions = services.individual_session.count + 200 * services.group_session.count;
          const optional = services.classroom_observation.count + services.home_visit.count + services.crisis_response.count;
          const seen = services.individual_session.count + services.group_session.count === 0 ? fc.constant(0) : fc.integer({ min: 1, max: Math.min(sessions, 60) });
          const capacity = Math.min(sessions + 200 * optional, 60);
          const category = fc.integer({ min: 0, max: capacity });
          return fc.record({
            k: fc.constant(k),
            plan: fc.record({
              services: fc.constant(services),
              studentsSeen: seen,
              categories: fc.record({ behavior: category, attendance: category, worker_defined: category }),
            }),
          });
        }),
    );
    fc.assert(
      fc.property(plans, ({ k, plan }) => expectNotNarrowed(plan, k)),
      { numRuns: 600 },
    );
  });

  it('over every small month, each published document leaves every suppressed count of students anywhere in [1, k-1] (exhaustive)', () => {
    // A black-box reader who knows the rule: months that publish the same
    // document cannot be told apart, so a suppressed count can be any value
    // it takes among them. The family is every month with 0 to k+1
    // individual sessions, 0 or 1 group session, 0 or 1 classroom
    // observation, and every possible count of students seen and of one
    // category (up to k+1). Without the rule, one session and no group
    // session would publish a document whose months all saw exactly 1 student.
    for (const k of [5, 10] as const) {
      const byDocument = new Map<string, { document: ServiceReportDocument; values: Map<string, Set<number>> }>();
      for (let individual = 0; individual <= k + 1; individual += 1) {
        for (const group of [0, 1]) {
          for (const observations of [0, 1]) {
            const sessionCapacity = individual + 200 * group;
            const seenValues = individual + group === 0 ? [0] : Array.from({ length: Math.min(sessionCapacity, k + 1) }, (_, index) => index + 1);
            const categoryMax = Math.min(sessionCapacity + 200 * observations, k + 1);
            for (const seen of seenValues) {
              for (let category = 0; category <= categoryMax; category += 1) {
                const plan: MonthPlan = {
                  services: {
                    individual_session: { count: individual, minutes: 30 * individual },
                    group_session: { count: group, minutes: 45 * group },
                    classroom_observation: { count: observations, minutes: 20 * observations },
                  },
                  studentsSeen: seen,
                  categories: { behavior: category },
                };
                const { document } = publish(plan, k);
                const key = canonicalize(document.metrics) as string;
                const entry = byDocument.get(key) ?? { document, values: new Map<string, Set<number>>() };
                for (const [path, value] of [['studentsSeen', seen], ['studentsByIssueCategory.behavior', category]] as const) {
                  entry.values.set(path, (entry.values.get(path) ?? new Set<number>()).add(value));
                }
                byDocument.set(key, entry);
              }
            }
          }
        }
      }
      expect(byDocument.size).toBeGreaterThan(20);
      for (const { document, values } of byDocument.values()) {
        for (const [path, seenValues] of values) {
          const published = valueAtPath(document.metrics, path);
          if (typeof published === 'number') {
            expect([...seenValues], path).toEqual([published]);
            continue;
          }
          const expected = Array.from({ length: k - 1 }, (_, index) => index + 1);
          expect([...seenValues].sort((a, b) => a - b), `${path} in ${canonicalize(document.metrics.sessions)}`).toEqual(expected);
        }
      }
    }
  });
});

describe('the rule and the domain', () => {
  it('covers every kind of service there is: only individual sessions hold a single student, and they count as direct', () => {
    // If a kind is added with one student per service, or fewer than k at most, the rule and the schema must grow with it.
    expect(SERVICE_KINDS.filter((kind) => kind.withStudents === 'one').map((kind) => kind.id)).toEqual(['individual_session']);
    expect(SERVICE_KINDS.find((kind) => kind.id === 'individual_session')?.minutes).toBe('direct');
    expect(new Set(SERVICE_KINDS.map((kind) => kind.withStudents))).toEqual(new Set(['one', 'many', 'optional', 'none']));
  });
});

describe('verify and the counts of services', () => {
  const quiet = (): ServiceReportDocument => publish({ services: { individual_session: { count: 2, minutes: 50 }, home_visit: { count: 1, minutes: 30 } }, studentsSeen: 1 }, 10).document;

  it('accepts a quiet month as the rule writes it', () => {
    expect(parseReportDocument(canonicalBytes(quiet()))).toHaveProperty('document');
  });

  it.each<[string, (document: ServiceReportDocument) => void, RegExp]>([
    ['the sessions hidden but their minutes shown', (document) => void (document.metrics.sessions.individual.minutes = 50), /suppressed together/],
    ['the sessions hidden beside a group session', (document) => void (document.metrics.sessions.group = { count: 1, minutes: 40 }), /without group sessions/],
    ['the sessions hidden while the students seen are shown', (document) => void (document.metrics.studentsSeen = 12), /students seen/],
    ['more minutes than a day per service', (document) => void (document.metrics.homeVisits.minutes = 1441), /homeVisits/],
    ['indirect minutes that are not the sum of their parts', (document) => void (document.metrics.minutes.indirect = 5), /minutes\.indirect is not the sum/],
  ])('refuses %s', (_what, change, message) => {
    const document = quiet();
    change(document);
    const parsed = parseReportDocument(canonicalBytes(document));
    expect(parsed).toHaveProperty('failure');
    expect((parsed as { failure: string }).failure).toMatch(message);
  });
});
