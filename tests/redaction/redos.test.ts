import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as patterns from '../../shared/redaction/patterns';
import { ALL_PATTERNS } from '../../shared/redaction';

/**
 * Every regular expression of the redaction check is in ALL_PATTERNS
 * (shared/redaction/patterns.ts), and each one is proven free of catastrophic
 * backtracking by recheck. A regex written anywhere else in
 * shared/redaction/ fails the test, so none escapes the check.
 */
const root = path.resolve(__dirname, '../../shared/redaction');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function regexesIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(node.getText(source));
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') found.push(node.getText(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('regular expressions of the redaction check', () => {
  it('are written only in patterns.ts', () => {
    const elsewhere = sourceFiles(root)
      .filter((file) => path.basename(file) !== 'patterns.ts')
      .flatMap((file) => regexesIn(file).map((regex) => `${path.relative(root, file)}: ${regex}`));
    expect(elsewhere).toEqual([]);
  });

  it('are all listed in ALL_PATTERNS', () => {
    const exported = Object.values(patterns).filter((value): value is RegExp => value instanceof RegExp);
    expect(exported.length).toBeGreaterThan(0);
    for (const regex of exported) expect(ALL_PATTERNS).toContain(regex);
    expect(regexesIn(path.join(root, 'patterns.ts'))).toHaveLength(ALL_PATTERNS.length);
  });

  it.each(ALL_PATTERNS.map((regex) => [regex.toString(), regex] as const))('%s is safe (recheck)', (_name, regex) => {
    const result = checkSync(regex.source, regex.flags, { timeout: 5_000 });
    expect(result.status).toBe('safe');
  });
});
