/**
 * The renderer's one origin. It is served by our own `app://` protocol (see
 * protocol.ts), never from `file://` or the network, so "is this our page?"
 * is a plain URL comparison.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sole-notes';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True for `app://sole-notes/…` and nothing else (no other host, no port, no
 * credentials). Chromium lower-cases the host of a standard scheme; Node's URL
 * does not, hence the case-insensitive comparison.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
