import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { initCommand } from './init';
import { noteAddCommand, noteListCommand, noteSearchCommand } from './note';
import { passphraseChangeCommand } from './passphrase';
import { serviceAddCommand } from './service';
import { studentAddCommand, studentListCommand } from './student';

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
];
