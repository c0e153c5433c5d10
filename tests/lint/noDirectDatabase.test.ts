import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Outside src-main/vault/, nothing reads or writes the vault's database
 * directly (`data.db`): every query is a repository method under
 * vault/repos/. The linter cannot tell a `.db` on a VaultData from any other
 * cheaply, so this test reads the source text instead.
 */
const root = path.resolve(__dirname, '../..');
const sourceRoot = path.join(root, 'src-main');


const DIRECT_USE = /\.db\b/;

/** The 1-based numbers of the lines of `text` that use a `.db` member. */
function directUses(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (DIRECT_USE.test(line) ? [index + 1] : []));
}

function sourceFilesOutsideVault(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(sourceRoot, 'vault') ? [] : sourceFilesOutsideVault(full);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [full] : [];
  });
}

function filesUsingTheDatabase(): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const file of sourceFilesOutsideVault(sourceRoot)) {
    const lines = directUses(fs.readFileSync(file, 'utf8'));
    if (lines.length > 0) found.set(path.relative(root, file).split(path.sep).join('/'), lines);
  }
  return found;
}

describe('the vault database outside src-main/vault/', () => {
  it('finds a direct use wherever a line reaches for `.db`', () => {
    expect(directUses("const rows = data.db.prepare('SELECT 1').all();")).toEqual([1]);
    expect(directUses('const a = 1;\nsession.data.db\n  .prepare(sql);')).toEqual([2]);
    expect(directUses('return writeTransaction(data.db, () => 1);')).toEqual([1]);
    expect(directUses('data.dbName; data.dbx; data.pdGoals.list();')).toEqual([]);
  });

  it('is used directly by no file', () => {
    expect([...filesUsingTheDatabase()], 'move these queries into a repository under src-main/vault/repos/').toEqual([]);
  });
});
