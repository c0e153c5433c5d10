/*
 * The `form` column of an unfinished note (schema/006-drafts.ts) is a JSON
 * object: the service form's other fields as typed. The "Follow up on" field
 * of the note editor and of the service form rides in the same object, under
 * `followUp`, so that it comes back after a lock without a change to the
 * table: a note's draft with a follow-up day holds `{"followUp": "…"}` alone;
 * a draft kept before there was a follow-up field reads as having none.
 */

/** The column's text for the form fields and the follow-up field; null when there are neither. */
export function formColumn(form: object | null, followUp: string | undefined): string | null {
  const withFollowUp = followUp === undefined || followUp === '' ? {} : { followUp };
  if (form === null && Object.keys(withFollowUp).length === 0) return null;
  return JSON.stringify({ ...(form ?? {}), ...withFollowUp });
}

/** The form fields (null when only a follow-up day was kept, or nothing) and the follow-up field, from the column. */
export function fromFormColumn(text: string | null): { form: unknown; followUp: string | undefined } {
  if (text === null) return { form: null, followUp: undefined };
  const { followUp, ...fields } = JSON.parse(text) as Record<string, unknown>;
  return { form: Object.keys(fields).length === 0 ? null : fields, followUp: typeof followUp === 'string' ? followUp : undefined };
}
