import { vaultOutputRules } from '../../files/outputPath';
import { ceuProgress } from '../../growth/ceuProgress';
import { evidenceSummary } from '../../growth/evidence';
import { createGoal, deleteGoal, listGoals, updateGoal } from '../../growth/pdGoals';
import { rateIndicator, selfEvaluation } from '../../growth/selfEvaluation';
import { exportSelfEvaluation } from '../../growth/selfEvaluationExport';
import { SupervisionLog } from '../../growth/supervisionLog';
import { DONE, type HandlerTable } from '../handler';

type GrowthCommand =
  | 'growth.evidence'
  | 'selfEvaluation.get'
  | 'selfEvaluation.rate'
  | 'selfEvaluation.export'
  | 'pdGoals.list'
  | 'pdGoals.create'
  | 'pdGoals.update'
  | 'pdGoals.delete'
  | 'ceu.progress'
  | 'supervision.overview'
  | 'supervision.add'
  | 'supervision.delete';

export const growthHandlers: HandlerTable<GrowthCommand> = {
  'growth.evidence': (session, { schoolYear }) => evidenceSummary(session.data, schoolYear, session.data.settings.get().schoolYearStartMonth),
  'selfEvaluation.get': (session, { schoolYear }) => selfEvaluation(session.data, schoolYear),
  'selfEvaluation.rate': (session, input) => rateIndicator(session.data, input),
  'selfEvaluation.export': (session, { schoolYear, file, replace }) => exportSelfEvaluation(session.data, { schoolYear, file }, vaultOutputRules(session, replace ?? false)),
  'pdGoals.list': (session, { schoolYear }) => listGoals(session.data, schoolYear),
  'pdGoals.create': (session, input) => createGoal(session.data, input),
  'pdGoals.update': (session, input) => updateGoal(session.data, input),
  'pdGoals.delete': (session, { id }) => {
    deleteGoal(session.data, id);
    return DONE;
  },
  'ceu.progress': (session) => {
    const data = session.data;
    return ceuProgress(data, data.settings.get(), data.clock());
  },
  'supervision.overview': (session) => new SupervisionLog(session.data.supervision).overview(session.data.today(), session.data.settings.get().schoolYearStartMonth),
  'supervision.add': (session, input) => new SupervisionLog(session.data.supervision).add(input),
  'supervision.delete': (session, { id }) => {
    new SupervisionLog(session.data.supervision).delete(id);
    return DONE;
  },
};
