// Source: common clinical abbreviations in mental-health screening and school-based
// crisis paperwork (the Columbia Suicide Severity Rating Scale screener wording:
// "denies SI/HI", "passive SI", "no plan/intent"; the Joint Commission-style
// abbreviations d/o for disorder, r/o for rule out, dx, sx, hx). The words around a
// short lower-case abbreviation decide whether it is the clinical term ("denies si",
// "screened for si") or an ordinary word ("si no, …" in Spanish, "said hi").

/** Lower-case screening abbreviations taken as clinical only beside a clinical word. */
export const SCREENING_ABBREVIATIONS: readonly string[] = ['si', 'hi', 'sib', 'avh', 'ah', 'vh'];

/** Pairs that are clinical in any case ("si/hi", "hi/si"). */
export const SCREENING_PAIRS: readonly string[] = ['si/hi', 'hi/si', 'si / hi', 'si+hi', 'si or hi', 'si and hi'];

/** Words within three words before a short abbreviation that make it clinical ("denies si", "passive si"). */
export const CLINICAL_CUES_BEFORE: readonly string[] = [
  'denies', 'denied', 'deny', 'denying', 'denys', 'endorses', 'endorsed', 'endorsing', 'endorse', 'screened', 'screen',
  'screening', 'screens', 'assessed', 'assessment', 'passive', 'active', 'current', 'hx',
  'positive', 'negative', 'neg', 'pos', 'ssrs', 'cssrs', 'asq', 'phq', 'phq9', 'risk', 'intermittent', 'chronic',
  'acute', 'dx', 'sx',
];

/** Words right after a short abbreviation that make it clinical ("si screen", "si risk"). */
export const CLINICAL_CUES_AFTER: readonly string[] = [
  'screen', 'screening', 'screened', 'risk', 'assessment', 'assess', 'plan', 'intent', 'protocol', 'ideation', 'thoughts',
  'hx', 'history', 'denied', 'negative', 'neg', 'positive', 'pos', 'endorsed', 'reported', 'check', 'eval', 'evaluation',
  'sx', 'symptoms', 'behavior', 'behaviour', 'behaviors',
];

/** Short forms of "disorder" after a condition word ("anxiety d/o", "mood dx"). */
export const DISORDER_SHORT_FORMS: readonly string[] = ['d/o', 'd/os'];
