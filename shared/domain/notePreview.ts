import type { Note, NoteSummary } from '../api/schemas';

/** How long a note's preview in a list is, in characters (code points). */
export const NOTE_PREVIEW_LENGTH = 160;

/**
 * A note's text for a list: whitespace collapsed, cut to `length` characters
 * with an ellipsis. Counts code points, not UTF-16 units, so an emoji or
 * another character outside the basic plane is never cut in half. Both sides
 * use it: the main side for the notes it lists, the renderer for a note it
 * just saved.
 */
export function notePreview(text: string, length = NOTE_PREVIEW_LENGTH): string {
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  const chars = [...collapsed];
  return chars.length <= length ? collapsed : `${chars.slice(0, length).join('').trimEnd()}…`;
}

/** A saved note as a list shows it: everything but the body, and its preview. */
export function noteSummaryOf(note: Note): NoteSummary {
  const { body, ...rest } = note;
  return { ...rest, preview: notePreview(body) };
}
