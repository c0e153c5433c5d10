import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The design's folder rules are enforced by the linter; these tests prove the
 * rules bite, by linting small snippets as if they lived in each folder.
 */
const root = path.resolve(__dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function ruleIdsFor(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  // The renderer uses typescript-eslint's flavour of the rule (it can allow type-only imports): the same rule here.
  return (result?.messages ?? []).map((message) => (message.ruleId ?? 'fatal').replace('@typescript-eslint/no-restricted-imports', 'no-restricted-imports'));
}

describe('folder import rules', () => {
  it.each([
    ['src-main/vault/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src-main/api/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src-renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('refuses electron in %s', async (file, code) => {
    expect(await ruleIdsFor(code, file)).toContain('no-restricted-imports');
  });

  it('allows electron in src-main/app/', async () => {
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const a = app;\n", 'src-main/app/x.ts')).toEqual([]);
  });

  it('refuses src-main/ from the renderer', async () => {
    const code = "import { VaultSession } from '../src-main/vault/vaultSession';\nexport const a = VaultSession;\n";
    expect(await ruleIdsFor(code, 'src-renderer/x.ts')).toContain('no-restricted-imports');
  });

  it.each(['node:fs', 'fs', 'path', 'node:crypto'])('refuses the Node module %s in shared/', async (module) => {
    const code = `import * as m from '${module}';\nexport const a = m;\n`;
    expect(await ruleIdsFor(code, 'shared/api/x.ts')).toContain('no-restricted-imports');
  });

  it.each(['window', 'document', 'process', 'Buffer'])('refuses the global %s in shared/', async (global) => {
    expect(await ruleIdsFor(`export const a = ${global};\n`, 'shared/redaction/x.ts')).toContain('no-restricted-globals');
  });

  it('refuses imports from outside shared/ in shared/', async () => {
    const code = "import { VaultError } from '../../src-main/vault/errors';\nexport const a = VaultError;\n";
    expect(await ruleIdsFor(code, 'shared/api/x.ts')).toContain('no-restricted-imports');
  });

  it('allows shared/ to import zod and itself', async () => {
    const code = "import { z } from 'zod';\nimport { ok } from './errors';\nexport const a = [z, ok];\n";
    expect(await ruleIdsFor(code, 'shared/api/x.ts')).toEqual([]);
  });

  it('refuses Node modules in the renderer', async () => {
    expect(await ruleIdsFor("import fs from 'node:fs';\nexport const a = fs;\n", 'src-renderer/x.ts')).toContain('no-restricted-imports');
  });

  it.each(['shared/api/handoverSchemas', 'shared/api/schemas', 'shared/api/contract', 'shared/report/document'])(
    'refuses a value from %s (built on zod, which the renderer\'s CSP stops) in the renderer, and allows its types',
    async (module) => {
      expect(await ruleIdsFor(`import { Anything } from '../${module}';\nexport const a = Anything;\n`, 'src-renderer/x.ts')).toContain('no-restricted-imports');
      expect(await ruleIdsFor(`import type { Anything } from '../${module}';\nexport type A = Anything;\n`, 'src-renderer/x.ts')).toEqual([]);
    },
  );

  it.each([
    ['src-renderer/state/x.ts', "import { PackageVault } from '../screens/handover/PackageVault';\nexport const a = PackageVault;\n"],
    ['src-renderer/state/x.ts', "import type { PackageView } from '../screens/handover/PackageVault';\nexport type A = PackageView;\n"],
    ['src-renderer/lib/x.ts', "import { Sidebar } from '../components/Sidebar';\nexport const a = Sidebar;\n"],
  ])('refuses a screen or a component in %s (stores and helpers sit below the screens)', async (file, code) => {
    expect(await ruleIdsFor(code, file)).toContain('no-restricted-imports');
  });

  it('still refuses src-main/ and zod values in the renderer\'s state/, and allows screens to import state/', async () => {
    expect(await ruleIdsFor("import { VaultSession } from '../../src-main/vault/vaultSession';\nexport const a = VaultSession;\n", 'src-renderer/state/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { Anything } from '../../shared/api/schemas';\nexport const a = Anything;\n", 'src-renderer/state/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { usePackageStore } from '../state/packageStore';\nexport const a = usePackageStore;\n", 'src-renderer/screens/x.ts')).toEqual([]);
  });

  it('allows the renderer zod-free rules from shared/domain and shared/api/textRules', async () => {
    const code = "import { handoverDays } from '../shared/domain/handoverLength';\nimport { personLabelProblem } from '../shared/api/textRules';\nexport const a = [handoverDays, personLabelProblem];\n";
    expect(await ruleIdsFor(code, 'src-renderer/x.ts')).toEqual([]);
  });
});
