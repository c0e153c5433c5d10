import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import { assertBaseSchema } from './baseSchema';
import { migration001Initial } from './001-initial';
import { migration002Keys } from './002-keys';
import { migration003Handover } from './003-handover';
import { migration004LeanerWrites } from './004-leaner-writes';
import { migration005IndexLeavesFitPages } from './005-index-leaves-fit-pages';
import { migration006Drafts } from './006-drafts';
import { migration007StudentNames } from './007-student-names';
import { migration008StudentGroups } from './008-student-groups';
import { migration009FollowUps } from './009-follow-ups';
import { migration010ErasableRevisions } from './010-erasable-revisions';
import { migration011ReportExports } from './011-report-exports';
import { migration012GuidelineList } from './012-guideline-list';
import { migration013ProfessionalGrowth } from './013-professional-growth';
import { migration014CoverColleague } from './014-cover-colleague';
import { migration015SchoolYearExports } from './015-school-year-exports';

/**
 * One step of the vault schema. `version` is the `user_version` the vault has
 * once `up` has run. A released migration is never edited: a later change is
 * a new migration.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  up(db: VaultDatabase, now: () => Date): void;
}

export const MIGRATIONS: readonly Migration[] = [
  migration001Initial,
  migration002Keys,
  migration003Handover,
  migration004LeanerWrites,
  migration005IndexLeavesFitPages,
  migration006Drafts,
  migration007StudentNames,
  migration008StudentGroups,
  migration009FollowUps,
  migration010ErasableRevisions,
  migration011ReportExports,
  migration012GuidelineList,
  migration013ProfessionalGrowth,
  migration014CoverColleague,
  migration015SchoolYearExports,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: VaultDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the vault up to `LATEST_SCHEMA_VERSION`; see `migrateWith`. */
export function migrate(db: VaultDatabase, now: () => Date = () => new Date()): void {
  migrateWith(db, MIGRATIONS, now);
}

/**
 * Upgrades an existing vault (unlock, restore, open): only a database that
 * already has the base schema is upgraded; one without it is VAULT_CORRUPT
 * and left as it is. `migrate` from version 0 is for creating a vault.
 */
export function upgradeExistingVault(db: VaultDatabase, now: () => Date = () => new Date()): void {
  assertBaseSchema(db);
  migrate(db, now);
}

/**
 * Applies every migration newer than the vault's `user_version`, all in one
 * transaction: either the vault reaches the last version or it is left exactly
 * as it was. A vault newer than the list is refused before anything is written
 * (`refuseFuture`: a handover package words it for itself).
 */
export function migrateWith(
  db: VaultDatabase,
  migrations: readonly Migration[],
  now: () => Date = () => new Date(),
  refuseFuture: (current: number, latest: number) => void = refuseFutureVault,
): void {
  assertNumberedFromOne(migrations);
  const latest = migrations.length;
  refuseFuture(schemaVersion(db), latest);
  if (schemaVersion(db) === latest) return;

  db.transaction(() => {
    // Read again inside the write lock, in case another connection migrated meanwhile.
    const current = schemaVersion(db);
    refuseFuture(current, latest);
    for (const migration of migrations.slice(current)) {
      migration.up(db, now);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

function refuseFutureVault(current: number, latest: number): void {
  if (current > latest) {
    throw new VaultError(
      'VAULT_FROM_FUTURE',
      `This vault was made by a newer version of Sole Notes (vault schema ${current}; this version knows up to ${latest}). ` +
        'It was not changed. Update Sole Notes to open it.',
    );
  }
}

function assertNumberedFromOne(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new VaultError('INTERNAL', `Migration ${index + 1} is numbered ${migration.version}.`);
    }
  });
}
