import { protocol } from 'electron';
import { createAppProtocolHandler } from './appResponses';
import { APP_SCHEME } from './appUrl';

/**
 * Privileges of the `app` scheme. Must be registered before the app is ready.
 * `standard` gives it a real origin (relative URLs, same-origin ES modules),
 * `secure` makes it a secure context. No fetch, no CORS, no service workers:
 * the page loads its own files and nothing else.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: false,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
} as const;

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Serves the built renderer (`dist/renderer`) on `app://sole-notes/`. Call after ready. */
export function registerAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}
