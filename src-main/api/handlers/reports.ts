import path from 'node:path';
import { VaultError } from '../../vault/errors';
import { ceuSummary } from '../../report/ceu';
import { vaultOutputRules } from '../../files/outputPath';
import { exportReportFiles } from '../../report/exportFiles';
import { reportHistory } from '../../report/history';
import { prepareMonthReport, signMonthReport } from '../../report/monthReport';
import { fingerprint } from '../../common/signing';
import { changeReportThreshold, reportThresholdInfo } from '../../report/reportThresholds';
import { exportSchoolYearFiles } from '../../report/schoolYearFiles';
import { prepareSchoolYearReport, signSchoolYearReport } from '../../report/schoolYearReport';
import type { HandlerTable } from '../handler';

export const reportHandlers: HandlerTable<
  'reports.preview' | 'reports.export' | 'reports.exportSchoolYear' | 'reports.history' | 'reports.thresholdInfo' | 'reports.changeThreshold' | 'keys.signingFingerprint' | 'ceu.summary'
> = {
  'reports.preview': (session, { month, threshold, correction }) => {
    const { document, suppressed, charts, publication } = prepareMonthReport(session.data, { month, threshold, correction });
    const sent = publication.sentBefore ? { correction: publication.correction, correctionAvailable: publication.correctionAvailable === true } : null;
    return { document, suppressed, charts, sent };
  },
  'reports.export': (session, { month, folder, threshold, correction, replace }) => {
    const data = session.data;
    if (!path.isAbsolute(folder)) throw new VaultError('INVALID_INPUT', 'folder: choose a folder by its full path.');
    return exportReportFiles(data, signMonthReport(data, prepareMonthReport(data, { month, threshold, correction })), folder, vaultOutputRules(session, replace ?? false));
  },
  'reports.exportSchoolYear': (session, { schoolYear, folder, replace }) => {
    const data = session.data;
    if (!path.isAbsolute(folder)) throw new VaultError('INVALID_INPUT', 'folder: choose a folder by its full path.');
    return exportSchoolYearFiles(data, signSchoolYearReport(data, prepareSchoolYearReport(data, { schoolYear })), folder, vaultOutputRules(session, replace ?? false));
  },
  'reports.thresholdInfo': (session) => reportThresholdInfo(session.data),
  'reports.changeThreshold': (session, change) => {
    changeReportThreshold(session.data, change);
    return reportThresholdInfo(session.data);
  },
  'reports.history': (session) => reportHistory(session.data),
  'keys.signingFingerprint': (session) => {
    const { spki, createdAt } = session.data.keys.signingPublicKey();
    return { algorithm: 'Ed25519' as const, fingerprint: fingerprint(spki), createdAt };
  },
  'ceu.summary': (session) => {
    const data = session.data;
    return ceuSummary(data, data.settings.get(), data.clock());
  },
};
