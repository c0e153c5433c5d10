import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => ({ protocol: electron.protocol }));

import { CONTENT_SECURITY_POLICY } from '../../src-main/app/csp';
import { createAppProtocolHandler, mimeTypeFor } from '../../src-main/app/appResponses';
import { registerAppProtocol, registerAppScheme } from '../../src-main/app/protocol';

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const SECRET = 'top secret outside the renderer folder';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sole-notes-protocol-'));
const root = path.join(tmp, 'renderer');
const handler = createAppProtocolHandler(root);

beforeAll(() => {
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Sole Notes</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1);');
  fs.writeFileSync(path.join(root, 'assets', 'style-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  // A sibling whose name starts like the root must not count as inside it.
  fs.mkdirSync(path.join(tmp, 'renderer-evil'));
  fs.writeFileSync(path.join(tmp, 'renderer-evil', 'x.js'), SECRET);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function get(url: string, method = 'GET') {
  return handler({ url, method });
}

describe('Content Security Policy', () => {
  it('is exactly the designed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
  });

  it('is repeated in src-renderer/index.html (minus frame-ancestors, which meta tags ignore)', () => {
    const html = fs.readFileSync(path.join(import.meta.dirname, '../../src-renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(EXPECTED_CSP.replace("; frame-ancestors 'none'", ''));
  });
});

describe('app:// scheme registration', () => {
  it('registers app as a privileged, standard, secure scheme without fetch or CORS', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0] as [{ scheme: string; privileges: Record<string, boolean> }[]];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]?.scheme).toBe('app');
    expect(schemes[0]?.privileges).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: false,
      corsEnabled: false,
      bypassCSP: false,
      allowServiceWorkers: false,
    });
  });

  it('binds the handler to the app scheme', async () => {
    registerAppProtocol(root);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const bound = electron.protocol.handle.mock.calls[0]?.[1] as typeof handler;
    const response = await bound({ url: 'app://sole-notes/index.html', method: 'GET' });
    expect(response.status).toBe(200);
  });
});

describe('app:// protocol handler', () => {
  it('serves index.html with its MIME type and the CSP header', async () => {
    const response = await get('app://sole-notes/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Sole Notes</title>');
  });

  it('serves index.html for the bare origin', async () => {
    const response = await get('app://sole-notes/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Sole Notes');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/style-abc.css', 'text/css; charset=utf-8'],
    ['assets/icon.svg', 'image/svg+xml'],
  ])('serves %s as %s with the CSP header', async (file, type) => {
    const response = await get(`app://sole-notes/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://sole-notes/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://sole-notes/../../etc/passwd',
    'app://sole-notes/../secret.txt',
    'app://sole-notes/assets/../../secret.txt',
    'app://sole-notes/%2e%2e/secret.txt',
    'app://sole-notes/%2E%2E%2Fsecret.txt',
    'app://sole-notes/..%2fsecret.txt',
    'app://sole-notes/..%5csecret.txt',
    'app://sole-notes/..\\secret.txt',
    'app://sole-notes/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://sole-notes/%252e%252e/secret.txt',
    'app://sole-notes/index.html%00.js',
    'app://sole-notes/C:/Windows/win.ini',
    'app://sole-notes/%2Fetc%2Fpasswd',
    'app://sole-notes/..%2frenderer-evil/x.js',
    `app://sole-notes/${encodeURIComponent(path.join(tmp, 'secret.txt'))}`,
  ])('refuses path traversal: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    const body = await response.text();
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain('root:');
  });

  it.each(['app://evil/index.html', 'app://sole-notes.evil/index.html', 'app://sole-notes:444/index.html', 'app://x@sole-notes/index.html', 'https://sole-notes/index.html'])(
    'refuses an unknown host or scheme: %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    },
  );

  it('answers 404 for a missing file and for a folder', async () => {
    for (const url of ['app://sole-notes/missing.js', 'app://sole-notes/assets', 'app://sole-notes/assets/']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get('app://sole-notes/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });

  it('accepts a real Request object', async () => {
    const response = await handler(new Request('app://sole-notes/index.html'));
    expect(response.status).toBe(200);
  });

  it('maps unknown extensions to application/octet-stream', () => {
    expect(mimeTypeFor('a/b.unknown')).toBe('application/octet-stream');
    expect(mimeTypeFor('a/B.JS')).toBe('text/javascript; charset=utf-8');
  });
});
