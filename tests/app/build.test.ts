import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app/csp';
import { ensureRendererBuilt } from '../e2e/buildRenderer';

// Builds the real app once (esbuild for main + preload, Vite for the renderer)
// and inspects what would be packaged.

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');

function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Vitest sets NODE_ENV=test; the renderer must be built as in production.
  delete env.NODE_ENV;
  return env;
}

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Bare module names required by a CommonJS bundle (relative paths and node: builtins left out). */
function requiredPackages(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const names = [...source.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? '');
  const builtins = new Set(builtinModules);
  return [...new Set(names.filter((name) => !name.startsWith('.') && !name.startsWith('node:') && !builtins.has(name)))].sort();
}

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-main.mjs')], { cwd: root, env: buildEnv(), stdio: 'pipe' });
  // The renderer is built once per run (shared with the end-to-end tests, under their lock), with the project's Vite config.
  await ensureRendererBuilt();
}, 180_000);

describe('build output', () => {
  it('produces the main bundle, the preload and the renderer', () => {
    expect(fs.statSync(path.join(dist, 'main/main.cjs')).isFile()).toBe(true);
    expect(fs.statSync(path.join(dist, 'preload/preload.cjs')).isFile()).toBe(true);
    expect(fs.statSync(path.join(dist, 'renderer/index.html')).isFile()).toBe(true);
    const assets = filesUnder(path.join(dist, 'renderer/assets')).map((file) => path.extname(file));
    expect(assets).toContain('.js');
    expect(assets).toContain('.css');
  });

  it('contains no source maps and no source map references', () => {
    const files = filesUnder(dist);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const file of files.filter((name) => /\.(c?js|css|html)$/.test(name))) {
      expect(fs.readFileSync(file, 'utf8'), file).not.toMatch(/sourceMappingURL=/);
    }
  });

  it('keeps native modules and electron outside the main bundle', () => {
    const external = requiredPackages(path.join(dist, 'main/main.cjs'));
    expect(external).toContain('electron');
    const allowed = /^(electron|better-sqlite3-multiple-ciphers|@node-rs\/argon2(-.+)?)$/;
    expect(external.filter((name) => !allowed.test(name))).toEqual([]);
  });

  it('gives the sandboxed preload nothing to require but electron', () => {
    expect(requiredPackages(path.join(dist, 'preload/preload.cjs'))).toEqual(['electron']);
    expect(fs.readFileSync(path.join(dist, 'preload/preload.cjs'), 'utf8')).not.toMatch(/require\("(node:|fs|path|child_process)/);
  });
});

describe('dist/renderer/index.html', () => {
  const read = () => fs.readFileSync(path.join(dist, 'renderer/index.html'), 'utf8');

  it('has no inline script: every <script> has a src and an empty body', () => {
    const html = read();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/modulepreload/i);
  });

  it('has no inline styles: no style attributes, no <style> elements', () => {
    const html = read();
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/<style\b/i);
  });

  it('carries the CSP in a meta tag (without frame-ancestors, which only works as a header)', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(read());
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('refers only to files that exist, relative to the page, never to the network', () => {
    const html = read();
    const references = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference).toMatch(/^\.\//);
      expect(fs.existsSync(path.join(dist, 'renderer', reference))).toBe(true);
    }
  });
});
