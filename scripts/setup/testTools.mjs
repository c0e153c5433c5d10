// What the tests need besides the packages: Chromium (end-to-end tests, screenshots,
// accessibility) and OpenSSL 3 (signatures checked independently of the app's code).
// On Debian run as root, missing ones are installed with apt-get; elsewhere one line says what to install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromiumInstallHint, findChromium, linuxDistribution } from './chromium.mjs';

/** Whether `openssl version` names OpenSSL 3 or newer (pkeyutl -rawin, used to check Ed25519 signatures). */
export function isOpenssl3(versionLine) {
  const match = /^OpenSSL (\d+)\./.exec(versionLine.trim());
  return match != null && Number(match[1]) >= 3;
}

function opensslVersion() {
  const result = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout : null;
}

/** What is missing: Debian package names for apt-get, and one line per tool for a person. */
export function missingTools({ chromium = findChromium(), openssl = opensslVersion(), platform = process.platform, linuxId = linuxDistribution() } = {}) {
  const packages = [];
  const lines = [];
  if (chromium.path == null) {
    packages.push('chromium');
    lines.push(`The tests need Chromium (looked at ${chromium.tried.join(', ')}). ${chromiumInstallHint(platform, linuxId)}`);
  }
  if (openssl == null || !isOpenssl3(openssl)) {
    packages.push('openssl');
    const found = openssl == null ? 'none found' : `found ${openssl.trim()}`;
    const how = platform === 'darwin' ? 'brew install openssl@3' : platform === 'win32' ? 'winget install ShiningLight.OpenSSL' : 'sudo apt-get install openssl';
    lines.push(`The tests need OpenSSL 3 or newer on the PATH (${found}): ${how}.`);
  }
  return { packages, lines };
}

/** Finds Chromium and OpenSSL, installing them with apt-get on Debian as root; exits with one line per missing tool otherwise. */
export function ensureTestTools() {
  let missing = missingTools();
  if (missing.packages.length === 0) return;
  const canApt = process.platform === 'linux' && linuxDistribution() === 'debian' && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (canApt) {
    console.error(`Installing ${missing.packages.join(' and ')} with apt-get, for the tests.`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    if (update.status === 0) {
      spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing.packages], { stdio: 'inherit', env });
    }
    missing = missingTools();
    if (missing.packages.length === 0) return;
  }
  for (const line of missing.lines) console.error(line);
  process.exit(1);
}
