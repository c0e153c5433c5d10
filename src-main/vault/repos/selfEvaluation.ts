import type { RubricLevel } from '../../../shared/domain/competencies';
import type { VaultDatabase } from '../connection';
import { readonlyDatabase } from '../readonlyDatabase';

/** One competency indicator as the worker rated it in one school year. */
export interface IndicatorRating {
  indicatorId: string;
  /** null: not rated yet. */
  rating: RubricLevel | null;
  evidence: string;
  updatedAt: string;
}

/** A rating to save; the time it was saved is the repository's. */
export interface NewIndicatorRating {
  schoolYear: string;
  indicatorId: string;
  rating: RubricLevel | null;
  evidence: string;
}

interface Row {
  indicator_id: string;
  rating: RubricLevel | null;
  evidence: string;
  updated_at: string;
}

/** What the growth pages may read of the self-evaluation: nothing that writes. */
export type SelfEvaluationReader = Pick<SelfEvaluationRepository, 'ratingsOf'>;

/** `self_evaluation`: one row per school year and competency indicator (migration 13). */
export class SelfEvaluationRepository {
  private readonly upsertRow;
  private readonly selectYear;

  constructor(
    db: VaultDatabase,
    private readonly clock: () => Date,
  ) {
    this.upsertRow = db.prepare<[string, string, RubricLevel | null, string, string]>(
      `INSERT INTO self_evaluation (school_year, indicator_id, rating, evidence, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (school_year, indicator_id) DO UPDATE SET rating = excluded.rating, evidence = excluded.evidence, updated_at = excluded.updated_at`,
    );
    this.selectYear = readonlyDatabase(db).prepare<[string], Row>(
      'SELECT indicator_id, rating, evidence, updated_at FROM self_evaluation WHERE school_year = ?',
    );
  }

  /** The indicators rated (or given evidence) in the school year, in no set order. */
  ratingsOf(schoolYear: string): IndicatorRating[] {
    return this.selectYear
      .all(schoolYear)
      .map((row) => ({ indicatorId: row.indicator_id, rating: row.rating, evidence: row.evidence, updatedAt: row.updated_at }));
  }

  /** Saves the indicator's rating and evidence for the school year, replacing any saved before. */
  rate(input: NewIndicatorRating): void {
    this.upsertRow.run(input.schoolYear, input.indicatorId, input.rating, input.evidence, this.clock().toISOString());
  }
}
