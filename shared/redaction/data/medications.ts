// Source: the Sole Notes labelling policy (../shared/redaction/POLICY.md: "medications that
// imply a diagnosis, brand or generic"), extended with the US brand and generic names of
// medicines prescribed mainly for mental-health, attention, tic and substance-use
// conditions (FDA-approved product names, as printed on labels), plus common misspellings
// and the slang names for stimulant pills in the DEA's "Slang Terms and Code Words" (2018);
// brands sold under other names in the UK (BNF), Canada (Health Canada Drug Product
// Database) and Australia (PBS) for the same medicines.
// Written by hand for this project.

export const MEDICATIONS: readonly string[] = [
  // stimulants and other ADHD medicines
  'adderall', 'adderal', 'aderall', 'aderal', 'adderol', 'adderall xr', 'mydayis', 'evekeo', 'adzenys', 'dyanavel',
  'zenzedi', 'dexedrine', 'procentra', 'vyvanse', 'vivanse', 'vyvance', 'lisdexamfetamine', 'amphetamine',
  'dextroamphetamine', 'mixed amphetamine salts', 'methamphetamine', 'desoxyn', 'ritalin', 'ritilin', 'ritalin la',
  'methylin', 'metadate', 'concerta', 'quillivant', 'quillichew', 'cotempla', 'aptensio', 'jornay', 'relexxii', 'daytrana',
  'methylphenidate', 'focalin', 'focalin xr', 'dexmethylphenidate', 'azstarys', 'serdexmethylphenidate', 'strattera',
  'straterra', 'atomoxetine', 'qelbree', 'viloxazine', 'intuniv', 'guanfacine', 'tenex', 'kapvay', 'clonidine', 'catapres',
  'onyda',
  // the same medicines under UK, Canadian and Australian brands
  'medikinet', 'equasym', 'equasym xl', 'elvanse', 'tyvense', 'xaggitty', 'delmosart', 'xenidate', 'matoride', 'affenid',
  'biphentin', 'foquest', 'dexamfetamine', 'amfexa', 'lisdexamfetamine dimesylate',
  'cipramil', 'cipralex', 'seroxat', 'efexor', 'lustral', 'faverin', 'dothiepin', 'dosulepin', 'lofepramine',
  'priadel', 'camcolit', 'liskonum', 'epilim', 'zispin',
  // generic names as Spanish- and Portuguese-speaking families write them
  'metilfenidato', 'atomoxetina', 'guanfacina', 'sertralina', 'fluoxetina', 'escitalopram', 'citalopram', 'paroxetina',
  'risperidona', 'aripiprazol', 'quetiapina', 'olanzapina', 'valproato', 'carbonato de litio', 'lisdexanfetamina',
  'anfetamina', 'clonazepam', 'alprazolam',
  // the same medicines in Cyrillic, with the accusative forms families use ("дают Концерту")
  'концерта', 'концерту', 'риталин', 'страттера', 'золофт', 'прозак', 'флуоксетин', 'сертралин', 'рисперидон',
  // antidepressants
  'zoloft', 'sertraline', 'prozac', 'fluoxetine', 'sarafem', 'lexapro', 'lexipro', 'escitalopram', 'celexa',
  'citalopram', 'paxil', 'paroxetine', 'pexeva', 'luvox', 'fluvoxamine', 'trintellix', 'vortioxetine', 'viibryd',
  'vilazodone', 'effexor', 'venlafaxine', 'pristiq', 'desvenlafaxine', 'cymbalta', 'duloxetine', 'fetzima',
  'levomilnacipran', 'wellbutrin', 'bupropion', 'remeron', 'mirtazapine', 'trazodone', 'desyrel', 'elavil', 'amitriptyline',
  'nortriptyline', 'pamelor', 'imipramine', 'tofranil', 'anafranil', 'clomipramine', 'spravato', 'esketamine', 'auvelity',
  'zurzuvae', 'zuranolone',
  // anxiety and sleep medicines used for anxiety
  'buspirone', 'buspar', 'hydroxyzine', 'vistaril', 'atarax', 'xanax', 'alprazolam', 'ativan', 'lorazepam', 'klonopin',
  'clonazepam', 'valium', 'diazepam', 'propranolol', 'prazosin', 'minipress',
  // antipsychotics
  'abilify', 'aripiprazole', 'risperdal', 'risperdol', 'risperidone', 'seroquel', 'seroquil', 'quetiapine', 'zyprexa',
  'olanzapine', 'geodon', 'ziprasidone', 'latuda', 'lurasidone', 'invega', 'paliperidone', 'haldol', 'haloperidol',
  'rexulti', 'brexpiprazole', 'vraylar', 'cariprazine', 'clozapine', 'clozaril', 'saphris', 'asenapine', 'caplyta',
  'lumateperone', 'fanapt', 'iloperidone', 'orap', 'pimozide', 'thorazine', 'chlorpromazine', 'austedo', 'tetrabenazine',
  // mood stabilisers and seizure medicines
  'lithium', 'lithobid', 'eskalith', 'lamictal', 'lamotrigine', 'depakote', 'depakene', 'divalproex', 'valproate',
  'valproic acid', 'tegretol', 'carbamazepine', 'trileptal', 'oxcarbazepine', 'topamax', 'topiramate',
  // (medicines for seizures alone, Keppra, Zarontin, Diastat …, treat a physical illness: left out)
  // substance use
  'suboxone', 'subutex', 'buprenorphine', 'sublocade', 'methadone', 'naltrexone', 'vivitrol', 'antabuse', 'disulfiram',
  'acamprosate', 'campral',
];

/**
 * Slang for stimulant pills, plural only ("half the class is on addys"; "ur addy" is an
 * address). Matched as written, never by the spelling matcher ("addres" is a slip of "address").
 */
export const MEDICATION_SLANG: readonly string[] = ['addys', 'addies', 'adderalls'];

/** Formulation letters that belong to a medication name ("methylphenidate ER", "Focalin XR"). */
export const MEDICATION_SUFFIXES: readonly string[] = ['ER', 'XR', 'SR', 'IR', 'LA', 'CD', 'XL', 'ODT', 'DR', 'XRT'];

/** Words after "lithium" that show the element, not the medicine. */
export const NOT_MEDICATION_AFTER: readonly string[] = ['battery', 'batteries', 'ion', 'cell', 'cells', 'mine', 'mines'];
