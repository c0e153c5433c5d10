import { expect } from 'vitest';
import type { App } from './harness';

/** The page asked nothing of the network, and nothing went wrong in it (console errors, CSP, exceptions, the bridge). */
export function expectNothingWentWrong(app: App): void {
  expect(app.abortedRequests).toEqual([]);
  expect(app.consoleProblems.filter((entry) => entry.type === 'error' || /Content Security Policy/i.test(entry.text))).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.cspViolations).toEqual([]);
  expect(app.bridgeProblems).toEqual([]);
}
