/**
 * Regenerates shared/redaction/data/fuzzyExclusions.ts: the English words one
 * edit away from a long lexicon word ("concerts" ~ Concerta), which the
 * spelling-slip matcher must leave alone. Needs a word list (Debian package
 * wamerican: /usr/share/dict/words).
 *
 *   npx tsx scripts/build-fuzzy-exclusions.ts [/usr/share/dict/words]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FUZZY_WORDS } from '../shared/redaction/diagnostic';
import { withinOneEdit } from '../shared/redaction/fuzzy';

const root = path.resolve(import.meta.dirname, '..');
const source = process.argv[2] ?? '/usr/share/dict/words';
const target = path.join(root, 'shared/redaction/data/fuzzyExclusions.ts');

const lexicon = new Set(FUZZY_WORDS.map((entry) => entry.word));
const english = new Set(
  readFileSync(source, 'utf8')
    .split('\n')
    .map((word) => word.trim().toLowerCase().replace(/’/g, "'"))
    .filter((word) => word.length >= 5 && /^[a-z]+$/.test(word)),
);
const excluded = new Set<string>();
for (const word of english) {
  if (lexicon.has(word)) continue;
  for (const entry of FUZZY_WORDS) {
    if (entry.word[0] === word[0] && Math.abs(entry.word.length - word.length) <= 1 && withinOneEdit(word, entry.word)) excluded.add(word);
  }
}
const words = [...excluded].sort();
const lines: string[] = [];
for (let i = 0; i < words.length; i += 10) lines.push(`  ${words.slice(i, i + 10).map((w) => `'${w}'`).join(', ')},`);
writeFileSync(
  target,
  `// Source: English words from the SCOWL-based word list of the Debian package wamerican
// (/usr/share/dict/words), kept only where one edit away from a long lexicon word, by
// scripts/build-fuzzy-exclusions.ts. Do not edit by hand; run the script.

/** Real words that the spelling-slip matcher must not read as a lexicon word ("concerts" is not Concerta). */
export const FUZZY_EXCLUSIONS: ReadonlySet<string> = new Set([
${lines.join('\n')}
]);
`,
);
console.log(`wrote ${words.length} exclusions to ${path.relative(root, target)}: ${words.join(' ')}`);
