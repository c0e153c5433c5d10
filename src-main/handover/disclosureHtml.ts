import type { NoteRelease } from '../../shared/api/handoverSchemas';
import type { Note, NoteRevision } from '../../shared/api/schemas';
import { escapeHtml, printablePage } from '../common/printablePage';

/**
 * The printable court-order disclosure: one self-contained HTML page (inline
 * styles only, no scripts, nothing fetched; its own CSP says so), marked
 * confidential at the top, on every note and on every printed page, with each
 * note's whole revision history and hashes.
 */
export function disclosureMarking(orderReference: string): string {
  return `CONFIDENTIAL — disclosed under court order ${orderReference}`;
}

export interface DisclosedNote {
  note: Note;
  studentCode: string | null;
  /** The name the worker knows the student by, only when the worker chose to disclose it. */
  studentName?: string | null;
  history: NoteRevision[];
  historyIntact: boolean;
  releases: NoteRelease[];
}

export interface DisclosureDocument {
  orderReference: string;
  preparedAt: string;
  signingKeyFingerprint: string;
  notes: DisclosedNote[];
}

/** A CSS string literal: everything but letters, digits and spaces as a hex escape, so nothing can end it early. */
function cssString(text: string): string {
  return `"${[...text].map((char) => (/^[A-Za-z0-9 ]$/.test(char) ? char : `\\${(char.codePointAt(0) ?? 0).toString(16)} `)).join('')}"`;
}

const STYLE = `
  body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 2em auto; max-width: 50em; padding: 0 1em; }
  .marking { font-weight: 700; text-transform: uppercase; letter-spacing: .03em; border: 2px solid #111; padding: .3em .6em; margin: 0 0 1em; }
  h1 { font-size: 1.4em; margin: .2em 0; }
  h2 { font-size: 1.15em; margin: 0 0 .4em; }
  h3 { font-size: 1em; margin: 1em 0 .3em; }
  .meta { margin: .2em 0; color: #333; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: .4em 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .released { font-weight: 700; border: 1px solid #111; padding: 0 .3em; }
  .broken { font-weight: 700; color: #900; }
  .erased { font-style: italic; border-left: 3px dashed #999; padding: .2em .8em; margin: .3em 0 .8em; }
  pre { white-space: pre-wrap; word-break: break-word; font: inherit; border-left: 3px solid #999; padding: .2em .8em; margin: .3em 0 .8em; }
  code { font-size: .85em; word-break: break-all; }
  table { border-collapse: collapse; width: 100%; margin: .3em 0; }
  th, td { text-align: left; padding: .2em .4em; border-bottom: 1px solid #ccc; vertical-align: top; }
  section.note { border-top: 1px solid #111; margin-top: 2em; padding-top: 1em; }
  @media print { body { margin: 0; max-width: none; } section.note { break-before: page; border-top: none; } tr, pre { break-inside: avoid; } }
`;

function statusWords(note: DisclosedNote): string {
  if (note.note.status !== 'released') return 'Personal note';
  const releases = note.releases.map((release) => `to ${release.agency} on ${release.releasedOn}`).join('; ');
  return `Released record${releases === '' ? '' : ` (${releases})`}`;
}

function revisionHtml(revision: NoteRevision): string {
  return `<tr><td>${revision.revision}</td><td>${escapeHtml(revision.at)}</td><td>${escapeHtml(revision.author)}</td><td>${escapeHtml(revision.status)}${revision.erasedAt == null ? '' : `, erased on ${escapeHtml(revision.erasedAt.slice(0, 10))}`}</td><td><code>${escapeHtml(revision.hash)}</code></td><td><code>${escapeHtml(revision.prevHash === '' ? '(first)' : revision.prevHash)}</code></td></tr>`;
}

/** An erased version shows when it was erased and its hash, which still holds its place in the chain, instead of its text. */
function revisionTextHtml(revision: NoteRevision): string {
  if (revision.erasedAt == null) return `<pre>${escapeHtml(revision.body)}</pre>`;
  return `<p class="erased">Text erased on ${escapeHtml(revision.erasedAt.slice(0, 10))} (it held words the redaction check flagged, removed in a later version; the erasure is in the audit log). Hash of this version: <code>${escapeHtml(revision.hash)}</code></p>`;
}

function noteHtml(item: DisclosedNote, index: number, total: number, marking: string): string {
  const { note, history } = item;
  const statusClass = note.status === 'released' ? ' class="released"' : '';
  const texts = history
    .map((revision) => `<h3>Revision ${revision.revision} — ${escapeHtml(revision.at)}, by ${escapeHtml(revision.author)}</h3>\n${revisionTextHtml(revision)}`)
    .join('\n');
  return `<section class="note">
<p class="marking">${escapeHtml(marking)}</p>
<h2>Note ${index + 1} of ${total}</h2>
<dl>
<dt>Note id</dt><dd><code>${escapeHtml(note.id)}</code></dd>
<dt>Student code</dt><dd>${escapeHtml(item.studentCode ?? '(none)')}</dd>
${item.studentName == null ? '' : `<dt>Student known as</dt><dd>${escapeHtml(item.studentName)}</dd>\n`}<dt>Status</dt><dd><span${statusClass}>${escapeHtml(statusWords(item))}</span></dd>
<dt>Written</dt><dd>${escapeHtml(note.createdAt)}</dd>
<dt>Last changed</dt><dd>${escapeHtml(note.updatedAt)}</dd>
<dt>Revisions</dt><dd>${history.length}</dd>
<dt>History</dt><dd>${item.historyIntact ? 'hash chain intact' : '<span class="broken">hash chain BROKEN: the history does not check out</span>'}</dd>
<dt>Current hash</dt><dd><code>${escapeHtml(history.at(-1)?.hash ?? '')}</code></dd>
</dl>
<h3>Revision history and hashes</h3>
<table>
<thead><tr><th>Rev.</th><th>Saved</th><th>Author</th><th>Status</th><th>Hash (SHA-256)</th><th>Previous hash</th></tr></thead>
<tbody>
${history.map(revisionHtml).join('\n')}
</tbody>
</table>
${texts}
</section>`;
}

export function renderDisclosureHtml(document: DisclosureDocument): string {
  const marking = disclosureMarking(document.orderReference);
  const total = document.notes.length;
  return printablePage({
    title: marking,
    style: `${STYLE}
  @page { margin: 2cm 1.6cm; @top-center { content: ${cssString(marking)}; font: 700 9pt system-ui, sans-serif; } @bottom-center { content: counter(page) " / " counter(pages); font: 9pt system-ui, sans-serif; } }
`,
    body: `<p class="marking">${escapeHtml(marking)}</p>
<h1>Disclosure of personal notes under court order ${escapeHtml(document.orderReference)}</h1>
<p class="meta">Prepared ${escapeHtml(document.preparedAt)} with Sole Notes, from the vault of the worker whose signing key has the fingerprint <code>${escapeHtml(document.signingKeyFingerprint)}</code>.</p>
<p class="meta">${total} note${total === 1 ? '' : 's'}, each with every saved revision. This document is disclosed under the court order named above and only for its purpose.</p>
<p class="meta">Each revision is sealed to the one before it: its hash is the SHA-256 (hex) of the previous revision's hash (empty for the first), a newline, and the JSON array [note id, revision number, text, status, author, time saved]. A changed word in any revision changes its hash and every hash after it. A revision whose text was erased (marked "erased on" a date) keeps its hash, which the next revision's hash covers, so the chain still shows that no other revision was changed.</p>
${document.notes.map((item, index) => noteHtml(item, index, total, marking)).join('\n')}
<p class="marking">${escapeHtml(marking)} — end of document</p>`,
  });
}
