import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { obtainPassphrase } from '../passphrasePrompt';
import { NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, openSession, vaultFolder } from '../vaultAccess';

export const passphraseChangeCommand: CliCommand = {
  words: ['passphrase', 'change'],
  summary: 'Change the vault passphrase',
  usage: 'passphrase change --vault DIR',
  help: `Reads the current passphrase from ${PASSPHRASE_ENV} and the new one from ${NEW_PASSPHRASE_ENV}\n(else asks for both without echo). The notes are not re-encrypted; the recovery key stays valid.`,
  options: { vault: { type: 'string' } },
  async run(context) {
    const { values, io } = context;
    const session = openSession(context, vaultFolder(io, values.vault));
    const current = await obtainPassphrase(io, PASSPHRASE_ENV, 'Current passphrase: ');
    const next = await obtainPassphrase(io, NEW_PASSPHRASE_ENV, 'New passphrase: ');
    try {
      await session.changePassphrase(current, next);
    } finally {
      session.lock('user');
    }
    writeLine(io.stderr, 'Passphrase changed.');
  },
};
