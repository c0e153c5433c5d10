import fs from 'node:fs';
import type { HandoverScope } from '../../../shared/api/handoverSchemas';
import { openEncryptedDatabase, type VaultDatabase } from '../connection';
import { AuditLog } from '../repos/audit';
import type { VaultData } from '../vaultData';
import { migratePackage, refuseUnopenablePackage } from './schema/migrations';

/**
 * A package's own SQLCipher database: the vault's tables (schema/001-initial.ts),
 * holding only the chosen students, their notes with every revision, and the
 * services they took part in (and the names the owner knows those students
 * by, only when the owner chose to include them), plus the package's own
 * tables: which package it is, and what the owner put in. Its `audit` table
 * is the package's own access log. It holds no keys. Its schema has versions
 * of its own (schema/migrations.ts).
 */
export const PACKAGE_DATABASE_FILE = 'package.db';

export interface PackageMeta {
  packageId: string;
  substitute: string;
  validFrom: string;
  validUntil: string;
  createdAt: string;
}

type Row = Record<string, unknown>;

function insertRows(db: VaultDatabase, table: string, rows: readonly Row[]): void {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
  for (const row of rows) statement.run(row);
}

/**
 * Writes the package database for the chosen students into `file` (which
 * must not exist), keyed with `key`, and closes it as one self-contained
 * file (no write-ahead log beside it). Returns what it holds, as counts.
 */
export function buildPackageDatabase(
  data: VaultData,
  file: string,
  key: Buffer,
  meta: PackageMeta,
  studentIds: readonly string[],
  options: { includeNames: boolean } = { includeNames: false },
): HandoverScope {
  const owner = data.db;
  const chosen = JSON.stringify(studentIds);
  const inChosen = 'IN (SELECT value FROM json_each(@chosen))';

  const students = owner.prepare(`SELECT * FROM students WHERE id ${inChosen} ORDER BY code`).all({ chosen }) as Row[];
  // The names the owner knows the students by stay behind unless the owner ticked them in.
  const names = options.includeNames
    ? (owner.prepare(`SELECT * FROM student_names WHERE student_id ${inChosen} ORDER BY student_id`).all({ chosen }) as Row[])
    : [];
  const serviceIds = owner
    .prepare(`SELECT DISTINCT service_id FROM service_students WHERE student_id ${inChosen} ORDER BY service_id`)
    .pluck()
    .all({ chosen }) as string[];
  const services = JSON.stringify(serviceIds);
  const inServices = 'IN (SELECT value FROM json_each(@services))';
  const serviceRows = owner.prepare(`SELECT * FROM services WHERE id ${inServices}`).all({ services }) as Row[];
  const serviceStudents = owner
    .prepare(`SELECT * FROM service_students WHERE service_id ${inServices} AND student_id ${inChosen}`)
    .all({ services, chosen }) as Row[];
  const serviceIssues = owner.prepare(`SELECT * FROM service_issues WHERE service_id ${inServices}`).all({ services }) as Row[];
  const notes = owner.prepare(`SELECT * FROM notes WHERE student_id ${inChosen} ORDER BY seq`).all({ chosen }) as Row[];
  const noteIds = new Set(notes.map((note) => note.id as string));
  const revisions = owner
    .prepare(`SELECT * FROM note_revisions WHERE note_id IN (SELECT id FROM notes WHERE student_id ${inChosen}) ORDER BY note_id, revision`)
    .all({ chosen }) as Row[];
  const categories = owner.prepare('SELECT * FROM issue_categories ORDER BY sort').all() as Row[];
  const serviceSet = new Set(serviceIds);
  const headHashes = new Map(revisions.map((revision) => [`${revision.note_id as string}/${revision.revision as number}`, revision.hash as string]));

  fs.closeSync(fs.openSync(file, 'wx', 0o600));
  const db = openEncryptedDatabase(file, key, { create: true });
  try {
    migratePackage(db, data.clock);
    db.transaction(() => {
      // The package holds no keys: the owner's stay in the owner's vault, and the substitute uses their own.
      db.prepare('DELETE FROM keys').run();
      db.prepare('DELETE FROM issue_categories').run();
      insertRows(db, 'issue_categories', categories);
      insertRows(db, 'students', students);
      insertRows(db, 'student_names', names);
      insertRows(db, 'services', serviceRows.map((row) => ({ ...row, note_id: null })));
      insertRows(db, 'service_students', serviceStudents);
      insertRows(db, 'service_issues', serviceIssues);
      insertRows(
        db,
        'notes',
        notes.map(({ seq: _seq, ...row }) => ({ ...row, service_id: serviceSet.has(row.service_id as string) ? row.service_id : null })),
      );
      insertRows(db, 'note_revisions', revisions);
      const linkNote = db.prepare('UPDATE services SET note_id = ? WHERE id = ?');
      for (const row of serviceRows) {
        if (typeof row.note_id === 'string' && noteIds.has(row.note_id)) linkNote.run(row.note_id, row.id);
      }
      insertRows(
        db,
        'handover_base_notes',
        notes.map((note) => ({
          note_id: note.id,
          revision: note.revision,
          hash: headHashes.get(`${note.id as string}/${note.revision as number}`) ?? '',
        })),
      );
      insertRows(db, 'handover_base_services', serviceIds.map((service_id) => ({ service_id })));
      db.prepare('INSERT INTO handover_package (singleton, package_id, substitute, created_at) VALUES (1, ?, ?, ?)').run(
        meta.packageId,
        meta.substitute,
        meta.createdAt,
      );
      new AuditLog(db, data.clock).append('handover.package_created', {
        packageId: meta.packageId,
        substitute: meta.substitute,
        validFrom: meta.validFrom,
        validUntil: meta.validUntil,
        students: students.length,
        names: names.length,
        notes: notes.length,
        services: serviceRows.length,
      });
    })();
    closeAsOneFile(db);
  } catch (error) {
    if (db.open) db.close();
    throw error;
  }
  return { students: students.length, notes: notes.length, services: serviceRows.length };
}

/** Folds the write-ahead log into the file and closes, so the file alone is the whole database. */
export function closeAsOneFile(db: VaultDatabase): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
}

/** The package id the database says it belongs to, or null when it has none. */
export function packageIdOf(db: VaultDatabase): string | null {
  try {
    return (db.prepare('SELECT package_id FROM handover_package WHERE singleton = 1').pluck().get() as string | undefined) ?? null;
  } catch {
    return null;
  }
}

/**
 * Opens a received package's database with its key, brought to this app's
 * package schema; the caller closes it. One made by a newer app is refused
 * (VAULT_FROM_FUTURE) before anything is written to it.
 */
export function openPackageDatabase(file: string, key: Buffer, clock: () => Date): VaultDatabase {
  const db = openEncryptedDatabase(file, key, { create: false, refuse: refuseUnopenablePackage });
  try {
    migratePackage(db, clock);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
