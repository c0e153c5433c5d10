import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  applySessionSecurity,
  denyPermissionCheck,
  denyPermissionRequest,
  filterRequest,
  hardenWebContents,
  isAllowedRequestUrl,
} from '../../src-main/app/security';

// security.ts imports only types from electron; the mock makes sure nothing real is touched.
vi.mock('electron', () => ({}));

function decide(url: string): boolean {
  let cancelled: boolean | undefined;
  filterRequest({ url }, (response) => {
    cancelled = response.cancel;
  });
  if (cancelled === undefined) throw new Error('callback not called');
  return cancelled;
}

describe('request filter', () => {
  it.each([
    'http://example.com/',
    'https://example.com/script.js',
    'http://localhost:5173/',
    'https://sole-notes/index.html',
    'ws://example.com/socket',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'file:///work/main/dist/renderer/index.html',
    'app://evil/index.html',
    'blob:app://sole-notes/1234',
    'chrome://settings',
    'javascript:alert(1)',
    'not a url',
  ])('cancels %s', (url) => {
    expect(decide(url)).toBe(true);
    expect(isAllowedRequestUrl(url)).toBe(false);
  });

  it.each(['app://sole-notes/index.html', 'app://sole-notes/assets/index-abc.js', 'devtools://devtools/bundled/devtools_app.html'])('allows %s', (url) => {
    expect(decide(url)).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])('denies a %s request', (permission) => {
    const callback = vi.fn();
    denyPermissionRequest({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('fails every permission check', () => {
    expect(denyPermissionCheck()).toBe(false);
  });

  it('installs the filter and the deny-all handlers on the session', () => {
    const session = {
      webRequest: { onBeforeRequest: vi.fn() },
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setSpellCheckerEnabled: vi.fn(),
    };
    applySessionSecurity(session as unknown as Session);

    expect(session.webRequest.onBeforeRequest).toHaveBeenCalledExactlyOnceWith(filterRequest);
    const requestHandler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as typeof denyPermissionRequest;
    const callback = vi.fn();
    requestHandler({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const checkHandler = session.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean;
    expect(checkHandler()).toBe(false);
    const deviceHandler = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(deviceHandler()).toBe(false);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });
});

describe('hardenWebContents', () => {
  function fakeContents() {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    hardenWebContents(contents as unknown as WebContents);
    return contents;
  }

  function navigationEvent(url: string) {
    return { url, preventDefault: vi.fn() };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: prevents leaving the app', (eventName) => {
    const contents = fakeContents();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://evil/index.html', 'about:blank', 'javascript:alert(1)']) {
      const event = navigationEvent(url);
      contents.emit(eventName, event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: lets the app reload its own page', (eventName) => {
    const contents = fakeContents();
    const event = navigationEvent('app://sole-notes/index.html');
    contents.emit(eventName, event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every window.open', () => {
    const contents = fakeContents();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: { url: string }) => unknown;
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://sole-notes/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const contents = fakeContents();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
