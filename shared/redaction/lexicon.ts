import { joinsTerm, tokenize, type Token, type Tokens } from './text';

/**
 * A word trie for multi-word terms ("suicidal ideation", "on the spectrum",
 * "SI/HI"). Terms are split by the same tokenizer as notes, so hyphens,
 * slashes and spaces between the words of a term are interchangeable
 * ("self-harm" = "self harm"). Matching is by lower case unless a term is
 * marked case-sensitive ("ADD" the condition, not "add it to the list").
 */

interface Entry<T> {
  readonly value: T;
  /** The words as written, when the term must match case exactly. */
  readonly exact: readonly string[] | null;
  readonly length: number;
}

interface Node<T> {
  readonly next: Map<string, Node<T>>;
  entries: Entry<T>[] | null;
}

interface Best<T> {
  entry: Entry<T> | null;
  last: number;
}

export interface TermMatch<T> {
  readonly value: T;
  /** Word index of the first and last word of the match. */
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
}

function newNode<T>(): Node<T> {
  return { next: new Map(), entries: null };
}

export class TermTrie<T> {
  private readonly root: Node<T> = newNode();

  add(term: string, value: T, caseSensitive = false): void {
    const words = tokenize(term).words;
    if (words.length === 0) return;
    let node = this.root;
    for (const word of words) {
      let child = node.next.get(word.lower);
      if (child === undefined) {
        child = newNode();
        node.next.set(word.lower, child);
      }
      node = child;
    }
    const entry: Entry<T> = { value, exact: caseSensitive ? words.map((w) => w.text) : null, length: words.length };
    (node.entries ??= []).push(entry);
  }

  addAll(terms: readonly string[], value: T, caseSensitive = false): void {
    for (const term of terms) this.add(term, value, caseSensitive);
  }

  /** The longest term starting at word `first`, if any. */
  matchAt(t: Tokens, first: number): TermMatch<T> | undefined {
    const best: Best<T> = { entry: null, last: -1 };
    this.visit(t.words, this.root, first, first, best);
    if (best.entry === null) return undefined;
    const firstWord = t.words[first] as Token;
    const lastWord = t.words[best.last] as Token;
    return { value: best.entry.value, first, last: best.last, start: firstWord.start, end: lastWord.end };
  }

  private visit(words: readonly Token[], node: Node<T>, first: number, index: number, best: Best<T>): void {
    const word = words[index];
    if (word === undefined) return;
    if (index > first && !joinsTerm(word.join)) return;
    this.step(words, node.next.get(word.lower), first, index, best);
    if (word.base !== word.lower) this.step(words, node.next.get(word.base), first, index, best);
  }

  private step(words: readonly Token[], child: Node<T> | undefined, first: number, index: number, best: Best<T>): void {
    if (child === undefined) return;
    if (child.entries !== null) {
      for (const entry of child.entries) {
        if (entry.exact !== null && !exactMatch(words, first, entry.exact)) continue;
        if (best.entry === null || index > best.last) {
          best.entry = entry;
          best.last = index;
        }
      }
    }
    if (child.next.size > 0) this.visit(words, child, first, index + 1, best);
  }

  /** Every longest, non-overlapping match, left to right. */
  scan(t: Tokens): TermMatch<T>[] {
    const out: TermMatch<T>[] = [];
    let i = 0;
    while (i < t.words.length) {
      const match = this.matchAt(t, i);
      if (match === undefined) {
        i += 1;
      } else {
        out.push(match);
        i = match.last + 1;
      }
    }
    return out;
  }
}

function exactMatch(words: readonly Token[], first: number, exact: readonly string[]): boolean {
  for (let k = 0; k < exact.length; k += 1) {
    const word = words[first + k];
    if (word === undefined) return false;
    const want = exact[k] as string;
    if (word.text !== want && !(word.text.length === want.length + 2 && word.text.startsWith(want) && /* possessive */ word.base !== word.lower)) return false;
  }
  return true;
}

/** A set of lower-case single words. */
export function wordSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => w.toLowerCase()));
}
