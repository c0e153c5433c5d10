import { processIo } from '../../src-main/cli/io';
import { runCli } from '../../src-main/cli/run';
import { integrityChecksEnded } from '../../src-main/vault/integrityCheck';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { TEST_KDF } from '../helpers/tempVault';

/*
 * The command line as a child process for the crash tests (bundled by
 * childBundle.ts): the real CLI, with the test KDF so that each of the many
 * runs unlocks in milliseconds rather than the calibrated second.
 */
runCli(process.argv.slice(2), processIo(), (folder) => new VaultSession(folder, { kdf: TEST_KDF })).then(
  async (code) => {
    process.exitCode = code;
    await integrityChecksEnded();
  },
  (error: unknown) => {
    process.stderr.write(`unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
