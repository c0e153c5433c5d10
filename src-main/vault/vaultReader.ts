import type { PdGoalReader } from './repos/pdGoals';
import type { ReportCounts } from './repos/reportCounts';
import type { SelfEvaluationReader } from './repos/selfEvaluation';
import type { SupervisionReader } from './repos/supervision';

/**
 * The vault as reports and the growth pages see it: only repositories that
 * read. `VaultData` is one; a function that takes a `VaultReader` cannot
 * write to the vault, whatever it is handed.
 */
export interface VaultReader {
  readonly reportCounts: ReportCounts;
  readonly supervision: SupervisionReader;
  readonly selfEvaluation: SelfEvaluationReader;
  readonly pdGoals: PdGoalReader;
}
