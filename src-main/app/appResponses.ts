import path from 'node:path';
import { readBoundedFile } from '../vault/boundedRead';
import { isAppUrl } from './appUrl';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * What the `app://` protocol answers, apart from Electron (protocol.ts
 * registers it): the MIME table, the response headers, the mapping of a URL
 * to a file inside the renderer's folder, and the handler itself. The
 * end-to-end harness serves the renderer with the same table and headers.
 */

/** Far above the largest file the app ships to its page. */
const MAX_ASSET_BYTES = 64 * 1024 * 1024;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response of the app's origin, errors included (besides Content-Type). */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function baseHeaders(contentType: string): Headers {
  return new Headers({ ...APP_RESPONSE_HEADERS, 'Content-Type': contentType });
}

function refuse(status: 400 | 403 | 404 | 405, text: string): Response {
  return new Response(text, { status, headers: baseHeaders('text/plain; charset=utf-8') });
}

/**
 * Maps a request URL to a file inside `root`, or to the HTTP status that
 * refuses it. Anything that could leave `root` (`..` in any encoding,
 * backslashes, NUL, drive letters) is refused before the file system is asked.
 */
export function resolveRequestPath(root: string, url: string): { file: string } | { status: 400 | 403 | 404 } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 400 };
  }
  if (!isAppUrl(url)) return { status: 404 };

  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 403 };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes(':'))) return { status: 403 };

  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  const fromRoot = path.relative(base, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return { status: 403 };
  return { file };
}

/** The protocol handler, separate from Electron so that it can be tested with plain Requests. */
export function createAppProtocolHandler(root: string): (request: { url: string; method: string }) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed.');

    const resolved = resolveRequestPath(root, request.url);
    if ('status' in resolved) {
      return resolved.status === 404 ? refuse(404, 'Not found.') : refuse(resolved.status, 'Refused.');
    }

    let body: Buffer;
    try {
      // Only a regular file of the app's own: its largest, the page's script, is a few MB.
      body = await readBoundedFile(resolved.file, MAX_ASSET_BYTES);
    } catch {
      return refuse(404, 'Not found.');
    }

    const headers = baseHeaders(mimeTypeFor(resolved.file));
    headers.set('Content-Length', String(body.byteLength));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
