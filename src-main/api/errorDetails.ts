import type { z } from 'zod';
import { errorDetailsSchema } from '../../shared/api/errorSchemas';
import type { ApiErrorDetails, ErrorCode, InputIssue } from '../../shared/api/errors';

/** The input's problems as the renderer reads them: each issue's field and its sentence (the first five, as in the message). */
export function issuesOf(error: z.ZodError): InputIssue[] {
  return error.issues.slice(0, 5).map((issue) => ({ field: issue.path.length > 0 ? issue.path.join('.') : null, message: issue.message }));
}

/**
 * INVALID_INPUT thrown without issues: the main side writes those messages
 * as "field: problem" (several joined by "; "), so the field is read here,
 * once, on the side that wrote it.
 */
function issuesFromMessage(message: string): InputIssue[] {
  const issues = message
    .split(/;\s+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const named = /^([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*):\s+(\S[\s\S]*)$/.exec(part);
      return named?.[1] != null && named[2] != null ? { field: named[1], message: named[2] } : { field: null, message: part };
    });
  return issues.length > 0 ? issues.slice(0, 20) : [{ field: null, message }];
}

/**
 * The details sent with an error: checked against what its code may carry
 * (shared/api/errorSchemas.ts); details that do not fit are dropped and
 * reported, and the error still goes out with its code and message.
 */
export function detailsToSend(code: ErrorCode, message: string, details: ApiErrorDetails | undefined, report: (problem: Error) => void): ApiErrorDetails | undefined {
  const given = code === 'INVALID_INPUT' && details?.issues === undefined ? { ...details, issues: issuesFromMessage(message) } : details;
  if (given === undefined || Object.keys(given).length === 0) return undefined;
  const checked = errorDetailsSchema(code).safeParse(given);
  if (checked.success) return checked.data;
  report(new Error(`The details of a ${code} error do not match what that code carries.`));
  return undefined;
}
