import type { z } from 'zod';
import type { SelfEvaluation, SelfEvaluationEntry, SelfEvaluationRateInput } from '../../shared/api/growthSchemas';
import { COMPETENCY_INDICATORS, type RubricLevel } from '../../shared/domain/competencies';
import { previousSchoolYear } from '../../shared/domain/schoolYear';
import type { VaultData } from '../vault/vaultData';
import { refuseStudentMention } from './studentMentions';

interface Row {
  indicator_id: string;
  rating: RubricLevel | null;
  evidence: string;
  updated_at: string;
}

function rowsOf(data: VaultData, schoolYear: string): Map<string, Row> {
  const rows = data.db
    .prepare<[string], Row>('SELECT indicator_id, rating, evidence, updated_at FROM self_evaluation WHERE school_year = ?')
    .all(schoolYear);
  return new Map(rows.map((row) => [row.indicator_id, row]));
}

/** Every indicator, in the guideline's order, with this year's rating and evidence and last year's rating. */
export function selfEvaluation(data: VaultData, schoolYear: string): SelfEvaluation {
  const previous = previousSchoolYear(schoolYear);
  const current = rowsOf(data, schoolYear);
  const before = rowsOf(data, previous);
  return {
    schoolYear,
    previousSchoolYear: previous,
    entries: COMPETENCY_INDICATORS.map((indicator) => entryOf(indicator.id, current.get(indicator.id), before.get(indicator.id))),
  };
}

function entryOf(indicatorId: string, row: Row | undefined, previous: Row | undefined): SelfEvaluationEntry {
  return {
    indicatorId,
    rating: row?.rating ?? null,
    evidence: row?.evidence ?? '',
    previousRating: previous?.rating ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

/** Rates one indicator and keeps its evidence note (trimmed); a note naming a student is refused, nothing written. */
export function rateIndicator(data: VaultData, input: z.output<typeof SelfEvaluationRateInput>): SelfEvaluationEntry {
  const evidence = input.evidence.trim();
  refuseStudentMention(data, evidence, 'evidence');
  data.db
    .prepare(
      `INSERT INTO self_evaluation (school_year, indicator_id, rating, evidence, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (school_year, indicator_id) DO UPDATE SET rating = excluded.rating, evidence = excluded.evidence, updated_at = excluded.updated_at`,
    )
    .run(input.schoolYear, input.indicatorId, input.rating, evidence, data.clock().toISOString());
  return selfEvaluation(data, input.schoolYear).entries.find((entry) => entry.indicatorId === input.indicatorId) as SelfEvaluationEntry;
}
