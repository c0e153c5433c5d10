import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Result } from '../../shared/api/errors';
import type { CreateHandoverResult } from '../../shared/api/handoverSchemas';
import { createRouter, type Router } from '../../src-main/api/router';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { TEST_KDF, TEST_PASSPHRASE } from '../helpers/tempVault';

/** Text that must never appear in any handover file: a note body, a student code, a name in a note. */
export const CANARY = 'ZEBRA-CANARY-4481 spoke about the lighthouse trip';
export const CANARY_STUDENT = 'CNRY-77';
export const SUBSTITUTE_CANARY = 'OSPREY-CANARY-9023 covered the lunch check-in';

/**
 * A clock the test sets: each reading is one second after the one before, so
 * timestamps stay distinct, and `set` jumps to another day.
 */
export interface TestClock {
  (): Date;
  set(iso: string): void;
}

export function testClock(start: string): TestClock {
  let time = Date.parse(start);
  const clock = (() => {
    const now = new Date(time);
    time += 1000;
    return now;
  }) as TestClock;
  clock.set = (iso: string) => {
    time = Date.parse(iso);
  };
  return clock;
}

export interface TestVault {
  name: string;
  folder: string;
  session: VaultSession;
  router: Router;
  clock: TestClock;
}

/** A created, unlocked vault in `root/name` on its own clock, with the time zone fixed to UTC. */
export async function makeVault(root: string, name: string, start = '2026-03-01T09:00:00.000Z'): Promise<TestVault> {
  const clock = testClock(start);
  const folder = path.join(root, name);
  const session = new VaultSession(folder, { kdf: TEST_KDF, clock });
  await session.create(TEST_PASSPHRASE);
  session.data.settings.update({ timeZone: 'UTC' });
  const router = createRouter(session, { reportInternalError: (command, error) => console.error(command, error) });
  return { name, folder, session, router, clock };
}

/** Invokes a command and returns its value, failing the test with the error when it fails. */
export async function call<T = unknown>(vault: TestVault, name: string, input: unknown = {}): Promise<T> {
  const result = (await vault.router.invoke(name, input)) as Result<T>;
  if (!result.ok) throw new Error(`${vault.name}: ${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Invokes a command that must fail, and returns its error code and message. */
export async function refusal(vault: TestVault, name: string, input: unknown = {}): Promise<{ code: string; message: string }> {
  const result = await vault.router.invoke(name, input);
  expect(result.ok, `${vault.name}: ${name} was expected to fail`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

/** The owner's caseload: two students to hand over, one to keep, and notes and services for each. */
export async function seedOwner(owner: TestVault) {
  const data = owner.session.data;
  const handed = data.students.create({ code: CANARY_STUDENT, grade: 6 });
  const second = data.students.create({ code: 'B-2', grade: 7 });
  const kept = data.students.create({ code: 'KEEP-3', grade: 8 });
  const noteA = data.notes.create({ studentId: handed.id, body: `First draft: ${CANARY}.` });
  data.notes.update(noteA.id, { body: `${CANARY}; planned a follow-up on Friday.` });
  const noteB = data.notes.create({ studentId: second.id, body: 'Checked in about the bus schedule.' });
  const noteKept = data.notes.create({ studentId: kept.id, body: 'Kept back: talked about the science fair.' });
  const general = data.notes.create({ body: 'General reminder: order more forms.' });
  const session = data.services.create({ date: '2026-02-24', minutes: 30, kind: 'individual_session', studentIds: [handed.id], issueCategoryIds: ['attendance'], noteId: noteA.id });
  const group = data.services.create({ date: '2026-02-25', minutes: 45, kind: 'group_session', studentIds: [handed.id, kept.id] });
  const keptService = data.services.create({ date: '2026-02-26', minutes: 20, kind: 'individual_session', studentIds: [kept.id] });
  const ownCategory = data.categories.create('Transitions');
  return { handed, second, kept, noteA, noteB, noteKept, general, session, group, keptService, ownCategory };
}

/** The substitute's handover key, saved in `root` as the owner would receive it. */
export async function substituteKeyFile(substitute: TestVault, root: string, name = 'substitute.solekey'): Promise<string> {
  const keyFile = path.join(root, name);
  await call(substitute, 'handover.exportKey', { file: keyFile });
  return keyFile;
}

/** The owner's whole caseload handed over to that key for March 2 to 27, saved as `file`. */
export function handOverCaseload(owner: TestVault, keyFile: string, file: string): Promise<CreateHandoverResult> {
  return call<CreateHandoverResult>(owner, 'handover.create', {
    students: 'caseload',
    substitute: 'Dana Whitfield',
    validFrom: '2026-03-02',
    validUntil: '2026-03-27',
    recipient: { kind: 'key', keyFile },
    file,
  });
}

export function fileHas(file: string, text: string): boolean {
  return fs.readFileSync(file).includes(Buffer.from(text, 'utf8'));
}

/** Every row of the tables a merge could touch, to prove that an operation changed nothing. */
export function vaultSnapshot(vault: TestVault): string {
  const db = vault.session.data.db;
  const tables = ['students', 'notes', 'note_revisions', 'services', 'service_students', 'service_issues', 'audit', 'handovers_sent', 'handbacks_imported', 'handovers_received', 'note_releases'];
  return JSON.stringify(tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()), (_key, value: unknown) =>
    Buffer.isBuffer(value) ? value.toString('hex') : value,
  );
}
