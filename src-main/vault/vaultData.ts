import { localDate } from '../common/calendar';
import type { VaultDatabase } from './connection';
import { readonlyDatabase } from './readonlyDatabase';
import { refuseIdentifyingReportText } from './reportText';
import { AdministrativeDutyRepository } from './repos/adminDuties';
import { AuditLog } from './repos/audit';
import { CategoryRepository } from './repos/categories';
import { CoverColleagueRepository } from './repos/coverColleague';
import { DraftRepository } from './repos/drafts';
import { FollowUpRepository } from './repos/followUps';
import { GroupRepository } from './repos/groups';
import { HandoverRepository } from './repos/handovers';
import { KeyRepository } from './repos/keys';
import { NoteRepository } from './repos/notes';
import { PdGoalRepository } from './repos/pdGoals';
import { ReleaseRepository } from './repos/releases';
import { ReportCounts } from './repos/reportCounts';
import { ReportExportRepository } from './repos/reportExports';
import { SelfEvaluationRepository } from './repos/selfEvaluation';
import { ServiceRepository } from './repos/services';
import { SettingsRepository } from './repos/settings';
import { StudentRepository } from './repos/students';
import { SuccessStoryRepository } from './repos/successStories';
import { SupervisionRepository } from './repos/supervision';
import type { VaultReader } from './vaultReader';
import { writeTransaction } from './writeTransaction';

/**
 * The repositories over one open, migrated vault database. Statements are
 * prepared here once; create a new VaultData after reopening the database.
 */
export class VaultData implements VaultReader {
  readonly students: StudentRepository;
  readonly services: ServiceRepository;
  #groups: GroupRepository | null = null;
  #followUps: FollowUpRepository | null = null;
  #duties: AdministrativeDutyRepository | null = null;
  #stories: SuccessStoryRepository | null = null;
  #reportCounts: ReportCounts | null = null;
  #reportExports: ReportExportRepository | null = null;
  #supervision: SupervisionRepository | null = null;
  #selfEvaluation: SelfEvaluationRepository | null = null;
  #pdGoals: PdGoalRepository | null = null;
  readonly notes: NoteRepository;
  readonly categories: CategoryRepository;
  readonly settings: SettingsRepository;
  readonly audit: AuditLog;
  readonly keys: KeyRepository;
  /** Unfinished notes; written by the draft keeper (drafts/draftKeeper.ts). */
  readonly drafts: DraftRepository;
  /** The vault's clock: what every timestamp in it was read from. */
  readonly clock: () => Date;
  /** Handovers sent, received and handed back (migration 3). */
  readonly handovers: HandoverRepository;
  /** Notes released to other agencies (migration 3). */
  readonly releases: ReleaseRepository;
  /** The cover colleague named ahead (migration 14). */
  readonly coverColleague: CoverColleagueRepository;
  /**
   * The open database, for the repositories and for tests that look inside.
   * No product code outside vault/ touches it (tests/lint/noDirectDatabase.test.ts):
   * reads go through the repositories, writes inside `transaction()`.
   */
  readonly db: VaultDatabase;

  constructor(db: VaultDatabase, clock: () => Date = () => new Date()) {
    this.db = db;
    this.clock = clock;
    this.students = new StudentRepository(db, clock, () => this.today());
    this.services = new ServiceRepository(db, clock, () => this.today());
    this.notes = new NoteRepository(db, clock);
    this.categories = new CategoryRepository(db);
    this.settings = new SettingsRepository(db);
    this.audit = new AuditLog(db, clock);
    this.keys = new KeyRepository(db);
    this.drafts = new DraftRepository(db, clock);
    this.handovers = new HandoverRepository(db);
    this.releases = new ReleaseRepository(db);
    this.coverColleague = new CoverColleagueRepository(db);
  }

  /**
   * Runs `work` as one write transaction (BEGIN IMMEDIATE, writeTransaction.ts):
   * everything it writes through the repositories is saved together, or
   * nothing is. Nested inside another, it is a savepoint.
   */
  transaction<Result>(work: () => Result): Result {
    return writeTransaction(this.db, work)();
  }

  /** Saved groups of students; prepared on first use (a vault being migrated may not have their tables yet). */
  get groups(): GroupRepository {
    this.#groups ??= new GroupRepository(this.db, this.clock);
    return this.#groups;
  }

  /** "Follow up on" days of notes and services; prepared on first use, like groups. */
  get followUps(): FollowUpRepository {
    this.#followUps ??= new FollowUpRepository(this.db, this.clock);
    return this.#followUps;
  }

  /** Standing administrative duties, listed in each month's report; prepared on first use (migration 12). */
  get duties(): AdministrativeDutyRepository {
    this.#duties ??= new AdministrativeDutyRepository(this.db, this.clock, () => this.today().slice(0, 7), this.checkReportText);
    return this.#duties;
  }

  /** De-identified success stories for a month's report; prepared on first use (migration 12). */
  get stories(): SuccessStoryRepository {
    this.#stories ??= new SuccessStoryRepository(this.db, this.clock, this.checkReportText);
    return this.#stories;
  }

  /** The read-only counting queries of reports and the growth pages; prepared on first use, like groups. */
  get reportCounts(): ReportCounts {
    this.#reportCounts ??= new ReportCounts(readonlyDatabase(this.db));
    return this.#reportCounts;
  }

  /** Reports exported (months, school years) and each school year's k; prepared on first use (migrations 11 and 15). */
  get reportExports(): ReportExportRepository {
    this.#reportExports ??= new ReportExportRepository(this.db, this.clock);
    return this.#reportExports;
  }

  /** The supervision the worker received; prepared on first use (migration 13). */
  get supervision(): SupervisionRepository {
    this.#supervision ??= new SupervisionRepository(this.db, this.clock);
    return this.#supervision;
  }

  /** The worker's ratings against the competency rubric, by school year; prepared on first use (migration 13). */
  get selfEvaluation(): SelfEvaluationRepository {
    this.#selfEvaluation ??= new SelfEvaluationRepository(this.db, this.clock);
    return this.#selfEvaluation;
  }

  /** Professional development goals; prepared on first use (migration 13). */
  get pdGoals(): PdGoalRepository {
    this.#pdGoals ??= new PdGoalRepository(this.db, this.clock);
    return this.#pdGoals;
  }

  private readonly checkReportText = (what: string, text: string): void => refuseIdentifyingReportText(this, what, text);

  /** Today on the worker's calendar: the vault's clock in the worker's time zone setting. */
  today(): string {
    return localDate(this.clock(), this.settings.get().timeZone);
  }
}
