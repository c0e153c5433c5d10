// Source: DSM-IV-TR / DSM-5 numeric codes, which are ICD-9-CM codes: chapter 5 "Mental
// disorders" spans categories 290–319 (e.g. 314.01 ADHD, 296.32 major depressive disorder,
// 309.81 PTSD, 313.81 oppositional defiant disorder, 299.00 autism), and the "V codes" for
// other conditions that may be a focus of clinical attention (e.g. V61.20 parent–child
// relational problem). ICD-9-CM, National Center for Health Statistics (public domain).

/** Lowest and highest three-digit category of ICD-9-CM chapter 5 (mental disorders). */
export const DSM_NUMERIC_RANGE: readonly [number, number] = [290, 319];

/** DSM "V code" categories (written V61.20, V62.82, …). */
export const DSM_V_CATEGORIES: ReadonlySet<string> = new Set(['V15', 'V40', 'V61', 'V62', 'V65', 'V71']);

/** Words after a number that make it a quantity, not a code ("300.5 miles"). */
export const QUANTITY_UNITS: ReadonlySet<string> = new Set([
  'mg', 'mcg', 'ml', 'g', 'kg', 'lb', 'lbs', 'pounds', 'miles', 'mi', 'km', 'feet', 'ft', 'inches', 'points', 'pts',
  'percent', 'dollars', 'cents', 'minutes', 'min', 'hours', 'hrs', 'days', 'seconds', 'sec', 'degrees', 'calories',
]);

/** Words before a number that make it a score or a measurement ("scored 312.5"). */
export const SCORE_WORDS: ReadonlySet<string> = new Set([
  'scored', 'score', 'scores', 'scoring', 'rit', 'lexile', 'averaged', 'average', 'avg', 'earned', 'got', 'measured',
  'weighs', 'weighed', 'weight', 'total', 'paid', 'owes', 'owed', 'cost', 'costs', 'balance', 'gpa', 'of', 'from', 'to',
  'about', 'around', 'approximately', 'approx', 'over', 'under', 'than',
]);
