/**
 * Regenerates shared/redaction/data/icd10cm.ts from the CMS code list in
 * ../shared/data/icd10cm-categories-2018.csv (columns: code without the dot,
 * title). Only the category codes (three characters) the redaction check
 * needs are copied: chapter F (mental, behavioural and neurodevelopmental)
 * and the G, Q, R, T, X and Z categories about the same conditions.
 *
 *   npx tsx scripts/build-icd10-data.ts [path/to/icd10cm-categories-2018.csv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const source = process.argv[2] ?? path.resolve(root, '../shared/data/icd10cm-categories-2018.csv');
const target = path.join(root, 'shared/redaction/data/icd10cm.ts');

const RANGES: ReadonlyArray<readonly [string, string]> = [
  ['F01', 'F99'], // mental, behavioural and neurodevelopmental disorders
  ['G40', 'G40'], // epilepsy
  ['G47', 'G47'], // sleep disorders
  ['G80', 'G80'], // cerebral palsy
  ['Q86', 'Q86'], // fetal alcohol syndrome and other exogenous malformation syndromes
  ['Q90', 'Q99'], // chromosomal abnormalities (Down syndrome, fragile X)
  ['R40', 'R48'], // cognition, perception, emotional state, behaviour, speech, dyslexia
  ['R62', 'R63'], // expected development, food intake
  ['T74', 'T74'], // maltreatment, confirmed
  ['T76', 'T76'], // maltreatment, suspected
  ['X71', 'X83'], // intentional self-harm
  ['Z13', 'Z13'], // screening (incl. mental and developmental)
  ['Z55', 'Z65'], // psychosocial circumstances
  ['Z69', 'Z76'], // counselling, lifestyle, life management
  ['Z81', 'Z81'], // family history of mental and behavioural disorders
  ['Z86', 'Z86'], // personal history (incl. mental disorders)
  ['Z91', 'Z91'], // personal risk factors (incl. self-harm, trauma)
];

const inRange = (code: string) => RANGES.some(([from, to]) => code >= from && code <= to);

const codes: string[] = [];
for (const [index, line] of readFileSync(source, 'utf8').split('\n').entries()) {
  if (line.trim() === '') continue;
  const comma = line.indexOf(',');
  if (comma < 0) throw new Error(`${source}:${index + 1}: no comma`);
  const code = line.slice(0, comma).trim();
  if (code.length === 3 && inRange(code)) codes.push(code);
}
codes.sort();

const rangeList = RANGES.map(([a, b]) => (a === b ? a : `${a}–${b}`)).join(', ');
const lines: string[] = [];
for (let i = 0; i < codes.length; i += 16) lines.push(`  ${codes.slice(i, i + 16).join(' ')}`);
const body = `// Source: 2018 ICD-10-CM code set, Centers for Medicare & Medicaid Services; ICD-10 © World
// Health Organization. Copied from ../shared/data/icd10cm-categories-2018.csv by
// scripts/build-icd10-data.ts: the ${codes.length} three-character category codes of chapter F and the
// G, Q, R, T, X and Z categories about mental, behavioural and developmental conditions
// (${rangeList}).
// Do not edit by hand; run the script.

/** ICD-10-CM category codes, space-separated. A code in a note is checked against its category (F90.0 → F90). */
const CODES = \`
${lines.join('\n')}
\`;

export const ICD10CM_CATEGORIES: ReadonlySet<string> = new Set(CODES.split(' ').map((code) => code.trim()).filter((code) => code !== ''));
`;
writeFileSync(target, body);
console.log(`wrote ${codes.length} categories to ${path.relative(root, target)}`);
