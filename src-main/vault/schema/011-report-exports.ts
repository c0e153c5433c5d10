import type { Migration } from './migrations';
import type { VaultDatabase } from '../connection';

/*
 * Reports whose hidden counts hold across every export (issue 14).
 *
 * report_thresholds: k of a school year (July to June, "2025-26"), set with
 * the reason the worker gave. A school year with no row uses the setting
 * `reportThreshold`; its first export writes the row, and from then on no
 * month of that year is ever exported with another k.
 *
 * report_exports: every month exported, each correction a row of its own
 * (correction 0 is the first report): its k, the exact canonical document
 * that was signed (so exporting the month again gives the same bytes), and
 * the true numbers each shown value stands for (`basis`, the report's
 * `metrics` shape with plain numbers), which a correction compares against.
 * These are aggregate numbers only, like the report itself.
 *
 * A vault that sent reports before this version has them only in its audit
 * log (`report.exported`, with period and k): each such school year gets the
 * k of its latest export, so no later month of it goes out at another k.
 * Those months have no recorded document, so exporting one again recomputes
 * it (at that same k).
 */
const TIMESTAMP = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;
const THRESHOLD = 'IN (5, 10, 11, 16)';

const SCHEMA = `
CREATE TABLE report_thresholds (
  school_year TEXT PRIMARY KEY NOT NULL CHECK (school_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  threshold   INTEGER NOT NULL CHECK (threshold ${THRESHOLD}),
  reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  set_at      TEXT NOT NULL CHECK (set_at GLOB ${TIMESTAMP})
) STRICT;
CREATE TABLE report_exports (
  period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  correction  INTEGER NOT NULL CHECK (correction BETWEEN 0 AND 1000),
  threshold   INTEGER NOT NULL CHECK (threshold ${THRESHOLD}),
  document    TEXT NOT NULL,
  basis       TEXT NOT NULL,
  exported_at TEXT NOT NULL CHECK (exported_at GLOB ${TIMESTAMP}),
  PRIMARY KEY (period, correction)
) STRICT;
`;

/** School year of a `YYYY-MM` held in column `p`: "2025-26" for July 2025 to June 2026. */
const SCHOOL_YEAR = `CASE WHEN CAST(substr(p, 6, 2) AS INTEGER) >= 7
  THEN substr(p, 1, 4) || '-' || printf('%02d', (CAST(substr(p, 1, 4) AS INTEGER) + 1) % 100)
  ELSE printf('%04d', CAST(substr(p, 1, 4) AS INTEGER) - 1) || '-' || substr(p, 3, 2) END`;

const FROM_EARLIER_EXPORTS = `
INSERT INTO report_thresholds (school_year, threshold, reason, set_at)
SELECT school_year, threshold, 'from the reports sent before this version (latest: ' || p || ')', at
FROM (
  SELECT school_year, threshold, p, at, row_number() OVER (PARTITION BY school_year ORDER BY seq DESC) AS latest
  FROM (
    SELECT seq, at, p, json_extract(details, '$.threshold') AS threshold, ${SCHOOL_YEAR} AS school_year
    FROM (SELECT seq, at, details, json_extract(details, '$.period') AS p FROM audit WHERE action = 'report.exported')
    WHERE p GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'
  )
)
WHERE latest = 1 AND threshold IN (5, 10, 11, 16);
`;

export const migration011ReportExports: Migration = {
  version: 11,
  description: 'report k per school year, and every exported month with its numbers (corrections compare against them)',
  up(db: VaultDatabase): void {
    db.exec(SCHEMA);
    db.exec(FROM_EARLIER_EXPORTS);
  },
};
