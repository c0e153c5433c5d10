import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { obtainPassphrase } from '../passphrasePrompt';
import { UsageError } from '../usageError';
import { PASSPHRASE_ENV, vaultFolder } from '../vaultAccess';

export const initCommand: CliCommand = {
  words: ['init'],
  summary: 'Create a new encrypted vault',
  usage: 'init --vault DIR',
  help: [
    'Creates an encrypted vault in DIR and prints its recovery key once.',
    `The passphrase is read from ${PASSPHRASE_ENV}, else asked for without echo.`,
    'Write the recovery key down and keep it apart from the laptop: it is the only',
    'way back in if the passphrase is forgotten.',
  ].join('\n'),
  options: { vault: { type: 'string' } },
  async run({ values, io, createSession }) {
    const folder = vaultFolder(io, values.vault);
    const session = createSession(folder);
    const passphrase = await obtainPassphrase(io, PASSPHRASE_ENV, 'Choose a passphrase: ');
    if (io.env[PASSPHRASE_ENV] === undefined && io.stdin.isTTY) {
      const again = await obtainPassphrase(io, PASSPHRASE_ENV, 'Type it again: ');
      if (again !== passphrase) throw new UsageError('The two passphrases differ; nothing was created.');
    }
    const { recoveryKey } = await session.create(passphrase);
    session.lock('user');
    writeLine(io.stderr, `Vault created in ${folder}.`);
    writeLine(io.stderr, 'Recovery key — write it down now; it is shown only this once:');
    writeLine(io.stdout, recoveryKey);
  },
};
