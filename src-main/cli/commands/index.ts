import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { districtSummaryCommand } from './districtSummary';
import { initCommand } from './init';
import { noteAddCommand, noteListCommand, noteSearchCommand } from './note';
import { passphraseChangeCommand } from './passphrase';
import { reportCommand } from './report';
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
  serviceAddCommand,
  passphraseChangeCommand,
  checkCommand,
  reportCommand,
  verifyCommand,
  districtSummaryCommand,
];
