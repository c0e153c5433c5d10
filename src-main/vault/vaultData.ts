import type { VaultDatabase } from './connection';
import { AuditLog } from './repos/audit';
import { CategoryRepository } from './repos/categories';
import { NoteRepository } from './repos/notes';
import { ServiceRepository } from './repos/services';
import { SettingsRepository } from './repos/settings';
import { StudentRepository } from './repos/students';

/**
 * The repositories over one open, migrated vault database. Statements are
 * prepared here once; create a new VaultData after reopening the database.
 */
export class VaultData {
  readonly students: StudentRepository;
  readonly services: ServiceRepository;
  readonly notes: NoteRepository;
  readonly categories: CategoryRepository;
  readonly settings: SettingsRepository;
  readonly audit: AuditLog;

  constructor(db: VaultDatabase, clock: () => Date = () => new Date()) {
    this.students = new StudentRepository(db, clock);
    this.services = new ServiceRepository(db, clock);
    this.notes = new NoteRepository(db, clock);
    this.categories = new CategoryRepository(db);
    this.settings = new SettingsRepository(db);
    this.audit = new AuditLog(db, clock);
  }
}
