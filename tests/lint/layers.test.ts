import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layers inside src-main/ (.eslint-plugin-local/layers.mjs): each folder
 * imports only the folders below it, and only vault/ talks to SQLite. These
 * tests lint small snippets as if they lived in each folder and expect the
 * rule to bite, or to stay quiet where the import is allowed.
 */
const root = path.resolve(__dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function layerMessages(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'local/layers' || message.ruleId === null).map((message) => message.message);
}

const importOf = (specifier: string): string => `import { thing } from '${specifier}';\nexport const a = thing;\n`;

describe('layers inside src-main/', () => {
  it.each([
    ['src-main/common/x.ts', '../vault/errors', 'common'],
    ['src-main/common/x.ts', '../report/monthReport', 'common'],
    ['src-main/vault/x.ts', '../report/monthReport', 'vault'],
    ['src-main/vault/x.ts', '../handover/container', 'vault'],
    ['src-main/vault/x.ts', '../files/outputPath', 'vault'],
    ['src-main/vault/repos/x.ts', '../../api/router', 'vault'],
    ['src-main/files/x.ts', '../report/monthReport', 'files'],
    ['src-main/report/x.ts', '../handover/container', 'report'],
    ['src-main/report/x.ts', '../growth/ceuProgress', 'report'],
    ['src-main/report/x.ts', '../api/router', 'report'],
    ['src-main/handover/x.ts', '../report/monthReport', 'handover'],
    ['src-main/handover/x.ts', '../cli/run', 'handover'],
    ['src-main/growth/x.ts', '../api/router', 'growth'],
    ['src-main/api/handlers/x.ts', '../../cli/run', 'api'],
    ['src-main/api/x.ts', '../app/ipc', 'api'],
    ['src-main/cli/commands/x.ts', '../../api/router', 'cli'],
  ])('refuses %s importing %s', async (file, specifier, from) => {
    const messages = await layerMessages(importOf(specifier), file);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`src-main/${from}/ may not import`);
  });

  it('bites on type-only imports, re-exports and dynamic imports too', async () => {
    const file = 'src-main/vault/x.ts';
    expect(await layerMessages("import type { Thing } from '../report/monthReport';\nexport type A = Thing;\n", file)).toHaveLength(1);
    expect(await layerMessages("export { thing } from '../report/monthReport';\n", file)).toHaveLength(1);
    expect(await layerMessages("export * from '../report/monthReport';\n", file)).toHaveLength(1);
    expect(await layerMessages("export const a = import('../report/monthReport');\n", file)).toHaveLength(1);
  });

  it.each([
    ['src-main/common/x.ts', '../../shared/api/errors'],
    ['src-main/vault/x.ts', '../common/calendar'],
    ['src-main/vault/keys/x.ts', '../../../shared/api/errors'],
    ['src-main/files/x.ts', '../vault/errors'],
    ['src-main/report/x.ts', '../vault/vaultData'],
    ['src-main/report/x.ts', '../vault/vaultReader'],
    ['src-main/growth/x.ts', '../vault/repos/supervision'],
    ['src-main/report/x.ts', '../files/outputPath'],
    ['src-main/handover/x.ts', '../common/signing'],
    ['src-main/handover/x.ts', '../vault/repos/notes'],
    ['src-main/growth/x.ts', '../report/ceu'],
    ['src-main/growth/x.ts', '../handover/files'],
    ['src-main/api/handlers/x.ts', '../../growth/pdGoals'],
    ['src-main/cli/commands/x.ts', '../../handover/createPackage'],
    ['src-main/app/x.ts', '../api/router'],
    ['src-main/app/x.ts', '../vault/vaultSession'],
  ])('allows %s to import %s', async (file, specifier) => {
    expect(await layerMessages(importOf(specifier), file)).toEqual([]);
  });

  it('refuses a folder that has no place in the layers yet', async () => {
    const messages = await layerMessages(importOf('../vault/errors'), 'src-main/newFolder/x.ts');
    expect(messages).toEqual([expect.stringContaining('has no place in the layers')]);
  });

  it('keeps its one listed exception to the layers and no other', async () => {
    expect(await layerMessages(importOf('../handover/container'), 'src-main/files/outputPath.ts')).toEqual([]);
    expect(await layerMessages(importOf('../handover/container'), 'src-main/files/other.ts')).toHaveLength(1);
  });
});

describe('only vault/ talks to SQLite', () => {
  it.each(['src-main/report/x.ts', 'src-main/handover/x.ts', 'src-main/api/x.ts', 'src-main/cli/x.ts', 'src-main/app/x.ts', 'src-main/common/x.ts'])(
    'refuses the SQLite driver in %s',
    async (file) => {
      const messages = await layerMessages("import Database from 'better-sqlite3-multiple-ciphers';\nexport const a = Database;\n", file);
      expect(messages).toEqual([expect.stringContaining('Only src-main/vault/ talks to SQLite')]);
    },
  );

  it.each([
    ['src-main/report/x.ts', '../vault/connection'],
    ['src-main/handover/x.ts', '../vault/connection'],
    ['src-main/growth/x.ts', '../vault/connection'],
    ['src-main/api/handlers/x.ts', '../../vault/connection'],
    ['src-main/cli/x.ts', '../vault/connection'],
  ])('refuses %s importing %s, even for a type', async (file, specifier) => {
    const messages = await layerMessages(`import type { VaultDatabase } from '${specifier}';\nexport type A = VaultDatabase;\n`, file);
    expect(messages).toEqual([expect.stringContaining('Only src-main/vault/ talks to SQLite')]);
  });

  it('allows the driver and the connection inside vault/', async () => {
    expect(await layerMessages("import Database from 'better-sqlite3-multiple-ciphers';\nexport const a = Database;\n", 'src-main/vault/repos/x.ts')).toEqual([]);
    expect(await layerMessages(importOf('../connection'), 'src-main/vault/repos/x.ts')).toEqual([]);
  });

  it.each([
    'src-main/report/metrics.ts',
    'src-main/report/ceu.ts',
    'src-main/growth/ceuProgress.ts',
    'src-main/growth/evidence.ts',
    'src-main/growth/supervisionLog.ts',
    ...['createPackage', 'handback', 'keyWrap', 'packageVault', 'mergeHandback'].map((file) => `src-main/handover/${file}.ts`),
  ])('refuses the connection in %s, whose queries now live in vault/', async (file) => {
    const messages = await layerMessages(`import type { VaultDatabase } from '../vault/connection';\nexport type A = VaultDatabase;\n`, file);
    expect(messages).toEqual([expect.stringContaining('Only src-main/vault/ talks to SQLite')]);
  });
});

describe('electron stays in src-main/app/', () => {
  it.each(['src-main/common/x.ts', 'src-main/report/x.ts', 'src-main/handover/x.ts', 'src-main/growth/x.ts', 'src-main/files/x.ts', 'src-main/cli/x.ts'])('refuses electron in %s', async (file) => {
    const [result] = await eslint.lintText("import { app } from 'electron';\nexport const a = app;\n", { filePath: path.join(root, file) });
    expect(result?.messages.map((message) => message.ruleId)).toContain('no-restricted-imports');
  });
});
