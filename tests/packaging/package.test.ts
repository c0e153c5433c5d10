import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import asar from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../e2e/buildRenderer';
import { makeTempDir, removeDir } from '../helpers/tempVault';

/*
 * electron-builder packs the unpacked app (`--dir`) with the project's own
 * electron-builder.yml, and the result is opened and checked.
 *
 * The real Electron binary cannot be downloaded here, so `electronDist`
 * points at a stand-in: a folder holding an `electron` shell script, which
 * electron-builder copies and renames to `sole-notes` (it needs nothing else:
 * no default_app.asar, no locales, no libraries). The fuses in the config are
 * flipped by @electron/fuses, which looks for a sentinel string in the binary;
 * the stand-in carries that sentinel and a fuse wire with Electron's defaults,
 * so the fuses are applied and checked too instead of being switched off.
 *
 * The app is staged in a temporary project — package.json, the lockfile, the
 * icon, the built dist/ and exactly the production node_modules listed in the
 * lockfile (copied, not linked: electron-builder's dependency walk loses
 * optional platform packages behind a linked node_modules) — so that neither
 * the build nor the checks race other tests over dist/.
 *
 * On a real machine, `npm run dist` builds the renderer and main process and
 * runs electron-builder for the platform it is on (AppImage and deb on Linux,
 * NSIS on Windows, dmg on macOS) with the real Electron, downloaded once.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const ELECTRON_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, in @electron/fuses' V1 order: RunAsNode … GrantFileProtocolExtraPrivileges ('1' on, '0' off). */
const DEFAULT_FUSE_WIRE = '10110001';
const supported = process.platform === 'linux' && process.arch === 'x64';
if (!supported) console.warn(`packaging test skipped: it packs for linux-x64 and checks this machine's native modules (${process.platform}-${process.arch})`);

let work: string;
let appOut: string;
let archive: string;
let unpacked: string;
let entries: string[];
let buildSeconds: number;

/** Production packages from the lockfile (not dev, present on disk): what `npm ci --omit=dev` would install here. */
function productionPackages(): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev && !entry.devOptional && fs.existsSync(path.join(ROOT, key)))
    .map(([key]) => key);
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** An ELF x86-64 shared object that registers itself through Node-API only (no ABI-specific node_register_module). */
function expectNodeApiLinuxX64(file: string): void {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 4).toString('latin1'), file).toBe('\x7fELF');
  expect(bytes[4], `${file}: 64-bit`).toBe(2);
  expect(bytes.readUInt16LE(18), `${file}: x86-64`).toBe(62);
  expect(bytes.includes('napi_register_module_v1'), `${file}: exports napi_register_module_v1`).toBe(true);
  expect(bytes.includes('node_register_module_v'), `${file}: no Node-ABI-specific entry point`).toBe(false);
}

beforeAll(async () => {
  if (!supported) return;
  const started = Date.now();
  work = makeTempDir('sole-notes-packaging-');
  const stage = path.join(work, 'stage');
  fs.mkdirSync(stage);
  for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(ROOT, file), path.join(stage, file));
  fs.cpSync(path.join(ROOT, 'assets'), path.join(stage, 'assets'), { recursive: true });

  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-main.mjs')], {
    cwd: ROOT,
    env: { ...process.env, SOLE_NOTES_BUILD_DIST: path.join(stage, 'dist'), NODE_ENV: 'production' },
    stdio: 'pipe',
  });
  await ensureRendererBuilt();
  fs.cpSync(path.join(ROOT, 'dist/renderer'), path.join(stage, 'dist/renderer'), { recursive: true });
  for (const key of productionPackages()) fs.cpSync(path.join(ROOT, key), path.join(stage, key), { recursive: true });

  const electronDist = path.join(work, 'electron-dist');
  fs.mkdirSync(electronDist);
  fs.writeFileSync(
    path.join(electronDist, 'electron'),
    Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary"\nexit 0\n# '), Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from(DEFAULT_FUSE_WIRE), Buffer.from('\n')]),
    { mode: 0o755 },
  );

  const output = path.join(work, 'release');
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/electron-builder/cli.js'),
      '--linux',
      '--x64',
      '--dir',
      '--projectDir',
      stage,
      '--config',
      path.join(ROOT, 'electron-builder.yml'),
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${ELECTRON_VERSION}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: stage, encoding: 'utf8', timeout: 150_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  );
  if (result.status !== 0) throw new Error(`electron-builder failed (${result.status}):\n${result.stdout}\n${result.stderr}`);

  appOut = path.join(output, 'linux-unpacked');
  archive = path.join(appOut, 'resources/app.asar');
  unpacked = path.join(appOut, 'resources/app.asar.unpacked');
  entries = asar.listPackage(archive, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
  buildSeconds = (Date.now() - started) / 1000;
}, 180_000);

afterAll(() => {
  if (work) removeDir(work);
});

describe.skipIf(!supported)('the packaged app (electron-builder --dir, stand-in Electron)', () => {
  it('is the renamed stand-in executable beside resources/app.asar, with the fuses flipped as configured', async () => {
    console.log(`packaging: staged and packed in ${buildSeconds.toFixed(1)} s; app.asar ${(fs.statSync(archive).size / 1e6).toFixed(1)} MB`);
    expect(fs.readdirSync(appOut).sort()).toEqual(['resources', 'sole-notes']);
    expect(fs.statSync(path.join(appOut, 'sole-notes')).mode & 0o111).not.toBe(0);
    expect(fs.existsSync(path.join(appOut, 'resources/default_app.asar'))).toBe(false);

    const wire = await getCurrentFuseWire(path.join(appOut, 'sole-notes'));
    const [off, on] = [48, 49];
    expect(wire).toMatchObject({
      version: '1',
      0: off, // RunAsNode
      1: on, // EnableCookieEncryption
      2: off, // EnableNodeOptionsEnvironmentVariable
      3: off, // EnableNodeCliInspectArguments
      4: on, // EnableEmbeddedAsarIntegrityValidation
      5: on, // OnlyLoadAppFromAsar
      7: off, // GrantFileProtocolExtraPrivileges
    });
  });

  it('holds the built main process, preload and renderer, and package.json points at the main bundle', () => {
    for (const file of ['/dist/main/main.cjs', '/dist/preload/preload.cjs', '/dist/renderer/index.html', '/package.json']) expect(entries).toContain(file);
    expect(entries.some((entry) => /^\/dist\/renderer\/assets\/[^/]+\.js$/.test(entry))).toBe(true);
    expect(entries.some((entry) => /^\/dist\/renderer\/assets\/[^/]+\.css$/.test(entry))).toBe(true);
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    expect(manifest.main).toBe('dist/main/main.cjs');
    expect(asar.extractFile(archive, 'dist/main/main.cjs').equals(fs.readFileSync(path.join(work, 'stage/dist/main/main.cjs')))).toBe(true);
  });

  it('holds no tests, sources, source maps, .env files or keys', () => {
    const everything = [
      ...entries,
      ...fs
        .readdirSync(unpacked, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `/${path.relative(unpacked, path.join(entry.parentPath, entry.name)).replaceAll('\\', '/')}`),
    ];
    const forbidden: [string, RegExp][] = [
      ['tests', /(^|\/)(tests?|__tests__|spec|fixtures)(\/|$)|\.(test|spec)\.[cm]?[jt]sx?$/i],
      ['TypeScript sources', /\.(ts|tsx|mts|cts)$/],
      ['source folders', /^\/(src-main|src-renderer|shared|scripts|bench|\.ci)(\/|$)/],
      ['source maps', /\.map$/],
      ['.env files', /(^|\/)\.env(\.|$)/],
      ['keys and certificates', /\.(pem|key|p12|pfx|crt|cer|der)$|vault\.keys\.json$|(^|\/)id_(rsa|ed25519)/i],
      ['C/C++ sources', /\.(c|cc|cpp|h|hpp|gyp|gypi)$/],
      ['vaults and databases', /\.(db|sqlite3?)(-wal|-shm)?$/],
    ];
    const found = forbidden.flatMap(([what, pattern]) => everything.filter((entry) => pattern.test(entry)).map((entry) => `${what}: ${entry}`));
    expect(found).toEqual([]);
    for (const file of ['/dist/main/main.cjs', '/dist/preload/preload.cjs']) {
      expect(asar.extractFile(archive, file.slice(1)).toString('utf8')).not.toMatch(/sourceMappingURL=/);
    }
  });

  it('carries the native modules unpacked, as the Node-API builds for linux-x64 and nothing else', () => {
    const natives = fs
      .readdirSync(unpacked, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.node'))
      .map((entry) => path.relative(unpacked, path.join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
      .sort();
    expect(natives).toEqual([
      'node_modules/@node-rs/argon2-linux-x64-gnu/argon2.linux-x64-gnu.node',
      'node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node',
    ]);
    for (const native of natives) {
      expectNodeApiLinuxX64(path.join(unpacked, native));
      expect(asar.statFile(archive, native)).toMatchObject({ unpacked: true }); // the archive sends the loader to the unpacked copy
    }
    // The very prebuild the package ships for linux-x64 (the one its loader picks), not something rebuilt.
    expect(sha256(path.join(unpacked, natives[1] ?? ''))).toBe(sha256(path.join(ROOT, 'node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node')));
    for (const loader of ['node_modules/better-sqlite3-multiple-ciphers/lib/binding.js', 'node_modules/@node-rs/argon2/index.js']) expect(entries).toContain(`/${loader}`);
    expect(entries.filter((entry) => entry.startsWith('/node_modules/node-addon-api'))).toEqual([]);
  });

  it('runs: the packaged modules, taken out of the archive, open an encrypted database and derive a key', () => {
    const extracted = path.join(work, 'extracted');
    asar.extractAll(archive, extracted); // the unpacked .node files come along
    const script = `
      const path = require('node:path');
      const base = process.argv[1];
      const resolve = (name) => require.resolve(name, { paths: [path.join(base, 'dist/main')] });
      const Database = require(resolve('better-sqlite3-multiple-ciphers'));
      const { hashRawSync } = require(resolve('@node-rs/argon2'));
      const key = hashRawSync('a passphrase', { salt: Buffer.alloc(16, 7), memoryCost: 8192, timeCost: 1, parallelism: 1, outputLen: 32 });
      const db = new Database(path.join(base, 'check.db'));
      db.pragma("cipher = 'sqlcipher'"); db.pragma('legacy = 4'); db.pragma(\`key = "x'\${key.toString('hex')}'"\`);
      db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('packaged')");
      console.log(JSON.stringify({ value: db.prepare('SELECT x FROM t').pluck().get(), cipher: db.pragma('cipher', { simple: true }), from: resolve('better-sqlite3-multiple-ciphers') }));
      db.close();`;
    const result = spawnSync(process.execPath, ['-e', script, extracted], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const answer = JSON.parse(result.stdout) as { value: string; cipher: string; from: string };
    expect(answer).toMatchObject({ value: 'packaged', cipher: 'sqlcipher' });
    expect(answer.from.startsWith(extracted)).toBe(true);
    expect(fs.readFileSync(path.join(extracted, 'check.db')).includes('packaged')).toBe(false);
  });
});
