// Source: 2018 ICD-10-CM code set, Centers for Medicare & Medicaid Services; ICD-10 © World
// Health Organization. Copied from ../shared/data/icd10cm-categories-2018.csv by
// scripts/build-icd10-data.ts: the 132 three-character category codes of chapter F and the
// G, Q, R, T, X and Z categories about mental, behavioural and developmental conditions
// (F01–F99, G40, G47, G80, Q86, Q90–Q99, R40–R48, R62–R63, T74, T76, X71–X83, Z13, Z55–Z65, Z69–Z76, Z81, Z86, Z91).
// Do not edit by hand; run the script.

/** ICD-10-CM category codes, space-separated. A code in a note is checked against its category (F90.0 → F90). */
const CODES = `
  F01 F02 F03 F04 F05 F06 F07 F09 F10 F11 F12 F13 F14 F15 F16 F17
  F18 F19 F20 F21 F22 F23 F24 F25 F28 F29 F30 F31 F32 F33 F34 F39
  F40 F41 F42 F43 F44 F45 F48 F50 F51 F52 F53 F54 F55 F59 F60 F63
  F64 F65 F66 F68 F69 F70 F71 F72 F73 F78 F79 F80 F81 F82 F84 F88
  F89 F90 F91 F93 F94 F95 F98 F99 G40 G47 G80 Q86 Q90 Q91 Q92 Q93
  Q95 Q96 Q97 Q98 Q99 R40 R41 R42 R43 R44 R45 R46 R47 R48 R62 R63
  T74 T76 X71 X72 X73 X74 X75 X76 X77 X78 X79 X80 X81 X82 X83 Z13
  Z55 Z56 Z57 Z59 Z60 Z62 Z63 Z64 Z65 Z69 Z70 Z71 Z72 Z73 Z74 Z75
  Z76 Z81 Z86 Z91
`;

export const ICD10CM_CATEGORIES: ReadonlySet<string> = new Set(CODES.split(' ').map((code) => code.trim()).filter((code) => code !== ''));
