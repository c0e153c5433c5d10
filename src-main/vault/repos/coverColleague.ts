import type { VaultDatabase } from '../connection';

/** The cover colleague's row (table of migration 14): one colleague at most. */
export interface ColleagueRow {
  name: string;
  public_key: Buffer;
  fingerprint: string;
  checked_at: string;
}

/**
 * The cover colleague named ahead, whose handover key a sudden handover is
 * sealed to. Statements are prepared per use: the colleague changes rarely.
 */
export class CoverColleagueRepository {
  constructor(private readonly db: VaultDatabase) {}

  get(): ColleagueRow | null {
    return (this.db.prepare('SELECT name, public_key, fingerprint, checked_at FROM cover_colleague WHERE id = 1').get() as ColleagueRow | undefined) ?? null;
  }

  /** Names the colleague, or replaces the one named. */
  put(row: ColleagueRow): void {
    this.db
      .prepare(
        `INSERT INTO cover_colleague (id, name, public_key, fingerprint, checked_at) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, public_key = excluded.public_key,
           fingerprint = excluded.fingerprint, checked_at = excluded.checked_at`,
      )
      .run(row.name, row.public_key, row.fingerprint, row.checked_at);
  }

  remove(): void {
    this.db.prepare('DELETE FROM cover_colleague').run();
  }
}
