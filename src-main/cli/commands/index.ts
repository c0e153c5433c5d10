import type { CliCommand } from '../command';
import { auditVerifyCommand } from './audit';
import { backupFreshSetCommand, backupListCommand, backupNowCommand, restoreCommand } from './backup';
import { checkCommand } from './check';
import { discloseCommand } from './disclose';
import { districtSummaryCommand } from './districtSummary';
import { ceuCommand, selfEvaluationExportCommand, supervisionAddCommand } from './growth';
import {
  handoverBackCommand,
  handoverCreateCommand,
  handoverImportCommand,
  handoverKeyCommand,
  handoverListCommand,
  handoverOpenCommand,
  handoverRevokeCommand,
} from './handover';
import { colleagueNameCommand, colleagueRemoveCommand, colleagueShowCommand } from './colleague';
import { dutyAddCommand, dutyEndCommand, dutyListCommand, storyAddCommand, storyConfirmCommand, storyListCommand } from './guidelineList';
import { initCommand } from './init';
import { noteAddCommand, noteListCommand, noteSearchCommand } from './note';
import { noteEditCommand, noteEraseEarlierCommand, noteHistoryCommand } from './noteHistory';
import { noteReleaseCommand } from './noteRelease';
import { passphraseChangeCommand } from './passphrase';
import { reportCommand, reportThresholdCommand } from './report';
import { reportSimulateCommand } from './reportSimulate';
import { retentionDestroyCommand, retentionSetCommand, retentionShowCommand } from './retention';
import { serviceAddCommand } from './service';
import { studentAddCommand, studentCloseCommand, studentListCommand, studentReopenCommand } from './student';
import { verifyCommand } from './verify';
import { yearReportCommand } from './yearReport';

export const COMMANDS: readonly CliCommand[] = [
  initCommand,
  studentAddCommand,
  studentListCommand,
  studentCloseCommand,
  studentReopenCommand,
  noteAddCommand,
  noteListCommand,
  noteSearchCommand,
  noteEditCommand,
  noteHistoryCommand,
  noteEraseEarlierCommand,
  noteReleaseCommand,
  serviceAddCommand,
  dutyAddCommand,
  dutyListCommand,
  dutyEndCommand,
  storyAddCommand,
  storyListCommand,
  storyConfirmCommand,
  passphraseChangeCommand,
  backupNowCommand,
  backupListCommand,
  backupFreshSetCommand,
  restoreCommand,
  checkCommand,
  reportSimulateCommand, // before `report`: the first command whose words match is run
  reportThresholdCommand,
  reportCommand,
  yearReportCommand,
  verifyCommand,
  districtSummaryCommand,
  handoverKeyCommand,
  handoverCreateCommand,
  handoverOpenCommand,
  handoverBackCommand,
  handoverImportCommand,
  handoverListCommand,
  handoverRevokeCommand,
  colleagueNameCommand,
  colleagueShowCommand,
  colleagueRemoveCommand,
  discloseCommand,
  auditVerifyCommand,
  retentionShowCommand,
  retentionSetCommand,
  retentionDestroyCommand,
  supervisionAddCommand,
  ceuCommand,
  selfEvaluationExportCommand,
];
