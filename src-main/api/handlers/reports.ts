import path from 'node:path';
import { VaultError } from '../../vault/errors';
import { ceuSummary } from '../../report/ceu';
import { vaultOutputRules } from '../../files/outputPath';
import { exportReportFiles } from '../../report/exportFiles';
import { reportHistory } from '../../report/history';
import { prepareMonthReport, signMonthReport } from '../../report/monthReport';
import { fingerprint } from '../../report/signing';
import type { HandlerTable } from '../handler';

export const reportHandlers: HandlerTable<'reports.preview' | 'reports.export' | 'reports.history' | 'keys.signingFingerprint' | 'ceu.summary'> = {
  'reports.preview': (session, { month, threshold }) => {
    const { document, suppressed, charts } = prepareMonthReport(session.data, { month, threshold });
    return { document, suppressed, charts };
  },
  'reports.export': (session, { month, folder, threshold, replace }) => {
    const data = session.data;
    if (!path.isAbsolute(folder)) throw new VaultError('INVALID_INPUT', 'folder: choose a folder by its full path.');
    return exportReportFiles(data, signMonthReport(data, prepareMonthReport(data, { month, threshold })), folder, vaultOutputRules(session, replace ?? false));
  },
  'reports.history': (session) => reportHistory(session.data),
  'keys.signingFingerprint': (session) => {
    const { spki, createdAt } = session.data.keys.signingPublicKey();
    return { algorithm: 'Ed25519' as const, fingerprint: fingerprint(spki), createdAt };
  },
  'ceu.summary': (session) => {
    const data = session.data;
    return ceuSummary(data.db, data.settings.get(), data.clock());
  },
};
