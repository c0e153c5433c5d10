import crypto from 'node:crypto';
import type { PdGoal } from '../../../shared/api/growthSchemas';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import { readonlyDatabase } from '../readonlyDatabase';

interface Row {
  id: string;
  school_year: string;
  indicator_id: string;
  goal: string;
  done_on: string | null;
  created_at: string;
}

const toGoal = (row: Row): PdGoal => ({ id: row.id, schoolYear: row.school_year, indicatorId: row.indicator_id, goal: row.goal, doneOn: row.done_on, createdAt: row.created_at });

/** What a new goal holds; its id and the time it was set are the repository's. Goals start not done. */
export interface NewPdGoal {
  schoolYear: string;
  indicatorId: string;
  goal: string;
}

/** What the growth pages may read of the goals: nothing that writes. */
export type PdGoalReader = Pick<PdGoalRepository, 'list' | 'get'>;

/** `pd_goals`: professional development goals, each tied to a competency indicator (migration 13). */
export class PdGoalRepository {
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteRow;
  private readonly selectAll;
  private readonly selectYear;
  private readonly selectOne;

  constructor(
    db: VaultDatabase,
    private readonly clock: () => Date,
  ) {
    this.insertRow = db.prepare<[Row]>(
      'INSERT INTO pd_goals (id, school_year, indicator_id, goal, done_on, created_at) VALUES (@id, @school_year, @indicator_id, @goal, @done_on, @created_at)',
    );
    this.updateRow = db.prepare<[string, string | null, string]>('UPDATE pd_goals SET goal = ?, done_on = ? WHERE id = ?');
    this.deleteRow = db.prepare<[string]>('DELETE FROM pd_goals WHERE id = ?');
    const reads = readonlyDatabase(db);
    this.selectAll = reads.prepare<[], Row>('SELECT * FROM pd_goals ORDER BY school_year, created_at');
    this.selectYear = reads.prepare<[string], Row>('SELECT * FROM pd_goals WHERE school_year = ? ORDER BY created_at');
    this.selectOne = reads.prepare<[string], Row>('SELECT * FROM pd_goals WHERE id = ?');
  }

  /** The goals of one school year, or of every year (by year), oldest first. */
  list(schoolYear?: string): PdGoal[] {
    return (schoolYear === undefined ? this.selectAll.all() : this.selectYear.all(schoolYear)).map(toGoal);
  }

  get(id: string): PdGoal | undefined {
    const row = this.selectOne.get(id);
    return row === undefined ? undefined : toGoal(row);
  }

  insert(goal: NewPdGoal): PdGoal {
    const row: Row = {
      id: crypto.randomUUID(),
      school_year: goal.schoolYear,
      indicator_id: goal.indicatorId,
      goal: goal.goal,
      done_on: null,
      created_at: this.clock().toISOString(),
    };
    this.insertRow.run(row);
    return toGoal(row);
  }

  /** Replaces the goal's text and the day it was done (null: not done). */
  update(id: string, change: { goal: string; doneOn: string | null }): void {
    const { changes } = this.updateRow.run(change.goal, change.doneOn, id);
    if (changes === 0) throw new VaultError('NOT_FOUND', 'No goal with that id.');
  }

  delete(id: string): void {
    const { changes } = this.deleteRow.run(id);
    if (changes === 0) throw new VaultError('NOT_FOUND', 'No goal with that id.');
  }
}
