import type { AuditEntry } from '../../../shared/api/schemas';
import type { VaultDatabase } from '../connection';
import { AuditLog, toAuditEntry, type AuditRow } from '../repos/audit';
import { CategoryRepository } from '../repos/categories';
import { NoteRepository } from '../repos/notes';
import { ServiceRepository } from '../repos/services';
import { StudentRepository } from '../repos/students';
import { writeTransaction } from '../writeTransaction';

/** A note as the owner put it in the package: its revision and that revision's hash. */
export interface BaseNote {
  noteId: string;
  revision: number;
  hash: string;
}

/**
 * The repositories over one open package database, as the substitute works
 * in it. Notes written here are authored as `author` (the substitute named
 * in the package); its `audit` table is the package's access log.
 */
export class PackageData {
  readonly students: StudentRepository;
  readonly services: ServiceRepository;
  /** The owner's issue categories, their own included, as they were when the package was made. */
  readonly categories: CategoryRepository;
  readonly notes: NoteRepository;
  /** The package's own access log. */
  readonly log: AuditLog;

  constructor(
    /** The open database; for tests and inspection, never for writing around the repositories. */
    readonly db: VaultDatabase,
    clock: () => Date,
    today: () => string,
    author: string,
  ) {
    this.students = new StudentRepository(db, clock, today);
    this.services = new ServiceRepository(db, clock, today);
    this.categories = new CategoryRepository(db);
    this.notes = new NoteRepository(db, clock, author);
    this.log = new AuditLog(db, clock);
  }

  /** Runs `work` as one write transaction, like VaultData.transaction(). */
  transaction<Result>(work: () => Result): Result {
    return writeTransaction(this.db, work)();
  }

  /** The notes the owner put in, by note id. */
  baseNotes(): Map<string, BaseNote> {
    const rows = this.db.prepare('SELECT note_id, revision, hash FROM handover_base_notes').all() as { note_id: string; revision: number; hash: string }[];
    return new Map(rows.map((row) => [row.note_id, { noteId: row.note_id, revision: row.revision, hash: row.hash }]));
  }

  /** The ids of the services the owner put in. */
  baseServiceIds(): Set<string> {
    return new Set(this.db.prepare('SELECT service_id FROM handover_base_services').pluck().all() as string[]);
  }

  /** The package's access log, oldest first, every entry. */
  wholeLog(): AuditEntry[] {
    return this.db.prepare<[], AuditRow>('SELECT seq, at, action, details, prev_hash, hash FROM audit ORDER BY seq').all().map(toAuditEntry);
  }
}
