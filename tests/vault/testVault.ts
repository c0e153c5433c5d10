import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEncryptedDatabase, type VaultDatabase } from '../../src-main/vault/connection';
import { closeAsOneFile } from '../../src-main/vault/package/packageDatabase';
import { migrate } from '../../src-main/vault/schema/migrations';
import { VaultData } from '../../src-main/vault/vaultData';

/** A clock that starts at a fixed instant and moves one second forward on every reading. */
export function steppingClock(start = '2026-03-02T09:00:00.000Z'): () => Date {
  let time = Date.parse(start);
  return () => {
    const now = new Date(time);
    time += 1000;
    return now;
  };
}

export interface TestDatabase {
  dir: string;
  file: string;
  db: VaultDatabase;
  /** Closes the connection (if open) and opens the same file again with the same key. */
  reopen(): VaultDatabase;
  dispose(): void;
}

/** A real, empty SQLCipher database in a fresh temp folder. */
export function openTestDatabase(): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sole-notes-vault-'));
  const file = path.join(dir, 'vault.db');
  const key = crypto.randomBytes(32);
  const handle: TestDatabase = {
    dir,
    file,
    db: openEncryptedDatabase(file, key, { create: true }),
    reopen() {
      if (handle.db.open) handle.db.close();
      handle.db = openEncryptedDatabase(file, key, { create: false });
      return handle.db;
    },
    dispose() {
      if (handle.db.open) handle.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

/**
 * A migrated vault with its repositories, on a stepping clock. The migrations
 * read the real clock, so the repositories' first reading is the clock's start.
 */
export function openTestVault(clock: () => Date = steppingClock()): TestDatabase & { data: VaultData } {
  const handle = openTestDatabase();
  migrate(handle.db);
  return Object.assign(handle, { data: new VaultData(handle.db, clock) });
}

export function schemaObjects(db: VaultDatabase, type: 'table' | 'index' | 'trigger'): string[] {
  return db.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').pluck().all(type) as string[];
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Every row of every table but `excluded` (the full-text index's own tables
 * included), as one string: a migration test compares it before and after.
 */
export function everyRowExcept(db: VaultDatabase, excluded: readonly string[]): string {
  const tables = schemaObjects(db, 'table').filter((table) => !excluded.includes(table));
  return JSON.stringify(
    tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]),
    (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value),
  );
}

export interface FilledVault {
  noteIds: string[];
  serviceIds: string[];
  studentIds: string[];
}

/**
 * Fills a vault at an older schema version with students, notes, services
 * linked to notes and a few edited notes (whose new text holds `editedWord`),
 * through the repositories of today, which an older schema must still accept.
 */
export function fillWithNotesAndServices(
  db: VaultDatabase,
  data: VaultData,
  options: {
    codePrefix: string;
    students: number;
    notes: number;
    serviceEvery: number;
    serviceKind: 'individual_session' | 'group_session';
    topic: string;
    weeks: number;
    editedWord: string;
    edits: number;
    student?: (index: number) => { school?: string; knownAs?: string };
  },
): FilledVault {
  const students = Array.from({ length: options.students }, (_, index) =>
    data.students.create({ code: `${options.codePrefix}-${index}`, grade: (index % 12) + 1, ...options.student?.(index) }),
  );
  const noteIds: string[] = [];
  const serviceIds: string[] = [];
  db.transaction(() => {
    for (let index = 0; index < options.notes; index += 1) {
      const student = students[index % students.length];
      const note = data.notes.create({ studentId: student?.id ?? null, body: `Note ${index} about ${options.topic} and week ${index % options.weeks}.` });
      noteIds.push(note.id);
      if (index % options.serviceEvery !== 0) continue;
      const studentIds = options.serviceKind === 'group_session' ? students.slice(0, 3).map((s) => s.id) : [student?.id ?? ''];
      serviceIds.push(data.services.create({ date: '2026-02-10', minutes: 30, kind: options.serviceKind, studentIds, noteId: note.id }).id);
    }
  })();
  for (const id of noteIds.slice(0, options.edits)) data.notes.update(id, { body: `${data.notes.get(id).body} Edited: ${options.editedWord}.` });
  return { noteIds, serviceIds, studentIds: students.map((student) => student.id) };
}

/**
 * Opens a handover package's database file with its key and no package logic
 * at all, changes it as another app version might have, and closes it as one
 * file again.
 */
export function rewritePackageDatabase(file: string, key: Buffer, change: (db: VaultDatabase) => void): void {
  const db = openEncryptedDatabase(file, key, { create: false });
  change(db);
  closeAsOneFile(db);
}
