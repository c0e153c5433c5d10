import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, COMMAND_NAMES, type CommandName } from '../../shared/api/contract';
import { HANDLERS } from '../../src-main/api/handlers';
import { createRouter, type Router } from '../../src-main/api/router';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { TEST_PASSPHRASE, createdVault, makeTempDir, newSession, removeDir } from '../helpers/tempVault';

const ID = '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11';

/** One valid input per command: the fuzzers break these field by field. */
const VALID_INPUT: Record<CommandName, Record<string, unknown>> = {
  'vault.status': {},
  'vault.passphraseStrength': { passphrase: 'x' },
  'vault.create': { passphrase: TEST_PASSPHRASE },
  'vault.unlock': { passphrase: TEST_PASSPHRASE },
  'vault.unlockWithRecovery': { recoveryKey: 'AAAAA', newPassphrase: TEST_PASSPHRASE },
  'vault.changePassphrase': { currentPassphrase: TEST_PASSPHRASE, newPassphrase: TEST_PASSPHRASE },
  'vault.lock': {},
  'vault.unlockWithPin': { pin: '123456' },
  'quickUnlock.status': {},
  'quickUnlock.set': { pin: '123456', afterScreenLock: true },
  'quickUnlock.clear': {},
  'backups.list': {},
  'backups.create': {},
  'backups.freshSet': {},
  'backups.restore': { id: 'sole-notes-backup-20260302T090000000Z-ab12', passphrase: TEST_PASSPHRASE },
  'backups.confirmRestore': {},
  'backups.undoRestore': {},
  'backups.updateSettings': { keep: 5 },
  'students.list': { includeClosed: true },
  'students.get': { id: ID },
  'students.create': { code: 'S-1', grade: 4, knownAs: 'Sam, Ms. Lee’s homeroom' },
  'students.update': { id: ID, grade: 5, knownAs: null },
  'students.close': { id: ID, closedOn: '2026-05-01', outcome: 'improved' },
  'students.reopen': { id: ID },
  'students.lastSeen': {},
  'services.list': { from: '2026-01-01' },
  'services.get': { id: ID },
  'services.create': { date: '2026-03-02', minutes: 30, kind: 'individual_session' },
  'services.update': { id: ID, fields: { date: '2026-03-02', minutes: 30, kind: 'individual_session' } },
  'services.delete': { id: ID },
  'duties.list': {},
  'duties.create': { name: 'Attendance committee', minutesPerMonth: 120 },
  'duties.update': { id: ID, minutesPerMonth: 90 },
  'duties.end': { id: ID, untilMonth: '2026-05' },
  'duties.delete': { id: ID },
  'stories.list': { month: '2026-03' },
  'stories.create': { month: '2026-03', text: 'A group of sixth graders planned a kindness week.' },
  'stories.update': { id: ID, text: 'A group of sixth graders planned a kindness week for the school.' },
  'stories.confirm': { id: ID },
  'stories.unconfirm': { id: ID },
  'stories.delete': { id: ID },
  'groups.list': {},
  'groups.create': { name: 'Tuesday friendship group', studentIds: [ID] },
  'groups.update': { id: ID, name: 'Thursday friendship group' },
  'groups.delete': { id: ID },
  'followUps.get': { noteId: ID },
  'followUps.set': { serviceId: ID, dueOn: '2026-03-09' },
  'followUps.clear': { noteId: ID },
  'followUps.done': { id: ID },
  'today.summary': {},
  'notes.list': { limit: 10 },
  'notes.flaggedCounts': {},
  'notes.get': { id: ID },
  'notes.history': { id: ID },
  'notes.create': { body: 'Met about the move.' },
  'notes.update': { id: ID, body: 'Met again.' },
  'notes.delete': { id: ID },
  'notes.flaggedEarlier': { id: ID },
  'notes.eraseEarlier': { id: ID },
  'notes.search': { query: 'move' },
  'search.all': { query: 'ana', studentId: ID, from: '2026-03-01', to: '2026-03-31', kinds: ['individual_session'], flagged: false, sort: 'date', limit: 20 },
  'drafts.put': { context: { kind: 'note', noteId: null, studentId: ID, serviceId: null }, body: 'Met about the mo', cursor: 16 },
  'drafts.get': { context: { kind: 'note', noteId: ID, studentId: null, serviceId: null } },
  'drafts.list': {},
  'drafts.discard': { context: { kind: 'package-note', packageId: ID, noteId: null, studentId: ID } },
  'drafts.atLock': {},
  'redaction.check': { text: 'Said "hi".' },
  'categories.list': {},
  'categories.create': { label: 'Transitions' },
  'categories.update': { id: 'attendance', archived: true },
  'settings.get': {},
  'settings.update': { autoLockMinutes: 10 },
  'retention.get': {},
  'retention.set': { rule: 'months_after_closing', months: 12 },
  'retention.due': {},
  'retention.destroy': { studentIds: [ID] },
  'audit.list': { limit: 5 },
  'audit.verify': {},
  'reports.preview': { month: '2026-03', threshold: 10 },
  'reports.export': { month: '2026-03', folder: '/tmp/sole-notes-report', threshold: 11 },
  'reports.exportSchoolYear': { schoolYear: '2025-26', folder: '/tmp/sole-notes-report' },
  'reports.history': {},
  'reports.thresholdInfo': {},
  'reports.changeThreshold': { threshold: 16, reason: 'district asks for 16' },
  'keys.signingFingerprint': {},
  'ceu.summary': {},
  'growth.evidence': { schoolYear: '2026-27' },
  'selfEvaluation.get': { schoolYear: '2026-27' },
  'selfEvaluation.rate': { schoolYear: '2026-27', indicatorId: '1.1', rating: 'met', evidence: 'Led two trainings' },
  'selfEvaluation.export': { schoolYear: '2026-27', file: '/tmp/sole-notes-growth/self-evaluation.html' },
  'pdGoals.list': {},
  'pdGoals.create': { schoolYear: '2026-27', indicatorId: '3.2', goal: 'Training in a new screening tool' },
  'pdGoals.update': { id: ID, goal: 'Finish the training' },
  'pdGoals.delete': { id: ID },
  'ceu.progress': {},
  'supervision.overview': {},
  'supervision.add': { date: '2026-09-14', minutes: 60, kind: 'clinical', credential: 'LCSW' },
  'supervision.delete': { id: ID },
  'system.chooseFolder': { purpose: 'report-export' },
  'system.chooseFile': { purpose: 'save-handover-package', suggestedName: 'Handover for Dana' },
  'system.showInFolder': { path: '/tmp/sole-notes-report/service-report-2026-03.html' },
  'system.openFile': { path: '/tmp/sole-notes-report/service-report-2026-03.html' },
  'handover.keyInfo': {},
  'handover.exportKey': { file: '/tmp/sole-notes-handover/dana.solekey', label: 'Dana Whitfield' },
  'handover.readKeyFile': { file: '/tmp/sole-notes-handover/dana.solekey' },
  'handover.colleague': {},
  'handover.nameColleague': { keyFile: '/tmp/sole-notes-handover/dana.solekey', name: 'Dana Whitfield', fingerprint: Array(16).fill('3F2A').join(' ') },
  'handover.removeColleague': {},
  'handover.create': {
    students: [ID],
    substitute: 'Dana Whitfield',
    ownerName: 'Jordan Reyes',
    validFrom: '2026-03-02',
    validUntil: '2026-03-27',
    recipient: { kind: 'key', keyFile: '/tmp/sole-notes-handover/dana.solekey' },
    includeNames: false,
    file: '/tmp/sole-notes-handover/march.solehandover',
  },
  'handover.sent': {},
  'handover.revoke': { packageId: ID, reason: 'Back early.' },
  'handover.importHandBack': { file: '/tmp/sole-notes-handover/march.solehandback' },
  'handover.inspect': { file: '/tmp/sole-notes-handover/march.solehandover' },
  'handover.open': { file: '/tmp/sole-notes-handover/march.solehandover', code: 'ABCDE-FGHJK-MNPQR-STVWX-YZ012' },
  'handover.received': {},
  'handover.enter': { packageId: ID },
  'handover.students.list': { packageId: ID },
  'handover.notes.list': { packageId: ID, studentId: ID, limit: 20 },
  'handover.notes.get': { packageId: ID, id: ID },
  'handover.notes.history': { packageId: ID, id: ID },
  'handover.notes.create': { packageId: ID, studentId: ID, body: 'Covered the lunch check-in.' },
  'handover.notes.update': { packageId: ID, id: ID, body: 'Covered the lunch check-in again.' },
  'handover.services.list': { packageId: ID },
  'handover.services.create': { packageId: ID, fields: { date: '2026-03-03', minutes: 20, kind: 'individual_session', studentIds: [ID] } },
  'handover.categories.list': { packageId: ID },
  'handover.accessLog': { packageId: ID },
  'handover.handBack': { packageId: ID, file: '/tmp/sole-notes-handover/march.solehandback' },
  'notes.release': { id: ID, agency: 'County Children’s Services', reason: 'Referral with consent.', releasedOn: '2026-03-02' },
  'notes.releases': { id: ID },
  'disclosure.courtOrder': { noteIds: [ID], orderReference: 'Case 2026-CV-0142', includeNames: false, file: '/tmp/sole-notes-handover/disclosure.html' },
};

describe('router', () => {
  let root: string;
  let session: VaultSession;
  let router: Router;

  beforeAll(async () => {
    ({ session, root } = await createdVault());
    router = createRouter(session, { reportInternalError: () => undefined });
  });
  afterAll(() => {
    session.lock();
    removeDir(root);
  });

  it('has a valid example for every command', () => {
    for (const name of COMMAND_NAMES) expect(COMMANDS[name].input.safeParse(VALID_INPUT[name]).success, name).toBe(true);
  });

  it('refuses unknown command names with UNKNOWN_COMMAND', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (name) => {
        fc.pre(!(typeof name === 'string' && Object.hasOwn(COMMANDS, name)));
        const result = await router.invoke(name, {});
        expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
      }),
      { numRuns: 300 },
    );
  });

  it('answers INVALID_INPUT to arbitrary malformed input for every command, never throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMAND_NAMES), fc.anything({ withNullPrototype: true, withBigInt: true }), async (name, input) => {
        fc.pre(input !== undefined && !COMMANDS[name].input.safeParse(input).success);
        const result = await router.invoke(name, input);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
      }),
      { numRuns: 1500 },
    );
  });

  it('answers INVALID_INPUT when any one field of a valid input is replaced by a wrong value', async () => {
    const fieldCases = COMMAND_NAMES.flatMap((name) => Object.keys(VALID_INPUT[name]).map((field) => [name, field] as const));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fieldCases), fc.anything({ withBigInt: true }), async ([name, field], value) => {
        const input = { ...VALID_INPUT[name], [field]: value };
        fc.pre(!COMMANDS[name].input.safeParse(input).success);
        const result = await router.invoke(name, input);
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        if (!result.ok) expect(result.error.message).toContain(field);
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses unexpected extra fields', async () => {
    for (const name of COMMAND_NAMES) {
      const result = await router.invoke(name, { ...VALID_INPUT[name], sneaky: 1 });
      expect(result, name).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('never echoes a passphrase in an error message', async () => {
    const result = await router.invoke('vault.unlock', { passphrase: 'hunter2-secret', extra: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).not.toContain('hunter2-secret');
  });

  it('turns a thrown non-vault error into INTERNAL without its details', async () => {
    const failing = createRouter(session, {
      handlers: { ...HANDLERS, 'vault.status': () => { throw new Error('secret detail'); } },
      reportInternalError: () => undefined,
    });
    const result = await failing.invoke('vault.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).not.toContain('secret detail');
  });

  it('serves a whole flow: student, service, note, search', async () => {
    const student = await router.invoke('students.create', { code: 'R-100', grade: 7 });
    expect(student.ok).toBe(true);
    const studentId = student.ok ? (student.value as { id: string }).id : '';
    const note = await router.invoke('notes.create', { studentId, body: 'Talked about the bus schedule change.' });
    expect(note.ok).toBe(true);
    const service = await router.invoke('services.create', {
      date: '2026-03-02', minutes: 25, kind: 'individual_session', studentIds: [studentId], issueCategoryIds: ['attendance'],
    });
    expect(service.ok).toBe(true);
    const hits = await router.invoke('notes.search', { query: 'bus' });
    expect(hits).toMatchObject({ ok: true, value: [{ studentCode: 'R-100' }] });
    const anywhere = await router.invoke('search.all', { query: 'bus', sort: 'relevance', limit: 10 });
    expect(anywhere).toMatchObject({ ok: true, value: [{ type: 'note', students: [{ code: 'R-100' }] }] });
    const services = await router.invoke('search.all', { studentId, kinds: ['individual_session'], sort: 'date' });
    expect(services).toMatchObject({ ok: true, value: [{ type: 'service', date: '2026-03-02', minutes: 25, issueLabels: ['Attendance'] }] });
    const backwards = await router.invoke('search.all', { from: '2026-03-02', to: '2026-03-01', sort: 'date' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const teamWithoutType = await router.invoke('services.create', { date: '2026-03-02', minutes: 25, kind: 'team_meeting' });
    expect(teamWithoutType).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('keeps the name a student is known by, and lists when each student was last seen', async () => {
    const created = await router.invoke('students.create', { code: 'N-1', knownAs: 'Ana R.' });
    expect(created).toMatchObject({ ok: true, value: { code: 'N-1', knownAs: 'Ana R.' } });
    const id = created.ok ? (created.value as { id: string }).id : '';
    expect(await router.invoke('students.update', { id, knownAs: 'Ana Rivera' })).toMatchObject({ ok: true, value: { knownAs: 'Ana Rivera' } });
    expect(await router.invoke('students.create', { code: 'N-2', knownAs: 'x'.repeat(121) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await router.invoke('services.create', { date: '2026-02-11', minutes: 20, kind: 'individual_session', studentIds: [id] });
    expect(await router.invoke('students.lastSeen', {})).toMatchObject({ ok: true, value: { [id]: '2026-02-11' } });
  });

  it('keeps standing duties and success stories for the report; refuses a story with a flag or a student\'s name', async () => {
    const duty = await router.invoke('duties.create', { name: ' 504 coordinator ', minutesPerMonth: 240, fromMonth: '2026-01' });
    expect(duty).toMatchObject({ ok: true, value: { name: '504 coordinator', minutesPerMonth: 240, fromMonth: '2026-01', untilMonth: null } });
    const dutyId = duty.ok ? (duty.value as { id: string }).id : '';
    expect(await router.invoke('duties.end', { id: dutyId, untilMonth: '2026-02' })).toMatchObject({ ok: true, value: { untilMonth: '2026-02' } });
    expect(await router.invoke('duties.create', { name: 'Lunch duty', minutesPerMonth: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await router.invoke('students.create', { code: 'ST-9', knownAs: 'Rosalind Pemberton' });
    for (const text of ['Rosalind now reads aloud in class.', 'A student with autism joined the chess club.']) {
      expect(await router.invoke('stories.create', { month: '2026-02', text })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const story = await router.invoke('stories.create', { month: '2026-02', text: 'A third grader now reads aloud in class.' });
    expect(story).toMatchObject({ ok: true, value: { confirmedAt: null } });
    const storyId = story.ok ? (story.value as { id: string }).id : '';
    expect(await router.invoke('stories.confirm', { id: storyId })).toMatchObject({ ok: true, value: { confirmedAt: expect.any(String) } });
    expect(await router.invoke('stories.list', { month: '2026-02' })).toMatchObject({ ok: true, value: [{ id: storyId }] });
    expect(await router.invoke('stories.delete', { id: storyId })).toMatchObject({ ok: true });
    expect(await router.invoke('duties.delete', { id: dutyId })).toMatchObject({ ok: true });
  });

  it('saves, renames, refills and deletes a group of students; refuses a taken name and an unknown student', async () => {
    const ids: string[] = [];
    for (const code of ['G-1', 'G-2', 'G-3']) {
      const created = await router.invoke('students.create', { code });
      ids.push(created.ok ? (created.value as { id: string }).id : '');
    }
    const made = await router.invoke('groups.create', { name: '  Lunch bunch ', studentIds: [ids[1], ids[0]] });
    expect(made).toMatchObject({ ok: true, value: { name: 'Lunch bunch', studentIds: [ids[1], ids[0]] } });
    const groupId = made.ok ? (made.value as { id: string }).id : '';
    expect(await router.invoke('groups.create', { name: 'LUNCH BUNCH', studentIds: [ids[2]] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await router.invoke('groups.create', { name: 'Empty', studentIds: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('groups.create', { name: 'Ghosts', studentIds: [ID] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await router.invoke('groups.update', { id: groupId, name: 'Tuesday group', studentIds: ids })).toMatchObject({
      ok: true,
      value: { name: 'Tuesday group', studentIds: ids },
    });
    expect(await router.invoke('groups.list', {})).toMatchObject({ ok: true, value: [{ id: groupId, name: 'Tuesday group' }] });
    expect(await router.invoke('groups.delete', { id: groupId })).toEqual({ ok: true, value: { done: true } });
    expect(await router.invoke('groups.list', {})).toEqual({ ok: true, value: [] });
    expect(await router.invoke('groups.delete', { id: groupId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('sets, moves, marks done and clears a follow-up; Today sums up the day in one call', async () => {
    const student = await router.invoke('students.create', { code: 'FU-1' });
    const studentId = student.ok ? (student.value as { id: string }).id : '';
    const summaryBefore = await router.invoke('today.summary', {});
    const today = summaryBefore.ok ? (summaryBefore.value as { today: string }).today : '';
    const service = await router.invoke('services.create', { date: today, minutes: 25, kind: 'individual_session', studentIds: [studentId] });
    const serviceId = service.ok ? (service.value as { id: string }).id : '';
    expect(await router.invoke('followUps.get', { serviceId })).toEqual({ ok: true, value: null });
    const set = await router.invoke('followUps.set', { serviceId, dueOn: today });
    expect(set).toMatchObject({ ok: true, value: { serviceId, dueOn: today, doneAt: null } });
    const followUpId = set.ok ? (set.value as { id: string }).id : '';
    expect(await router.invoke('followUps.set', { serviceId, noteId: ID, dueOn: today })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('followUps.set', { noteId: ID, dueOn: today })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const summary = await router.invoke('today.summary', {});
    expect(summary).toMatchObject({ ok: true, value: { today, followUps: [{ id: followUpId, studentIds: [studentId] }] } });
    expect(summary.ok && (summary.value as { recentStudents: unknown[] }).recentStudents).toContainEqual({ studentId, lastSeen: today });
    expect(summary.ok && (summary.value as { totals: { minutes: number } }).totals.minutes).toBeGreaterThanOrEqual(25);
    expect(await router.invoke('followUps.done', { id: followUpId })).toEqual({ ok: true, value: { done: true } });
    expect(await router.invoke('today.summary', {})).toMatchObject({ ok: true, value: { followUps: [] } });
    expect(await router.invoke('followUps.clear', { serviceId })).toEqual({ ok: true, value: { done: true } });
    expect(await router.invoke('followUps.get', { serviceId })).toEqual({ ok: true, value: null });
  });

  it('remembers the kind and minutes of the last service logged, in the settings', async () => {
    await router.invoke('services.create', { date: '2026-03-02', minutes: 15, kind: 'administrative' });
    expect(await router.invoke('settings.get', {})).toMatchObject({ ok: true, value: { lastServiceKind: 'administrative', lastServiceMinutes: 15 } });
    await router.invoke('services.create', { date: '2026-03-02', minutes: 40, kind: 'staff_consultation' });
    expect(await router.invoke('settings.get', {})).toMatchObject({ ok: true, value: { lastServiceKind: 'staff_consultation', lastServiceMinutes: 40 } });
  });

  it('checks a note without saving it', async () => {
    const result = await router.invoke('redaction.check', { text: 'He was diagnosed with ADHD.' });
    expect(result).toMatchObject({ ok: true, value: { findings: [{ kind: 'diagnostic' }] } });
  });

  it('stores the count of findings with a saved note', async () => {
    const saved = await router.invoke('notes.create', { body: 'She said "I hate it here." Phone 555-867-5309.' });
    expect(saved).toMatchObject({ ok: true, value: { findings: { diagnostic: 0, verbatim: 1, identifier: 1 } } });
  });

  it('reports NOT_FOUND for a missing note and CONFLICT for a duplicate student code', async () => {
    expect(await router.invoke('notes.get', { id: ID })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await router.invoke('students.create', { code: 'DUP-1' });
    expect(await router.invoke('students.create', { code: 'DUP-1' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('router on a locked or absent vault', () => {
  it('answers VAULT_LOCKED to every data command with valid input, and VAULT_NOT_FOUND to unlock without a vault', async () => {
    const { session, root } = await createdVault();
    session.lock();
    const router = createRouter(session);
    // Listing and restoring backups work locked: a vault that no longer opens is exactly when they are needed. The folder dialog needs no vault.
    // The unlock screen asks whether the lock kept an unfinished note (a count, nothing more), and whether a PIN may unlock.
    const worksLocked = new Set<CommandName>(['redaction.check', 'backups.list', 'backups.restore', 'system.chooseFolder', 'system.chooseFile', 'drafts.atLock', 'quickUnlock.status']);
    const dataCommands = COMMAND_NAMES.filter((name) => !name.startsWith('vault.') && !worksLocked.has(name));
    for (const name of dataCommands) {
      expect(await router.invoke(name, VALID_INPUT[name]), name).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    }
    expect(await router.invoke('vault.status', {})).toEqual({ ok: true, value: { state: 'locked' } });
    expect(await router.invoke('vault.unlock', { passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    removeDir(root);

    const emptyRoot = makeTempDir();
    const absent = createRouter(newSession(emptyRoot));
    expect(await absent.invoke('vault.status', {})).toEqual({ ok: true, value: { state: 'absent' } });
    expect(await absent.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'VAULT_NOT_FOUND' } });
    removeDir(emptyRoot);
  });
});

describe('router: the PIN after a short lock', () => {
  it('sets a PIN only unlocked and after the passphrase, unlocks with it after an idle lock, and refuses after three wrong PINs', async () => {
    const { session, root } = await createdVault();
    const router = createRouter(session);
    expect(await router.invoke('quickUnlock.set', { pin: '12345' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('quickUnlock.set', { pin: '12345x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('quickUnlock.set', { pin: '246810' })).toMatchObject({ ok: true, value: { pinSet: true, available: false } });

    session.lock('idle');
    const status = await router.invoke('quickUnlock.status', {});
    expect(status).toMatchObject({ ok: true, value: { available: true, attemptsLeft: 3 } });
    expect(JSON.stringify(status)).not.toContain('246810');
    // Locked: no command sets the PIN again or resets the count.
    expect(await router.invoke('quickUnlock.set', { pin: '246810' })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await router.invoke('quickUnlock.clear', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });

    expect(await router.invoke('vault.unlockWithPin', { pin: '246810' })).toEqual({ ok: true, value: { done: true } });
    expect(await router.invoke('vault.status', {})).toMatchObject({ ok: true, value: { state: 'unlocked' } });

    session.lock('idle');
    expect(await router.invoke('vault.unlockWithPin', { pin: '000000' })).toMatchObject({ ok: false, error: { code: 'WRONG_PIN', details: { attemptsLeft: 2 } } });
    expect(await router.invoke('vault.unlockWithPin', { pin: '000001' })).toMatchObject({ ok: false, error: { code: 'WRONG_PIN', details: { attemptsLeft: 1 } } });
    expect(await router.invoke('vault.unlockWithPin', { pin: '000002' })).toMatchObject({ ok: false, error: { code: 'PIN_EXPIRED' } });
    expect(await router.invoke('vault.unlockWithPin', { pin: '246810' })).toMatchObject({ ok: false, error: { code: 'PIN_EXPIRED' } });
    expect(await router.invoke('quickUnlock.status', {})).toMatchObject({ ok: true, value: { available: false, attemptsLeft: 0 } });
    expect(await router.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE })).toEqual({ ok: true, value: { done: true } });
    expect(await router.invoke('quickUnlock.clear', {})).toMatchObject({ ok: true, value: { pinSet: false } });
    session.lock();
    removeDir(root);
  });

  it('has no PIN to offer before the passphrase was typed in this run', async () => {
    const { session, root } = await createdVault();
    session.lock();
    const restarted = createRouter(newSession(root));
    expect(await restarted.invoke('quickUnlock.status', {})).toMatchObject({ ok: true, value: { available: false, passphraseThisRun: false } });
    expect(await restarted.invoke('vault.unlockWithPin', { pin: '246810' })).toMatchObject({ ok: false, error: { code: 'PIN_EXPIRED' } });
    removeDir(root);
  });
});
