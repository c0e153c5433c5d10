import type { Migration } from './migrations';
import type { VaultDatabase } from '../connection';

/*
 * The rest of the guideline's list of district data (issue 14):
 *
 * - administrative_duties: the worker's standing duties (504 coordinator,
 *   attendance committee), each with its minutes per month, from one month
 *   and, once ended, until one month; the report for a month lists the duties
 *   standing in it, by name and minutes. Names are the worker's own words and
 *   are checked like a report's text before they are stored.
 * - pd_provided_audience: for a service of kind pd_provided, whether the
 *   training was given within the district or outside it. A table of its own,
 *   like follow-ups, so a service row and a handover package keep their shape;
 *   it goes with its service (ON DELETE CASCADE).
 * - success_stories: de-identified examples of problem resolution the worker
 *   writes for a month. A story reaches a report only once confirmed
 *   (confirmed_at); changing its text clears the confirmation.
 */
const MONTH = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]'`;
const TIMESTAMP = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;

const SCHEMA = `
CREATE TABLE administrative_duties (
  id                 TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  name               TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  minutes_per_month  INTEGER NOT NULL CHECK (minutes_per_month BETWEEN 1 AND 20000),
  from_month         TEXT NOT NULL CHECK (from_month GLOB ${MONTH}),
  until_month        TEXT CHECK (until_month IS NULL OR (until_month GLOB ${MONTH} AND until_month >= from_month)),
  created_at         TEXT NOT NULL CHECK (created_at GLOB ${TIMESTAMP}),
  updated_at         TEXT NOT NULL CHECK (updated_at GLOB ${TIMESTAMP})
) STRICT;

CREATE TABLE pd_provided_audience (
  service_id  TEXT PRIMARY KEY NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  audience    TEXT NOT NULL CHECK (audience IN ('within_district', 'outside_district'))
) STRICT;

CREATE TABLE success_stories (
  id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  month         TEXT NOT NULL CHECK (month GLOB ${MONTH}),
  body          TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 1200),
  confirmed_at  TEXT CHECK (confirmed_at IS NULL OR confirmed_at GLOB ${TIMESTAMP}),
  created_at    TEXT NOT NULL CHECK (created_at GLOB ${TIMESTAMP}),
  updated_at    TEXT NOT NULL CHECK (updated_at GLOB ${TIMESTAMP})
) STRICT;
CREATE INDEX success_stories_by_month ON success_stories (month);
`;

export const migration012GuidelineList: Migration = {
  version: 12,
  description: 'administrative duties, where professional development was provided, and success stories for the report',
  up(db: VaultDatabase): void {
    db.exec(SCHEMA);
  },
};
