/**
 * The rules for names and references typed by the worker, as plain functions:
 * the zod schemas in handoverSchemas.ts apply them at the boundary, and the
 * renderer checks a field with the same function as it is typed (the page does
 * not run zod, whose fast path probes eval, which the page's CSP forbids).
 * Each returns why the text would be refused, or null when it will do.
 */
export const NAME_MAX = 120;
export const ORDER_REFERENCE_MAX = 200;

// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A person's name or label shown beside a key (may be empty: it is optional where it is used). */
export function personLabelProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length > NAME_MAX) return `A name is at most ${NAME_MAX} characters.`;
  if (CONTROL.test(trimmed)) return 'A name cannot hold control characters.';
  return null;
}

/** What a revision's author becomes in the owner's vault, so "owner" itself is refused. */
export function substituteNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return "Enter the substitute's name.";
  if (trimmed.toLowerCase() === 'owner') return 'The substitute cannot be named "owner".';
  return personLabelProblem(trimmed);
}

/** A court order's reference, printed on every page of a disclosure. */
export function orderReferenceProblem(reference: string): string | null {
  const trimmed = reference.trim();
  if (trimmed === '') return "Enter the court order's reference.";
  if (trimmed.length > ORDER_REFERENCE_MAX) return `The reference is at most ${ORDER_REFERENCE_MAX} characters.`;
  if (CONTROL.test(trimmed)) return 'The reference cannot hold control characters.';
  return null;
}
