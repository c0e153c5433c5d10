import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { walkScreens, type ScreenState } from '../../scripts/screenshots';

/**
 * Every screen state the screenshot walk reaches (scripts/screenshots.ts), read
 * as a social worker reads it: the text on screen (and the names screen readers
 * speak) holds none of the engineering words below. What a "Details"
 * disclosure (`<details>`) holds is for the district's IT person and may name
 * them. The handover screens are read too: a "handover file", a "hand-back
 * file", "your handover key" and its words, never a package or a file type.
 */

const DENIED: ReadonlyArray<{ word: string; pattern: RegExp }> = [
  { word: 'vault', pattern: /\bvaults?\b/i },
  { word: 'key file', pattern: /\bkey files?\b/i },
  { word: 'fingerprint', pattern: /\bfingerprints?\b/i },
  { word: 'hash', pattern: /\bhash(es)?\b/i },
  { word: 'signature', pattern: /\bsignatures?\b/i },
  { word: 'SHA-256', pattern: /\bSHA-?256\b/i },
  { word: 'k (the threshold)', pattern: /(^|[^\p{L}])k\s*=|\bChange k\b/u },
  { word: 'package', pattern: /\bpackages?\b/i },
  { word: 'a handover file type', pattern: /\.sole(key|handover|handback)\b/i },
];

/**
 * Runs in the page: the visible text, and the names given by aria-label,
 * outside any <details> disclosure. (A script string: this file has no DOM types.)
 */
const VISIBLE_WORDS = `(() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node != null; node = walker.nextNode()) {
    if (node.closest('details') != null) continue;
    const label = node.getAttribute('aria-label');
    if (label != null) found.push(label);
    if (!node.checkVisibility()) continue;
    for (const child of node.childNodes) {
      const text = child.nodeType === Node.TEXT_NODE ? child.textContent.trim() : '';
      if (text !== '') found.push(text);
    }
  }
  return found;
})()`;

async function wordsOn(page: Page): Promise<string[]> {
  return (await page.evaluate(VISIBLE_WORDS)) as string[];
}

describe('plain words on every screen', () => {
  it('shows no engineering word outside a Details disclosure', { timeout: 900_000 }, async () => {
    const found = new Set<string>();
    let states = 0;
    await walkScreens(
      async (page, state: ScreenState) => {
        if (state.theme !== 'light') return;
        states += 1;
        for (const text of await wordsOn(page)) {
          for (const { word, pattern } of DENIED) {
            if (pattern.test(text)) found.add(`${state.step.name}: "${word}" in “${text.slice(0, 160)}”`);
          }
        }
      },
      { sizes: 'standard' },
    );
    expect(states).toBeGreaterThan(40);
    expect([...found]).toEqual([]);
  });
});
