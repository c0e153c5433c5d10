import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Service, type ServiceFields } from '../../shared/api/schemas';
import { SERVICE_KINDS, TEAM_TYPE_IDS } from '../../shared/domain/serviceKinds';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, steppingClock, type TestDatabase } from './testVault';

const MISSING_ID = '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11';

let vault: TestDatabase & { data: VaultData };
let data: VaultData;
let alice: string;
let bram: string;

beforeEach(() => {
  // Today is 1 April 2026 in the vault's time zone: every date below is in the past, or at most a day ahead.
  vault = openTestVault(steppingClock('2026-04-01T09:00:00.000Z'));
  data = vault.data;
  data.settings.update({ timeZone: 'UTC' });
  alice = data.students.create({ code: 'A-1' }).id;
  bram = data.students.create({ code: 'B-2' }).id;
});
afterEach(() => {
  vault.dispose();
});

function individual(date: string, studentId: string, extra: Partial<ServiceFields> = {}): ServiceFields {
  return { date, minutes: 30, kind: 'individual_session', studentIds: [studentId], ...extra };
}

function joinRows(table: 'service_students' | 'service_issues'): number {
  return vault.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

describe('services.create and get', () => {
  it('stores the service with its students and issue categories', () => {
    const service = data.services.create({
      date: '2026-03-04',
      minutes: 45,
      kind: 'group_session',
      studentIds: [alice, bram, alice],
      issueCategoryIds: ['attendance', 'grief_loss'],
    });
    expect(Service.safeParse(service).success).toBe(true);
    expect(service).toMatchObject({ date: '2026-03-04', minutes: 45, kind: 'group_session', teamType: null, noteId: null });
    expect([...service.studentIds].sort()).toEqual([alice, bram].sort());
    expect([...service.issueCategoryIds].sort()).toEqual(['attendance', 'grief_loss']);
    expect(data.services.get(service.id)).toEqual(service);
  });

  it('accepts every service kind and team type the domain defines', () => {
    for (const kind of SERVICE_KINDS) {
      const studentIds = kind.withStudents === 'none' ? [] : [alice];
      const teamType = kind.id === 'team_meeting' ? 'iep' : null;
      expect(data.services.create({ date: '2026-03-04', minutes: 10, kind: kind.id, teamType, studentIds }).kind).toBe(kind.id);
    }
    for (const teamType of TEAM_TYPE_IDS) {
      expect(data.services.create({ date: '2026-03-04', minutes: 10, kind: 'team_meeting', teamType }).teamType).toBe(teamType);
    }
  });

  it('links a note that exists', () => {
    const note = data.notes.create({ body: 'Planning the group.' });
    expect(data.services.create(individual('2026-03-04', alice, { noteId: note.id })).noteId).toBe(note.id);
  });

  it('names what is missing: student, issue category or note, and writes nothing', () => {
    expect(() => data.services.create(individual('2026-03-04', MISSING_ID))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: `No student with id ${MISSING_ID}.` }),
    );
    expect(() => data.services.create(individual('2026-03-04', alice, { issueCategoryIds: ['astrology'] }))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('astrology') }),
    );
    expect(() => data.services.create(individual('2026-03-04', alice, { noteId: MISSING_ID }))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/^No note/) }),
    );
    expect(data.services.list()).toEqual([]);
    expect(joinRows('service_students')).toBe(0);
  });

  it('writes the service row and its join rows in one transaction', () => {
    vault.db.exec("CREATE TEMP TRIGGER refuse_issue BEFORE INSERT ON service_issues BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    expect(() => data.services.create(individual('2026-03-04', alice, { issueCategoryIds: ['attendance'] }))).toThrow('injected failure');
    expect(vault.db.prepare('SELECT count(*) FROM services').pluck().get()).toBe(0);
    expect(joinRows('service_students')).toBe(0);
  });

  it('refuses a team type outside team meetings, and a team meeting without one', () => {
    expect(() => data.services.create({ date: '2026-03-04', minutes: 30, kind: 'team_meeting' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('teamType') }),
    );
    expect(() => data.services.create({ ...individual('2026-03-04', alice), teamType: 'iep' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('holds each kind to the students the domain allows', () => {
    expect(() => data.services.create({ date: '2026-03-04', minutes: 30, kind: 'individual_session', studentIds: [alice, bram] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('exactly one student') }),
    );
    expect(() => data.services.create({ date: '2026-03-04', minutes: 30, kind: 'group_session' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => data.services.create({ date: '2026-03-04', minutes: 30, kind: 'administrative', studentIds: [alice] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('refuses out-of-range minutes and impossible dates', () => {
    expect(() => data.services.create(individual('2026-03-04', alice, { minutes: 0 }))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => data.services.create(individual('2026-02-30', alice))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('reports a missing id as NOT_FOUND', () => {
    expect(() => data.services.get(MISSING_ID)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: 'No service with that id.' }));
  });
});

describe('a service\'s date: at most a day ahead of today in the worker\'s time zone, and not before 2000', () => {
  const refusedWith = (text: string) => expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining(text) as unknown });

  it('logs today and tomorrow (a planned service), and refuses the day after, naming the date', () => {
    expect(data.services.create(individual('2026-04-01', alice)).date).toBe('2026-04-01');
    expect(data.services.create(individual('2026-04-02', alice)).date).toBe('2026-04-02');
    for (const date of ['2026-04-03', '2027-04-01', '9999-12-31']) {
      expect(() => data.services.create(individual(date, alice)), date).toThrow(refusedWith(`date: ${date} is more than 1 day after today (2026-04-01)`));
    }
    expect(data.services.list()).toHaveLength(2);
  });

  it('refuses a date before 2000-01-01, naming it', () => {
    expect(data.services.create(individual('2000-01-01', alice)).date).toBe('2000-01-01');
    for (const date of ['1999-12-31', '1899-06-30']) {
      expect(() => data.services.create(individual(date, alice)), date).toThrow(refusedWith(`date: ${date} is before 2000-01-01`));
    }
  });

  it('reads today in the worker\'s time zone setting, on the vault\'s clock', () => {
    const late = openTestVault(steppingClock('2026-04-01T20:00:00.000Z'));
    try {
      const student = late.data.students.create({ code: 'C-3' }).id;
      late.data.settings.update({ timeZone: 'UTC' });
      expect(() => late.data.services.create(individual('2026-04-03', student))).toThrow(refusedWith('2026-04-03'));
      late.data.settings.update({ timeZone: 'Pacific/Kiritimati' }); // already 2 April there
      expect(late.data.services.create(individual('2026-04-03', student)).date).toBe('2026-04-03');
    } finally {
      late.dispose();
    }
  });

  it('holds an edit that moves the date to the same rule, and changes nothing when it is refused', () => {
    const service = data.services.create(individual('2026-03-04', alice));
    expect(() => data.services.update(service.id, individual('2026-05-04', alice))).toThrow(refusedWith('date: 2026-05-04'));
    expect(() => data.services.update(service.id, individual('1926-03-04', alice))).toThrow(refusedWith('date: 1926-03-04'));
    expect(data.services.get(service.id)).toEqual(service);
    expect(data.services.update(service.id, individual('2026-04-02', alice, { minutes: 40 })).date).toBe('2026-04-02');
  });

  it('keeps the date of a service logged elsewhere (a substitute\'s, merged from a hand-back): refusing it would lose their work', () => {
    expect(data.services.create(individual('2026-04-05', alice), { id: MISSING_ID }).date).toBe('2026-04-05');
  });
});

describe('services.list', () => {
  it('lists newest first, filtered by inclusive dates and by student', () => {
    data.services.create(individual('2026-02-27', alice));
    data.services.create(individual('2026-03-03', bram));
    data.services.create({ date: '2026-03-01', minutes: 20, kind: 'group_session', studentIds: [alice, bram] });
    data.services.create({ date: '2026-03-31', minutes: 60, kind: 'administrative' });

    expect(data.services.list().map((service) => service.date)).toEqual(['2026-03-31', '2026-03-03', '2026-03-01', '2026-02-27']);
    expect(data.services.list({ from: '2026-03-01', to: '2026-03-03' }).map((service) => service.date)).toEqual(['2026-03-03', '2026-03-01']);
    expect(data.services.list({ studentId: alice }).map((service) => service.date)).toEqual(['2026-03-01', '2026-02-27']);
    expect(data.services.list({ studentId: alice, from: '2026-03-01' }).map((service) => service.date)).toEqual(['2026-03-01']);
  });

  it('finds a month of services through the date index', () => {
    const plan = vault.db
      .prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM services WHERE date BETWEEN '2026-03-01' AND '2026-03-31'")
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/services_by_date/);
  });
});

describe('services.update', () => {
  it('replaces the fields and the join rows in one go, keeping createdAt', () => {
    const service = data.services.create({ ...individual('2026-03-04', alice), issueCategoryIds: ['attendance'] });
    const updated = data.services.update(service.id, {
      date: '2026-03-05',
      minutes: 50,
      kind: 'group_session',
      studentIds: [bram],
      issueCategoryIds: ['behavior', 'academic'],
    });
    expect(updated).toMatchObject({ id: service.id, date: '2026-03-05', minutes: 50, kind: 'group_session', studentIds: [bram], createdAt: service.createdAt });
    expect([...updated.issueCategoryIds].sort()).toEqual(['academic', 'behavior']);
    expect(updated.updatedAt > service.updatedAt).toBe(true);
    expect(joinRows('service_issues')).toBe(2);
  });

  it('changes nothing when a link is missing', () => {
    const service = data.services.create(individual('2026-03-04', alice));
    expect(() => data.services.update(service.id, individual('2026-03-09', MISSING_ID))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(data.services.get(service.id)).toEqual(service);
  });

  it('reports a missing id as NOT_FOUND', () => {
    expect(() => data.services.update(MISSING_ID, individual('2026-03-04', alice))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('services.delete', () => {
  it('removes the service and its join rows, and unlinks a note that pointed at it', () => {
    const service = data.services.create({ ...individual('2026-03-04', alice), issueCategoryIds: ['attendance'] });
    const note = data.notes.create({ body: 'Session notes.', serviceId: service.id });
    data.services.delete(service.id);
    expect(() => data.services.get(service.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(joinRows('service_students')).toBe(0);
    expect(joinRows('service_issues')).toBe(0);
    expect(data.notes.get(note.id).serviceId).toBeNull();
  });

  it('reports a missing id as NOT_FOUND', () => {
    expect(() => data.services.delete(MISSING_ID)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
