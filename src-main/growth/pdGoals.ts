import crypto from 'node:crypto';
import type { z } from 'zod';
import type { PdGoal, PdGoalCreateInput, PdGoalUpdateInput } from '../../shared/api/growthSchemas';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import { refuseStudentMention } from './studentMentions';

interface Row {
  id: string;
  school_year: string;
  indicator_id: string;
  goal: string;
  done_on: string | null;
  created_at: string;
}

const toGoal = (row: Row): PdGoal => ({ id: row.id, schoolYear: row.school_year, indicatorId: row.indicator_id, goal: row.goal, doneOn: row.done_on, createdAt: row.created_at });

/** Professional development goals, each tied to a competency indicator, oldest first. */
export function listGoals(data: VaultData, schoolYear?: string): PdGoal[] {
  const rows =
    schoolYear === undefined
      ? data.db.prepare<[], Row>('SELECT * FROM pd_goals ORDER BY school_year, created_at').all()
      : data.db.prepare<[string], Row>('SELECT * FROM pd_goals WHERE school_year = ? ORDER BY created_at').all(schoolYear);
  return rows.map(toGoal);
}

function getGoal(data: VaultData, id: string): PdGoal {
  const row = data.db.prepare<[string], Row>('SELECT * FROM pd_goals WHERE id = ?').get(id);
  if (!row) throw new VaultError('NOT_FOUND', 'No goal with that id.');
  return toGoal(row);
}

export function createGoal(data: VaultData, input: z.output<typeof PdGoalCreateInput>): PdGoal {
  refuseStudentMention(data, input.goal, 'goal');
  const id = crypto.randomUUID();
  data.db
    .prepare('INSERT INTO pd_goals (id, school_year, indicator_id, goal, done_on, created_at) VALUES (?, ?, ?, ?, NULL, ?)')
    .run(id, input.schoolYear, input.indicatorId, input.goal, data.clock().toISOString());
  return getGoal(data, id);
}

export function updateGoal(data: VaultData, input: z.output<typeof PdGoalUpdateInput>): PdGoal {
  const goal = getGoal(data, input.id);
  if (input.goal !== undefined) refuseStudentMention(data, input.goal, 'goal');
  data.db
    .prepare('UPDATE pd_goals SET goal = ?, done_on = ? WHERE id = ?')
    .run(input.goal ?? goal.goal, input.doneOn === undefined ? goal.doneOn : input.doneOn, input.id);
  return getGoal(data, input.id);
}

export function deleteGoal(data: VaultData, id: string): void {
  const { changes } = data.db.prepare('DELETE FROM pd_goals WHERE id = ?').run(id);
  if (changes === 0) throw new VaultError('NOT_FOUND', 'No goal with that id.');
}
