import { describe, expect, it } from 'vitest';
import { checkNote, summarizeFindings, type Finding } from '../../shared/redaction';
import { FindingSchema } from '../../shared/redaction/findingSchema';
import { NEGATIVE_CASES, POSITIVE_CASES } from '../fixtures/redaction-cases';

interface Expected {
  kind: string;
  rule: string;
  start: number;
  end: number;
  context: string | undefined;
}

const MARK = /\[\[([a-z0-9_.]+)(?:\/([a-z]+))?:(.*?)\]\]/g;

/** Turns "[[rule/context:text]]" markup into the plain note and its expected findings. */
function parseCase(note: string): { text: string; expected: Expected[] } {
  let text = '';
  let last = 0;
  const expected: Expected[] = [];
  for (const match of note.matchAll(MARK)) {
    text += note.slice(last, match.index);
    const start = text.length;
    text += match[3] as string;
    const rule = match[1] as string;
    expected.push({ kind: rule.split('.')[0] as string, rule, start, end: text.length, context: match[2] });
    last = (match.index as number) + match[0].length;
  }
  text += note.slice(last);
  return { text, expected };
}

function shape(findings: readonly Finding[]): Expected[] {
  return findings.map((f) => ({ kind: f.kind, rule: f.rule, start: f.start, end: f.end, context: f.context }));
}

describe('checkNote: positive cases (exact offsets, rules and contexts)', () => {
  it.each(POSITIVE_CASES.map((c) => [c.name, c.note]))('%s', (_name, note) => {
    const { text, expected } = parseCase(note);
    expect(shape(checkNote(text))).toEqual(expected);
  });
});

describe('checkNote: hard negatives stay unflagged', () => {
  it.each(NEGATIVE_CASES.map((c, i) => [`${c.category} #${i + 1}`, c.note]))('%s', (_name, note) => {
    expect(checkNote(note)).toEqual([]);
  });
});

describe('checkNote: every rule of the check is exercised by a case', () => {
  it('covers each rule id at least once', () => {
    const rules = new Set(POSITIVE_CASES.flatMap((c) => parseCase(c.note).expected.map((e) => e.rule)));
    for (const rule of ['diagnostic.name', 'diagnostic.phrase', 'diagnostic.code.icd10', 'diagnostic.code.dsm', 'diagnostic.medication', 'diagnostic.symptom', 'verbatim.quote', 'verbatim.reported', 'verbatim.transcript', 'verbatim.message', 'identifier.phone', 'identifier.email', 'identifier.address', 'identifier.dob', 'identifier.student_id', 'identifier.ssn']) {
      expect(rules, rule).toContain(rule);
    }
  });

  it('covers each context label at least once', () => {
    const contexts = new Set(POSITIVE_CASES.flatMap((c) => parseCase(c.note).expected.map((e) => e.context)));
    for (const context of ['negated', 'uncertain', 'family', 'historical']) expect(contexts).toContain(context);
  });
});

describe('findings', () => {
  const all = POSITIVE_CASES.map((c) => parseCase(c.note).text);

  it('match the Finding schema, sorted by start and never overlapping within a kind', () => {
    for (const text of all) {
      const findings = checkNote(text);
      for (const finding of findings) expect(FindingSchema.safeParse(finding).success).toBe(true);
      for (let i = 1; i < findings.length; i += 1) {
        expect((findings[i] as Finding).start).toBeGreaterThanOrEqual((findings[i - 1] as Finding).start);
      }
      for (const kind of ['diagnostic', 'verbatim', 'identifier'] as const) {
        const ofKind = findings.filter((f) => f.kind === kind);
        for (let i = 1; i < ofKind.length; i += 1) expect((ofKind[i] as Finding).start).toBeGreaterThanOrEqual((ofKind[i - 1] as Finding).end);
      }
    }
  });

  it('explain in plain language what was found and what to write instead', () => {
    const [diagnosis] = checkNote('Dad said Ben has ADHD.');
    expect(diagnosis?.message).toContain('\u201cADHD\u201d names a diagnosis');
    expect(diagnosis?.message).toMatch(/instead/);
    const [quote] = checkNote('Mom said "I can\'t do this anymore."');
    expect(quote?.message).toMatch(/exact words/);
    const [phone] = checkNote('Call 614-555-0176 after 5.');
    expect(phone?.message).toMatch(/phone number/);
  });

  it('mention the context without suppressing the finding', () => {
    const [finding] = checkNote('No history of ADHD per mom.');
    expect(finding?.context).toBe('negated');
    expect(finding?.message).toMatch(/does not have a condition/);
  });

  it('suggest a rewrite: a paraphrase for a quote, an observation for a diagnosis, removal for an identifier', () => {
    const findings = checkNote('Mom said "I can\'t do this anymore." Dad has bipolar disorder. Student stated I hate it here. Cell 614-555-0176.');
    const byKind = Object.fromEntries(findings.map((f) => [f.rule, f.suggestion]));
    expect(byKind['verbatim.quote']).toEqual({ replacement: '[paraphrase: what mom said]', label: 'Replace with a paraphrase' });
    expect(byKind['verbatim.reported']?.replacement).toBe('[paraphrase: what the student said]');
    expect(byKind['diagnostic.name']).toEqual({ replacement: '[describe what you observed]', label: 'Replace with what you observed' });
    expect(byKind['identifier.phone']).toEqual({ replacement: '[removed]', label: 'Remove it' });
  });

  // POLICY.md, "Cases decided": a diagnosis inside someone's words is flagged on
  // its own as well as being part of the quote (it used to be folded into the quote).
  it('report a diagnosis inside quoted words on its own as well as with the quote', () => {
    const findings = checkNote('He said "I have ADHD and I hate it" at lunch.');
    expect(findings.map((f) => f.kind)).toEqual(['verbatim', 'diagnostic']);
    expect(findings[0]?.message).toContain('ADHD');
    expect(findings[1]?.rule).toBe('diagnostic.name');
  });

  it('are summarised per kind', () => {
    const findings = checkNote('Mom: he never listens. Takes Zoloft and Concerta. DOB 03/14/2012.');
    expect(summarizeFindings(findings)).toEqual({ diagnostic: 2, verbatim: 1, identifier: 1 });
    expect(summarizeFindings([])).toEqual({ diagnostic: 0, verbatim: 0, identifier: 0 });
  });

  it('are empty for an empty note', () => {
    expect(checkNote('')).toEqual([]);
  });
});

describe('speaker labels as hurried and dictated notes leave them', () => {
  const said = (text: string) =>
    checkNote(text)
      .filter((f) => f.kind === 'verbatim')
      .map((f) => text.slice(f.start, f.end));

  it('find a label run into the sentence before it, in the speaker’s own voice', () => {
    expect(said('Talked about the move with the aunt Dad: I just want him settled before winter')).toEqual(['I just want him settled before winter']);
    expect(said('Phone call this morning Ms Reyes: you have to call me before lunch')).toEqual(['you have to call me before lunch']);
  });

  it('find labels typed in lower case', () => {
    expect(said('sw: how was the weekend? s: i stayed in my room the whole time')).toEqual(['how was the weekend?', 'i stayed in my room the whole time']);
    expect(said('text from mr. hale 8:05: can you see tomas first thing, he looks rough')).toEqual(['can you see tomas first thing, he looks rough']);
  });

  it('find a speaker with where or how they spoke, and a person’s own message', () => {
    expect(said('Grandpa on the phone: I can pick her up at three.')).toEqual(['I can pick her up at three']);
    expect(said('Coach text: can you check on Rae, she skipped "all of it" again')).toEqual(['can you check on Rae, she skipped "all of it" again']);
  });

  it('leave headings, objects of a phrase and clinicians’ letters alone', () => {
    expect(said('Plan for Kevin: I will call home Friday.')).toEqual([]);
    expect(said('Next steps w/ mom: I will send the form.')).toEqual([]);
    expect(said("Pediatrician's note: provisional dx pending rating forms.")).toEqual([]);
  });
});

describe('messages, forms and other scripts', () => {
  const flagged = (text: string, kind: string) =>
    checkNote(text)
      .filter((f) => f.kind === kind)
      .map((f) => text.slice(f.start, f.end));

  it('reads a pasted chat by its handles, and a form of fields as a form', () => {
    expect(flagged('Screenshot she showed me: [4:10 PM] rio_k: nobody sit with her / [4:11 PM] jas.m: fr / [4:12 PM] rio_k: bet', 'verbatim')).toEqual(['nobody sit with her', 'fr', 'bet']);
    expect(flagged('Session 4 | Date: 11/2 | Type: Group | Goal: Coping | Notes: Practiced box breathing, named two triggers', 'verbatim')).toEqual([]);
  });

  it('finds the worker’s own words said to a student, and leaves what the worker did', () => {
    expect(flagged('I said it sounds like you have been carrying this alone and he nodded.', 'verbatim')).toEqual(['it sounds like you have been carrying this alone and he nodded']);
    expect(flagged('Told mom I would call back after the meeting.', 'verbatim')).toEqual([]);
    expect(flagged('Mom in person — brought the signed release for the clinic.', 'verbatim')).toEqual([]);
  });

  it('flags conditions written in Cyrillic and Arabic script, and nothing else in those sentences', () => {
    expect(flagged('Мама сказала, что у сына СДВГ, дают Концерту по утрам.', 'diagnostic')).toEqual(['СДВГ', 'Концерту']);
    expect(flagged('قال الأب إن الطبيب شخّصه بالتوحد', 'diagnostic')).toEqual(['بالتوحد']);
  });

  it('leaves an eligibility category by its letters and a titled lifeline alone', () => {
    expect(flagged('She will be looked at under SLD eligibility.', 'diagnostic')).toEqual([]);
    expect(flagged('Gave her the 988 Suicide & Crisis Lifeline card.', 'diagnostic')).toEqual([]);
  });
});

describe('shorthand and dictated speech', () => {
  const said = (text: string) =>
    checkNote(text)
      .filter((f) => f.kind === 'verbatim')
      .map((f) => text.slice(f.start, f.end));

  it('reads "stated" with the student left out as the student speaking', () => {
    expect(said('Eli 6th - sent from art. stated I want to go home now. back to class.')).toEqual(['I want to go home now']);
  });

  it('reads a colon said aloud after a speaker, and "what if" as a question in the speaker’s words', () => {
    expect(said('Dad on the phone at noon. Dad colon she never sleeps before midnight and I work nights.')).toEqual(['she never sleeps before midnight and I work nights']);
    expect(said('He said what if I forget everything on the test.')).toEqual(['what if I forget everything on the test']);
  });

  it('reads a short text thread whose sender comes back', () => {
    expect(said('txt w/ Rae 7:40am. Rae: u in today? Me: yes, 2nd period. Rae: bet')).toEqual(['u in today?', 'yes, 2nd period', 'bet']);
  });
});

describe('a worker’s text log', () => {
  const said = (text: string) =>
    checkNote(text)
      .filter((f) => f.kind === 'verbatim')
      .map((f) => text.slice(f.start, f.end));

  it('reads a message by its writer and time, and the worker’s reply after its time', () => {
    expect(said('Text Noor 1:40am: cant stop thinking about it. Replied 7:05am, can u come find me at lunch.')).toEqual(['cant stop thinking about it', 'can u come find me at lunch']);
  });

  it('leaves a to-do that names a message', () => {
    expect(said('Email Ms. Kim: send the form Friday.')).toEqual([]);
  });
});

describe('minutes, SOAP notes and words relayed exactly', () => {
  const said = (text: string) =>
    checkNote(text)
      .filter((f) => f.kind === 'verbatim')
      .map((f) => text.slice(f.start, f.end));

  it('reads SOAP sections as sections, the student’s account as theirs when in their own voice', () => {
    expect(said('SOAP. S: I keep waking up at 3. O: yawning, slow to answer. A: poor sleep. P: nurse to call mom.')).toEqual(['I keep waking up at 3']);
  });

  it('leaves staff reporting in the third person in minutes, keeps a staff member speaking in their own voice', () => {
    expect(said('Safety meeting. Principal: alarm ran late. Nurse: no injuries. Custodian: gate 2 didn’t close. Counselor: I will check on the 3rd graders.')).toEqual(['I will check on the 3rd graders']);
  });

  it('reads words said to be exact, in any script', () => {
    expect(said('Interpreter relayed word for word from grandmother: the house is too cold at night.')).toEqual(['the house is too cold at night']);
    expect(said('Mom: Він не спить уночі.')).toEqual(['Він не спить уночі']);
  });

  it('leaves an organisation’s email', () => {
    expect(said('Email from PTA: bake sale moved to Friday, volunteers needed.')).toEqual([]);
  });
});
