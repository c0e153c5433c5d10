/**
 * A self-contained printable page (the report's summary, a court-order
 * disclosure): inline styles only, no scripts, no images, nothing fetched,
 * and its own CSP forbids anything else.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

/** `title` is plain text; `style` and `body` are trusted markup built with escapeHtml. */
export function printablePage({ title, style, body }: { title: string; style: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
