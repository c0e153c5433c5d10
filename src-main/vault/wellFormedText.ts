import { VaultError } from './errors';

/*
 * A JavaScript string may hold a lone UTF-16 surrogate (half of an emoji,
 * left by a broken paste or a cut in the middle of a pair). UTF-8 cannot
 * encode one, so SQLite stores U+FFFD in its place: a hash computed over the
 * string as given would then never match the text read back, and the note's
 * history would read as tampered for ever.
 *
 * At the boundaries (the router, the command line) such text is repaired:
 * each lone surrogate becomes U+FFFD, exactly what SQLite would have stored,
 * and the rest of the note is kept. Refusing the whole note would lose what
 * the worker wrote for one unreadable character they cannot see or fix.
 * Below the boundaries, a hash chain refuses text that is not well-formed
 * (`requireWellFormed`), so that what is hashed is always what is stored.
 */

/**
 * A copy of `value` with every string in it, object keys included, made
 * well-formed. Arrays and plain objects are copied (a shared or cyclic one
 * once); anything else (numbers, booleans, buffers) is kept as it is.
 */
export function toWellFormedDeep(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (typeof value === 'string') return value.toWellFormed();
  if (typeof value !== 'object' || value === null) return value;
  const done = copies.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(toWellFormedDeep(item, copies));
    return copy;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  copies.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key.toWellFormed()] = toWellFormedDeep(item, copies);
  return copy;
}

/** Throws INVALID_INPUT when any string in `value` (nested, object keys included) holds a lone surrogate. */
export function requireWellFormed(value: unknown, what: string): void {
  if (!isWellFormedDeep(value, new Set())) {
    throw new VaultError('INVALID_INPUT', `${what} holds a broken character (half of a UTF-16 pair) and cannot be saved as given.`);
  }
}

function isWellFormedDeep(value: unknown, seen: Set<object>): boolean {
  if (typeof value === 'string') return value.isWellFormed();
  if (typeof value !== 'object' || value === null || seen.has(value)) return true;
  seen.add(value);
  if (Array.isArray(value)) return value.every((item) => isWellFormedDeep(item, seen));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return true;
  return Object.entries(value).every(([key, item]) => key.isWellFormed() && isWellFormedDeep(item, seen));
}
