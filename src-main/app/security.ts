import type { Event, Session, WebContents } from 'electron';
import { isAppUrl } from './appUrl';

/**
 * The request filter: the renderer may load its own `app://sole-notes/` files
 * and, in development, DevTools' own `devtools://` pages. Everything else —
 * http(s), ws(s), ftp, file, other app hosts, other schemes — is cancelled.
 * (`data:` URLs, allowed for images by the CSP, never reach this filter.)
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  try {
    return new URL(url).protocol === 'devtools:';
  } catch {
    return false;
  }
}

export function filterRequest(details: { url: string }, callback: (response: { cancel: boolean }) => void): void {
  callback({ cancel: !isAllowedRequestUrl(details.url) });
}

/** No camera, microphone, notifications, geolocation, clipboard reads, HID, serial, USB — nothing. */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

export function applySessionSecurity(session: Session): void {
  session.webRequest.onBeforeRequest(filterRequest);
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyPermissionCheck);
  // Chromium's spell checker downloads dictionaries from the network.
  session.setSpellCheckerEnabled(false);
}

/** `will-navigate`, `will-frame-navigate` and `will-redirect`: only to our own page. */
export function preventForeignNavigation(event: Event<{ url: string }>): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

export function preventWebviewAttach(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/** Applied to every WebContents the app creates (`app.on('web-contents-created')`). */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', preventForeignNavigation);
  contents.on('will-frame-navigate', preventForeignNavigation);
  contents.on('will-redirect', preventForeignNavigation);
  contents.on('will-attach-webview', preventWebviewAttach);
  contents.setWindowOpenHandler(denyWindowOpen);
}
