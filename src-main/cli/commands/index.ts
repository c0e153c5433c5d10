import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { discloseCommand } from './disclose';
import { districtSummaryCommand } from './districtSummary';
import {
  handoverBackCommand,
  handoverCreateCommand,
  handoverImportCommand,
  handoverKeyCommand,
  handoverListCommand,
  handoverOpenCommand,
  handoverRevokeCommand,
} from './handover';
import { initCommand } from './init';
import { noteAddCommand, noteListCommand, noteSearchCommand } from './note';
import { noteReleaseCommand } from './noteRelease';
import { passphraseChangeCommand } from './passphrase';
import { reportCommand, reportThresholdCommand } from './report';
import { reportSimulateCommand } from './reportSimulate';
import { serviceAddCommand } from './service';
import { studentAddCommand, studentListCommand } from './student';
import { verifyCommand } from './verify';

export const COMMANDS: readonly CliCommand[] = [
  initCommand,
  studentAddCommand,
  studentListCommand,
  noteAddCommand,
  noteListCommand,
  noteSearchCommand,
  noteReleaseCommand,
  serviceAddCommand,
  passphraseChangeCommand,
  checkCommand,
  reportSimulateCommand, // before `report`: the first command whose words match is run
  reportThresholdCommand,
  reportCommand,
  verifyCommand,
  districtSummaryCommand,
  handoverKeyCommand,
  handoverCreateCommand,
  handoverOpenCommand,
  handoverBackCommand,
  handoverImportCommand,
  handoverListCommand,
  handoverRevokeCommand,
  discloseCommand,
];
