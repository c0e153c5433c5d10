import type { CommandInput, CommandName, CommandOutput } from '../../shared/api/contract';
import type { Router } from '../../src-main/api/router';
import { seededRandom } from '../helpers/seededRandom';

/**
 * Realistic demo content for screenshots and manual checks, put into an
 * unlocked vault through the router (the same path the renderer takes). The
 * caseload of one school social worker covering three schools: pseudonymous
 * codes, a few weeks of services, and short personal notes written the way
 * the app encourages — plus one note that names a diagnosis and quotes a
 * student, so a flagged note is there to see.
 */

/** Calls the router and returns the value, or throws with the error code and message. */
export async function callRouter<N extends CommandName>(router: Router, name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const result = await router.invoke(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as CommandOutput<N>;
}

/** `YYYY-MM-DD` of `date` in the local time zone. */
export function localIsoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function daysBefore(today: Date, days: number): Date {
  const date = new Date(today);
  date.setDate(date.getDate() - days);
  return date;
}

/** The last `count` school days (Monday to Friday), oldest first, ending today or on the last weekday before it. */
function schoolDays(today: Date, count: number): string[] {
  const days: string[] = [];
  for (let back = 0; days.length < count; back += 1) {
    const date = daysBefore(today, back);
    if (date.getDay() !== 0 && date.getDay() !== 6) days.unshift(localIsoDate(date));
  }
  return days;
}

interface DemoStudent {
  code: string;
  grade: number;
  school: string;
  tier: 1 | 2 | 3;
  iep: boolean;
  plan504: boolean;
  /** Days ago the case was opened. */
  openedDaysAgo: number;
}

const SCHOOLS = [
  { prefix: 'LE', name: 'Lincoln Elementary', grades: [0, 1, 2, 3, 4, 5] },
  { prefix: 'RM', name: 'Riverside Middle', grades: [6, 7, 8] },
  { prefix: 'NH', name: 'Northgate High', grades: [9, 10, 11, 12] },
] as const;

function demoStudents(random: () => number): DemoStudent[] {
  const perSchool = [10, 8, 7];
  const used = new Set<string>();
  const students: DemoStudent[] = [];
  SCHOOLS.forEach((school, schoolIndex) => {
    for (let i = 0; i < (perSchool[schoolIndex] ?? 0); i += 1) {
      let code: string;
      do code = `${school.prefix}-${String(1000 + Math.floor(random() * 9000))}`;
      while (used.has(code));
      used.add(code);
      const roll = random();
      students.push({
        code,
        grade: school.grades[Math.floor(random() * school.grades.length)] ?? school.grades[0],
        school: school.name,
        tier: roll < 0.2 ? 1 : roll < 0.75 ? 2 : 3,
        iep: random() < 0.3,
        plan504: random() < 0.15,
        openedDaysAgo: 20 + Math.floor(random() * 60),
      });
    }
  });
  return students;
}

/** Personal notes as the app hopes they are written: brief, observational, for the writer's own memory. */
const CLEAN_NOTES = [
  'Check-in after the schedule change. Walked through the new morning routine together; the picture checklist is working again. Follow up Thursday about the bus.',
  'Lunch group: practised joining a conversation that has already started. Good turn-taking today. Next week: role-play asking to sit with someone new.',
  'Talked with grandmother by phone about mornings. Getting out the door is hard since the move; agreed to try the 7:40 check-in at the front office for two weeks.',
  'Classroom visit during the math block. Did best with short tasks and a movement break halfway through. Ideas for the teacher: seat near the door, a timer card.',
  'Made a plan for when class feels like too much: ask for the pass, two minutes at the calm table, then back to the seat. Practised it once; will check how it went on Monday.',
  'Grief check-in. Brought a drawing of the family dog and talked about good memories; seemed lighter by the end. Let the teacher know the anniversary is next week.',
  'Getting ready for the team meeting: bring the attendance pattern (mostly Mondays), the points chart summary, and the idea of a peer mentor.',
  'Went over the safety plan again; knows which adults to go to at school and at home. Next check-in Monday, first period.',
  'Parent consultation about homework evenings. Suggested a set homework time with a short break first. Mom will try it and call back in two weeks.',
  'Team meeting: extra time and breaks continue. Spoke up for herself about testing in a quieter room, which is a big step from September.',
  'Friendship group, week four. The two who argued last week worked together on the puzzle without help. Keep the same pairs next time.',
  'Quick hallway check-in: sleeping better since the bedtime plan started. Wants to keep meeting every other week instead of weekly.',
];

/** Names a diagnosis and quotes the student: the check flags both, and the worker saved it anyway. */
export const FLAGGED_NOTE =
  'Met after lunch; upset about being left out at recess. She said "nobody ever wants me on their team and I just want to go home." ' +
  'Dad mentioned she was diagnosed with ADHD over the summer and they are still working out mornings. ' +
  'Plan: recess buddy for two weeks, check in Friday.';

export interface DemoSummary {
  students: number;
  services: number;
  notes: number;
  /** The student whose note is flagged (to open their page in screenshots). */
  flaggedStudentCode: string;
}

export interface SeedOptions {
  /** Dates count back from here (default: now). */
  today?: Date;
  /**
   * Sets the vault session's clock (null: the real time again), so that
   * notes are dated on the day of their session rather than all today.
   * Without it every note is written "now".
   */
  setClock?: (now: Date | null) => void;
}

/** Seeds the demo caseload into an unlocked vault. */
export async function seedDemoData(router: Router, options: SeedOptions = {}): Promise<DemoSummary> {
  const today = options.today ?? new Date();
  const writtenOn = (date: string, time: string) => options.setClock?.(new Date(`${date}T${time}`));
  const random = seededRandom(20260907);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const created: { id: string; student: DemoStudent }[] = [];
  for (const student of demoStudents(random)) {
    const row = await callRouter(router, 'students.create', {
      code: student.code,
      grade: student.grade,
      school: student.school,
      tier: student.tier,
      iep: student.iep,
      plan504: student.plan504,
      openedOn: localIsoDate(daysBefore(today, student.openedDaysAgo)),
    });
    created.push({ id: row.id, student });
  }
  // Two cases closed this month, with their outcomes.
  const closing = created.slice(-2);
  for (const [index, { id }] of closing.entries()) {
    await callRouter(router, 'students.close', { id, closedOn: localIsoDate(daysBefore(today, 3 + index * 4)), outcome: index === 0 ? 'goals_met' : 'moved' });
  }
  const open = created.slice(0, -2);

  const categories = ['attendance', 'behavior', 'academic', 'peer_bullying', 'family_change', 'grief_loss', 'worry_stress', 'emotional_regulation'] as const;
  let services = 0;
  let notes = 0;
  const days = schoolDays(today, 15);
  for (const [dayIndex, date] of days.entries()) {
    const isLastDay = dayIndex === days.length - 1;
    const sessions = isLastDay ? 3 : 3 + Math.floor(random() * 4);
    for (let s = 0; s < sessions; s += 1) {
      const student = pick(open);
      const service = await callRouter(router, 'services.create', {
        date,
        minutes: pick([20, 30, 30, 45]),
        kind: 'individual_session',
        studentIds: [student.id],
        issueCategoryIds: [pick(categories)],
      });
      services += 1;
      if (random() < 0.35 && notes < CLEAN_NOTES.length) {
        writtenOn(date, `${String(13 + s).padStart(2, '0')}:${String(10 + Math.floor(random() * 45)).padStart(2, '0')}:00`);
        await callRouter(router, 'notes.create', { studentId: student.id, serviceId: service.id, body: CLEAN_NOTES[notes] as string });
        // Back to real time: a service may not be dated after the vault's today.
        options.setClock?.(null);
        notes += 1;
      }
    }
    // A group on Tuesdays and Thursdays, a team meeting or consultation most days, paperwork on Fridays.
    const weekday = new Date(`${date}T12:00:00`).getDay();
    if (weekday === 2 || weekday === 4) {
      // A group meets at one school.
      const school = pick(SCHOOLS).name;
      const members = open.filter((entry) => entry.student.school === school).sort(() => random() - 0.5).slice(0, 3 + Math.floor(random() * 3));
      await callRouter(router, 'services.create', { date, minutes: 45, kind: 'group_session', studentIds: members.map((member) => member.id), issueCategoryIds: ['peer_bullying'] });
      services += 1;
    }
    const extra = pick(['team_meeting', 'staff_consultation', 'parent_consultation', 'classroom_observation', 'staff_consultation'] as const);
    const teamType = extra === 'team_meeting' ? pick(['iep', '504', 'sst_mtss', 'attendance'] as const) : null;
    await callRouter(router, 'services.create', {
      date,
      minutes: extra === 'team_meeting' ? 60 : 25,
      kind: extra,
      teamType,
      studentIds: [pick(open).id],
      issueCategoryIds: [pick(categories)],
    });
    services += 1;
    if (weekday === 5) {
      await callRouter(router, 'services.create', { date, minutes: 50, kind: 'sped_paperwork', studentIds: [] });
      await callRouter(router, 'services.create', { date, minutes: 30, kind: 'administrative', studentIds: [] });
      services += 2;
    }
  }
  const homeVisitStudent = pick(open);
  await callRouter(router, 'services.create', { date: days[days.length - 4] as string, minutes: 60, kind: 'home_visit', studentIds: [homeVisitStudent.id], issueCategoryIds: ['attendance'] });
  services += 1;

  // The flagged note, on the most recent day, for an elementary student.
  const flagged = open.find((entry) => entry.student.school === 'Lincoln Elementary') ?? (open[0] as (typeof open)[number]);
  const lastDay = days[days.length - 1] as string;
  const session = await callRouter(router, 'services.create', { date: lastDay, minutes: 30, kind: 'individual_session', studentIds: [flagged.id], issueCategoryIds: ['peer_bullying'] });
  writtenOn(lastDay, '15:40:00');
  await callRouter(router, 'notes.create', { studentId: flagged.id, serviceId: session.id, body: FLAGGED_NOTE, findingsAcknowledged: true });
  options.setClock?.(null);
  services += 1;
  notes += 1;

  return { students: created.length, services, notes, flaggedStudentCode: flagged.student.code };
}
