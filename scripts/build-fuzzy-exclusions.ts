/**
 * Regenerates shared/redaction/data/fuzzyExclusions.ts: the English and
 * Spanish words one edit away from a long lexicon word ("concerts" ~ Concerta,
 * "buscar" ~ Buspar) or sounding the same as one, which the spelling matcher
 * must leave alone. Needs word lists (Debian packages wamerican and wspanish:
 * /usr/share/dict/words, /usr/share/dict/spanish).
 *
 *   npx tsx scripts/build-fuzzy-exclusions.ts [WORDLIST …]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FUZZY_WORDS, SOUND_WORDS } from '../shared/redaction/diagnostic';
import { SPANISH_DIAGNOSIS_NAMES } from '../shared/redaction/data/spanish';
import { soundKey, withinOneEdit } from '../shared/redaction/fuzzy';

const root = path.resolve(import.meta.dirname, '..');
const sources = process.argv.length > 2 ? process.argv.slice(2) : ['/usr/share/dict/words', '/usr/share/dict/spanish'];
const target = path.join(root, 'shared/redaction/data/fuzzyExclusions.ts');

// Spanish names of the same conditions ("psicosis", "demencia") are lexicon words themselves, never exclusions.
const lexicon = new Set([...FUZZY_WORDS.map((entry) => entry.word), ...SOUND_WORDS.map((entry) => entry.word), ...SPANISH_DIAGNOSIS_NAMES]);
const soundKeys = new Set(SOUND_WORDS.map((entry) => soundKey(entry.word)));
const dictionary = new Set(
  sources.flatMap((source) =>
    readFileSync(source, 'utf8')
      .split('\n')
      .map((word) => word.trim().toLowerCase().replace(/’/g, "'"))
      .filter((word) => word.length >= 5 && /^\p{L}+$/u.test(word)),
  ),
);
const excluded = new Set<string>();
for (const word of dictionary) {
  if (lexicon.has(word)) continue;
  for (const entry of FUZZY_WORDS) {
    if (entry.word[0] === word[0] && Math.abs(entry.word.length - word.length) <= 1 && withinOneEdit(word, entry.word)) excluded.add(word);
  }
  if (word.length >= 6 && soundKeys.has(soundKey(word))) excluded.add(word);
}
const words = [...excluded].sort();
const lines: string[] = [];
for (let i = 0; i < words.length; i += 10) lines.push(`  ${words.slice(i, i + 10).map((w) => `'${w}'`).join(', ')},`);
writeFileSync(
  target,
  `// Source: English and Spanish words from the word lists of the Debian packages wamerican
// (SCOWL, /usr/share/dict/words) and wspanish (/usr/share/dict/spanish), kept only where one
// edit away from a long lexicon word or sounding the same as one, by
// scripts/build-fuzzy-exclusions.ts. Do not edit by hand; run the script.

/** Real words that the spelling matcher must not read as a lexicon word ("concerts" is not Concerta, "buscar" is not Buspar). */
export const FUZZY_EXCLUSIONS: ReadonlySet<string> = new Set([
${lines.join('\n')}
]);
`,
);
console.log(`wrote ${words.length} exclusions to ${path.relative(root, target)}: ${words.join(' ')}`);
