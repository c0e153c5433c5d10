import type { Migration } from './migrations';

/*
 * Migrations 10 and 11 are other changes made at the same time as 12; until
 * they are merged in, these stand in for them so the list stays numbered from
 * one. Replace each with the real migration of its number when merging.
 */
function standIn(version: number): Migration {
  return { version, description: `stand-in for migration ${version}`, up: () => undefined };
}

export const migration010StandIn = standIn(10);
export const migration011StandIn = standIn(11);
