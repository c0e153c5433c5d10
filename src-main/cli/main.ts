import { integrityChecksEnded } from '../vault/integrityCheck';
import { processIo } from './io';
import { runCli } from './run';

runCli(process.argv.slice(2), processIo()).then(
  async (code) => {
    process.exitCode = code;
    // A background check started at unlock ends on its own; the process waits for it rather than cut it off inside SQLite.
    await integrityChecksEnded();
  },
  (error: unknown) => {
    process.stderr.write(`sole-notes: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
