import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * A rule left open (a lost "}") does not fail the build: the browser quietly
 * drops every rule after it, and whole screens lose their layout. Every block
 * of the stylesheet is closed, outside comments and strings.
 */
const STYLES = path.resolve(import.meta.dirname, '../../src-renderer/styles.css');

function unclosedBlockLine(css: string): number | null {
  const open: number[] = [];
  let line = 1;
  for (let index = 0; index < css.length; index += 1) {
    const char = css[index];
    if (char === '\n') line += 1;
    else if (char === '/' && css[index + 1] === '*') {
      const end = css.indexOf('*/', index + 2);
      const skipped = css.slice(index, end < 0 ? css.length : end + 2);
      line += skipped.split('\n').length - 1;
      index += skipped.length - 1;
    } else if (char === '"' || char === "'") {
      const end = css.indexOf(char, index + 1);
      index = end < 0 ? css.length : end;
    } else if (char === '{') open.push(line);
    else if (char === '}') {
      if (open.length === 0) return line;
      open.pop();
    }
  }
  return open.at(-1) ?? null;
}

describe('the stylesheet', () => {
  it('closes every block it opens', () => {
    expect(unclosedBlockLine(fs.readFileSync(STYLES, 'utf8'))).toBeNull();
  });

  it('the check finds a block left open', () => {
    expect(unclosedBlockLine('.a {\n  color: red;\n\n.b {\n  color: blue;\n}\n')).toBe(1);
  });
});
