// Source: the national editions of ICD-10 chapter V, "Mental and behavioural disorders":
// Portuguese (CID-10, Classificação Internacional de Doenças, OMS/Centro Brasileiro de
// Classificação de Doenças), Vietnamese (ICD-10 Bộ Y tế, chương V "Rối loạn tâm thần và
// hành vi"), Russian (МКБ-10, класс V "Психические расстройства и расстройства поведения"),
// Arabic (ICD-10 Arabic edition, chapter V, in Arabic script), and the condition nouns of the Haitian Creole and Arabic health glossaries
// for families (Arabic in the Latin transliteration families and interpreters type). Only
// condition nouns and symptom phrases: mood words (triste, buồn, tris, za'lana) stay clean
// (POLICY.md, "Cases decided": mood words vs conditions, "the same rules hold in any language").

/** Condition names and clinical symptom phrases, matched in any case, with or without accents. */
export const OTHER_LANGUAGE_DIAGNOSIS_NAMES: readonly string[] = [
  // Portuguese
  'depressão', 'depressao', 'transtorno bipolar', 'transtorno de ansiedade', 'transtorno do pânico', 'transtorno do panico',
  'transtorno do espectro autista', 'transtorno de déficit de atenção', 'déficit de atenção', 'deficit de atencao',
  'transtorno obsessivo-compulsivo', 'transtorno obsessivo compulsivo', 'estresse pós-traumático', 'estresse pos-traumatico',
  'transtorno alimentar', 'transtorno de conduta', 'transtorno opositor desafiador', 'deficiência intelectual', 'esquizofrenia',
  'ideação suicida', 'ideacao suicida', 'automutilação', 'automutilacao', 'alucinações', 'alucinacoes', 'psicose', 'autismo',
  'dislexia', 'ouve vozes', 'ouvir vozes', 'ouvindo vozes',
  'mutismo seletivo', 'tem ansiedade', 'sofre de ansiedade',
  // Vietnamese
  'trầm cảm', 'rối loạn lo âu', 'rối loạn lưỡng cực', 'tâm thần phân liệt', 'tự kỷ', 'tăng động giảm chú ý',
  'rối loạn tăng động giảm chú ý', 'rối loạn ám ảnh cưỡng chế', 'rối loạn căng thẳng sau sang chấn', 'ý định tự tử',
  'ý nghĩ tự tử', 'tự làm hại', 'ảo giác',
  // Haitian Creole
  'depresyon', 'twoub bipolè', 'bipolè', 'eskizofreni', 'twoub anksyete', 'twoub panik', 'twoub estrès post-twomatik',
  // Arabic, transliterated
  "ikti'ab", 'iktiab', "iktia'ab", "al-ikti'ab", 'altawahhud', 'tawahhud', 'al-tawahhud', 'fisam', 'infisam', "thuna'i al-qutb",
  "idtirab thuna'i al-qutb", "idtirab al-qalaq", "idtirab ma ba'd al-sadma",
  // Russian
  'сдвг', 'аутизм', 'депрессия', 'депрессии', 'депрессию', 'биполярное расстройство', 'тревожное расстройство',
  'шизофрения', 'птср', 'рас', 'окр',
  // Arabic script, with the joined "bi-al-" and "al-" forms
  'التوحد', 'بالتوحد', 'توحد', 'الاكتئاب', 'بالاكتئاب', 'اكتئاب', 'فرط الحركة', 'اضطراب ثنائي القطب', 'الفصام',
  'اضطراب القلق', 'اضطراب ما بعد الصدمة',
];

