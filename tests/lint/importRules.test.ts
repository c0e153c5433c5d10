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
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'fatal');
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
});
