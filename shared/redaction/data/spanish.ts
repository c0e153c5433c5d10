// Source: the Spanish edition of ICD-10 (CIE-10, Clasificación Internacional de
// Enfermedades, OPS/OMS), chapter V "Trastornos mentales y del comportamiento", and the
// Spanish abbreviations used by schools and clinics in the US (TDAH = ADHD, TEPT = PTSD,
// TOC = OCD, TND = ODD; TEA is left out, as it is also a state agency). POLICY.md: "the same rules hold in any
// language"; condition nouns are flagged ("tiene depresión"), mood adjectives are not
// ("tiene nervios").

/** Spanish condition names, matched in any case (with or without accents). */
export const SPANISH_DIAGNOSIS_NAMES: readonly string[] = [
  'tdah', 'tept', 'depresión', 'depresion', 'autismo', 'autista', 'esquizofrenia', 'esquizofrénico', 'esquizofrénica',
  'trastorno bipolar', 'bipolaridad', 'trastorno de ansiedad', 'trastorno de pánico', 'ataques de pánico', 'ataque de pánico',
  'ataques de panico', 'ataque de panico', 'crisis de pánico', 'trastorno por déficit de atención',
  'déficit de atención', 'deficit de atencion', 'trastorno del espectro autista', 'espectro autista', 'trastorno obsesivo',
  'trastorno obsesivo compulsivo', 'estrés postraumático', 'estres postraumatico', 'trastorno alimentario',
  'trastorno de la conducta alimentaria', 'anorexia nerviosa', 'bulimia nerviosa', 'trastorno negativista desafiante',
  'trastorno de conducta', 'discapacidad intelectual', 'dislexia', 'ideación suicida', 'ideacion suicida', 'autolesiones',
  'autolesión', 'alucinaciones', 'psicosis', 'agorafobia', 'alcoholismo', 'ciclotimia', 'demencia', 'ecolalia',
  'suicida', 'homicida', 'compulsivo', 'compulsiva', 'compulsivos', 'compulsivas',
  // self-harm as said in Spanish: "se corta", "se está cortando", "cortándose"
  'se corta', 'se cortó', 'se cortaba', 'se está cortando', 'se esta cortando', 'se estaba cortando', 'cortándose',
  'cortandose', 'cortarse', 'se lastima', 'se hace daño',
  // hearing voices: "escucha voces", "oye voces"
  'escucha voces', 'escuchar voces', 'escuchando voces', 'oye voces', 'oír voces', 'oir voces',
  // CIE-10 F94.0; anxiety as a condition someone has, as "has anxiety" is in English ("tiene nervios" stays a mood)
  'mutismo selectivo', 'tiene ansiedad', 'padece de ansiedad', 'sufre de ansiedad',
];

/** Spanish abbreviations that are English words or letters too: matched only in capitals. */
export const SPANISH_ABBREVIATIONS_CAPS: readonly string[] = ['TOC', 'TND'];

/** Spanish diagnostic phrasing: the next noun phrase is the condition ("le diagnosticaron TDAH"). */
export const SPANISH_STRONG_PHRASES: readonly string[] = [
  'diagnosticado con', 'diagnosticada con', 'diagnosticados con', 'diagnóstico de', 'diagnostico de', 'trastorno de',
  'trastorno del', 'trastorno por',
];

/** Spanish diagnostic phrasing that needs a known condition after it. */
export const SPANISH_WEAK_PHRASES: readonly string[] = [
  'diagnosticaron', 'diagnosticó', 'diagnostico', 'diagnóstico', 'diagnosticado', 'diagnosticada', 'le diagnosticaron',
];
