import { seededRandom } from '../tests/helpers/seededRandom';

/**
 * A synthetic, reproducible note corpus: a Zipf-distributed vocabulary so that
 * some words are in most notes (common), some in a handful (rare), as in
 * real writing. Seeded, so every run measures the same data.
 */
export { seededRandom };

const CONSONANTS = 'bcdfghjklmnprstvwz';
const VOWELS = 'aeiou';
/** 90 consonant-vowel syllables: enough variety that word beginnings spread like real ones. */
const SYLLABLES = [...CONSONANTS].flatMap((consonant) => [...VOWELS].map((vowel) => consonant + vowel));

export interface Corpus {
  notes: string[];
  /** Words found in between 1 and 5 notes. */
  rareWords: string[];
  /** Four-letter word beginnings matched by roughly 50 to 2,000 notes. */
  prefixes: string[];
  /** Words found in a quarter or more of the notes. */
  commonWords: string[];
}

export function buildCorpus(noteCount: number, seed = 2026): Corpus {
  const random = seededRandom(seed);
  // Large enough that even at 100k notes the long tail holds words found in only a few notes.
  const vocabulary = makeVocabulary(Math.max(40_000, noteCount * 2), random);
  const weights = vocabulary.map((_, rank) => 1 / (rank + 1));
  const cumulative: number[] = [];
  weights.reduce((sum, weight, index) => (cumulative[index] = sum + weight), 0);
  const total = cumulative[cumulative.length - 1] as number;

  const documentFrequency = new Map<string, number>();
  const notes: string[] = [];
  for (let n = 0; n < noteCount; n += 1) {
    const length = 30 + Math.floor(random() * 90);
    const words: string[] = [];
    for (let w = 0; w < length; w += 1) words.push(vocabulary[pick(cumulative, random() * total)] as string);
    for (const word of new Set(words)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    notes.push(sentenceCase(words));
  }

  const rareWords = [...documentFrequency].filter(([, df]) => df >= 1 && df <= 5).map(([word]) => word).slice(0, 200);
  const commonWords = [...documentFrequency].filter(([, df]) => df >= noteCount / 4).map(([word]) => word).slice(0, 20);
  const prefixCounts = new Map<string, number>();
  for (const [word, df] of documentFrequency) {
    if (word.length >= 6) prefixCounts.set(word.slice(0, 4), (prefixCounts.get(word.slice(0, 4)) ?? 0) + df);
  }
  const low = Math.max(5, noteCount / 2000);
  const prefixes = [...prefixCounts].filter(([, df]) => df >= low && df <= noteCount / 50).map(([prefix]) => prefix).slice(0, 200);
  return { notes, rareWords, prefixes, commonWords };
}

function makeVocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 2 + Math.floor(random() * 3);
    let word = '';
    for (let s = 0; s < syllables; s += 1) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

function pick(cumulative: number[], target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((cumulative[mid] as number) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

function sentenceCase(words: string[]): string {
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
