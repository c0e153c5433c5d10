import type { Migration } from './migrations';
import type { VaultDatabase } from '../connection';
import { RUBRIC_LEVEL_IDS } from '../../../shared/domain/competencies';
import { SUPERVISION_KIND_IDS } from '../../../shared/domain/growth';

/*
 * Professional growth (issue 19): the worker's own practice, never a student.
 *   - supervision_sessions: a supervision the worker received (date, minutes,
 *     administrative / clinical / profession-specific, the supervisor's
 *     credential if given);
 *   - self_evaluation: one row per school year and competency indicator
 *     (shared/domain/competencies.ts): the rubric level (null: not rated yet)
 *     and the worker's note of evidence;
 *   - pd_goals: professional development goals, each tied to an indicator.
 * None of these tables references a student, and nothing in them is put in
 * a monthly report or a handover package.
 */
const DATE = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
const TIMESTAMP = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;
const SCHOOL_YEAR = `'[0-9][0-9][0-9][0-9]-[0-9][0-9]'`;
const sqlList = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

const SCHEMA = `
CREATE TABLE supervision_sessions (
  id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  date        TEXT NOT NULL CHECK (date GLOB ${DATE}),
  minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
  kind        TEXT NOT NULL CHECK (kind IN (${sqlList(SUPERVISION_KIND_IDS)})),
  credential  TEXT CHECK (credential IS NULL OR length(credential) BETWEEN 1 AND 120),
  created_at  TEXT NOT NULL CHECK (created_at GLOB ${TIMESTAMP})
) STRICT;
CREATE INDEX supervision_sessions_by_date ON supervision_sessions (date);

CREATE TABLE self_evaluation (
  school_year   TEXT NOT NULL CHECK (school_year GLOB ${SCHOOL_YEAR}),
  indicator_id  TEXT NOT NULL CHECK (length(indicator_id) BETWEEN 1 AND 10),
  rating        TEXT CHECK (rating IS NULL OR rating IN (${sqlList(RUBRIC_LEVEL_IDS)})),
  evidence      TEXT NOT NULL DEFAULT '' CHECK (length(evidence) <= 2000),
  updated_at    TEXT NOT NULL CHECK (updated_at GLOB ${TIMESTAMP}),
  PRIMARY KEY (school_year, indicator_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE pd_goals (
  id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  school_year   TEXT NOT NULL CHECK (school_year GLOB ${SCHOOL_YEAR}),
  indicator_id  TEXT NOT NULL CHECK (length(indicator_id) BETWEEN 1 AND 10),
  goal          TEXT NOT NULL CHECK (length(goal) BETWEEN 1 AND 500),
  done_on       TEXT CHECK (done_on IS NULL OR done_on GLOB ${DATE}),
  created_at    TEXT NOT NULL CHECK (created_at GLOB ${TIMESTAMP})
) STRICT;
CREATE INDEX pd_goals_by_year ON pd_goals (school_year);
`;

export const migration013ProfessionalGrowth: Migration = {
  version: 13,
  description: 'professional growth: supervision sessions, self-evaluation against the competency rubric, PD goals',
  up(db: VaultDatabase): void {
    db.exec(SCHEMA);
  },
};
