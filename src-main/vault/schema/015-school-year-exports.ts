import type { VaultDatabase } from '../connection';
import type { Migration } from './migrations';

/*
 * School-year reports recorded as months are (issue 19; months: migration 11).
 *
 * school_year_exports: every export of a school year ("2025-26"), in order:
 * its k and the exact canonical document that was signed. Exporting the year
 * again with the same numbers gives the same bytes (the district counts one
 * copy once); with other numbers the worker is asked first, since a district
 * that gets two different reports of one worker's school year counts neither.
 * Aggregate numbers only, like the report itself.
 *
 * A vault that exported school years before this version has them only in its
 * audit log (`report.school_year_exported`, with period and k): each becomes a
 * row without a document, so exporting that year again asks first.
 */
const TIMESTAMP = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;

const SCHEMA = `
CREATE TABLE school_year_exports (
  seq         INTEGER PRIMARY KEY,
  school_year TEXT NOT NULL CHECK (school_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  threshold   INTEGER NOT NULL CHECK (threshold IN (5, 10, 11, 16)),
  document    TEXT,
  exported_at TEXT NOT NULL CHECK (exported_at GLOB ${TIMESTAMP})
) STRICT;
CREATE INDEX school_year_exports_by_year ON school_year_exports (school_year, seq);
`;

const FROM_EARLIER_EXPORTS = `
INSERT INTO school_year_exports (school_year, threshold, document, exported_at)
SELECT p, threshold, NULL, at
FROM (
  SELECT seq, at, json_extract(details, '$.period') AS p, json_extract(details, '$.threshold') AS threshold
  FROM audit
  WHERE action = 'report.school_year_exported'
    AND seq NOT IN (
      SELECT json_extract(details, '$.exportSeq') FROM audit WHERE action = 'report.school_year_export_failed' AND json_extract(details, '$.exportSeq') IS NOT NULL
    )
)
WHERE p GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' AND threshold IN (5, 10, 11, 16)
ORDER BY seq;
`;

export const migration015SchoolYearExports: Migration = {
  version: 15,
  description: 'every exported school year with its signed document (a second export with other numbers is asked first)',
  up(db: VaultDatabase): void {
    db.exec(SCHEMA);
    db.exec(FROM_EARLIER_EXPORTS);
  },
};
