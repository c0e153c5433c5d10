/** Keyboard helpers. "Mod" is Ctrl, or Cmd on a Mac. */

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export const MOD_LABEL = IS_MAC ? 'Cmd' : 'Ctrl';

export function isMod(event: { ctrlKey: boolean; metaKey: boolean }): boolean {
  return IS_MAC ? event.metaKey : event.ctrlKey;
}

/** True while typing in a field, where plain keys (like ?) are text, not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

export interface Shortcut {
  /** Alternatives, each a combination pressed together: [['Ctrl', 'S']], or [['F8'], ['Shift', 'F8']]. */
  keys: string[][];
  action: string;
}

/** The app's shortcuts, as shown in the Keyboard shortcuts help. */
export const SHORTCUTS: { group: string; items: Shortcut[] }[] = [
  {
    group: 'Anywhere',
    items: [
      { keys: [[MOD_LABEL, 'N']], action: 'New note' },
      { keys: [[MOD_LABEL, 'Shift', 'N']], action: 'Log a service' },
      { keys: [[MOD_LABEL, 'F']], action: 'Search notes' },
      { keys: [[MOD_LABEL, 'Shift', 'L']], action: 'Lock Sole Notes' },
      { keys: [['?'], [MOD_LABEL, '/']], action: 'This list' },
    ],
  },
  {
    group: 'Writing a note',
    items: [
      { keys: [[MOD_LABEL, 'S']], action: 'Save the note' },
      { keys: [['Alt', 'Enter']], action: 'Apply the fix for the flag at the cursor' },
      { keys: [['F8'], ['Shift', 'F8']], action: 'Next or previous flag' },
      { keys: [[MOD_LABEL, 'Z']], action: 'Undo, a fix included' },
      { keys: [['Esc']], action: 'Hide a flag’s explanation' },
    ],
  },
  {
    group: 'Logging a service',
    items: [
      { keys: [['Tab']], action: 'Next field: date, minutes, kind, students, issues, note' },
      { keys: [['Enter']], action: `Save the service (${MOD_LABEL}+Enter in the note)` },
      { keys: [['↑'], ['↓']], action: 'In the date: a day later or earlier' },
      { keys: [['Backspace']], action: 'In students: remove the last one' },
      { keys: [['←'], ['→'], ['Space']], action: 'In issues: move, tick or untick' },
    ],
  },
  {
    group: 'Caseload',
    items: [
      { keys: [['↑'], ['↓']], action: 'Previous or next student' },
      { keys: [['Home'], ['End']], action: 'First or last student' },
      { keys: [['Enter']], action: 'Open the student' },
    ],
  },
];
