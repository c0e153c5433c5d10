import { ensureRendererBuilt, RENDERER_READY_ENV } from './buildRenderer';

/**
 * Vitest global setup (register it in vitest.config.ts as
 * `globalSetup: ['tests/e2e/globalSetup.ts']`): builds the renderer once,
 * before any test file starts, so parallel end-to-end files never build it
 * themselves. Without it, the harness builds on demand under a lock.
 */
export default async function setup(): Promise<void> {
  await ensureRendererBuilt({ log: (line) => process.stderr.write(`${line}\n`) });
  // Inherited by the test processes, which then serve dist/renderer as it is.
  process.env[RENDERER_READY_ENV] = '1';
}
