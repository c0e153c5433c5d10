import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNote, type Finding } from '../../shared/redaction';
import { FindingSchema } from '../../shared/redaction/findingSchema';

/** Pieces that exercise every detector, glued together at random. */
const PIECES = [
  'Mom', 'Dad', ':', ': ', 'said', 'stated', 'told me', ' I ', "I'm", 'my', 'we', '"', '“', '”', "'", '‘', '’', ' ', '\n', '\n\n',
  '.', ',', '?', '!', ';', '—', '/', '(', ')', '#', '@', 'ADHD', 'ADD', 'odd', 'F90.0', 'F32', '314.01', 'bus', 'diagnosed with',
  'rule out', 'r/o', 'disorder', 'anxiety', 'depression', 'Great', 'cutting', 'Zoloft', 'lithium', 'SI/HI', 'HI', '614-555-0176',
  '(614) 555-0102', '555-0134', '1-800-555-0166', 'ext. 3', 'DOB', '03/14/2012', 'Sept 3, 2011', 'SID', '20481137',
  '512-48-9031', 'a.b@example.com', '712', 'Cherry', 'St', 'Apt', '2', 'OH', '45502', '😀', '👍🏽', 'שלום', 'مرحبا', 'é', '\u0301',
  '\ud800', '\udc00', '\u0000', '\t', '\u00a0', '\u2028', 'x',
];

const noteLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(''));
const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((codes) => String.fromCharCode(...codes));
const punctuationOnly = fc.array(fc.constantFrom(...'"\'“”‘’.,;:!?()[]{}—–-/\\#@*&%$^~`|<>'), { maxLength: 300 }).map((chars) => chars.join(''));
const anyText = fc.oneof(noteLike, anyUnits, punctuationOnly, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }));

function assertWellFormed(text: string, findings: readonly Finding[]): void {
  let previousStart = -1;
  for (const finding of findings) {
    expect(FindingSchema.safeParse(finding).success).toBe(true);
    expect(finding.start).toBeGreaterThanOrEqual(0);
    expect(finding.start).toBeLessThan(finding.end);
    expect(finding.end).toBeLessThanOrEqual(text.length);
    expect(finding.start).toBeGreaterThanOrEqual(previousStart);
    previousStart = finding.start;
  }
  for (const kind of ['diagnostic', 'verbatim', 'identifier'] as const) {
    const ofKind = findings.filter((f) => f.kind === kind);
    for (let i = 1; i < ofKind.length; i += 1) expect((ofKind[i] as Finding).start).toBeGreaterThanOrEqual((ofKind[i - 1] as Finding).end);
  }
}

describe('checkNote properties', () => {
  it('never throws and returns well-formed findings for any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        assertWellFormed(text, checkNote(text));
      }),
      { numRuns: 600 },
    );
  });

  it('gives the same findings on every run', () => {
    fc.assert(
      fc.property(noteLike, (text) => {
        const first = checkNote(text);
        const copy = `${text}`.split('').join('');
        expect(checkNote(copy)).toEqual(first);
        expect(checkNote(text)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on text before a paragraph break for what follows it', () => {
    fc.assert(
      fc.property(noteLike, (prefix) => {
        const tail = 'Dad has bipolar disorder. Cell 614-555-0176.';
        const findings = checkNote(`${prefix}\n\n${tail}`).filter((f) => f.start >= prefix.length + 2);
        expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['diagnostic.name', 'identifier.phone']));
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['lone surrogates', '\ud800 said "I \udfff hate it" \udbff ADHD'],
    ['emoji', 'Mom 👩‍👧: "I am 😭 tired" 👍 Zoloft'],
    ['right-to-left text', 'אמא אמרה: "אני עייפה" — ADHD مرحبا 614-555-0176'],
    ['only punctuation', '"\'“”‘’...,,;;::!!??(())—–--//\\\\##@@'],
    ['unbalanced quotes', 'Mom said "I hate it. He said \'no. “ ” ‘ She said "'],
    ['a quote that never closes', `He said "${'I hate it here '.repeat(500)}`],
    ['colons everywhere', 'Mom: Dad: T: K: : : :: 3:15: Plan: I: me: '.repeat(50)],
    ['empty-ish', ' \n\t '],
  ])('handles %s', (_name, text) => {
    assertWellFormed(text, checkNote(text));
  });

  it('handles 1 MB of text in linear time', () => {
    const paragraph =
      'Mom: he never listens to me. Dad has bipolar disorder and takes lithium. Call 614-555-0176 or mom@example.com. ' +
      'Student stated I hate it here, then walked out. Read "The Invisible Boy" with the group. Bus F32 was late. ';
    const small = paragraph.repeat(Math.ceil(100_000 / paragraph.length)).slice(0, 100_000);
    const big = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length)).slice(0, 1_000_000);
    checkNote(small); // warm up
    let started = performance.now();
    const smallFindings = checkNote(small);
    const smallTime = performance.now() - started;
    started = performance.now();
    const findings = checkNote(big);
    const bigTime = performance.now() - started;
    assertWellFormed(big, findings);
    expect(findings.length).toBeGreaterThan(smallFindings.length * 9);
    expect(bigTime).toBeLessThan(Math.max(5_000, smallTime * 30));
  });
});
