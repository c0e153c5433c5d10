/**
 * The renderer's Content Security Policy. protocol.ts sends it as a header on
 * every `app://` response; src-renderer/index.html repeats it in a meta tag
 * (without `frame-ancestors`, which browsers ignore in meta tags).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
