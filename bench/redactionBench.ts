import { SyncRedactor } from 'redact-pii';
import { checkNote } from '../shared/redaction';
import { seededRandom } from './corpus';
import { percentile, timeEach } from './stats';

/**
 * Speed of the redaction check (it runs on every keystroke) on notes of
 * 200, 2,000 and 20,000 characters and 1 MB, next to redact-pii's
 * SyncRedactor on the same notes. The notes are generated here from
 * note-like sentence templates (seeded, so every run measures the same text),
 * not taken from the evaluation corpus.
 */

export interface Row {
  name: string;
  target: string;
  ours: { p50: number; p99: number };
  peer: { p99: number };
  /** ours.p99 / peer.p99 */
  ratio: number;
}

const NAMES = ['Mia', 'Andre', 'Luis', 'Zoe', 'Kai', 'Nora', 'Eli', 'Ava', 'Theo', 'Jada', 'Omar', 'Lily'];
const ADULTS = ['Mom', 'Dad', 'Grandma', 'Ms. Kim', 'Mr. Ortega', 'the nurse', 'Aunt Rosa', 'the teacher'];
const FEELINGS = ['sad', 'worried', 'tired', 'frustrated', 'quiet', 'excited', 'upset', 'calm'];
const PLACES = ['the library', 'room 214', 'the gym', 'the front office', 'the cafeteria', 'bus 17'];
const CONDITIONS = ['ADHD', 'anxiety disorder', 'PTSD', 'autism', 'depression', 'dyslexia', 'ODD', 'selective mutism'];
const MEDICATIONS = ['Concerta', 'Zoloft', 'sertraline', 'Vyvanse', 'guanfacine', 'Lexapro'];
const STREETS = ['Cherry St', 'Oak Ave', 'Linden Ct', 'Harmon Ave', 'Lakeview Terrace', 'Birch Rd'];

type Template = (pick: <T>(items: readonly T[]) => T, n: () => number) => string;

const TEMPLATES: readonly Template[] = [
  (p) => `Checked in with ${p(NAMES)} after recess; seemed ${p(FEELINGS)} but talked about the weekend.`,
  (p) => `${p(ADULTS)} said ${p(NAMES)} has been ${p(FEELINGS)} in the mornings since the move.`,
  (p) => `Met in ${p(PLACES)} for 20 minutes. We practiced breathing and made a plan for the test.`,
  (p) => `${p(ADULTS)}: he never listens to me, not once this week.`,
  (p) => `${p(NAMES)} said "I don't want to go home today" and asked to stay for art club.`,
  (p) => `Outside records mention ${p(CONDITIONS)}; team to discuss supports, not labels.`,
  (p) => `Takes ${p(MEDICATIONS)} in the morning per ${p(ADULTS).toLowerCase()}.`,
  (_p, n) => `Mom's cell 614-555-0${100 + (n() % 900)}, best after 5.`,
  (p, n) => `Home visit at ${100 + (n() % 8900)} ${p(STREETS)}, bring the coat.`,
  (p) => `Read "The Invisible Boy" with the group; ${p(NAMES)} shared a story about a new school.`,
  (p) => `Attendance is up to 91% for ${p(NAMES)}; call home Friday to say so.`,
  (p) => `The IEP lists "extended time" and "breaks as needed"; check with ${p(ADULTS)}.`,
  (p) => `${p(NAMES)} and ${p(NAMES)} argued at lunch about a game; both apologized on their own.`,
  () => `Bus F32 was 20 minutes late again, so breakfast was missed. Ask transportation.`,
  (p) => `Student stated I hate it here, then went back to class with ${p(ADULTS)}.`,
  (p) => `Screenshot: [9:41 PM] ${p(NAMES).toLowerCase()}_k: see u at lunch / [9:42 PM] jas.m: ok / [9:44 PM] ${p(NAMES).toLowerCase()}_k: bet`,
  () => `Script for puppets: "Can I play too?" / "Sure, come on!" / "Not right now, after this game."`,
  (p) => `Texts ${p(ADULTS)} sent over the weekend. Sat 9:12p: he's up all night again Sun 8:30a: we're ok, thank you`,
  () => `Session 4 | Date: 10/2 | Type: Group | Goal: Coping | Notes: practiced box breathing`,
];

/** A note of exactly `length` characters, built from the templates. */
export function makeNote(length: number, seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const n = () => Math.floor(random() * 1_000_000);
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const sentence = (TEMPLATES[Math.floor(random() * TEMPLATES.length)] as Template)(pick, n);
    parts.push(sentence);
    size += sentence.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

interface Size {
  name: string;
  length: number;
  notes: number;
  peerNotes: number;
  target: string;
  /** One shape repeated, in place of the mixed templates: what would show a look-back that is not bounded. */
  make?: (length: number) => string;
}

const repeatTo = (piece: string, length: number): string => piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

const SIZES: readonly Size[] = [
  { name: '200 characters', length: 200, notes: 2_000, peerNotes: 500, target: 'p99 ≤ 2 ms' },
  { name: '2,000 characters', length: 2_000, notes: 1_000, peerNotes: 300, target: 'p99 ≤ 2 ms' },
  { name: '20,000 characters', length: 20_000, notes: 100, peerNotes: 50, target: 'p99 ≤ 20 ms (linear)' },
  { name: '1 MB', length: 1_000_000, notes: 8, peerNotes: 3, target: 'p99 ≤ 1,000 ms (linear)' },
  // Worst shapes for the look-backs: one run of quoted lines, one line of labelled turns.
  { name: '300,000 characters of quoted lines in one run', length: 300_000, notes: 4, peerNotes: 2, target: 'p99 ≤ 1,000 ms (linear)', make: (n) => repeatTo('"a b c" / ', n) },
  { name: '300,000 characters of turns on one line', length: 300_000, notes: 4, peerNotes: 2, target: 'p99 ≤ 1,000 ms (linear)', make: (n) => `Mom (text 7:10): hi ${repeatTo('Me: ok Mom: fine ', n - 20)}` },
];

export async function runRedactionBench(options: { quick?: boolean; log?: (line: string) => void } = {}): Promise<Row[]> {
  const peer = new SyncRedactor();
  const rows: Row[] = [];
  for (const size of SIZES) {
    const count = options.quick ? Math.max(3, Math.ceil(size.notes / 10)) : size.notes;
    const peerCount = options.quick ? Math.max(2, Math.ceil(size.peerNotes / 10)) : size.peerNotes;
    const notes = Array.from({ length: count }, (_, i) => (size.make === undefined ? makeNote(size.length, 1_000 * size.length + i) : size.make(size.length)));
    // Warm up both (a full pass), so the numbers are for a running app, not a cold start.
    for (const note of notes) checkNote(note);
    for (const note of notes.slice(0, peerCount)) peer.redact(note);
    const ours = timeEach(notes, (note) => checkNote(note));
    const theirs = timeEach(notes.slice(0, peerCount), (note) => peer.redact(note));
    const row: Row = {
      name: size.name,
      target: size.target,
      ours: { p50: percentile(ours, 50), p99: percentile(ours, 99) },
      peer: { p99: percentile(theirs, 99) },
      ratio: percentile(ours, 99) / percentile(theirs, 99),
    };
    options.log?.(`${size.name}: ours p99 ${row.ours.p99.toFixed(3)} ms, redact-pii p99 ${row.peer.p99.toFixed(3)} ms`);
    rows.push(row);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return rows;
}
