import type { z } from 'zod';
import type { PdGoal, PdGoalCreateInput, PdGoalUpdateInput } from '../../shared/api/growthSchemas';
import { VaultError } from '../vault/errors';
import type { VaultData } from '../vault/vaultData';
import type { VaultReader } from '../vault/vaultReader';
import { refuseStudentMention } from './studentMentions';

/** Professional development goals, each tied to a competency indicator, oldest first. */
export function listGoals(vault: VaultReader, schoolYear?: string): PdGoal[] {
  return vault.pdGoals.list(schoolYear);
}

function getGoal(vault: VaultReader, id: string): PdGoal {
  const goal = vault.pdGoals.get(id);
  if (!goal) throw new VaultError('NOT_FOUND', 'No goal with that id.');
  return goal;
}

export function createGoal(data: VaultData, input: z.output<typeof PdGoalCreateInput>): PdGoal {
  refuseStudentMention(data, input.goal, 'goal');
  const { id } = data.pdGoals.insert({ schoolYear: input.schoolYear, indicatorId: input.indicatorId, goal: input.goal });
  return getGoal(data, id);
}

export function updateGoal(data: VaultData, input: z.output<typeof PdGoalUpdateInput>): PdGoal {
  const goal = getGoal(data, input.id);
  if (input.goal !== undefined) refuseStudentMention(data, input.goal, 'goal');
  data.pdGoals.update(input.id, { goal: input.goal ?? goal.goal, doneOn: input.doneOn === undefined ? goal.doneOn : input.doneOn });
  return getGoal(data, input.id);
}

export function deleteGoal(data: VaultData, id: string): void {
  data.pdGoals.delete(id);
}
