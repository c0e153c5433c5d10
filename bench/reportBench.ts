import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { CASE_OUTCOME_IDS } from '../shared/domain/caseOutcomes';
import { DEFAULT_ISSUE_CATEGORIES } from '../shared/domain/issueCategories';
import { SERVICE_KINDS, TEAM_TYPE_IDS, type ServiceKind } from '../shared/domain/serviceKinds';
import { addDays, daysBetween } from '../src-main/common/calendar';
import { exportReportFiles } from '../src-main/report/exportFiles';
import { prepareMonthReport, signMonthReport } from '../src-main/report/monthReport';
import { applyVaultPragmas, openEncryptedDatabase, type VaultDatabase } from '../src-main/vault/connection';
import { migrate } from '../src-main/vault/schema/migrations';
import { VaultData } from '../src-main/vault/vaultData';
import { seededRandom } from './corpus';
import { percentile, timeEach } from './stats';
import type { BenchRow } from './row';

/**
 * Report generation for one month in a vault holding five years of data
 * (July 2021 – June 2026: 50,000 services, 100,000 notes, 1,500 students),
 * on the encrypted vault, with plain SQLite (same settings, same data) as
 * the peer. Rows have the shape of bench/row.ts; bench/run.ts prints them. "Generate" is everything the
 * export does before writing: the metrics queries, suppression, the document,
 * its canonical bytes and the signature. Each of the 60 months is timed.
 */
export interface ReportBenchOptions {
  services?: number;
  notes?: number;
  log?: (line: string) => void;
}

type Flavor = 'encrypted' | 'plain';

const FIRST_DAY = '2021-07-01';
const LAST_DAY = '2026-06-30';
const NOW = new Date('2026-07-15T15:00:00.000Z');
const TIMESTAMP = '2026-07-01T12:00:00.000Z';

/** How often each kind is logged, roughly as a school social worker's week goes. */
const KIND_WEIGHTS: Record<ServiceKind, number> = {
  individual_session: 34,
  group_session: 12,
  classroom_observation: 6,
  staff_consultation: 10,
  team_meeting: 8,
  parent_consultation: 8,
  home_visit: 2,
  parent_training: 1,
  pd_provided: 1,
  pd_attended: 1,
  administrative: 8,
  sped_activity: 3,
  sped_paperwork: 4,
  crisis_response: 1,
  other: 1,
};

function months(): string[] {
  const list: string[] = [];
  for (let year = 2021, month = 7; year < 2026 || (year === 2026 && month <= 6); month === 12 ? ((year += 1), (month = 1)) : (month += 1)) {
    list.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return list;
}

function openVault(file: string, flavor: Flavor, key: Buffer): { db: VaultDatabase; data: VaultData } {
  let db: VaultDatabase;
  if (flavor === 'encrypted') {
    db = openEncryptedDatabase(file, key, { create: true });
  } else {
    db = new Database(file);
    applyVaultPragmas(db);
  }
  migrate(db);
  const data = new VaultData(db, () => NOW);
  data.settings.update({ timeZone: 'America/New_York' });
  return { db, data };
}

/** Fills the vault with direct inserts in large transactions (setup, not measured). */
function fill(db: VaultDatabase, serviceCount: number, noteCount: number): void {
  const random = seededRandom(11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const span = daysBetween(FIRST_DAY, LAST_DAY);
  const uuid = () => crypto.randomUUID();

  const students: { id: string; opened: string; closed: string | null }[] = [];
  const insertStudent = db.prepare(
    'INSERT INTO students (id, code, grade, opened_on, closed_on, outcome, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertService = db.prepare('INSERT INTO services (id, date, minutes, kind, team_type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const linkStudent = db.prepare('INSERT OR IGNORE INTO service_students (service_id, student_id) VALUES (?, ?)');
  const linkIssue = db.prepare('INSERT OR IGNORE INTO service_issues (service_id, category_id) VALUES (?, ?)');
  const insertNote = db.prepare('INSERT INTO notes (id, student_id, service_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');

  db.transaction(() => {
    for (let index = 0; index < 1500; index += 1) {
      const opened = addDays(FIRST_DAY, Math.floor(random() * span));
      const length = 14 + Math.floor(random() * 300);
      const closed = random() < 0.8 && addDays(opened, length) <= LAST_DAY ? addDays(opened, length) : null;
      const student = { id: uuid(), opened, closed };
      students.push(student);
      insertStudent.run(student.id, `S-${index}`, Math.floor(random() * 13), opened, closed, closed === null ? null : pick(CASE_OUTCOME_IDS), TIMESTAMP, TIMESTAMP);
    }
  })();

  const weighted = SERVICE_KINDS.flatMap((kind) => Array.from({ length: KIND_WEIGHTS[kind.id] }, () => kind));
  const categories = DEFAULT_ISSUE_CATEGORIES.map((category) => category.id);
  const serviceIds: { id: string; student: string | null }[] = [];
  const batch = db.transaction((count: number) => {
    for (let index = 0; index < count; index += 1) {
      const kind = pick(weighted);
      const date = addDays(FIRST_DAY, Math.floor(random() * span));
      const id = uuid();
      insertService.run(id, date, 15 + Math.floor(random() * 60), kind.id, kind.id === 'team_meeting' ? pick(TEAM_TYPE_IDS) : null, TIMESTAMP, TIMESTAMP);
      const active = () => {
        for (let attempt = 0; attempt < 20; attempt += 1) {
          const student = pick(students);
          if (student.opened <= date && (student.closed === null || student.closed >= date)) return student.id;
        }
        return pick(students).id;
      };
      const withCount = kind.withStudents === 'one' ? 1 : kind.withStudents === 'many' ? 3 + Math.floor(random() * 6) : kind.withStudents === 'optional' && random() < 0.4 ? 1 : 0;
      let first: string | null = null;
      for (let n = 0; n < withCount; n += 1) {
        const student = active();
        first ??= student;
        linkStudent.run(id, student);
      }
      if (withCount > 0) for (let n = Math.floor(random() * 3); n > 0; n -= 1) linkIssue.run(id, pick(categories));
      serviceIds.push({ id, student: first });
    }
  });
  for (let done = 0; done < serviceCount; done += 5000) batch(Math.min(5000, serviceCount - done));

  const words = ['check', 'in', 'talked', 'about', 'friends', 'class', 'plan', 'week', 'goal', 'lunch', 'bus', 'teacher', 'calm', 'break', 'home', 'practice'];
  const notes = db.transaction((count: number) => {
    for (let index = 0; index < count; index += 1) {
      const service = pick(serviceIds);
      const body = Array.from({ length: 20 + Math.floor(random() * 60) }, () => pick(words)).join(' ');
      insertNote.run(uuid(), service.student, random() < 0.5 ? service.id : null, body, TIMESTAMP, TIMESTAMP);
    }
  });
  for (let done = 0; done < noteCount; done += 10_000) notes(Math.min(10_000, noteCount - done));
  db.pragma('wal_checkpoint(TRUNCATE)');
}

export async function runReportBench(options: ReportBenchOptions = {}): Promise<BenchRow[]> {
  const serviceCount = options.services ?? 50_000;
  const noteCount = options.notes ?? 100_000;
  const log = options.log ?? (() => undefined);
  const label = `5 y: ${serviceCount / 1000}k services, ${noteCount / 1000}k notes`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sole-notes-report-bench-'));
  const key = crypto.randomBytes(32);
  try {
    const samples: Record<Flavor, { generate: number[]; exports: number[] }> = {
      encrypted: { generate: [], exports: [] },
      plain: { generate: [], exports: [] },
    };
    for (const flavor of ['encrypted', 'plain'] as const) {
      log(`building the ${flavor} report vault (${label})…`);
      const vault = openVault(path.join(dir, `${flavor}.db`), flavor, key);
      try {
        fill(vault.db, serviceCount, noteCount);
        const all = months();
        const generate = (month: string) => signMonthReport(vault.data, prepareMonthReport(vault.data, { month, now: NOW }));
        timeEach(all.slice(0, 6), generate); // warm the page cache and the JIT
        samples[flavor].generate = timeEach(all, generate);
        const out = path.join(dir, `out-${flavor}`);
        samples[flavor].exports = timeEach(all.slice(-12), (month) => exportReportFiles(vault.data, generate(month), out));
      } finally {
        vault.db.close();
      }
    }
    const row = (name: string, target: string, pick: (flavor: Flavor) => number): BenchRow => ({
      area: 'report',
      name,
      target,
      value: pick('encrypted'),
      peer: { name: 'plain SQLite, same settings', value: pick('plain') },
    });
    return [
      row(`report: generate one month p50 (${label})`, '<= 100', (flavor) => percentile(samples[flavor].generate, 50)),
      row(`report: generate one month p95 (${label})`, '<= 100', (flavor) => percentile(samples[flavor].generate, 95)),
      row('report: generate + write 5 files p50 (fsync-bound)', 'report', (flavor) => percentile(samples[flavor].exports, 50)),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
