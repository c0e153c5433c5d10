import { probability } from './logistic';
import { quoteFeatures } from './quoteFeatures';
import { QUOTE_WEIGHTS } from './quoteWeights';

/**
 * The quotation model: a small logistic regression, trained by
 * `npm run train:redaction` on the development corpora, that says whether a
 * quotation is someone's words or something else in quotation marks (a sign,
 * a form's wording, a slogan, a title). The rules of verbatim/quotes.ts decide
 * first; the model only takes back a quotation they flagged, when it is sure.
 */

/**
 * Below this probability a quotation is not someone's words. Chosen by leaving
 * each of the nine training corpora out in turn, training on the other eight
 * and scoring the one left out (`npm run train:redaction -- --loco`): at 0.1
 * the model dismisses 186 of 292 quotations that are not someone's words and
 * 1 of 337 that are; at 0.2 it dismisses 220 and 2, at 0.3 240 and 5. A
 * missed quotation costs more than a false alarm, so the lower threshold.
 */
export const QUOTE_THRESHOLD = 0.1;

/** Whether the quotation from `start` (its opening mark) to `end` (after its closing mark) sounds like someone's words. */
export function quoteSoundsLikeSomeonesWords(text: string, start: number, end: number): boolean {
  return probability(QUOTE_WEIGHTS, quoteFeatures(text, start, end)) >= QUOTE_THRESHOLD;
}
