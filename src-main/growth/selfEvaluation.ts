import type { z } from 'zod';
import type { SelfEvaluation, SelfEvaluationEntry, SelfEvaluationRateInput } from '../../shared/api/growthSchemas';
import { COMPETENCY_INDICATORS } from '../../shared/domain/competencies';
import { previousSchoolYear } from '../../shared/domain/schoolYear';
import type { IndicatorRating } from '../vault/repos/selfEvaluation';
import type { VaultData } from '../vault/vaultData';
import type { VaultReader } from '../vault/vaultReader';
import { refuseStudentMention } from './studentMentions';

function ratingsOf(vault: VaultReader, schoolYear: string): Map<string, IndicatorRating> {
  return new Map(vault.selfEvaluation.ratingsOf(schoolYear).map((rating) => [rating.indicatorId, rating]));
}

/** Every indicator, in the guideline's order, with this year's rating and evidence and last year's rating. */
export function selfEvaluation(vault: VaultReader, schoolYear: string): SelfEvaluation {
  const previous = previousSchoolYear(schoolYear);
  const current = ratingsOf(vault, schoolYear);
  const before = ratingsOf(vault, previous);
  return {
    schoolYear,
    previousSchoolYear: previous,
    entries: COMPETENCY_INDICATORS.map((indicator) => entryOf(indicator.id, current.get(indicator.id), before.get(indicator.id))),
  };
}

function entryOf(indicatorId: string, saved: IndicatorRating | undefined, previous: IndicatorRating | undefined): SelfEvaluationEntry {
  return {
    indicatorId,
    rating: saved?.rating ?? null,
    evidence: saved?.evidence ?? '',
    previousRating: previous?.rating ?? null,
    updatedAt: saved?.updatedAt ?? null,
  };
}

/** Rates one indicator and keeps its evidence note (trimmed); a note naming a student is refused, nothing written. */
export function rateIndicator(data: VaultData, input: z.output<typeof SelfEvaluationRateInput>): SelfEvaluationEntry {
  const evidence = input.evidence.trim();
  refuseStudentMention(data, evidence, 'evidence');
  data.selfEvaluation.rate({ schoolYear: input.schoolYear, indicatorId: input.indicatorId, rating: input.rating, evidence });
  return selfEvaluation(data, input.schoolYear).entries.find((entry) => entry.indicatorId === input.indicatorId) as SelfEvaluationEntry;
}
