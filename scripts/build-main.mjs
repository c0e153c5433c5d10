// Bundles the Electron main process and the preload with esbuild:
//   src-main/app/main.ts    -> dist/main/main.cjs       (Node 22, native modules external)
//   src-main/app/preload.ts -> dist/preload/preload.cjs (sandboxed preload: only 'electron' external)
// No source maps: the packaged app ships only what runs.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// SOLE_NOTES_BUILD_DIST builds elsewhere (the packaging and audit tests do, so as not to race other tests over dist/).
const dist = process.env.SOLE_NOTES_BUILD_DIST ? path.resolve(process.env.SOLE_NOTES_BUILD_DIST) : path.join(root, 'dist');

/** Loaded at run time from node_modules (native code, or 'electron' itself). */
const MAIN_EXTERNALS = [
  'electron',
  'better-sqlite3-multiple-ciphers',
  '@node-rs/argon2',
  // @node-rs/argon2 loads its prebuilt binary from a per-platform package.
  '@node-rs/argon2-*',
];

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

await fs.rm(path.join(dist, 'main'), { recursive: true, force: true });
await fs.rm(path.join(dist, 'preload'), { recursive: true, force: true });

await Promise.all([
  build({
    ...common,
    entryPoints: [path.join(root, 'src-main/app/main.ts')],
    outfile: path.join(dist, 'main/main.cjs'),
    platform: 'node',
    target: 'node22',
    external: MAIN_EXTERNALS,
    // import.meta.url in a CommonJS bundle: the bundle's own file (src-main/vault/integrityCheck.ts resolves modules from it).
    define: { 'import.meta.url': '__bundleFileUrl' },
    banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({
    ...common,
    entryPoints: [path.join(root, 'src-main/app/preload.ts')],
    outfile: path.join(dist, 'preload/preload.cjs'),
    // A sandboxed preload has no Node: any Node import must fail the build, not the app.
    platform: 'browser',
    target: 'es2023',
    external: ['electron'],
  }),
]);
