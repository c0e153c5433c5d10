import canonicalize from 'canonicalize';

/**
 * The RFC 8785 (JSON Canonicalization Scheme) bytes of a value, from the
 * `canonicalize` package: keys sorted by UTF-16 code units, no whitespace,
 * ECMAScript number formatting, UTF-8. A report is signed over exactly these
 * bytes, so anyone may re-derive them from the parsed document.
 */
export function canonicalBytes(value: unknown): Buffer {
  const text = canonicalize(value);
  if (typeof text !== 'string') throw new TypeError('The value has no JSON form.');
  return Buffer.from(text, 'utf8');
}

/** True when `bytes` are exactly the canonical form of the JSON they hold. */
export function isCanonical(bytes: Buffer, parsed: unknown): boolean {
  try {
    return canonicalBytes(parsed).equals(bytes);
  } catch {
    return false;
  }
}
