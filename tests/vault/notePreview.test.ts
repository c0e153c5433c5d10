import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTE_PREVIEW_LENGTH, notePreview, noteSummaryOf } from '../../shared/domain/notePreview';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, type TestDatabase } from './testVault';

/** True when the text holds half of a surrogate pair (an emoji cut in two). */
const hasLoneSurrogate = (text: string) => /[\uD800-\uDFFF]/u.test(text);

// 159 letters, then an emoji as the 160th character: the cut falls right after it.
const EMOJI_AT_CUT = `${'a'.repeat(NOTE_PREVIEW_LENGTH - 1)}🙂 and then the rest of the note, about the bus route.`;

describe('notePreview (one rule for both sides)', () => {
  it('keeps an emoji at the cut whole, counting characters, not UTF-16 units', () => {
    const preview = notePreview(EMOJI_AT_CUT);
    expect(preview).toBe(`${'a'.repeat(NOTE_PREVIEW_LENGTH - 1)}🙂…`);
    expect([...preview]).toHaveLength(NOTE_PREVIEW_LENGTH + 1);
    expect(hasLoneSurrogate(preview)).toBe(false);
  });

  it('counts an emoji as one character, so a note of 160 characters with emoji is not cut', () => {
    const text = '🙂'.repeat(NOTE_PREVIEW_LENGTH);
    expect(text.length).toBe(NOTE_PREVIEW_LENGTH * 2);
    expect(notePreview(text)).toBe(text);
    expect(notePreview(`${text}🙂`)).toBe(`${text}…`);
  });

  it('collapses whitespace and cuts to a shorter length when asked', () => {
    expect(notePreview('  short \n\n one ')).toBe('short one');
    expect(notePreview('one two three', 7)).toBe('one two…');
    expect(notePreview('𝒜𝒜𝒜𝒜', 2)).toBe('𝒜𝒜…');
  });
});

describe('the renderer\'s summary of a saved note matches the list the main side sends', () => {
  let vault: TestDatabase & { data: VaultData };
  beforeEach(() => {
    vault = openTestVault();
  });
  afterEach(() => vault.dispose());

  it.each([
    ['an emoji at the cut', EMOJI_AT_CUT],
    ['a long note with spaces at the cut', `${'word '.repeat(31)}wor  d${' tail'.repeat(20)}`],
    ['a short note', '  Call home\nabout attendance. '],
  ])('%s', (_what, body) => {
    const student = vault.data.students.create({ code: 'P-1' });
    const note = vault.data.notes.create({ studentId: student.id, body, findingsAcknowledged: true });
    const [listed] = vault.data.notes.list({ studentId: student.id });
    expect(noteSummaryOf(note)).toEqual(listed);
    expect(hasLoneSurrogate(listed?.preview ?? '')).toBe(false);
  });
});
