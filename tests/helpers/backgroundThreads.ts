import { afterAll } from 'vitest';
import { integrityChecksEnded } from '../../src-main/vault/integrityCheck';

// Each test file's process waits for the vault's background checks to end
// before it exits, as the app and the command line do (see integrityCheck.ts).
afterAll(async () => {
  await integrityChecksEnded();
});
