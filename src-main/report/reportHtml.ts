import { REPORT_METRICS, valueAtPath } from '../../shared/report/catalog';
import type { ServiceReportDocument } from '../../shared/report/document';
import { escapeHtml, printablePage } from '../common/printablePage';

/** The report's printable summary (a printable page: see printablePage.ts). */
export const HTML_HEADING = 'Aggregate statistics — contains no student identifiers';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(month: string): string {
  const [year, number] = month.split('-');
  return `${MONTHS[Number(number) - 1] ?? month} ${year ?? ''}`.trim();
}

function cellHtml(value: unknown): string {
  if (typeof value === 'number') return escapeHtml(value.toLocaleString('en-US'));
  if (value === null) return '<span class="note">no students</span>';
  return '<span class="suppressed">hidden</span>';
}

/** The printable page's styles, shared by the month's and the school year's page. */
export const REPORT_HTML_STYLE = `
  body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 2em auto; max-width: 46em; padding: 0 1em; }
  h1 { font-size: 1.5em; margin: 0 0 .2em; }
  h2 { font-size: 1.1em; margin: 1.6em 0 .4em; border-bottom: 1px solid #999; }
  .meta { margin: 0; color: #333; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .25em .5em; border-bottom: 1px solid #ddd; vertical-align: top; }
  td.value { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .suppressed, .note { font-style: italic; color: #444; }
  code { font-size: .9em; word-break: break-all; }
  .rule { font-size: .95em; }
  .story { margin: .6em 0; padding: .2em .8em; border-left: 3px solid #999; white-space: pre-wrap; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

/** Every metric of the catalogue, a section (h2 and table) per catalogue section, hidden values marked alike. */
export function metricSectionsHtml(metrics: ServiceReportDocument['metrics']): string {
  const sections = new Map<string, string[]>();
  for (const metric of REPORT_METRICS) {
    const rows = sections.get(metric.section) ?? [];
    rows.push(`<tr><th scope="row">${escapeHtml(metric.label)}</th><td class="value">${cellHtml(valueAtPath(metrics, metric.path))}</td></tr>`);
    sections.set(metric.section, rows);
  }
  return [...sections].map(([section, rows]) => `<h2>${escapeHtml(section)}</h2>\n<table>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`).join('\n');
}

/**
 * The end of every printable report (a month's or a school year's): the
 * suppression rule as signed, and how to check the signed JSON with OpenSSL.
 */
export function ruleAndSignatureHtml(document: { suppressionRule: string; signingKey: { fingerprint: string } }, json: string): string {
  return `<h2>How numbers are hidden</h2>
<p class="rule">${escapeHtml(document.suppressionRule)}</p>
<h2>Signature</h2>
<p>The signed original is <code>${escapeHtml(json)}</code>, with its signature <code>${escapeHtml(json)}.sig</code> and the worker's public key <code>worker-signing-key.pem</code>. Signing key fingerprint (SHA-256 of the public key): <code>${escapeHtml(document.signingKey.fingerprint)}</code>.</p>
<p>Check it with OpenSSL: <code>openssl pkeyutl -verify -pubin -inkey worker-signing-key.pem -rawin -in ${escapeHtml(json)} -sigfile ${escapeHtml(json)}.sig</code></p>
<p class="note">This page is a convenience copy; only the signed JSON is authoritative.</p>`;
}

export function renderReportHtml(document: ServiceReportDocument): string {
  const body = metricSectionsHtml(document.metrics);
  const json = `service-report-${document.period}.json`;
  const duties =
    document.administrativeResponsibilities.length === 0
      ? '<p class="note">No standing duties listed for this month.</p>'
      : `<table>\n<tbody>\n${document.administrativeResponsibilities
          .map((duty) => `<tr><th scope="row">${escapeHtml(duty.name)}</th><td class="value">${escapeHtml(duty.minutesPerMonth.toLocaleString('en-US'))} minutes a month</td></tr>`)
          .join('\n')}\n</tbody>\n</table>`;
  const stories =
    document.successStories.length === 0
      ? ''
      : `<h2>Examples of problem resolution</h2>\n<p class="note">Written by the worker without names or other details that identify a student.</p>\n${document.successStories
          .map((story) => `<blockquote class="story">${escapeHtml(story)}</blockquote>`)
          .join('\n')}`;
  return printablePage({
    title: `Service report ${document.period}`,
    style: REPORT_HTML_STYLE,
    body: `<h1>${escapeHtml(HTML_HEADING)}</h1>
<p class="meta">School social work service report for <strong>${escapeHtml(monthName(document.period))}</strong>, made in ${escapeHtml(monthName(document.generated))}. Time zone: ${escapeHtml(document.timeZone)}.</p>
<p class="meta">Counts of students from 1 to ${document.threshold - 1} are not shown (k = ${document.threshold}).${document.correction === undefined ? '' : ` <strong>Correction ${document.correction}</strong>: replaces every earlier report of this month.`}</p>
${body}
<h2>Standing administrative duties</h2>
${duties}
${stories}
${ruleAndSignatureHtml(document, json)}`,
  });
}
