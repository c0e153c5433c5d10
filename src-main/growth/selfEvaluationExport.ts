import crypto from 'node:crypto';
import type { SelfEvaluationExportResult } from '../../shared/api/growthSchemas';
import { checkOutputFile, type OutputRules } from '../files/outputPath';
import { writeChosenFile } from '../handover/files';
import type { VaultData } from '../vault/vaultData';
import { evidenceSummary } from './evidence';
import { listGoals } from './pdGoals';
import { selfEvaluation } from './selfEvaluation';
import { renderSelfEvaluationHtml } from './selfEvaluationHtml';
import { refuseStudentMention } from './studentMentions';

export const SELF_EVALUATION_EXPORT_ACTION = 'self_evaluation.export';

/**
 * Writes the printable self-evaluation of one school year to `file`, held to
 * the output rules (files/outputPath.ts), and records it in the audit log.
 * Text that names a student (added to the caseload after it was written) is
 * refused before anything is written.
 */
export function exportSelfEvaluation(data: VaultData, input: { schoolYear: string; file: string }, rules: OutputRules): SelfEvaluationExportResult {
  const target = checkOutputFile(input.file, 'file', rules);
  const evaluation = selfEvaluation(data, input.schoolYear);
  const goals = listGoals(data, input.schoolYear);
  for (const entry of evaluation.entries) refuseStudentMention(data, entry.evidence, `evidence for ${entry.indicatorId}`);
  for (const goal of goals) refuseStudentMention(data, goal.goal, 'goal');
  const html = renderSelfEvaluationHtml({ evaluation, evidence: evidenceSummary(data, input.schoolYear, data.settings.get().schoolYearStartMonth), goals, preparedOn: data.today() });
  const bytes = Buffer.from(html, 'utf8');
  const written = writeChosenFile(target, 'file', bytes, rules);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  data.audit.append(SELF_EVALUATION_EXPORT_ACTION, { schoolYear: input.schoolYear, file: written, sha256, bytes: bytes.length });
  return { path: written, bytes: bytes.length, sha256 };
}
