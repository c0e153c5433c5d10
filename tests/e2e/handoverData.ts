import path from 'node:path';
import type { CreateHandoverResult } from '../../shared/api/handoverSchemas';
import type { Student } from '../../shared/api/schemas';
import { createRouter, type Router } from '../../src-main/api/router';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';
import { callRouter, localIsoDate } from './demoData';

/**
 * The other side of a handover, for the end-to-end tests and the
 * screenshots: a colleague's own vault (a real, encrypted one in a folder of
 * the test's temp dir) with a small caseload, and the packages it makes for
 * the app's vault, through the same router the app uses.
 */

export interface ColleagueVault {
  name: string;
  folder: string;
  session: VaultSession;
  router: Router;
}

export async function makeColleagueVault(root: string, name: string, clock?: () => Date): Promise<ColleagueVault> {
  const folder = path.join(root, name.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  const session = new VaultSession(folder, { kdf: TEST_KDF, clock });
  await session.create(TEST_PASSPHRASE);
  return { name, folder, session, router: createRouter(session) };
}

/** Brief memory aids, written the way the app encourages. */
export const COLLEAGUE_NOTES = {
  first: 'Check-in before first period went well. Wants to try the lunch group again next week; ask the counselor about a seat.',
  second: 'Missed two mornings. Mentioned the bus now comes ten minutes early. Ask the office about the route change.',
  third: 'Feels left out of the science fair team. Plan a short meeting with the teacher on Thursday.',
  fourth: 'Calm today. Talked about the new puppy at home. Keep the Friday check-ins going.',
} as const;

export interface ColleagueCaseload {
  /** The students handed over (the last one is kept back). */
  handed: Student[];
  kept: Student;
}

/** Three students to hand over and one kept back, with notes and services. */
export async function seedColleagueCaseload(colleague: ColleagueVault, today = new Date()): Promise<ColleagueCaseload> {
  const { router } = colleague;
  const day = (back: number) => {
    const date = new Date(today);
    date.setDate(date.getDate() - back);
    return localIsoDate(date);
  };
  const a = await callRouter(router, 'students.create', { code: 'RM-2048', grade: 7, school: 'Riverside Middle', tier: 2, iep: true });
  const b = await callRouter(router, 'students.create', { code: 'RM-3391', grade: 8, school: 'Riverside Middle', tier: 1 });
  const c = await callRouter(router, 'students.create', { code: 'LE-1175', grade: 4, school: 'Lincoln Elementary', tier: 2, plan504: true });
  const kept = await callRouter(router, 'students.create', { code: 'NH-5520', grade: 10, school: 'Northgate High' });

  const first = await callRouter(router, 'services.create', { date: day(6), minutes: 30, kind: 'individual_session', studentIds: [a.id], issueCategoryIds: ['peer_bullying'] });
  const firstNote = await callRouter(router, 'notes.create', { studentId: a.id, serviceId: first.id, body: COLLEAGUE_NOTES.first });
  await callRouter(router, 'services.update', { id: first.id, fields: { date: day(6), minutes: 30, kind: 'individual_session', studentIds: [a.id], issueCategoryIds: ['peer_bullying'], noteId: firstNote.id } });
  await callRouter(router, 'notes.create', { studentId: a.id, body: COLLEAGUE_NOTES.second });
  await callRouter(router, 'services.create', { date: day(5), minutes: 45, kind: 'group_session', studentIds: [a.id, b.id], issueCategoryIds: ['peer_bullying'] });
  await callRouter(router, 'notes.create', { studentId: b.id, body: COLLEAGUE_NOTES.third });
  await callRouter(router, 'services.create', { date: day(4), minutes: 20, kind: 'individual_session', studentIds: [c.id], issueCategoryIds: ['worry_stress'] });
  await callRouter(router, 'notes.create', { studentId: c.id, body: COLLEAGUE_NOTES.fourth });
  await callRouter(router, 'notes.create', { studentId: kept.id, body: 'Kept back: not part of any handover.' });
  return { handed: [a, b, c], kept };
}

/** `YYYY-MM-DD`, `days` from today (negative for the past), in this computer's time zone (the vaults' default). */
export function dayFromToday(days: number, today = new Date()): string {
  const date = new Date(today);
  date.setDate(date.getDate() + days);
  return localIsoDate(date);
}

export interface PackageRequest {
  file: string;
  students: Student[];
  substitute: string;
  /** Shown on the substitute's banner; without it the banner names the colleague's key. */
  ownerName?: string;
  validFrom: string;
  validUntil: string;
  /** The substitute's key file, or a one-time code. */
  keyFile?: string;
}

export async function makePackage(colleague: ColleagueVault, request: PackageRequest): Promise<CreateHandoverResult> {
  return callRouter(colleague.router, 'handover.create', {
    students: request.students.map((student) => student.id),
    substitute: request.substitute,
    ...(request.ownerName == null ? {} : { ownerName: request.ownerName }),
    validFrom: request.validFrom,
    validUntil: request.validUntil,
    recipient: request.keyFile == null ? { kind: 'code' } : { kind: 'key', keyFile: request.keyFile },
    file: request.file,
  });
}
