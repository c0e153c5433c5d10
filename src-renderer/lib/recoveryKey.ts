/** Reading back part of the recovery key, forgiving what people write by hand. */

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

export function ordinal(index: number): string {
  return ORDINALS[index] ?? `number ${index + 1}`;
}

export function keyGroups(recoveryKey: string): string[] {
  return recoveryKey.split(/[-\s]+/).filter((group) => group !== '');
}

/** Upper case, no spaces or dashes, I and L read as 1, O as 0 (the key never holds I, L, O or U). */
export function normaliseKeyText(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015]+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

export function groupMatches(typed: string, group: string): boolean {
  return normaliseKeyText(typed) === normaliseKeyText(group) && typed.trim() !== '';
}
